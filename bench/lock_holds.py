"""Benchmark: the longest time the character model holds the interpreter lock (issue 30) while it
loads and while it looks up a pasted 360,000-character paragraph.

The app loads the model on a worker thread while the window is live, so one long C call there is a
frozen window. A second thread wakes every millisecond; the longest it waited is the longest hold
(wall time: on a shared machine it also holds the time another program had the core). Target: no
hold over ~30 ms. Prints each figure's median and worst over several runs, and the load average.
Run: .venv/bin/python bench/lock_holds.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.checker.confusion import suspicious  # noqa: E402
from assistant.core.checker.ngram import BOS, EOS, NgramModel  # noqa: E402
from assistant.core.checker.typo_model import MODEL_FILE  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402

PASTED = "持续推进依法行政，全面落实各项工作部署。" * 18_000  # one paragraph, 360,000 characters


def longest_wait(work: Callable[[], object]) -> tuple[float, float]:
    """(seconds ``work`` took, the longest a thread waking every millisecond waited meanwhile)."""
    waits: list[float] = []
    done = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            waits.append(now - last)
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    time.sleep(0.02)
    start = time.perf_counter()
    work()
    took = time.perf_counter() - start
    done.set()
    ticker.join()
    return took, max(waits)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    print(f"load average {os.getloadavg()[0]:.1f}")
    data = resource_path(*MODEL_FILE).read_bytes()
    model = NgramModel.from_bytes(data)
    padded = BOS + PASTED + EOS
    for name, work in (("model load (from_bytes)", lambda: NgramModel.from_bytes(data)),
                       (f"suspects of one {len(PASTED):,}-character paragraph", lambda: suspicious(padded, model.probs))):
        figures = [longest_wait(work) for _ in range(runs)]
        waits = [wait for _, wait in figures]
        print(f"{name}: {statistics.median(took for took, _ in figures) * 1000:.0f} ms; longest hold median "
              f"{statistics.median(waits) * 1000:.0f} ms, worst {max(waits) * 1000:.0f} ms over {runs} runs")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
