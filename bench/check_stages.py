"""Benchmark: where a full check of bench/check_speed.py's document goes, stage by stage, beside
jieba.lcut of the same text (issue 30): segmentation, tags, the word lists' scan, sentences, then
each rule's hits (the first rule that reads an annotation, such as the parallel words, pays for it),
the document rules, and what the engine adds (findings, sorting, caches).

By default CPU times (the median of three runs, fresh analyses each run); with ``--instructions``
instruction counts, which a shared machine does not disturb: the script runs itself under valgrind's
callgrind, counting only inside ``eval`` calls, one profile dump per stage (a few minutes). The
cycle collector is paused throughout, as a check pauses it (engine.gc_paused): its passes would
land on whichever stage allocates when one is due.
Run: .venv/bin/python bench/check_stages.py [--instructions]
"""

from __future__ import annotations

import glob
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_speed import build_document  # noqa: E402

from assistant.core.checker.engine import Checker, gc_paused  # noqa: E402
from assistant.core.checker.text import Paragraph  # noqa: E402
from assistant.core.text.invisible import without_invisible  # noqa: E402
from assistant.core.text.jieba_cut import HMM_WORDS  # noqa: E402
from assistant.core.text.segmenter import pos_table, tokenizer  # noqa: E402
from assistant.core.text.wrapping import units  # noqa: E402

RUNS = 3
ANNOTATIONS = {
    "segmentation": lambda a: a.tokens,
    "tags": lambda a: (a.tags, a.tagged, a.words),
    "word lists' scan": lambda a: a.listed,
    "sentences, role": lambda a: (a.sentences, a.role),
}


def stages(paragraphs: list[str]) -> list[tuple[str, Callable[[], object]]]:
    """(name, work) in the order a check meets them; each call of the list starts from fresh
    analyses, so every stage computes what it names."""
    checker = Checker()
    pieces = units([without_invisible(text)[0] for text in paragraphs])
    analyses = [Paragraph(unit.text, checker.matcher) for unit in pieces]
    lines = [unit.first for unit in pieces]
    text = "\n".join(paragraphs)
    jieba = tokenizer()
    found: list[tuple[str, Callable[[], object]]] = [("jieba.lcut", lambda: jieba.lcut(text))]
    found += [(name, lambda annotate=annotate: [annotate(a) for a in analyses]) for name, annotate in ANNOTATIONS.items()]
    enabled = [rule for rule in checker.rules if checker.settings.rule_enabled(rule) and not rule.raw]
    found += [(rule.id, lambda rule=rule: [list(rule.paragraph_hits(a)) for a in analyses if a.role in rule.scope])
              for rule in enabled if not rule.document_level]
    found.append(("document rules", lambda: [list(rule.document_hits(analyses, lines))
                                             for rule in enabled if rule.document_level]))
    fresh = Checker()  # made beforehand: loading the rules is no part of a check
    # The HMM's words kept by the stages before are of this document: a first check has none.
    found.append(("full check (fresh checker)", lambda: (HMM_WORDS.clear(), fresh.check(paragraphs))))
    return found


def warm(paragraphs: list[str]) -> None:
    """Everything loaded that a check loads on first use (jieba, the tags, the typo model), but
    nothing kept of this very document (the HMM's words of its runs): a first check has none."""
    tokenizer()
    pos_table()
    Checker().check(paragraphs)
    HMM_WORDS.clear()


def report(names: list[str], costs: list[float], unit: str) -> None:
    lcut, full = costs[0], costs[-1]
    parts = sum(costs[1:-1])
    width = max(map(len, names)) + 2
    for name, cost in zip(names, costs):
        print(f"{name:<{width}} {cost:10.3f} {unit}  {cost / lcut:5.2f} × lcut")
    print(f"{'engine (findings, sorting, caches)':<{width}} {full - parts:10.3f} {unit}  {(full - parts) / lcut:5.2f} × lcut")


def cpu_times(paragraphs: list[str]) -> None:
    warm(paragraphs)
    runs, names = [], []
    with gc_paused():  # as in a check: the collector's passes are no stage's cost
        for _ in range(RUNS):
            listed = stages(paragraphs)
            HMM_WORDS.clear()
            names = [name for name, _ in listed]
            runs.append([timed(work) for _, work in listed])
    report(names, [statistics.median(column) for column in zip(*runs)], "s CPU")


def timed(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def inside_valgrind(paragraphs: list[str]) -> None:
    warm(paragraphs)
    with gc_paused():  # as in a check: the collector's passes are no stage's cost
        for _, work in stages(paragraphs):
            eval("work()")  # noqa: S307 - the marker callgrind counts inside, one dump per call


def instructions(paragraphs: list[str]) -> None:
    """Each ``eval`` entered dumps the profile so far: dump k + 1 holds eval k's count (collection is
    on inside evals only), the final file the last eval's. The stages are the last evals (the
    interpreter's start evaluates a few of its own)."""
    names = [name for name, _ in stages(paragraphs)]
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=builtin_eval", "--dump-before=builtin_eval",
                        f"--callgrind-out-file={folder}/out", sys.executable, __file__, "--inside"],
                       capture_output=True, text=True, check=True)
        dumps = sorted(glob.glob(f"{folder}/out.*"), key=lambda path: int(path.rsplit(".", 1)[1]))[1:] + [f"{folder}/out"]
        counts = [int(re.search(r"^summary: (\d+)", Path(path).read_text(), re.M).group(1)) for path in dumps]
    report(names, [count / 1e9 for count in counts[-len(names):]], "G instr")


def main() -> None:
    paragraphs = build_document()
    if sys.argv[1:2] == ["--inside"]:
        inside_valgrind(paragraphs)
    elif sys.argv[1:2] == ["--instructions"]:
        instructions(paragraphs)
    else:
        cpu_times(paragraphs)


if __name__ == "__main__":
    main()
