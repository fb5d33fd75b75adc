"""Every real-world .docx, vendored (tests/_files/peer) and shared (shared/peer), survives open + save
without edits (issue 2 acceptance)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from assistant.cli import main as cli_main
from assistant.core.document import open_document
from assistant.core.errors import DocumentError
from tests.conftest import PEER_DOCX, ROOT, peer_docx, peer_docx_files, require_peer

# python-docx 1.2 cannot open ISO/IEC 29500 Strict files; the user gets the clear error instead.
PYTHON_DOCX_CANNOT_OPEN = {"mammoth.js__strict-format.docx": "严格 Open XML"}
KEPT_BYTE_FOR_BYTE = ("word/media/", "word/header", "word/footer", "word/footnotes", "word/endnotes",
                      "word/comments", "word/styles.xml", "word/numbering.xml", "customXml/")


def canonical(xml: bytes) -> bytes:
    """Same elements and attributes in the same order, ignoring formatting whitespace and prefixes."""
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(xml, parser), method="c14n2", strip_text=True)


def strict_canonical(xml: bytes) -> bytes:
    """C14N 1.0 with the text as it stands: libxml2's own, five times faster than lxml's C14N 2.0 (7 s
    for a 12 MB part). Equal here means equal canonical() too, which then need not be computed."""
    return etree.tostring(etree.fromstring(xml, etree.XMLParser(remove_blank_text=True)), method="c14n")


def test_peer_files_are_present():
    require_peer()
    assert len(list(PEER_DOCX.glob("*.docx"))) >= 30


@pytest.mark.parametrize("source", peer_docx_files())
def test_roundtrip_keeps_everything(source: Path, tmp_path: Path):
    target = tmp_path / "out.docx"
    if source.name in PYTHON_DOCX_CANNOT_OPEN:
        assert cli_main(["roundtrip", str(source), str(target)]) == 2
        with pytest.raises(DocumentError, match=PYTHON_DOCX_CANNOT_OPEN[source.name]):
            open_document(source)
        assert not target.exists()
        return
    assert cli_main(["roundtrip", str(source), str(target)]) == 0

    before, after = open_document(source), open_document(target)
    assert [(p.text, p.location) for p in after.paragraphs] == [(p.text, p.location) for p in before.paragraphs]
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(target) as b:
        assert b.namelist() == a.namelist()
        for name in a.namelist():
            if name == "word/document.xml":
                assert (strict_canonical(b.read(name)) == strict_canonical(a.read(name))
                        or canonical(b.read(name)) == canonical(a.read(name)))
            elif name.startswith(KEPT_BYTE_FOR_BYTE):
                assert b.read(name) == a.read(name), name
        kept = [n for n in a.namelist() if n != "word/document.xml" and b.read(n) == a.read(n)]
        assert len(kept) == len(a.namelist()) - 1, "every other part is copied unchanged"


def test_cli_text_prints_one_paragraph_per_line():
    source = peer_docx("bisheng-unstructured__1. 股东会-会议通知.docx")
    result = subprocess.run([sys.executable, "main.py", "text", str(source)], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    lines = result.stdout.split("\n")[:-1]
    assert lines == [p.text for p in open_document(source).paragraphs]
    assert "{{请依次输入议案的名称}}" in lines  # a table cell, in reading order after the body text
