"""Every hostile input of tests/hostile_cases.py through the CLI, as a user's script would run it:
exit 0 or 2, a Chinese message with no internals, nothing half-written, originals and backups
intact. (Time and memory per case: bench/hostile.py.)"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_stderr import foreign_lines
from tests.hostile_cases import CASES, ROOT, Case

MEMORY_LIMIT = 1 << 30


def within_one_gigabyte() -> None:
    """The CLI's heap and private mappings capped at 1 GiB: a blow-up fails with MemoryError."""
    resource.setrlimit(resource.RLIMIT_DATA, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("case", [case for case in CASES if not case.bench_only], ids=lambda case: case.name)
def test_a_hostile_input_gets_one_chinese_line_and_loses_nothing(case: Case, tmp_path: Path):
    run = case.build(tmp_path)
    before = {path: path.read_bytes() for path in run.guarded}
    originals = {path: path.read_bytes() for path in run.backed_up}
    env = {**os.environ, "GONGWEN_DATA_DIR": str(tmp_path / "data"), **run.env}
    result = subprocess.run([sys.executable, "main.py", *run.argv], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300, preexec_fn=within_one_gigabyte)

    assert result.returncode in run.exits, (result.returncode, result.stderr[-2000:])
    assert foreign_lines(result.stderr) == [], result.stderr[-2000:]
    if result.returncode != 0:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        if run.output is not None and run.output not in before:
            assert not run.output.exists(), "a refused command left a file behind"
    assert not list(tmp_path.rglob("*.tmp*")), "a temporary file was left behind"
    for path, data in before.items():
        assert path.read_bytes() == data, f"{path.name} changed"
    for path, data in originals.items():
        if result.returncode == 0:
            backup = path.with_name(path.name + ".bak")
            assert not backup.is_symlink() and backup.read_bytes() == data, "the backup does not hold the original"
        else:
            assert path.read_bytes() == data
    if run.output_starts:
        assert run.output.read_bytes().startswith(run.output_starts)
    if run.stdout_has:
        assert run.stdout_has in result.stdout
    if run.stderr_has:
        assert run.stderr_has in result.stderr
