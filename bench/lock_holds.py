"""Benchmark: the longest times the worker threads' work holds the interpreter lock (issue 30): the
core's load, the character model's load, the model's look-up of a pasted 360,000-character paragraph,
and the check of bench/ui_stall.py's 60,000-findings draft (hard-wrapped lines, joined into one
369,000-character unit).

The app does this work on worker threads while the window is live, so one long C call there is a
frozen window. A second thread wakes every millisecond; the longest it waited is the longest hold
(wall time: on a shared machine it also holds the time another program had the core), and where the
working thread stood when it got the lock back shows the call that held it. Target: no hold over
~30 ms. Prints each figure's median and worst over several runs, the longest holds of the last run
with their places, and the load average.
Run: .venv/bin/python bench/lock_holds.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from assistant.core.checker.confusion import suspicious  # noqa: E402
from assistant.core.checker.ngram import BOS, EOS, NgramModel  # noqa: E402
from assistant.core.checker.typo_model import MODEL_FILE  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402
from assistant.core.script import script_marks  # noqa: E402
from assistant.core.settings import Settings  # noqa: E402
from assistant.gui.app import SWITCH_INTERVAL  # noqa: E402
from assistant.gui.tasks import collector_paused  # noqa: E402
from assistant.gui.main_window import load_core  # noqa: E402
from ui_stall import punctuation_heavy  # noqa: E402

PASTED = "持续推进依法行政，全面落实各项工作部署。" * 18_000  # one paragraph, 360,000 characters
SHOWN = 3  # longest holds shown with their place
OVER = 0.010  # waits shorter than this are the ticker's own sleep, not a hold
DEPTH = 3  # frames of the working thread shown per place


def place(frame) -> str:
    parts = []
    while frame is not None and len(parts) < DEPTH:
        parts.append(f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_lineno} {frame.f_code.co_name}")
        frame = frame.f_back
    return " < ".join(parts)


def holds(work: Callable[[], object]) -> tuple[float, list[tuple[float, str]]]:
    """(seconds ``work`` took, every wait over OVER of a thread waking every millisecond meanwhile,
    with where ``work`` stood when the wait ended), longest first."""
    worker = threading.get_ident()
    found: list[tuple[float, str]] = []
    done = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            if now - last > OVER:
                found.append((now - last, place(sys._current_frames().get(worker))))
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    time.sleep(0.02)
    start = time.perf_counter()
    work()
    took = time.perf_counter() - start
    done.set()
    ticker.join()
    return took, sorted(found, reverse=True)


def report(name: str, figures: list[tuple[float, list[tuple[float, str]]]]) -> None:
    longest = [waits[0][0] if waits else 0.0 for _, waits in figures]
    print(f"{name}: {statistics.median(took for took, _ in figures) * 1000:.0f} ms; longest hold median "
          f"{statistics.median(longest) * 1000:.0f} ms, worst {max(longest) * 1000:.0f} ms over {len(figures)} runs")
    for wait, where in figures[-1][1][:SHOWN]:
        print(f"    {wait * 1000:.0f} ms, ended at {where}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    os.environ["GONGWEN_DATA_DIR"] = tempfile.mkdtemp()
    sys.setswitchinterval(SWITCH_INTERVAL)
    script_marks("中國")  # OpenCC's tables: built before the window shows (gui/app.py)
    print(f"load average {os.getloadavg()[0]:.1f}")
    settings = Settings.load()
    report("the core's load (load_core), the first in this process", [holds(lambda: load_core(settings))])
    data = resource_path(*MODEL_FILE).read_bytes()
    model = NgramModel.from_bytes(data)
    padded = BOS + PASTED + EOS
    draft = punctuation_heavy()
    load_core(settings)[1].check(draft[:1])  # the typo model loaded, as the 60,000-findings runs of ui_stall.py have it
    for name, work in (("model load (from_bytes)", lambda: NgramModel.from_bytes(data)),
                       (f"suspects of one {len(PASTED):,}-character paragraph", lambda: suspicious(padded, model.probs))):
        report(name, [holds(work) for _ in range(runs)])
    kept = []  # each window keeps its checker and hands the findings to the UI thread: neither is freed here
    checks = []
    for _ in range(runs):
        checker = load_core(settings)[1]
        checks.append(holds(lambda: kept.append((checker, collector_paused(lambda _: checker.check(draft))(None)))))
    report("check of the 60,000-findings draft by a new checker, the collector paused as the app has it", checks)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
