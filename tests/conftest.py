"""Shared test helpers: where the reference files are, and XML helpers for .docx assertions."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests import background, cli_stderr

ROOT = Path(__file__).resolve().parents[1]
FILES = ROOT / "tests" / "_files"


def _shared_folder() -> Path:
    """Material shared between projects: $GONGWEN_SHARED when set, else beside the clone or the workplace copy."""
    if os.environ.get("GONGWEN_SHARED"):
        return Path(os.environ["GONGWEN_SHARED"])
    for candidate in (ROOT.parent / "shared", Path("/work/shared")):
        if (candidate / "peer").is_dir():
            return candidate
    return ROOT.parent / "shared"


SHARED = _shared_folder()
PEER = SHARED / "peer"
PEER_DOCX = PEER / "docx"
VENDORED_PEER = FILES / "peer"  # a small copy of the peer files, so the evidence is in every clone
VENDORED_DOCX = VENDORED_PEER / "docx"
SAMPLE = ROOT / "resources" / "samples" / "sample_draft.docx"
CORPUS = ROOT / "resources" / "corpus"  # the seed corpus as bundled (a copy of shared/corpus)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def require_peer() -> None:
    """Fail (never skip) when the shared peer files are missing: a green run must include them."""
    if not PEER.is_dir():
        pytest.fail(f"shared peer files not found at {PEER}: put the shared folder beside the clone "
                    "or set GONGWEN_SHARED to it", pytrace=False)


def peer_docx_files() -> list:
    """Every vendored .docx (ids vendored/...) and every shared one (ids shared/...)."""
    vendored = [pytest.param(p, id=f"vendored/{p.name}") for p in sorted(VENDORED_DOCX.glob("*.docx"))]
    shared = [pytest.param(p, id=f"shared/{p.name}") for p in sorted(PEER_DOCX.glob("*.docx"))]
    return vendored + shared


def peer_docx(name: str) -> Path:
    """A peer .docx by name: the vendored copy when there is one, else the shared file."""
    if (VENDORED_DOCX / name).is_file():
        return VENDORED_DOCX / name
    require_peer()
    return PEER_DOCX / name


def peer_copy(tmp_path: Path, name: str, as_name: str | None = None) -> Path:
    """A writable copy of a peer .docx."""
    target = tmp_path / (as_name or name)
    shutil.copyfile(peer_docx(name), target)  # contents only: the shared originals may be read-only
    return target


def document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def body_paragraphs(path: Path) -> list[etree._Element]:
    return list(document_xml(path).iter(f"{W}p"))


def table_draft_with_record(folder: Path) -> Path:
    """A short 通知 with a table and a 版记: table heights are only estimated, so the export cannot
    promise an even page count and must say so."""
    import docx

    source = folder / "表.docx"
    document = docx.Document()
    document.add_paragraph("关于某事的通知")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "甲"
    document.add_paragraph("抄送：乙。")
    document.add_paragraph("某局办公室    2026年1月2日印发")
    document.save(source)
    return source


@pytest.fixture(autouse=True)
def user_data_folder(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own per-user data folder; the real one is never touched."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("GONGWEN_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    target = tmp_path / "草稿.docx"
    target.write_bytes(SAMPLE.read_bytes())
    return target


@pytest.fixture(autouse=True, scope="session")
def cli_stderr_recorded():
    """Every CLI run in the suite has its stderr read afterwards (see tests/cli_stderr.py)."""
    subprocess.run = cli_stderr.recording_run
    yield
    subprocess.run = cli_stderr._original_run


def pytest_collection_finish(session):
    if not session.config.option.collectonly:
        background.start_needed(session.items)


def pytest_sessionfinish(session, exitstatus):
    background.stop_all()
    foreign = cli_stderr.report()
    if foreign:
        print("\nCLI stderr lines a Chinese user could not read:\n  " + "\n  ".join(foreign))
        session.exitstatus = 1
