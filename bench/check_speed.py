"""Benchmark: the checker on a 100,000-character document built from the corpus (issue 4).

Prints the time of a full check, of re-checking after a one-paragraph edit, of plain
``jieba.lcut`` over the same text (each the best wall time of five runs, and the median CPU time:
the machine may be shared), the ratio full check / lcut, the statistical 错别字 detector's share of
it, and peak memory.
Targets (issue 30): ratio ≤ 2.0 with the statistical detector, re-check ≤ 20 ms, peak memory < 300 MB.
Run: .venv/bin/python bench/check_speed.py
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.checker.engine import Checker  # noqa: E402
from assistant.core.checker.loading import load_rules  # noqa: E402
from assistant.core.checker.matcher import Matcher  # noqa: E402
from assistant.core.checker.settings import CheckSettings  # noqa: E402
from assistant.core.text.jieba_cut import HMM_WORDS  # noqa: E402
from assistant.core.text.sentences import sentences  # noqa: E402
from assistant.core.phrasebank.clean import clean_folder  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402
from assistant.core.text.segmenter import pos_table, tokenizer  # noqa: E402

TARGET_CHARACTERS = 100_000
RUNS = 5
STATISTICAL_RULE = "typo-confusable"


def corpus_sentences() -> list[str]:
    """Sentences of the seed corpus and corpus-extra (bundled under resources/corpus/extra/)."""
    extra = resource_path("corpus", "extra")
    paragraphs = [p for folder in (resource_path("corpus"), extra) for p in clean_folder(folder) if not p.title]
    return [p.text[s.start:s.end] for p in paragraphs for s in sentences(p.text)]


def build_document() -> list[str]:
    """Corpus sentences shuffled into new paragraphs of 3–8 sentences, each sentence used once:
    realistic text, no two paragraphs alike (an identical paragraph would be served from the
    cache) and no sentence repeated (which the duplicate-sentence rule would report)."""
    pool = corpus_sentences()
    chooser = random.Random(20261124)
    chooser.shuffle(pool)
    paragraphs, size = [], 0
    while size < TARGET_CHARACTERS:
        count = chooser.randint(3, 8)
        paragraph, pool = "".join(pool[:count]), pool[count:]
        paragraphs.append(paragraph)
        size += len(paragraph)
    return paragraphs


def edited(paragraphs: list[str]) -> Iterator[int]:
    """Edits a twentieth of the paragraphs in place, one at a time, yielding each one's index
    after its edit (the caller re-checks there)."""
    for index in range(0, len(paragraphs), max(1, len(paragraphs) // 20)):
        paragraphs[index] = paragraphs[index].replace("，", "，我们要", 1) + "要好好干。"
        yield index


def measure(work, prepare=lambda: None, runs: int = RUNS) -> tuple[float, float]:
    """The fastest wall time of ``work(prepare())`` over a few runs (the figure least disturbed by
    other work on the machine) and their median CPU time (process_time: what a shared machine
    disturbs least); ``prepare`` is not timed."""
    walls, cpus = [], []
    for _ in range(runs):
        prepared = prepare()
        start, cpu = time.perf_counter(), time.process_time()
        work(prepared)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        del prepared  # one fresh checker at a time in memory
    return min(walls), statistics.median(cpus)


def best_of(work, runs: int = RUNS) -> float:
    return measure(lambda _: work(), runs=runs)[0]


def matcher_cost(text: str) -> tuple[float, float]:
    """One scan of the text by the shared matcher holding 10 entries, and holding 10,000 (words of
    the text written backwards: like misspellings, they start with common characters and rarely
    match)."""
    words = sorted({text[i:i + 4][::-1] for i in range(0, len(text) - 4, 7)})
    small, large = Matcher(), Matcher()
    for word in words[:10]:
        small.add(word, "rule")
    for word in words[:10_000]:
        large.add(word, "rule")
    return best_of(lambda: list(small.scan(text))), best_of(lambda: list(large.scan(text)))


def typo_list_cost(paragraphs: list[str]) -> tuple[int, float]:
    """The 错别字 list alone (thousands of entries, their guards): a fresh checker per run."""
    rule = next(rule for rule in load_rules() if rule.id == "typo")
    return len(rule.listed_entries), measure(lambda fresh: fresh.check(paragraphs), lambda: fresh_checker([rule]))[0]


def fresh_checker(*args, **options) -> Checker:
    """A new checker, and nothing kept of the document by an earlier run (the HMM's words of its
    runs of single characters): each run is a first check."""
    HMM_WORDS.clear()
    return Checker(*args, **options)


def main() -> None:
    paragraphs = build_document()
    text = "\n".join(paragraphs)
    jieba = tokenizer()  # loaded once, as in the app; not part of either timing
    pos_table()
    lcut, lcut_cpu = measure(lambda _: jieba.lcut(text))
    # A fresh checker per run, so nothing is cached.
    full, full_cpu = measure(lambda fresh: fresh.check(paragraphs), fresh_checker)
    _, base_cpu = measure(lambda fresh: fresh.check(paragraphs),
                          lambda: fresh_checker(settings=CheckSettings(disabled_rules={STATISTICAL_RULE})))
    checker = Checker()
    findings = checker.check(paragraphs)

    tracemalloc.start()  # a second, fresh run: tracing slows Python down, so it is not timed
    Checker().check(paragraphs)
    _, peak_traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    edits, edits_cpu = [], []
    for _ in edited(paragraphs):
        start, cpu = time.perf_counter(), time.process_time()
        checker.check(paragraphs)
        edits.append(time.perf_counter() - start)
        edits_cpu.append(time.process_time() - cpu)

    print(f"document: {len(text)} characters, {len(paragraphs)} paragraphs, {len(findings)} findings")
    print(f"plain jieba.lcut:           {lcut * 1000:8.1f} ms   (CPU median {lcut_cpu * 1000:.1f} ms)")
    print(f"full check:                 {full * 1000:8.1f} ms   ratio full/lcut {full / lcut:.2f}; CPU medians "
          f"{full_cpu * 1000:.1f} ms, ratio {full_cpu / lcut_cpu:.2f}   (target ≤ 2.0 with the statistical 错别字 detector, issue 30)")
    print(f"    of which the statistical 错别字 detector ({STATISTICAL_RULE}): {(full_cpu - base_cpu) * 1000:.1f} ms CPU, "
          f"{(full_cpu - base_cpu) / lcut_cpu:.2f} x lcut (the check without it: ratio {base_cpu / lcut_cpu:.2f})")
    print(f"re-check after 1 edit:      {statistics.median(edits) * 1000:8.1f} ms median, "
          f"{max(edits) * 1000:.1f} ms worst of {len(edits)}; CPU median {statistics.median(edits_cpu) * 1000:.1f} ms   (target ≤ 20 ms)")
    small, large = matcher_cost(text)
    print(f"word-list matcher, one scan: {small * 1000:8.1f} ms with 10 entries, {large * 1000:.1f} ms with 10,000")
    entries, typo_list = typo_list_cost(paragraphs)
    print(f"typo list alone:            {typo_list * 1000:8.1f} ms with its {entries} entries and their guards")
    print(f"peak memory of the check:   {peak_traced / 1024 / 1024:8.1f} MB (tracemalloc)")
    print(f"process peak RSS:           {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.1f} MB "
          "(includes Python, jieba's dictionary, OpenCC)   (target < 300 MB)")


if __name__ == "__main__":
    main()
