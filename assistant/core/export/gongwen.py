"""Export to the 公文 layout of GB/T 9704-2012 党政机关公文格式.

The draft's 要素 are recognised (elements.py) or given by the user, and the document is laid out
anew: 版头 (7.2: 份号, 密级, 紧急程度, the red 发文机关标志, 发文字号 with 签发人 for 上行文, the
red separator), 主体 (7.3: 标题, 主送机关, 正文 with its headings, 附件说明, 落款 sealed or not,
附注, 附件), 版记 (7.4) at the bottom of the last, even page, and page numbers (7.5). Every line
sits on the grid of 22 lines a page (paging.py), which is how the page count is known.
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor

from ..atomic import atomic_write
from ..document import DocumentSnapshot
from ..ooxml import xml_safe
from .accepted import accept_revisions
from .closing import closing, width
from .elements import Elements, Line, recognise
from ..gongwen_page import GongwenSettings, normal_style, page_setup, set_fonts
from .links import relink
from .numbering import related_root
from .paging import Pages, line_count
from .picture import add_picture
from .source import WP_NS, Picture, Table, is_picture, labelled_copy, read_draft
from .styles import StyleCarrier
from .table_width import fit_width
from .title import title_lines

SEPARATOR_GAP_PT = 11  # 7.2.7: the red line 4 mm (11.3 pt) below the 发文字号 (w:space is whole points)
SEPARATOR_SIZE = 8  # its width in eighths of a point (1 pt); the standard gives no width for it
RECORD_THICK, RECORD_THIN = 8, 6  # 7.4.1: 0.35 mm ≈ 1 pt, 0.25 mm ≈ 0.75 pt (eighths of a point)
RECORD_RULES_PT = 3  # the height the three rules add (1 + 0.75 + 1 pt), taken from the line above them
MARK_TOP_MM = 35  # 7.2.4: the 标志's upper edge 35 mm below the top of the text block
MARK_GLYPH_EM = 1.1  # a line's bottom to the top of its glyphs, in ems (see Writer.mark)
# The start of w:pPr's schema order (CT_PPr in ECMA-376), up to the children written here.
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
             "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
             "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
             "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
             "w:suppressOverlap", "w:jc")
# What a copied table cannot keep: it refers to parts of the draft's package (its pictures in
# DrawingML come along, see links.py; drawings that are not pictures do not, see is_picture).
TABLE_LEFT_OUT = tuple(qn(tag) for tag in ("w:pict", "w:object", "w:footnoteReference",
                                           "w:endnoteReference", "w:commentReference", "w:commentRangeStart",
                                           "w:commentRangeEnd"))
TABLE_ESTIMATE_NOTE = "文稿含表格，表格所占行数是估算的：请在 Word 中核对版记在最后一页底部、总页数为双数。"
ANNEX_LABEL = re.compile(r"^附\s*件\s*\d*$")


@dataclass
class ExportResult:
    path: Path
    pages: int  # as the line grid counts them
    notes: list[str] = field(default_factory=list)  # what was changed or could not be carried


def export_gongwen(draft: DocumentSnapshot, path: Path | str, settings: GongwenSettings | None = None,
                   missing_fonts: set[str] = frozenset(), progress=None,
                   elements: Elements | None = None) -> ExportResult:
    """Write ``draft`` laid out to GB/T 9704-2012 as a new .docx at ``path``.

    ``elements`` are the 公文要素 as the user confirmed them (recognised from the draft when None).
    ``progress(done, total)`` is called per line; it may raise to cancel before anything is written.
    """
    settings = settings or GongwenSettings()
    source = read_draft(draft)
    found = recognise(source.lines)
    elements = elements or found.elements
    if settings.title:
        elements = elements.updated({"标题": settings.title})
    writer = Writer(settings, missing_fonts, source.part)
    writer.banner(elements)
    writer.title_and_addressee(elements)
    for number, line in enumerate(found.body):
        if progress is not None:
            progress(number, len(found.body))
        writer.line(line, keep_with_next=number == len(found.body) - 1 and writer.has_closing(elements))
    writer.closing(elements)
    writer.annex(found.annex)
    writer.record(elements)
    writer.page_numbers()
    buffer = BytesIO()
    writer.out.save(buffer)
    atomic_write(Path(path), buffer.getvalue())
    notes = list(source.notes)
    if (elements.cc or elements.printer) and any(line.role == "table" for line in source.lines):
        notes.append(TABLE_ESTIMATE_NOTE)
    return ExportResult(Path(path), writer.pages.last_page, notes)


class Writer:
    """Builds the document paragraph by paragraph and counts the lines each one takes."""

    def __init__(self, settings: GongwenSettings, missing: set[str], draft_part=None):
        self.s, self.missing = settings, missing
        self.out = docx.Document()
        body = self.out.element.body
        for p in body.findall(qn("w:p")):
            body.remove(p)
        page_setup(self.out, settings)
        normal_style(self.out, settings, missing)
        self.pages = Pages(settings.lines_per_page)
        self.pitch = settings.line_pitch_pt
        self.char = settings.char_pitch_pt
        self.chain_start: int | None = None  # first line kept with the 落款
        self.draft_part = draft_part  # what the tables copied in refer to: its styles, its relationships
        self.styles = StyleCarrier(related_root(draft_part, RT.STYLES) if draft_part is not None else None,
                                   self.out.styles.element)

    # -- building blocks -------------------------------------------------------------------

    def paragraph(self, lines: int = 1, align=None):
        paragraph = self.out.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        self.pages.add(lines)
        return paragraph

    def run(self, paragraph, text: str, font: str | None = None, size: float | None = None,
            color: str | None = None, latin: str | None = None):
        run = paragraph.add_run(xml_safe(text))
        run.font.size = Pt(size or self.s.body_size_pt)
        run.font.bold = False
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
        east_asian = self.s.font(font or self.s.body_font, self.missing)
        set_fonts(run._element.get_or_add_rPr(), east_asian, latin or self.s.latin_font)
        return run

    def blank(self, height_pt: float | None = None, lines: int = 1) -> None:
        paragraph = self.paragraph(lines)
        if height_pt is not None:
            _exact(paragraph, height_pt)

    def text(self, text: str, *, first_indent: float = 2, left: float = 0, right: float = 0,
             align=WD_ALIGN_PARAGRAPH.JUSTIFY, font: str | None = None, lead: str = "", lead_font: str | None = None):
        """A 3号 paragraph; indents in characters. ``lead`` (a run-in heading) opens it in ``lead_font``."""
        capacity = self.s.chars_per_line - left - right
        paragraph = self.paragraph(line_count(lead + text, capacity, first_indent), align)
        layout = paragraph.paragraph_format
        if first_indent:
            layout.first_line_indent = Pt(self.char * first_indent)
        if left:
            layout.left_indent = Pt(self.char * left)
        if right:
            layout.right_indent = Pt(self.char * right)
        if lead:
            self.run(paragraph, lead, lead_font)
        if text:
            self.run(paragraph, text, font)
        return paragraph

    # -- 版头 (7.2) ------------------------------------------------------------------------

    def banner(self, e: Elements) -> None:
        top = [(e.copy_number, None), (e.secrecy, self.s.banner_font), (e.urgency, self.s.banner_font)]
        for text, font in top:  # 7.2.1–7.2.3: 顶格 in the top-left lines, in this order
            if text:
                self.run(self.paragraph(), text, font)
        if not (e.issuer_mark or e.doc_number):
            return
        if e.issuer_mark:
            self.mark(e.issuer_mark)
            self.blank(lines=2)  # 7.2.5: the 发文字号 下空二行 under the 标志
        number = self.paragraph(align=None if e.upward else WD_ALIGN_PARAGRAPH.CENTER)
        if e.upward:  # 7.2.5/7.2.6: 文号 居左空一字, 签发人 居右空一字, on one line
            layout = number.paragraph_format
            layout.left_indent = Pt(self.char)
            layout.tab_stops.add_tab_stop(Pt(Emu(self.out.sections[0].page_width - self.out.sections[0].left_margin
                                                 - self.out.sections[0].right_margin).pt - self.char),
                                          WD_TAB_ALIGNMENT.RIGHT)
        self.run(number, e.doc_number)
        if e.upward and e.signer:
            self.run(number, "\t签发人：")
            self.run(number, e.signer, self.s.signer_font)
        # 7.2.7: the red separator, as the 文号 paragraph's bottom border; the blank line under it
        # is shortened by the border's room so the grid holds.
        _border(number, "bottom", SEPARATOR_SIZE, self.s.mark_color, SEPARATOR_GAP_PT)
        self.blank(self.pitch - SEPARATOR_GAP_PT - SEPARATOR_SIZE / 8)
        self.blank()  # 7.3.1: the 标题 下空二行 under the separator

    def mark(self, text: str) -> None:
        """7.2.4: 居中, red, 小标宋; its upper edge 35 mm below the text block's top. Its height is
        whole lines (space after fills up), so the grid below it holds."""
        size = min(self.s.mark_max_pt, math.floor(self.s.text_width_mm / 25.4 * 72 / max(width(text), 1)))
        height = math.ceil(size * 1.2 / self.pitch) * self.pitch
        above = self.pages.used * self.pitch
        target = MARK_TOP_MM / 25.4 * 72
        # With exact spacing the glyphs stand near the line's bottom: their top is about 1.1 em
        # above it (measured on LibreOffice's PDF by tests/render_gongwen.py).
        before = max(0.0, target - above - (height - MARK_GLYPH_EM * size))
        lines = math.ceil((above + before + height) / self.pitch - 1e-6) - self.pages.used
        paragraph = self.paragraph(lines, WD_ALIGN_PARAGRAPH.CENTER)
        layout = paragraph.paragraph_format
        layout.space_before = Pt(before)
        layout.space_after = Pt((self.pages.used * self.pitch) - (above + before + height))
        _exact(paragraph, height)
        self.run(paragraph, text, self.s.title_font, size, self.s.mark_color)

    # -- 主体 (7.3) ------------------------------------------------------------------------

    def title_and_addressee(self, e: Elements) -> None:
        if e.title:
            self.title(e.title)
        if e.addressee:
            self.text(e.addressee, first_indent=0, align=None)  # 7.3.2: 居左顶格, 回行时仍顶格

    def title(self, title: str) -> None:
        capacity = Pt(self.s.text_width_mm / 25.4 * 72).pt / (self.s.title_size_pt + self.char - self.s.body_size_pt)
        for line in title.splitlines():  # 7.3.1: 2号小标宋, centred, one or more lines
            broken = title_lines(line, capacity)  # a long line: balanced lines, whole words
            paragraph = self.paragraph(len(broken), WD_ALIGN_PARAGRAPH.CENTER)
            for number, part in enumerate(broken):
                run = self.run(paragraph, part, self.s.title_font, self.s.title_size_pt)
                if number < len(broken) - 1:
                    run.add_break()
        self.blank()  # 7.3.2: the 主送机关 标题下空一行 (and the 正文 after a title without one)

    def line(self, line: Line, keep_with_next: bool = False) -> None:
        start = self.pages.used
        if line.role == "table":
            self.table(line.source)
        elif line.role == "picture":
            self.picture(line.source)
        elif line.role == "heading":  # a run-in heading: the heading font covers its first sentence
            head, rest = _heading_sentence(line.text)
            self.text(rest, lead=head, lead_font=self.s.heading_fonts[line.level])
        else:
            self.text(line.text)
        if keep_with_next:  # LibreOffice moves the whole paragraph along with the 落款
            self.chain_start = start
            self.out.paragraphs[-1].paragraph_format.keep_with_next = True

    def table(self, table: Table) -> None:
        """A table of the draft, copied with its structure, its styles, its links, its pictures and
        its text (numbering labels made text, revisions accepted) in the body font, narrowed to the
        text block; what refers to the draft's own package (notes, comments, objects) is left out,
        and source.py says so."""
        copied = labelled_copy(table)
        accept_revisions(copied)
        self.styles.carry(copied)
        left_out = [e for e in copied.iter(*TABLE_LEFT_OUT)]
        left_out += [e for e in copied.iter(qn("w:drawing")) if not is_picture(e)]
        for element in left_out:
            element.getparent().remove(element)
        relink(copied, self.draft_part, self.out.part)
        for rpr in copied.iter(qn("w:rPr")):
            set_fonts(rpr, self.s.font(self.s.body_font, self.missing), self.s.latin_font)
        fit_width(copied, self.s.text_width_mm / 25.4 * 1440)
        end = self.out.element.body.find(qn("w:sectPr"))
        if end.getprevious() is not None and end.getprevious().tag == qn("w:tbl"):
            self.blank()  # two tables with nothing between them are one table to Word and LibreOffice
        end.addprevious(copied)
        for properties in copied.iter(f"{{{WP_NS}}}docPr"):  # ids unique in the export, as Word wants them
            properties.set("id", str(self.out.part.next_id))
        self.pages.add(_table_lines(copied, self.s))

    def picture(self, picture: Picture) -> None:
        """Centred, scaled to the text width at most, on a whole number of grid lines."""
        text_width = Pt(self.s.text_width_mm / 25.4 * 72)
        scale = min(1.0, text_width / picture.width, self.s.lines_per_page * Pt(self.pitch) * 0.8 / picture.height)
        height = Emu(int(picture.height * scale))
        lines = math.ceil(height.pt / self.pitch)
        paragraph = self.paragraph(lines, WD_ALIGN_PARAGRAPH.CENTER)
        _exact(paragraph, lines * self.pitch)
        add_picture(paragraph.add_run(), picture, Emu(int(picture.width * scale)), height)

    def has_closing(self, e: Elements) -> bool:
        return bool(e.attachments or e.signature or e.date)

    def closing(self, e: Elements) -> None:
        """附件说明 (7.3.4), 署名 and 成文日期 (7.3.5), 附注 (7.3.6), kept on one page with the 正文's
        last line so no page holds the 落款 alone (7.3.5.5 allows adjusting the spacing; moving
        the last line is Word's keep-with-next)."""
        if not self.has_closing(e):
            return
        if self.chain_start is None:
            self.chain_start = self.pages.used
        if e.attachments:
            self.keep(self.paragraph())  # 正文下空一行
            self.attachments(e.attachments)
        place = closing(e.signature, e.date, e.sealed, self.s.sealed_gap_lines)
        if e.signature or e.date:
            for _ in range(place.gap_lines):
                self.keep(self.paragraph())
        if e.signature:
            self.keep(self.text(e.signature, first_indent=0, right=place.signature_right,
                                align=WD_ALIGN_PARAGRAPH.RIGHT))
        if e.date:
            date = self.text(e.date, first_indent=0, right=place.date_right, align=WD_ALIGN_PARAGRAPH.RIGHT)
            if e.note:
                self.keep(date)
        if e.note:  # 居左空二字加圆括号, 成文日期下一行
            self.text(f"（{e.note}）")
        self.pages.keep_together(self.chain_start)

    def keep(self, paragraph):
        paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def attachments(self, names: list[str]) -> None:
        """7.3.4: 左空二字 “附件：”; several are numbered 1. 2. …; a wrapped name aligns with its
        first character (hanging indent), later numbers under the first."""
        label = 3.0  # 附件：
        for number, name in enumerate(names, 1):
            prefix = f"{number}." if len(names) > 1 else ""
            hang = width(prefix)
            text = ("附件：" if number == 1 else "") + prefix + name.rstrip("。.；;，,")
            left = 2 + label + hang
            first = -(label + hang) if number == 1 else -hang
            paragraph = self.text(text, first_indent=first, left=left, align=None)
            paragraph.paragraph_format.first_line_indent = Pt(self.char * first)
            self.keep(paragraph)

    def annex(self, lines: list[Line]) -> None:
        """7.3.7: 附件 另面编排; “附件N” in 黑体 顶格 on the first line, its title centred on the
        third, then the text as 正文."""
        if not lines:
            return
        self.pages.break_page()
        first, rest = lines[0], lines[1:]
        if first.role == "body" and ANNEX_LABEL.match(first.text):
            label = self.text(first.text, first_indent=0, font=self.s.heading_fonts[1], align=None)
            label.paragraph_format.page_break_before = True
            self.blank()
            if rest and rest[0].role == "body":
                self.title(rest[0].text)
                rest = rest[1:]
        else:
            self.paragraph().paragraph_format.page_break_before = True
            rest = lines
        for line in rest:
            self.line(line)

    # -- 版记 (7.4) ------------------------------------------------------------------------

    def record(self, e: Elements) -> None:
        """抄送 and 印发 in 4号仿宋 between a thick first and last line (a thin one between them),
        on the bottom lines of the last page (7.4.1: the last line coincides with the text block's
        lower edge), which must be even: blank lines fill up to it, over a page break (and a
        blank page) when the 版记 does not fit on an even last page."""
        if not (e.cc or e.printer or e.print_date):
            return
        size = self.s.record_size_pt
        one = Pt(size)
        capacity = (self.s.chars_per_line * self.char) / size - 2
        cc_text = f"抄送：{e.cc}。" if e.cc else ""
        needed = (line_count(cc_text, capacity, -3) if cc_text else 0) + 1
        if self.pages.last_page % 2 == 1:
            self.pages.break_page()
            self.paragraph().paragraph_format.page_break_before = True
        elif self.pages.room_on_last_page < needed:
            # 7.5: a blank page before the 版记 page; neither carries a page number, so they
            # form a section of their own whose footers stay empty.
            self._end_numbered_section()
            self.pages.break_page()
            self.paragraph()
            self.pages.break_page()
            self.paragraph().paragraph_format.page_break_before = True
        filler = self.pages.left_on_page - needed
        for number in range(filler):  # the last filler gives the rules' width back
            self.blank(self.pitch - RECORD_RULES_PT if number == filler - 1 else None)
        if cc_text:  # 7.4.2: 左右各空一字, 回行时与冒号后的首字对齐
            cc = self.paragraph(needed - 1)
            layout = cc.paragraph_format
            layout.left_indent, layout.right_indent = one * 4, one
            layout.first_line_indent = -one * 3
            self.run(cc, cc_text, size=size)
            _border(cc, "top", RECORD_THICK)
            _border(cc, "bottom", RECORD_THIN)
        printed = self.paragraph()  # 7.4.3: 印发机关 左空一字, 印发日期 右空一字, “印发”
        layout = printed.paragraph_format
        layout.left_indent, layout.right_indent = one, one
        layout.tab_stops.add_tab_stop(Pt(self.s.text_width_mm / 25.4 * 72) - one, WD_TAB_ALIGNMENT.RIGHT)
        self.run(printed, f"{e.printer}\t{e.print_date}印发" if e.print_date else e.printer, size=size)
        if not cc_text:
            _border(printed, "top", RECORD_THICK)
        _border(printed, "bottom", RECORD_THICK)

    def _end_numbered_section(self) -> None:
        """The last paragraph so far closes the numbered section (a next-page section break)."""
        body = self.out.element.body
        last = body.find(qn("w:sectPr")).getprevious()
        if last is None or last.tag != qn("w:p"):
            last = self.out.add_paragraph()._p
        last.get_or_add_pPr().append(copy.deepcopy(body.find(qn("w:sectPr"))))

    # -- 页码 (7.5) ------------------------------------------------------------------------

    def page_numbers(self) -> None:
        """“— 1 —” in 4号 宋体 (digits too): odd pages 居右空一字, even pages 居左空一字."""
        self.out.settings.odd_and_even_pages_header_footer = True
        section = self.out.sections[0]
        size = self.s.page_number_size_pt
        font = self.s.font(self.s.page_number_font, self.missing)
        for footer, alignment in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                                  (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.text = ""
            paragraph.alignment = alignment
            _exact(paragraph, size)
            one_char = Pt(size)
            if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
                paragraph.paragraph_format.right_indent = one_char
            else:
                paragraph.paragraph_format.left_indent = one_char
            self.run(paragraph, "— ", self.s.page_number_font, size, latin=font)
            _field(paragraph, "PAGE", lambda p: self.run(p, "", self.s.page_number_font, size, latin=font))
            self.run(paragraph, " —", self.s.page_number_font, size, latin=font)
        for unnumbered in self.out.sections[1:]:  # the blank page and the 版记 page after it
            unnumbered.footer.is_linked_to_previous = False
            unnumbered.even_page_footer.is_linked_to_previous = False


def _table_lines(table, settings: GongwenSettings) -> int:
    """Grid lines a copied table takes (an estimate): per row, its tallest cell or its set
    height; a cell's paragraphs wrap at its width (tblGrid, gridSpan) in the size its text is
    set in, one line pitch a line, plus their spacing before and after."""
    columns = [int(c.get(qn("w:w"), "0")) / 20 for c in table.iter(qn("w:gridCol"))]
    fallback = Pt(settings.text_width_mm / 25.4 * 72).pt / max(len(columns), 1)
    pitch = settings.line_pitch_pt
    total = 0.0
    for row in table.iter(qn("w:tr")):
        height = row.find(f"{qn('w:trPr')}/{qn('w:trHeight')}")
        tallest, column = (int(height.get(qn("w:val"), "0")) / 20 if height is not None else 0.0), 0
        for cell in row.findall(qn("w:tc")):
            span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            count = int(span.get(qn("w:val"))) if span is not None else 1
            cell_width = sum(columns[column:column + count]) or fallback * count
            column += count
            size = cell.find(f".//{qn('w:sz')}")
            size_pt = int(size.get(qn("w:val"))) / 2 if size is not None else settings.body_size_pt
            capacity = max(1.0, (cell_width - 10.8) / size_pt)  # less the cell's default margins
            cell_height = 0.0
            for p in cell.iter(qn("w:p")):
                text = "".join(t.text or "" for t in p.iter(qn("w:t")))
                spacing = p.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
                around = sum(int(spacing.get(qn(f"w:{k}"), "0")) for k in ("before", "after")) / 20 \
                    if spacing is not None else 0.0
                cell_height += line_count(text, capacity) * pitch + around
            tallest = max(tallest, cell_height)
        total += tallest
    return math.ceil(total / pitch - 1e-6)


def _exact(paragraph, height_pt: float) -> None:
    layout = paragraph.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = Pt(height_pt)


def _ppr_child(paragraph, tag: str):
    """The pPr child ``tag``, created in schema order (Word rejects pPr children out of order)."""
    ppr = paragraph._p.get_or_add_pPr()
    element = ppr.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        ppr.insert_element_before(element, *PPR_ORDER[PPR_ORDER.index(tag) + 1:])
    return element


def _border(paragraph, edge: str, size: int, color: str = "000000", space: int = 0) -> None:
    borders = _ppr_child(paragraph, "w:pBdr")
    line = OxmlElement(f"w:{edge}")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", str(space)), ("w:color", color)):
        line.set(qn(key), value)
    order = ["top", "left", "bottom", "right", "between", "bar"]
    following = [b for b in borders if b.tag.split("}")[1] in order[order.index(edge) + 1:]]
    if following:
        following[0].addprevious(line)
    else:
        borders.append(line)


def _field(paragraph, instruction: str, new_run) -> None:
    for kind, text in (("begin", None), ("instr", f" {instruction} "), ("separate", None), ("result", "1"),
                       ("end", None)):
        run = new_run(paragraph)
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


def _heading_sentence(text: str) -> tuple[str, str]:
    """A run-in heading (（一）项目建设推进顺利。全年……): the heading font covers its first sentence."""
    match = re.search(r"[。！？]", text)
    if match is None or match.end() == len(text):
        return text, ""
    return text[:match.end()], text[match.end():]
