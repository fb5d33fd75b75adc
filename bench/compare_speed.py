"""Benchmark: comparing two rounds of a 300-page draft (issue 15; target < 2 s).

Builds a ~300-page draft from the corpus (about 700 characters a page) and a second round of it
with a reviewer's edits spread through: word substitutions, half-width punctuation fixed, some
paragraphs deleted, moved or added. Prints, best of a few runs, the seconds to compare the two
texts (the diff), the same when every paragraph changed (each is segmented by jieba), and to do
the whole job on two .docx files (read both, compare, write the 修订稿). jieba's one-off
start-up is printed apart. Run: .venv/bin/python bench/compare_speed.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.revision.compare import Draft, compare, read_draft, revised_docx  # noqa: E402
from assistant.core.revision.tracked import Stamp  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402
from assistant.core.text.segmenter import cut  # noqa: E402

PAGES = 300
CHARS_PER_PAGE = 700
REPEATS = 3
SUBSTITUTIONS = [("加强", "强化"), ("推动", "推进"), ("工作", "任务"), ("进一步", "更加"), ("，", ",")]


def first_round() -> list[str]:
    lines = []
    for path in sorted(resource_path("corpus").rglob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs, size = [], 0
    while size < PAGES * CHARS_PER_PAGE:
        paragraphs.append(lines[len(paragraphs) % len(lines)])
        size += len(paragraphs[-1])
    return paragraphs


def second_round(old: list[str], generator: random.Random) -> list[str]:
    """A reviewer's pass: about one paragraph in eight touched."""
    new = []
    for text in old:
        roll = generator.random()
        if roll < 0.01:
            continue  # deleted
        if roll < 0.08:
            word, replacement = generator.choice(SUBSTITUTIONS)
            text = text.replace(word, replacement, 2)
        elif roll < 0.11:
            text = text.replace(",", "，").replace(";", "；") + "。"
        elif roll < 0.12:
            new.append("（新增）" + text[:30])
        new.append(text)
    for _ in range(5):  # paragraphs moved
        new.insert(generator.randrange(len(new)), new.pop(generator.randrange(len(new))))
    return new


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        p = document.add_paragraph()
        p.add_run(text[:10]).bold = True
        p.add_run(text[10:])
    document.save(path)
    return path


def best_of(action) -> float:
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    start = time.perf_counter()
    cut("加强基层党建工作")
    print(f"jieba start-up (once per session): {time.perf_counter() - start:.2f} s")
    old = first_round()
    new = second_round(old, random.Random(15))
    chars = sum(map(len, old))
    print(f"draft: {len(old)} paragraphs, {chars} characters (~{chars // CHARS_PER_PAGE} pages); "
          f"second round: {len(new)} paragraphs")
    old_draft, new_draft = Draft("初稿", tuple(old)), Draft("修改稿", tuple(new))
    comparison = compare(old_draft, new_draft)
    print(f"revisions: {len(comparison.revisions)} ({comparison.summary()})")
    print(f"compare the texts: {best_of(lambda: compare(old_draft, new_draft)):.2f} s")
    half_width = Draft("半角稿", tuple(text.replace("，", ",").replace("；", ";") for text in old))
    everywhere = compare(half_width, old_draft)
    print(f"worst case, every paragraph changed (全部修正 of half-width punctuation, "
          f"{len(everywhere.revisions)} revisions): {best_of(lambda: compare(half_width, old_draft)):.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        old_path = write_docx(Path(folder) / "初稿.docx", old)
        new_path = write_docx(Path(folder) / "修改稿.docx", new)

        def whole_job() -> None:
            done = compare(read_draft(old_path), read_draft(new_path))
            revised_docx(done, Stamp.now("bench"))

        print(f"read two .docx, compare, write the 修订稿: {best_of(whole_job):.2f} s")


if __name__ == "__main__":
    main()
