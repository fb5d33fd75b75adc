"""Export to the 公文 layout of GB/T 9704-2012 党政机关公文格式.

The draft's text is laid out anew: A4, the standard margins and text block, 22 lines of 28
characters per page (a line grid with exact line spacing, and character spacing for the 28 per
line), the title in 2号 小标宋, body in 3号 仿宋 with a two-character indent, heading levels
recognised from their numbering (一、 黑体; （一） 楷体; 1. and （1） 仿宋), 主送机关 flush left,
落款 and 成文日期 on the right (the date without leading zeros), and page numbers "— 1 —" in 4号
宋体, right on odd pages and left on even ones. Tables of a .docx draft are carried over.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..atomic import atomic_write
from ..docx_text import OBJECT_CHAR
from ..ooxml import xml_safe
from ..document import DocumentSnapshot
from .layout import GongwenSettings, normal_style, page_setup, set_fonts
from ..text.structure import heading_level

# Drafts also write (一) with half-width brackets and 1、 with a 顿号; both are recognised.
DATE = re.compile(r"^\s*(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?\s*$")
CHINESE_DATE = re.compile(r"^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$")
TITLE_MAX_LINES = 3
TITLE_MAX_CHARS = 40


@dataclass
class Block:
    """One paragraph of the exported document and its role."""

    text: str
    role: str  # title, addressee, heading, body, signature, date, table
    level: int = 0
    source: object = None  # the w:tbl to copy, for a table block


def export_gongwen(draft: DocumentSnapshot, path: Path | str, settings: GongwenSettings | None = None,
                   missing_fonts: set[str] = frozenset(), progress=None) -> Path:
    """Write ``draft`` laid out to GB/T 9704-2012 as a new .docx at ``path``.

    ``progress(done, total)`` is called per block; it may raise to cancel before anything is written.
    """
    settings = settings or GongwenSettings()
    blocks = structure(draft, settings.title)
    out = docx.Document()
    body = out.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    page_setup(out, settings)
    normal_style(out, settings, missing_fonts)
    for number, block in enumerate(blocks):
        if progress is not None:
            progress(number, len(blocks))
        if block.role == "table":
            _copy_table(out, block.source, settings, missing_fonts)
        else:
            _write_block(out, block, settings, missing_fonts)
    _page_numbers(out, settings, missing_fonts)
    from io import BytesIO

    buffer = BytesIO()
    out.save(buffer)
    atomic_write(Path(path), buffer.getvalue())
    return Path(path)


def structure(draft: DocumentSnapshot, title: str | None = None) -> list[Block]:
    """The roles of the draft's paragraphs: title lines, 主送机关, headings, body, 落款, date."""
    paragraphs = []
    seen_tables = set()
    tables = draft.tables()
    for paragraph in draft.paragraphs:
        if paragraph.location == "textbox":
            continue
        if paragraph.location == "table":
            table = tables.get(paragraph.uid)
            if table is not None and id(table) not in seen_tables:
                seen_tables.add(id(table))
                paragraphs.append(Block("", "table", source=table))
            continue
        text = paragraph.text.replace(OBJECT_CHAR, "").replace("\u2028", "").strip()
        if text:
            paragraphs.append(Block(text, "body"))
    blocks = paragraphs
    if title:
        lines = [line.strip() for line in title.splitlines() if line.strip()]
        if [b.text for b in blocks[:len(lines)]] == lines:  # the draft already starts with this title
            blocks = blocks[len(lines):]
        blocks = [Block(line, "title") for line in lines] + blocks
        start = len(lines)
    else:
        start = 0
        while (start < len(blocks) and start < TITLE_MAX_LINES and blocks[start].role == "body"
               and _title_like(blocks[start].text)):
            blocks[start].role = "title"
            start += 1
    if start < len(blocks) and blocks[start].role == "body" and _addressee_like(blocks[start].text):
        blocks[start].role = "addressee"
    for block in blocks:
        if block.role == "body":
            level = heading_level(block.text)
            if level is not None:
                block.role, block.level = "heading", level
    _closing(blocks)
    return blocks


def _title_like(text: str) -> bool:
    return len(text) <= TITLE_MAX_CHARS and text[-1] not in "。；：，！？" and heading_level(text) is None


def _addressee_like(text: str) -> bool:
    return text.endswith(("：", ":")) and len(text) <= 60 and "。" not in text


