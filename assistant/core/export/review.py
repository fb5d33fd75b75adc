"""Reviewed copy: the draft with each finding as a Word comment on exactly its characters.

The draft is written as it is (formatting kept) and opened with python-docx; a finding's first
and last characters are made run boundaries by splitting runs (each half keeps the run's
formatting), and python-docx 1.2 anchors a comment on those runs.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from .. import ooxml as x
from ..atomic import atomic_write
from ..checker.model import Finding
from ..document import Document
from ..docx_io import DocxBackend, iter_paragraphs
from ..docx_text import paragraph_atoms

AUTHOR = "公文写作助手"
INITIALS = "助手"


def export_reviewed(document: Document, findings: list[Finding], path: Path | str) -> Path:
    """Write the draft with ``findings`` as comments; returns the path. The draft is not changed."""
    source = document.backend.render(document.paragraphs) if document.format == "docx" else _plain_docx(document)
    out = docx.Document(io.BytesIO(source))
    elements = [p for p, _ in iter_paragraphs(out.element.body)]
    for finding in sorted(findings, key=lambda f: (f.paragraph, -f.start)):
        if finding.paragraph >= len(elements) or document.paragraphs[finding.paragraph].location == "textbox":
            continue  # Word does not anchor comments inside text boxes
        p = elements[finding.paragraph]
        runs = isolate(p, finding.start, finding.end)
        if not runs:
            continue
        paragraph = DocxParagraph(p, out.part)
        text = finding.message + (f"\n建议：{'、'.join(s or '（删除）' for s in finding.suggestions)}" if finding.suggestions else "")
        out.add_comment([Run(r, paragraph) for r in runs], text=text, author=AUTHOR, initials=INITIALS)
    buffer = io.BytesIO()
    out.save(buffer)
    atomic_write(Path(path), buffer.getvalue())
    return Path(path)


def _plain_docx(document: Document) -> bytes:
    backend = DocxBackend.new()
    from ..document import Paragraph

    return backend.render([Paragraph(p.text) for p in document.paragraphs])


def isolate(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs that hold exactly the characters [start, end) of ``p``, splitting runs as needed."""
    _split_before(p, start)
    _split_before(p, end)
    runs: list[etree._Element] = []
    for atom in paragraph_atoms(p)[start:end]:
        run = atom.element.getparent()
        if run.tag == x.R and (not runs or runs[-1] is not run):
            runs.append(run)
    return runs


def _split_before(p: etree._Element, index: int) -> None:
    atoms = paragraph_atoms(p)
    if index <= 0 or index >= len(atoms):
        return
    atom, previous = atoms[index], atoms[index - 1]
    run = atom.element.getparent()
    if run.tag != x.R or previous.element.getparent() is not run:
        return  # already a run boundary
    right = etree.Element(x.R)
    rpr = run.find(x.RPR)
    if rpr is not None:
        right.append(copy.deepcopy(rpr))
    children = list(run)
    position = children.index(atom.element)
    if atom.element.tag == x.T and atom.offset > 0:
        tail = copy.deepcopy(atom.element)
        tail.text = atom.element.text[atom.offset:]
        atom.element.text = atom.element.text[:atom.offset]
        for t in (atom.element, tail):
            t.set(x.XML_SPACE, "preserve")
        right.append(tail)
        position += 1
    for child in children[position:]:
        right.append(child)
    run.addnext(right)
