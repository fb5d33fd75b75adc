"""packaging/build.sh in the background: the frozen bundle and the .deb take minutes of one core, so
the build starts when collection shows a test needs it (tests/packaging/conftest.py) and runs on the
second core beside the tests before it; the tests of the bundle wait for it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from typing import IO

from tests.conftest import ROOT

_running: tuple[subprocess.Popen, IO[str]] | None = None


def can_build() -> bool:
    """Root, unshare and dpkg-deb: what the bundle's tests need (the CI machine has them)."""
    return os.geteuid() == 0 and bool(shutil.which("unshare")) and bool(shutil.which("dpkg-deb"))


def start() -> None:
    """Start the build once, at low priority so the tests running beside it keep their core."""
    global _running
    if _running is None:
        log = tempfile.TemporaryFile("w+", encoding="utf-8")  # a file, never a pipe that fills and blocks
        process = subprocess.Popen(["nice", "-n", "10", str(ROOT / "packaging" / "build.sh")], cwd=ROOT,
                                   stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        _running = process, log


def finish(timeout: float) -> tuple[int, str]:
    """The build's exit code and the end of its output, starting it if nothing did."""
    start()
    process, log = _running
    process.wait(timeout=timeout)
    log.seek(0)
    return process.returncode, log.read()[-6000:]


def stop() -> None:
    """A session that ends before the bundle's tests (a failure with -x, 中断) leaves no build running."""
    if _running is not None and _running[0].poll() is None:
        os.killpg(_running[0].pid, 9)
        _running[0].wait()
