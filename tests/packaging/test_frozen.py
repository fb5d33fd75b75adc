"""The frozen executable and the .deb, built from this checkout by packaging/build.sh (slow).

Runs the self-test and the CLI inside a network namespace with no interfaces (unshare -n),
proving nothing needs the network; installs the .deb with dpkg and removes it again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests import background
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
BUNDLE = ROOT / "dist" / "gongwen-assistant"
EXECUTABLE = BUNDLE / "gongwen-assistant"
CORPUS_TEXT = next((ROOT / "resources" / "corpus").glob("004_*.txt"))


ROOT_TOOLS = os.geteuid() == 0 and bool(shutil.which("unshare")) and bool(shutil.which("dpkg-deb"))
# Built beside the tests that run before these (tests/background.py): minutes of one core.
BUILD = background.Job("built", [str(ROOT / "packaging" / "build.sh")], cwd=ROOT) if ROOT_TOOLS else None


@pytest.fixture(scope="module")
def built() -> Path:
    if BUILD is None:
        pytest.skip("needs root, unshare and dpkg-deb (the CI machine has them)")
    result = BUILD.result(timeout=1800)
    assert result.returncode == 0, result.stdout.decode()[-3000:] + result.stderr.decode()[-3000:]
    size_mb = sum(f.lstat().st_size for f in BUNDLE.rglob("*") if f.is_file() and not f.is_symlink()) / 1024 / 1024
    assert size_mb <= 150, f"bundle is {size_mb:.0f} MB"
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    debs = sorted((ROOT / "dist").glob(f"gongwen-assistant_*_{arch}.deb"))  # not build_deb.sh's other one
    assert debs and debs[-1].stat().st_size <= 60 * 1024 * 1024
    return debs[-1]


def offline(*command: str, data_dir: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GONGWEN_DATA_DIR": str(data_dir)}
    return subprocess.run(["unshare", "-n", *command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_frozen_self_test_runs_without_network(built, tmp_path: Path):
    result = offline(str(EXECUTABLE), "--self-test", data_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "自检通过" in result.stdout and "导出公文格式" in result.stdout
    assert not list(tmp_path.rglob("jieba*.cache")), "jieba loads the bundled word table and writes no cache"
    assert not list(BUNDLE.rglob("jieba*.cache")), "nothing is written into the install folder"


def test_frozen_cli_checks_converts_and_exports_a_corpus_text(built, tmp_path: Path):
    check = offline(str(EXECUTABLE), "check", str(CORPUS_TEXT), "--format", "json", data_dir=tmp_path)
    assert check.returncode == 0, check.stderr
    assert '"rule": "half-width-punctuation"' in check.stdout
    converted = tmp_path / "繁体.txt"
    result = offline(str(EXECUTABLE), "convert", str(CORPUS_TEXT), "--config", "s2t", "-o", str(converted),
                     data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "抓落實" in converted.read_text(encoding="utf-8")
    exported = tmp_path / "公文.docx"
    result = offline(str(EXECUTABLE), "export", str(CORPUS_TEXT), "-o", str(exported), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert exported.stat().st_size > 10_000


def test_deb_installs_runs_and_removes_cleanly(built, tmp_path: Path):
    subprocess.run(["dpkg", "-r", "gongwen-assistant"], capture_output=True)
    install = subprocess.run(["dpkg", "-i", str(built)], capture_output=True, text=True)
    try:
        assert install.returncode == 0, install.stdout + install.stderr
        desktop = Path("/usr/share/applications/gongwen-assistant.desktop").read_text(encoding="utf-8")
        assert "MimeType=application/vnd.openxmlformats-officedocument.wordprocessingml.document" in desktop
        result = offline("/usr/bin/gongwen-assistant", "--self-test", data_dir=tmp_path, cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
    finally:
        remove = subprocess.run(["dpkg", "-r", "gongwen-assistant"], capture_output=True, text=True)
    assert remove.returncode == 0, remove.stderr
    assert not Path("/opt/gongwen-assistant").exists() and not Path("/usr/bin/gongwen-assistant").exists()
