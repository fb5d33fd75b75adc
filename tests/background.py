"""Long single computations run in the background: pytest runs one test at a time on one core, so a
job that takes minutes of one core (the frozen bundle's build, the phrase bank's rebuild) starts as
soon as collection shows a selected test needs it, runs niced on the core the suite leaves idle, and
the test waits for its result. tests/conftest.py starts and stops the registered jobs."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import IO

JOBS: list[Job] = []


class Job:
    """One command, started at most once a session; ``fixture`` names what the tests that need it use."""

    def __init__(self, fixture: str, argv: list[str], cwd: Path):
        self.fixture, self.argv, self.cwd = fixture, argv, cwd
        self._process: subprocess.Popen | None = None
        self._data: tempfile.TemporaryDirectory | None = None
        self._out: IO[bytes] | None = None
        self._err: IO[bytes] | None = None
        JOBS.append(self)

    def start(self) -> None:
        if self._process is None:
            self._out, self._err = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # files: a pipe fills and blocks
            self._data = tempfile.TemporaryDirectory()  # like every test, its own per-user data folder
            env = {**os.environ, "GONGWEN_DATA_DIR": self._data.name}
            self._process = subprocess.Popen(["nice", "-n", "10", *self.argv], cwd=self.cwd, env=env,
                                             stdin=subprocess.DEVNULL, stdout=self._out, stderr=self._err,
                                             start_new_session=True)

    def result(self, timeout: float) -> subprocess.CompletedProcess:
        """Its exit code, stdout and stderr (bytes), once it has ended; started here if nothing did."""
        self.start()
        self._process.wait(timeout=timeout)
        self._out.seek(0)
        self._err.seek(0)
        return subprocess.CompletedProcess(self.argv, self._process.returncode, self._out.read(), self._err.read())

    def stop(self) -> None:
        """A session that ends before the job's test (a failure with -x, 中断) leaves nothing running."""
        if self._process is not None and self._process.poll() is None:
            os.killpg(self._process.pid, 9)
            self._process.wait()


def start_needed(items) -> None:
    for job in JOBS:
        if any(job.fixture in item.fixturenames for item in items):
            job.start()


def stop_all() -> None:
    for job in JOBS:
        job.stop()
