"""Test oracle for tracked changes: what Word's 接受所有修订 / 拒绝所有修订 do to the XML.

Written from the WordprocessingML rules, independently of the code under test:
- accept: a ``w:del`` goes with its content, a ``w:ins`` is unwrapped, a paragraph whose mark
  is deleted (``w:pPr/w:rPr/w:del``) merges into the next paragraph, an inserted mark is cleared;
- reject: the reverse (``w:delText`` becomes ``w:t`` again).
Only the revisions of ``author`` are resolved, so someone else's earlier ones stay for the reader.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
from lxml import etree

from assistant.core.docx_io import iter_paragraphs
from assistant.core.docx_text import paragraph_atoms, paragraph_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TRACKING = {f"{W}{name}" for name in ("ins", "del", "moveFrom", "moveTo", "rPrChange")}
MARKERS = {f"{W}{name}" for name in ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                                      "permStart", "permEnd")}
UNDELETED = {f"{W}delText": f"{W}t", f"{W}delInstrText": f"{W}instrText"}


def main_part(source: Path | bytes) -> etree._Element:
    """The main document part's root of a .docx (a path or its bytes)."""
    return docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source)).element


def resolve(root: etree._Element, author: str, accept: bool) -> etree._Element:
    """A copy of ``root`` with every revision by ``author`` accepted (or rejected)."""
    root = copy.deepcopy(root)
    keep, drop = (f"{W}ins", f"{W}del") if accept else (f"{W}del", f"{W}ins")
    mine = lambda element: element.get(f"{W}author") == author  # noqa: E731
    for mark in [m for m in root.iter(keep, drop) if mine(m) and _is_paragraph_mark(m)]:
        p = mark.getparent().getparent().getparent()
        mark.getparent().remove(mark)
        if mark.tag == drop:
            p.set("merge", "1")
    for element in [e for e in root.iter(drop) if mine(e)]:
        if element.getparent() is not None:
            element.getparent().remove(element)
    for element in [e for e in root.iter(keep) if mine(e)]:
        if not accept:
            for node in element.iter(*UNDELETED):
                node.tag = UNDELETED[node.tag]
        _unwrap(element)
    for p in [p for p in root.iter(f"{W}p") if p.get("merge")]:
        del p.attrib["merge"]
        following = p.getnext()
        while following is not None and following.tag in MARKERS:  # bookmarks between paragraphs
            following = following.getnext()
        if following is None or following.tag != f"{W}p":
            continue
        position = 1 if following.find(f"{W}pPr") is not None else 0
        for offset, child in enumerate([c for c in p if c.tag != f"{W}pPr"]):
            following.insert(position + offset, child)
        p.getparent().remove(p)
    return root


def _is_paragraph_mark(mark: etree._Element) -> bool:
    rpr = mark.getparent()
    return rpr.tag == f"{W}rPr" and rpr.getparent().tag == f"{W}pPr"


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    position = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(position + offset, child)
    parent.remove(element)


def texts(root: etree._Element) -> list[str]:
    """The paragraphs' text as the app reads them."""
    return [paragraph_text(p) for p, _ in iter_paragraphs(root.find(f"{W}body"))]


def formats(root: etree._Element) -> list[list[bytes]]:
    """Per paragraph, each character's run properties (canonical bytes, tracking marks removed)."""
    by_run: dict[etree._Element, bytes] = {}  # a run's characters share its properties: read them once a run
    out = []
    for p, _ in iter_paragraphs(root.find(f"{W}body")):
        row = []
        for atom in paragraph_atoms(p):
            run = atom.element.getparent()
            if run not in by_run:
                by_run[run] = _formatting(run.find(f"{W}rPr") if run.tag == f"{W}r" else None)
            row.append(by_run[run])
        out.append(row)
    return out


def _formatting(rpr: etree._Element | None) -> bytes:
    """Run properties as formatting: without revision marks; empty ones are no properties."""
    if rpr is None:
        return b""
    rpr = copy.deepcopy(rpr)
    for child in list(rpr):
        if child.tag in TRACKING:
            rpr.remove(child)
    return etree.tostring(rpr, method="c14n", exclusive=True) if len(rpr) else b""


def revisions_by(root: etree._Element, author: str) -> list[etree._Element]:
    return [e for e in root.iter(f"{W}ins", f"{W}del") if e.get(f"{W}author") == author]
