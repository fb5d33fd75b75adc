"""Benchmark: cold start of the app to a shown window (offscreen), from source or frozen (issue 8),
and on to the draft in the editor and its first check shown (issue 30).

Usage: .venv/bin/python bench/cold_start.py [COMMAND…]   (default: python main.py from source)
COMMAND may be a frozen executable, or e.g. `chroot ROOT env GONGWEN_DATA_DIR=/tmp/d gongwen-assistant`
to time the package installed in a Debian 11 root (packaging/README.md, 信创).
Under Wine (issue 26):  WINEPREFIX=… .venv/bin/python bench/cold_start.py /usr/lib/wine/wine64 C:/…/gongwen-assistant.exe
(Wine hides QT_QPA_PLATFORM from the program, so it runs on Qt's `windows` platform there.)
Prints the median and best of several starts, each stage's median (the app prints them with
GONGWEN_QUIT_WHEN_SHOWN set) and the CPU time of a start; targets: window ≤ 1.0 s from source on
this machine (issue 30), < 2 s frozen. From source, Python's bytecode cache is kept in a temporary
folder as an installed app has it (PYTHONDONTWRITEBYTECODE would recompile every module each start).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def one_start(command: list[str], data_dir: str, until: str) -> tuple[float, dict[str, float], float]:
    """Seconds to the shown window, seconds to each stage the app reported, CPU seconds of the run."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GONGWEN_QUIT_WHEN_SHOWN": until, "GONGWEN_DATA_DIR": data_dir,
           "PYTHONPYCACHEPREFIX": str(Path(data_dir) / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.time()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    shown, stages = None, {}
    for line in process.stdout:
        if line.startswith("STAGE "):
            name, _, at = line[len("STAGE "):].strip().rpartition(" ")
            stages[name] = float(at) - began
        elif "WINDOW-SHOWN" in line:
            shown = time.perf_counter() - start
    process.wait(timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if shown is None:
        raise SystemExit(f"the app never showed its window: {command}")
    return shown, stages, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def report(title: str, runs: list[tuple[float, dict[str, float], float]]) -> None:
    shown = [run[0] for run in runs]
    print(f"{title}: window shown median {statistics.median(shown):.2f} s, best {min(shown):.2f} s over {len(runs)} starts; "
          f"CPU per start median {statistics.median(run[2] for run in runs):.2f} s")
    for name in runs[0][1]:
        at = [run[1][name] for run in runs if name in run[1]]
        print(f"  {name:<22} {statistics.median(at):6.2f} s")


def main() -> None:
    command = sys.argv[1:] or [sys.executable, "main.py"]
    print(" ".join(command), f"   (load average {os.getloadavg()[0]:.1f})")
    with tempfile.TemporaryDirectory() as data_dir:
        one_start(command, data_dir, "1")  # fills the bytecode cache (and an old build's jieba cache); not counted
        report("to the shown window", [one_start(command, data_dir, "1") for _ in range(RUNS)])
        report("to the first check shown", [one_start(command, data_dir, "checked") for _ in range(RUNS)])
    print(f"(load average {os.getloadavg()[0]:.1f}; targets: window ≤ 1.0 s from source, < 2 s frozen)")


if __name__ == "__main__":
    main()
