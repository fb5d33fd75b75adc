"""Benchmark: our document conversion against bare OpenCC over the same text (issue 5).

Builds a 1 MB .txt and a ~300-page multi-run .docx from the corpus texts (in a temp folder),
converts each with s2t, and prints seconds and the ratio to ``OpenCC.convert`` on the same text.
Target: ratio ≤ 1.5 on the 1 MB text. Run: .venv/bin/python bench/convert_speed.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.conversion import Converter, opencc_for  # noqa: E402
from assistant.core.document import open_document  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402

CORPUS = [resource_path("corpus"), Path(__file__).resolve().parents[2] / "shared" / "corpus"]
REPEATS = 5


def corpus_lines() -> list[str]:
    folder = next((f for f in CORPUS if f.is_dir()), None)
    if folder is None:
        sys.exit("corpus not found (resources/corpus or ../shared/corpus)")
    lines = []
    for path in sorted(folder.glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def best_of(action, prepare=lambda: None) -> float:
    """Best wall time of ``action(prepare())`` over REPEATS runs; ``prepare`` is not timed."""
    timings = []
    for _ in range(REPEATS):
        prepared = prepare()
        start = time.perf_counter()
        action(prepared)
        timings.append(time.perf_counter() - start)
    return min(timings)


def bench_text(folder: Path, lines: list[str]) -> None:
    paragraphs, size = [], 0
    while size < 1024 * 1024:
        for line in lines:
            paragraphs.append(line)
            size += len(line.encode("utf-8")) + 1
    path = folder / "one-megabyte.txt"
    path.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    bare = best_of(lambda _: opencc_for("s2t").convert(text))
    ours = best_of(lambda document: document.convert(Converter("s2t")), lambda: open_document(path))
    report(f"1 MB text ({path.stat().st_size / 1024 / 1024:.2f} MB, {len(paragraphs)} paragraphs)", bare, ours)


def bench_docx(folder: Path, lines: list[str]) -> None:
    built = docx.Document()
    characters = 0
    while characters < 300 * 22 * 28:  # 300 pages of the 公文 grid
        for line in lines:
            paragraph = built.add_paragraph()
            third = max(1, len(line) // 3)
            paragraph.add_run(line[:third])
            paragraph.add_run(line[third:2 * third]).bold = True
            paragraph.add_run(line[2 * third:]).italic = True
            characters += len(line)
    path = folder / "three-hundred-pages.docx"
    built.save(path)
    text = "\n".join(p.text for p in open_document(path).paragraphs)
    bare = best_of(lambda _: opencc_for("s2t").convert(text))
    ours = best_of(lambda document: document.convert(Converter("s2t")), lambda: open_document(path))
    report(f"300-page .docx ({characters} characters, {len(built.paragraphs)} paragraphs, 3 runs each)", bare, ours)
    opening = best_of(lambda _: open_document(path))
    saving = best_of(lambda document: document.save(folder / "converted.docx"), lambda: converted(path))
    print(f"    for reference: open {opening:.3f} s, save after conversion {saving:.3f} s")


def converted(path: Path):
    document = open_document(path)
    document.convert(Converter("s2t"))
    return document


def report(what: str, bare: float, ours: float) -> None:
    print(what)
    print(f"    bare OpenCC.convert over the same text: {bare:.3f} s")
    print(f"    our document conversion:                {ours:.3f} s   ratio {ours / bare:.2f}")


if __name__ == "__main__":
    source = corpus_lines()
    print(f"python {sys.version.split()[0]}; best of {REPEATS} runs")
    with tempfile.TemporaryDirectory() as temp:
        bench_text(Path(temp), source)
        bench_docx(Path(temp), source)
