"""Benchmark: phrase-bank build time on the corpus, and query time on a 100,000-entry bank (issue 3).

The large bank is synthetic: the bundled entries recombined into 100k distinct texts. Prints the
median and worst time of prefix, substring, pinyin-initial and category queries.
Targets: build < 30 s; queries < 10 ms. Run: .venv/bin/python bench/phrase_query.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.phrasebank.bank import Phrase, PhraseBank  # noqa: E402
from assistant.core.phrasebank.build import build_bank, read_corpus  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402

SIZE = 100_000
QUERIES = ["落实", "狠", "责任", "抓", "hzls", "zz", "真抓实干", "压实", "机制", "群众", "一要", "y"]


def main() -> None:
    start = time.perf_counter()
    build_bank(*read_corpus(resource_path("corpus")))
    print(f"build from the corpus: {time.perf_counter() - start:.2f} s   (target < 30 s)")

    bundled = PhraseBank.load().phrases
    chooser = random.Random(7)
    texts: set[str] = set()
    phrases = []
    while len(phrases) < SIZE:
        a, b = chooser.choice(bundled), chooser.choice(bundled)
        text = a.text + b.text[: chooser.randint(1, len(b.text))]
        if text not in texts:
            texts.add(text)
            phrases.append(Phrase(text, a.kind, a.category, chooser.randint(1, 50), a.examples))
    start = time.perf_counter()
    large = PhraseBank(phrases)
    print(f"index {SIZE} entries: {time.perf_counter() - start:.2f} s")
    for label, run in [("search", lambda q: large.search(q)),
                       ("search in category", lambda q: large.search(q, category="责任担当"))]:
        timings = []
        for query in QUERIES:
            start = time.perf_counter()
            run(query)
            timings.append((time.perf_counter() - start) * 1000)
        print(f"{label:20s} median {statistics.median(timings):6.2f} ms   worst {max(timings):6.2f} ms "
              f"over {len(QUERIES)} queries   (target < 10 ms)")


if __name__ == "__main__":
    main()
