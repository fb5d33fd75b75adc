"""Every finding of the default checker on the seed corpus and all of corpus-extra, one per line,
to compare before and after a change that must not change what the checker says (a speed-up).

Each text is checked in the three shapes of bench/precision.py (lines, hard-wrapped, pasted as one
paragraph), and the benchmark document of bench/check_speed.py is checked whole and again after
each of its one-paragraph edits (what a re-check from the cache returns).
Run: .venv/bin/python bench/findings_dump.py OUT.txt; then ``cmp`` two dumps.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from assistant.core.checker.engine import Checker  # noqa: E402
from check_speed import build_document, edited  # noqa: E402
from precision import corpus_sets, shaped  # noqa: E402

SHAPES = ("lines", "wrapped", "pasted")


def lines_of(findings) -> list[str]:
    return [repr(finding) for finding in findings]


def main() -> None:
    out: list[str] = []
    for shape in SHAPES:
        checker = Checker()
        for set_name, texts in corpus_sets().items():
            for name, paragraphs in texts.items():
                out.append(f"## {shape} {set_name} {name}")
                out += lines_of(checker.check(shaped(paragraphs, shape)))
    checker = Checker()
    paragraphs = build_document()
    out.append("## check_speed document")
    out += lines_of(checker.check(paragraphs))
    for index in edited(paragraphs):
        out.append(f"## check_speed re-check after editing paragraph {index}")
        out += lines_of(checker.check(paragraphs))
    Path(sys.argv[1]).write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{sys.argv[1]}: {sum(not line.startswith('## ') for line in out)} findings")


if __name__ == "__main__":
    main()
