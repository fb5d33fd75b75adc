"""Benchmark: cold start of the app to a shown window (offscreen), from source or frozen (issue 8).

Usage: .venv/bin/python bench/cold_start.py [COMMAND…]   (default: python main.py from source)
COMMAND may be a frozen executable, or e.g. `chroot ROOT env GONGWEN_DATA_DIR=/tmp/d gongwen-assistant`
to time the package installed in a Debian 11 root (packaging/README.md, 信创).
Under Wine (issue 26):  WINEPREFIX=… .venv/bin/python bench/cold_start.py /usr/lib/wine/wine64 C:/…/gongwen-assistant.exe
(Wine hides QT_QPA_PLATFORM from the program, so it runs on Qt's `windows` platform there.)
Prints the median and best of several starts; target < 2 s for the frozen app on this machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def one_start(command: list[str], data_dir: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GONGWEN_QUIT_WHEN_SHOWN": "1", "GONGWEN_DATA_DIR": data_dir}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        if "WINDOW-SHOWN" in line:
            elapsed = time.perf_counter() - start
            process.wait(timeout=30)
            return elapsed
    raise SystemExit(f"the app never showed its window: {command}")


def main() -> None:
    command = sys.argv[1:] or [sys.executable, "main.py"]
    with tempfile.TemporaryDirectory() as data_dir:
        one_start(command, data_dir)  # first run fills jieba's cache in the data folder; not counted
        timings = [one_start(command, data_dir) for _ in range(RUNS)]
    print(f"{' '.join(command)}")
    print(f"start to shown window: median {statistics.median(timings):.2f} s, best {min(timings):.2f} s "
          f"over {RUNS} starts   (target < 2 s)")


if __name__ == "__main__":
    main()
