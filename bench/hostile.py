"""Benchmark: every hostile input of tests/hostile_cases.py through the CLI (issue 16).

Prints, per case, the exit code, wall seconds, peak RSS of the CLI process and the first line it
wrote to stderr. Target: every case under 10 s and 1 GB, exit 0 or 2.
Run: .venv/bin/python bench/hostile.py [name-filter]
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile_cases import CASES  # noqa: E402

LIMIT_SECONDS = 10
LIMIT_MB = 1024
GIVE_UP_SECONDS = 120  # a case still running then is killed (exit -9)


def run(argv: list[str], env: dict[str, str]) -> tuple[int, float, float, float, str]:
    """Exit code, wall and CPU seconds (the CPU figure does not move when the machine is busy),
    peak RSS in MB and stderr's first line. The peak is the CLI's own
    VmHWM, read as it exits: a child's ru_maxrss would include this process's memory."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as peak:
        child = subprocess.Popen([sys.executable, __file__, "--measure", peak.name, *argv], cwd=ROOT, env=env,
                                 stdout=subprocess.DEVNULL, stderr=err)
        try:
            code = child.wait(GIVE_UP_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            code = child.wait()
        seconds = time.perf_counter() - started
        err.seek(0)
        first = err.read().decode("utf-8", "replace").strip().splitlines()[:1]
        kilobytes, cpu = (peak.read().decode() or "0 0").split()
    return code, seconds, float(cpu), int(kilobytes) / 1024, (first or [""])[0]


def measure(peak_file: str, argv: list[str]) -> int:
    """Run the CLI in this process and write its peak resident memory (kB) on the way out."""
    from assistant.cli import main as cli_main

    try:
        return cli_main(argv)
    finally:
        status = Path("/proc/self/status").read_text()
        high_water = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
        usage = resource.getrusage(resource.RUSAGE_SELF)
        Path(peak_file).write_text(f"{high_water} {usage.ru_utime + usage.ru_stime:.2f}")


def main(pattern: str = "") -> int:
    over = 0
    print(f"{'case':28} {'exit':>4} {'wall s':>6} {'cpu s':>6} {'MB':>6}  first line of stderr")
    for case in CASES:
        if pattern not in case.name:
            continue
        with tempfile.TemporaryDirectory() as folder:
            made = case.build(Path(folder))
            env = {**os.environ, "GONGWEN_DATA_DIR": str(Path(folder) / "data"), **made.env}
            code, seconds, cpu, megabytes, line = run(made.argv, env)
        bad = seconds > LIMIT_SECONDS or megabytes > LIMIT_MB or code not in (0, 2)
        over += bad
        print(f"{case.name:28} {code:>4} {seconds:6.2f} {cpu:6.2f} {megabytes:6.0f}  {line[:90]}{'  !!' if bad else ''}")
    print(f"{over} case(s) over {LIMIT_SECONDS} s / {LIMIT_MB} MB or with another exit code")
    return 1 if over else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        sys.exit(measure(sys.argv[2], sys.argv[3:]))
    sys.exit(main(*sys.argv[1:]))
