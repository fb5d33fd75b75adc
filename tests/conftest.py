"""Shared test helpers: where the reference files are, and XML helpers for .docx assertions."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
FILES = ROOT / "tests" / "_files"



def _shared_folder() -> Path:
    """Material shared between projects: $GONGWEN_SHARED, beside the clone, or the workplace copy."""
    candidates = [os.environ.get("GONGWEN_SHARED"), ROOT.parent / "shared", "/work/shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "peer").is_dir():
            return Path(candidate)
    return ROOT.parent / "shared"


SHARED = _shared_folder()
PEER = SHARED / "peer"
PEER_DOCX = PEER / "docx"
SAMPLE = ROOT / "resources" / "samples" / "sample_draft.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def peer_docx_files() -> list[Path]:
    return sorted(PEER_DOCX.glob("*.docx")) if PEER_DOCX.is_dir() else []


def require_peer() -> None:
    if not PEER_DOCX.is_dir():
        pytest.skip(f"peer .docx files not found at {PEER_DOCX} (they live beside the project in shared/peer)")


def peer_copy(tmp_path: Path, name: str, as_name: str | None = None) -> Path:
    """A writable copy of a peer .docx (skips the test when the peer files are absent)."""
    require_peer()
    target = tmp_path / (as_name or name)
    shutil.copy(PEER_DOCX / name, target)
    return target


def document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def body_paragraphs(path: Path) -> list[etree._Element]:
    return list(document_xml(path).iter(f"{W}p"))


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
