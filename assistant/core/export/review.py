"""Reviewed copy: the draft with each finding as a Word comment on exactly its characters.

The draft is written as it is (formatting kept) and opened with python-docx; a finding's first
and last characters are made run boundaries by splitting runs (each half keeps the run's
formatting), and python-docx 1.2 anchors a comment on those runs. A finding whose text no
longer stands at its place (it was computed before an edit) is left out and counted, never
put on whatever words stand there now.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from .. import ooxml as x
from ..atomic import atomic_write
from ..checker.model import Finding
from ..document import DocumentSnapshot, Paragraph
from ..docx_io import DocxBackend, iter_paragraphs
from ..docx_text import paragraph_atoms

AUTHOR = "公文写作助手"
INITIALS = "助手"


@dataclass(frozen=True)
class ReviewResult:
    path: Path
    placed: int  # comments written
    stale: int  # findings left out: the text at their place has changed since the check


def export_reviewed(draft: DocumentSnapshot, findings: list[Finding], path: Path | str,
                    progress=None) -> ReviewResult:
    """Write the draft with ``findings`` as comments. ``progress(done, total)`` may raise to cancel."""
    source = draft.render() if draft.format == "docx" else DocxBackend.new().render(
        [Paragraph(p.text) for p in draft.paragraphs])
    out = docx.Document(io.BytesIO(source))
    elements = [p for p, _ in iter_paragraphs(out.element.body)]
    placed = stale = 0
    ordered = sorted(findings, key=lambda f: (f.paragraph, -f.start))
    for number, finding in enumerate(ordered):
        if progress is not None and number % 50 == 0:
            progress(number, len(ordered))
        if not still_stands(finding, draft):
            stale += 1
            continue
        if draft.paragraphs[finding.paragraph].location == "textbox":
            continue  # Word does not anchor comments inside text boxes
        p = elements[finding.paragraph]
        runs = isolate(p, finding.start, finding.end)
        if not runs:
            continue
        paragraph = DocxParagraph(p, out.part)
        text = finding.message + (f"\n建议：{'、'.join(s or '（删除）' for s in finding.suggestions)}" if finding.suggestions else "")
        out.add_comment([Run(r, paragraph) for r in runs], text=text, author=AUTHOR, initials=INITIALS)
        placed += 1
    buffer = io.BytesIO()
    out.save(buffer)
    atomic_write(Path(path), buffer.getvalue())
    return ReviewResult(Path(path), placed, stale)


def still_stands(finding: Finding, draft: DocumentSnapshot) -> bool:
    """The finding's text is still at its place in the draft."""
    if finding.paragraph >= len(draft.paragraphs):
        return False
    return draft.paragraphs[finding.paragraph].text[finding.start:finding.end] == finding.text


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
