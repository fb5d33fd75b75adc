"""Benchmark: 文稿体检 on a 100,000-character draft built from corpus-extra.

Prints the time of the corpus norm (first use: cleaning and segmenting the bundled corpus, jieba
load included) and of ``build_report`` once the norm is cached (best of five).
Target: the report well under 2 s after the norm is cached.
Run: .venv/bin/python bench/health_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.checker.engine import Checker  # noqa: E402
from assistant.core.health import build_report, corpus_norm  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402

SIZE = 100_000


def draft() -> list[str]:
    paragraphs, total = [], 0
    for path in sorted(resource_path("corpus", "extra").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and total < SIZE:
                paragraphs.append(line)
                total += len(line)
    return paragraphs


def main() -> None:
    start = time.perf_counter()
    corpus_norm()
    print(f"corpus norm (first use): {time.perf_counter() - start:.2f} s")
    paragraphs = draft()
    findings = Checker().check(paragraphs)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        report = build_report(paragraphs, findings)
        best = min(best, time.perf_counter() - start)
    print(f"build_report, {report.characters:,} characters, {len(findings)} findings: {best:.2f} s (best of five)")


if __name__ == "__main__":
    main()
