"""Benchmark: the full check / jieba.lcut ratio of bench/check_speed.py in instructions, which a
shared machine does not disturb (issue 30; target ≤ 2.0). Runs itself twice under valgrind's
callgrind, counting only inside ``eval`` calls: jieba.lcut of the 100,000-character document, then
jieba.lcut and a full check with a fresh checker (both after a warm-up, so loading is not counted).
Needs valgrind; takes about 15 minutes.
Run: .venv/bin/python bench/check_instructions.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def measured(with_check: bool) -> None:
    """Inside valgrind: warm everything up, then the counted calls."""
    from check_speed import build_document

    from assistant.core.checker.engine import Checker
    from assistant.core.text.jieba_cut import HMM_WORDS
    from assistant.core.text.segmenter import pos_table, tokenizer

    paragraphs = build_document()
    text = "\n".join(paragraphs)
    jieba = tokenizer()
    pos_table()
    jieba.lcut(text)
    fresh = Checker()
    if with_check:
        Checker().check(paragraphs)  # the typo model and other tables load on first use
        HMM_WORDS.clear()  # what the warm-up kept of this very document: a first check has none of it
    eval("jieba.lcut(text)")  # noqa: S307 - the eval is the marker callgrind counts inside
    if with_check:
        eval("fresh.check(paragraphs)")  # noqa: S307


def instructions(with_check: bool) -> int:
    with tempfile.TemporaryDirectory() as folder:
        run = subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=builtin_eval*",
                              f"--callgrind-out-file={folder}/out", sys.executable, __file__,
                              "--inside", "check" if with_check else "lcut"],
                             capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1))


def main() -> None:
    if sys.argv[1:2] == ["--inside"]:
        measured(sys.argv[2] == "check")
        return
    lcut = instructions(with_check=False)
    both = instructions(with_check=True)
    print(f"jieba.lcut: {lcut:,} instructions; full check: {both - lcut:,}; "
          f"ratio {(both - lcut) / lcut:.2f} (target ≤ 2.0, issue 30)")


if __name__ == "__main__":
    main()
