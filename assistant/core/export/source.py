"""What the 公文 export takes from a draft: each paragraph's text with its Word numbering label,
tables (their numbering labels made text too), pictures and text-box text, and a list of what
cannot be carried (said to the user)."""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field

from docx.opc.constants import CONTENT_TYPE as CT
from lxml import etree

from .. import ooxml as x
from ..docx_text import LINE_BREAK, OBJECT_CHAR
from .elements import Line
from .numbering import Numbering

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MARGIN_TYPES = {CT.WML_HEADER, CT.WML_FOOTER}
VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
# What a paragraph may hold that the export cannot rebuild, and how the user is told about it.
LEFT_OUT = {x.w("footnoteReference"): "脚注", x.w("endnoteReference"): "尾注", x.w("object"): "嵌入对象",
            x.w("commentReference"): "批注",
            x.m("oMath"): "公式", "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart": "图表"}


@dataclass(frozen=True)
class Picture:
    """An inline picture to carry: the image bytes, its size in the draft (EMU), and its part's
    content type and extension (python-docx recognises no EMF or WMF, so they are copied as they are)."""

    blob: bytes
    width: int
    height: int
    content_type: str
    ext: str


@dataclass(frozen=True)
class Table:
    """A table to carry: the draft's element, and the numbering label of each of its paragraphs
    in document order ("" where none), counted where the table stands among the draft's lists."""

    element: etree._Element
    labels: tuple[str, ...]


@dataclass
class Source:
    lines: list[Line]
    notes: list[str] = field(default_factory=list)  # what was changed or left out, for the user
    part: object = None  # the draft's document part, whose styles and relationships its tables name


def read_draft(draft) -> Source:
    """The draft's lines in reading order, numbering labels made text, objects sorted out."""
    elements, part = draft.elements()
    numbering = Numbering(part) if part is not None else None
    tables = draft.tables()
    lines: list[Line] = []
    seen_tables: set[int] = set()
    lost: Counter[str] = Counter()
    boxed = 0
    for paragraph in draft.paragraphs:
        element = elements.get(paragraph.uid)
        if paragraph.location == "table":
            table = tables.get(paragraph.uid)
            if table is not None and id(table) not in seen_tables:
                seen_tables.add(id(table))
                labels = tuple(numbering.label(p) if numbering is not None and p.find(x.PPR) is not None else ""
                               for p in table.iter(x.P))
                lines.append(Line("", "table", source=Table(table, labels)))
                _count_left_out(table, lost)
            continue
        label = numbering.label(element) if numbering is not None and element is not None else ""
        text = paragraph.text.replace(OBJECT_CHAR, "").replace(LINE_BREAK, "").strip()
        if label and text:
            label = _spaced(label)
        if label or text:
            lines.append(Line(label + text))
            boxed += paragraph.location == "textbox"
        if element is not None and paragraph.location == "body":
            for picture in pictures(element, part):
                lines.append(Line("", "picture", source=picture))
            _count_left_out(element, lost)
    notes = [f"{name} {count} 处未能带入导出文件，请在 Word 中补上。" for name, count in lost.items() if count]
    if boxed:
        notes.insert(0, f"文本框中的 {boxed} 段文字已作为正文段落排入。")
    if part is not None and _margin_text(part):
        notes.append("原文的页眉、页脚未带入（公文只在页脚编排页码）。")
    return Source(lines, notes, part)


def _spaced(label: str) -> str:
    """A label as it leads its text: a space after it unless it ends in its own punctuation."""
    return label if label[-1] in "、.．)）:：" else label + " "


def labelled_copy(table: Table) -> etree._Element:
    """A copy of the table whose numbered paragraphs carry their labels as text (the export has
    none of the draft's numbering definitions; a numId left in would name one of its own)."""
    copied = copy.deepcopy(table.element)
    for p, label in zip(list(copied.iter(x.P)), table.labels):
        ppr = p.find(x.PPR)
        if not label and (ppr is None or ppr.find(x.w("numPr")) is None):
            continue
        if label:
            has_text = any(t.text for t in p.iter(x.T))
            _prepend_run(p, _spaced(label) if has_text else label)
        number = p.get_or_add_pPr().get_or_add_numPr()  # numId 0: no numbering, nor the style's
        for child in list(number):
            number.remove(child)
        number.get_or_add_numId().val = 0
    return copied


def _prepend_run(p: etree._Element, text: str) -> None:
    """A run of ``text`` before ``p``'s first run, formatted like it."""
    first = p.find(x.R)
    run = etree.Element(x.R)
    if first is not None and first.find(x.RPR) is not None:
        run.append(copy.deepcopy(first.find(x.RPR)))
    etree.SubElement(run, x.T, {x.XML_SPACE: "preserve"}).text = text
    if first is not None:
        first.addprevious(run)
    else:
        p.append(run)


def _margin_text(part) -> bool:
    """The draft's headers or footers hold text (a page number field alone does not count)."""
    for related in part.package.iter_parts():
        if related.content_type in MARGIN_TYPES:
            root = etree.fromstring(related.blob)
            if "".join(t.text or "" for t in root.iter(x.T)).strip():
                return True
    return False



def _count_left_out(element: etree._Element, lost: Counter) -> None:
    for tag, name in LEFT_OUT.items():
        lost[name] += sum(1 for _ in element.iter(tag))
    # Old-style (VML) pictures, not the fallback copies of DrawingML ones, and pictures in text boxes.
    lost["旧格式图片"] += sum(1 for pict in element.iter(x.w("pict"))
                          if pict.find(f".//{VML_IMAGE}") is not None and not _in_fallback(pict))
    lost["文本框中的图片"] += sum(1 for box in element.iter(x.TXBX_CONTENT) if not _in_fallback(box)
                            for _ in box.iter(f"{{{A_NS}}}blip"))


def _in_fallback(element: etree._Element) -> bool:
    return any(ancestor.tag == x.FALLBACK for ancestor in element.iterancestors())


def is_picture(drawing: etree._Element) -> bool:
    """A w:drawing that is a picture (not a text box, a shape or a chart)."""
    return drawing.find(f".//{{{A_NS}}}blip") is not None and drawing.find(f".//{x.TXBX_CONTENT}") is None


def pictures(p: etree._Element, part) -> list[Picture]:
    """Pictures drawn in ``p`` (not in its text boxes), with their image data from ``part``."""
    found = []
    for drawing in p.iter(x.w("drawing")):
        blip = drawing.find(f".//{{{A_NS}}}blip")
        extent = drawing.find(f".//{{{WP_NS}}}extent")
        if not is_picture(drawing) or extent is None:
            continue
        try:
            image = part.related_parts[blip.get(R_EMBED)]
        except KeyError:
            continue
        found.append(Picture(image.blob, int(extent.get("cx")), int(extent.get("cy")), image.content_type,
                             image.partname.ext))
    return found
