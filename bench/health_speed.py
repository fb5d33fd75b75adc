"""Benchmark: 文稿体检 as the user meets it — the first one after the app has started.

The app loads jieba and its part-of-speech table once its window shows (gui.main_window.load_core); this script
does the same, then times the first ``build_report`` on a 4,000-character draft (the corpus
figures it compares with included) and, once warm, on 4,000 and 100,000 characters (best of five).
Target: the first report of a 4,000-character draft within 1 s.
Run: .venv/bin/python bench/health_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.checker.engine import Checker  # noqa: E402
from assistant.core.health import build_report  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402
from assistant.core.text.segmenter import pos_table, tokenizer  # noqa: E402

SIZES = (4_000, 100_000)


def draft(size: int) -> list[str]:
    paragraphs, total = [], 0
    for path in sorted(resource_path("corpus", "extra").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and total < size:
                paragraphs.append(line[:size - total])
                total += len(paragraphs[-1])
    return paragraphs


def main() -> None:
    tokenizer()
    pos_table()  # what load_core does before the first check
    drafts = {size: draft(size) for size in SIZES}
    findings = {size: Checker().check(texts) for size, texts in drafts.items()}
    start = time.perf_counter()
    report = build_report(drafts[SIZES[0]], findings[SIZES[0]])
    print(f"first 体检 after start, {report.characters:,} characters: {time.perf_counter() - start:.2f} s")
    for size in SIZES:
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            report = build_report(drafts[size], findings[size])
            best = min(best, time.perf_counter() - start)
        print(f"build_report, {report.characters:,} characters, {len(findings[size])} findings: {best:.2f} s (best of five)")


if __name__ == "__main__":
    main()