def _closing(blocks: list[Block]) -> None:
    """成文日期 (the last date line) and 落款 (a short line right above it), right-aligned."""
    for index in range(len(blocks) - 1, max(-1, len(blocks) - 4), -1):
        block = blocks[index]
        if block.role != "body":
            continue
        if DATE.match(block.text) or CHINESE_DATE.match(block.text):
            block.role, block.text = "date", normalise_date(block.text)
            above = blocks[index - 1] if index > 0 else None
            if above is not None and above.role == "body" and len(above.text) <= 25 and not re.search(
                    r"[。；，！？]", above.text):
                above.role = "signature"
            return


def normalise_date(text: str) -> str:
    """2025-01-05 / 2025年01月05日 → 2025年1月5日 (GB/T 9704: 月、日不编虚位)."""
    match = DATE.match(text)
    if not match:
        return text.strip()
    year, month, day = match.groups()
    return f"{year}年{int(month)}月{int(day)}日"


def _add_run(paragraph, text: str, font: str, size_pt: float, settings: GongwenSettings, missing: set[str]):
    run = paragraph.add_run(xml_safe(text))
    run.font.size = Pt(size_pt)
    run.font.bold = False
    set_fonts(run._element.get_or_add_rPr(), settings.font(font, missing), settings.latin_font)
    return run


def _write_block(out, block: Block, settings: GongwenSettings, missing: set[str]) -> None:
    paragraph = out.add_paragraph()
    layout = paragraph.paragraph_format
    indent = Pt(settings.body_size_pt * 2)
    if block.role == "title":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_run(paragraph, block.text, settings.title_font, settings.title_size_pt, settings, missing)
        return
    if block.role == "addressee":
        _add_run(paragraph, block.text, settings.body_font, settings.body_size_pt, settings, missing)
        return
    if block.role in ("signature", "date"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        layout.right_indent = Pt(settings.body_size_pt * (4 if block.role == "date" else 2))
        _add_run(paragraph, block.text, settings.body_font, settings.body_size_pt, settings, missing)
        return
    layout.first_line_indent = indent
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if block.role == "heading":
        font = settings.heading_fonts[block.level]
        head, rest = _heading_sentence(block.text)
        _add_run(paragraph, head, font, settings.body_size_pt, settings, missing)
        if rest:
            _add_run(paragraph, rest, settings.body_font, settings.body_size_pt, settings, missing)
        return
    _add_run(paragraph, block.text, settings.body_font, settings.body_size_pt, settings, missing)


def _heading_sentence(text: str) -> tuple[str, str]:
    """A run-in heading (（一）项目建设推进顺利。全年……): the heading font covers its first sentence."""
    match = re.search(r"[。！？]", text)
    if match is None or match.end() == len(text):
        return text, ""
    return text[:match.end()], text[match.end():]


def _copy_table(out, table, settings: GongwenSettings, missing: set[str]) -> None:
    """A table of the draft, copied with its structure; pictures inside are left out (their
    relationships belong to the draft's package), text set in the body font."""
    copied = copy.deepcopy(table)
    for picture in copied.xpath(".//w:drawing | .//w:pict | .//w:object"):
        picture.getparent().remove(picture)
    for rpr in copied.iter(qn("w:rPr")):
        set_fonts(rpr, settings.font(settings.body_font, missing), settings.latin_font)
    out.element.body.append(copied)
    sect_pr = out.element.body.find(qn("w:sectPr"))
    if sect_pr is not None:
        out.element.body.append(sect_pr)


def _page_numbers(out, settings: GongwenSettings, missing: set[str]) -> None:
    """"— 1 —" in 4号 宋体: odd pages right, even pages left, each one character in from the edge."""
    out.settings.odd_and_even_pages_header_footer = True
    section = out.sections[0]
    for footer, alignment in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.text = ""
        paragraph.alignment = alignment
        one_char = Pt(settings.page_number_size_pt)
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = one_char
        else:
            paragraph.paragraph_format.left_indent = one_char
        font = settings.page_number_font
        size = settings.page_number_size_pt
        _add_run(paragraph, "— ", font, size, settings, missing)
        _field(paragraph, "PAGE", font, size, settings, missing)
        _add_run(paragraph, " —", font, size, settings, missing)


def _field(paragraph, instruction: str, font: str, size: float, settings: GongwenSettings, missing: set[str]) -> None:
    for kind, text in (("begin", None), ("instr", f" {instruction} "), ("separate", None), ("result", "1"),
                       ("end", None)):
        run = _add_run(paragraph, "", font, size, settings, missing)
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "result":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._element.append(element)
