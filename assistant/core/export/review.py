"""Reviewed copy: the draft with each finding as a Word comment on exactly its characters.

The draft is written as it is (formatting kept) and opened with python-docx; a finding's first
and last characters are made run boundaries by splitting runs (each half keeps the run's
formatting), and python-docx 1.2 anchors a comment on those runs. A finding whose text no
longer stands at its place (it was computed before an edit) is left out and counted, never
put on whatever words stand there now.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import docx
import docx.document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from .. import ooxml as x
from ... import APP_NAME
from ..atomic import atomic_write
from ..checker.model import CATEGORIES, Finding
from ..document import DocumentSnapshot, Paragraph
from ..docx_io import DocxBackend, iter_paragraphs
from ..docx_text import paragraph_atoms, split_run_before
from ..health import HealthReport, ratio_label, summary
from ..gongwen_page import set_fonts

HEALTH_TITLE = "文稿体检"
HEALTH_FONT = "宋体"
HEALTH_HEADING_FONT = "黑体"


@dataclass(frozen=True)
class ReviewResult:
    path: Path
    placed: int  # comments written
    stale: int  # findings left out: the text at their place has changed since the check


def export_reviewed(draft: DocumentSnapshot, findings: list[Finding], path: Path | str,
                    progress=None, health: HealthReport | None = None, author: str = APP_NAME) -> ReviewResult:
    """Write the draft with ``findings`` as comments. ``progress(done, total)`` may raise to cancel.
    With ``health``, the copy opens with a 文稿体检 page, then a page break and the draft."""
    source = draft.render() if draft.format == "docx" else DocxBackend.new().render(
        [Paragraph(p.text) for p in draft.paragraphs])
    out = docx.Document(io.BytesIO(source))
    elements = [p for p, _ in iter_paragraphs(out.element.body)]
    comments = CommentWriter(out, author)
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
        text = finding.message + (f"\n建议：{'、'.join(s or '（删除）' for s in finding.suggestions)}" if finding.suggestions else "")
        comments.add(runs, x.xml_safe(text))
        placed += 1
    if health is not None:
        add_health_page(out, health)
    buffer = io.BytesIO()
    out.save(buffer)
    atomic_write(Path(path), buffer.getvalue())
    return ReviewResult(Path(path), placed, stale)


class CommentWriter:
    """Word comments written in one pass. python-docx's ``add_comment`` finds the next id by
    reading every comment already made, which made a copy with 10,000 findings take minutes;
    here the ids are counted once."""

    def __init__(self, out: docx.document.Document, author: str):
        # python-docx creates the comments part when the draft has none; its root is w:comments.
        self._root = out.comments._comments_elm
        self._next_id = max((int(i) for i in self._root.xpath("./w:comment/@w:id")), default=-1) + 1
        self._attributes = {qn("w:author"): author, qn("w:initials"): author[:2],
                            qn("w:date"): dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}

    def add(self, runs: list[etree._Element], text: str) -> None:
        """A comment holding ``text`` (one paragraph per line) on the runs from first to last."""
        comment_id = self._next_id
        self._next_id += 1
        comment = etree.SubElement(self._root, qn("w:comment"), {qn("w:id"): str(comment_id), **self._attributes})
        for number, line in enumerate(text.split("\n")):
            p = etree.SubElement(comment, qn("w:p"))
            etree.SubElement(etree.SubElement(p, qn("w:pPr")), qn("w:pStyle"), {qn("w:val"): "CommentText"})
            if number == 0:  # Word's mark that ties the comment's text to its anchor
                mark = etree.SubElement(p, qn("w:r"))
                etree.SubElement(etree.SubElement(mark, qn("w:rPr")), qn("w:rStyle"), {qn("w:val"): "CommentReference"})
                etree.SubElement(mark, qn("w:annotationRef"))
            t = etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:t"), {x.XML_SPACE: "preserve"})
            t.text = line
        runs[0].insert_comment_range_start_above(comment_id)
        runs[-1].insert_comment_range_end_and_reference_below(comment_id)


def add_health_page(out: docx.document.Document, report: HealthReport) -> None:
    """A 文稿体检 page before the draft: heading, summary, findings by category, overused words.
    Built at the end of the body (python-docx's only place) and moved to its start; formatting is
    direct, since the draft's own styles may lack any named one."""
    body = out.element.body
    added: list[etree._Element] = []

    def paragraph(text: str, size: float = 12, font: str = HEALTH_FONT, centred: bool = False):
        new = out.add_paragraph()
        if centred:
            new.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = new.add_run(text)
        run.font.size = Pt(size)
        set_fonts(run._element.get_or_add_rPr(), font, "Times New Roman")
        added.append(new._p)
        return new

    def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
        grid = out.add_table(rows=len(rows) + 1, cols=len(header))
        _set_borders(grid._tbl)
        for r, values in enumerate([header, *rows]):
            for c, value in enumerate(values):
                cell = grid.cell(r, c).paragraphs[0]
                run = cell.add_run(value)
                run.font.size = Pt(11)
                set_fonts(run._element.get_or_add_rPr(), HEALTH_HEADING_FONT if r == 0 else HEALTH_FONT,
                          "Times New Roman")
        added.append(grid._tbl)

    paragraph(HEALTH_TITLE, 18, HEALTH_HEADING_FONT, centred=True)
    paragraph(summary(report))
    paragraph("问题分类", 14, HEALTH_HEADING_FONT)
    counts = [(name, str(report.by_category[key])) for key, name in CATEGORIES.items() if key in report.by_category]
    if counts:
        table(("类别", "处数"), counts)
    else:
        paragraph("没有发现问题。")
    paragraph("用得偏多的词", 14, HEALTH_HEADING_FONT)
    if report.overused:
        table(("词语", "次数", "约为常见用量的几倍"), [(w.word, str(w.count), ratio_label(w)) for w in report.overused])
    else:
        paragraph("没有明显偏多的词。")
    page_break = out.add_paragraph()
    page_break.add_run().add_break(WD_BREAK.PAGE)
    added.append(page_break._p)
    for position, element in enumerate(added):
        body.insert(position, element)


def _set_borders(tbl: etree._Element) -> None:
    """Single thin borders on every edge and between cells (placed before w:tblLook, as the schema
    orders them)."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "808080")):
            line.set(qn(key), value)
        borders.append(line)
    look = tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(borders)
    else:
        tbl.tblPr.append(borders)


def still_stands(finding: Finding, draft: DocumentSnapshot) -> bool:
    """The finding's text is still at its place in the draft."""
    if finding.paragraph >= len(draft.paragraphs):
        return False
    return draft.paragraphs[finding.paragraph].text[finding.start:finding.end] == finding.text


def isolate(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs that hold exactly the characters [start, end) of ``p``, splitting runs as needed."""
    split_run_before(p, start)
    split_run_before(p, end)
    runs: list[etree._Element] = []
    for atom in paragraph_atoms(p)[start:end]:
        run = atom.element.getparent()
        if run.tag == x.R and (not runs or runs[-1] is not run):
            runs.append(run)
    return runs
