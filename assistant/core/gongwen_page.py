"""The page and the Normal style of GB/T 9704-2012 党政机关公文格式, shared by the 公文 export and
every new .docx the app writes: A4, the standard margins and text block, 3号 仿宋_GB2312 body
with its East Asian font set, the exact line pitch that makes 22 lines fill the 225 mm text block
and 28 characters a line."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt


@dataclass
class GongwenSettings:
    """Every layout choice of the export in one place; the defaults are the standard's."""

    page_width_mm: float = 210
    page_height_mm: float = 297
    top_margin_mm: float = 37
    binding_margin_mm: float = 28
    text_width_mm: float = 156
    text_height_mm: float = 225
    lines_per_page: int = 22
    chars_per_line: int = 28
    title_font: str = "方正小标宋简体"
    title_size_pt: float = 22  # 2号
    body_font: str = "仿宋_GB2312"
    body_size_pt: float = 16  # 3号
    heading_fonts: dict[int, str] = field(default_factory=lambda: {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312",
                                                                    4: "仿宋_GB2312"})
    page_number_font: str = "宋体"
    page_number_size_pt: float = 14  # 4号
    latin_font: str = "Times New Roman"
    signer_font: str = "楷体_GB2312"  # 7.2.6: the 签发人's name in 3号楷体
    banner_font: str = "黑体"  # 7.2.2, 7.2.3: 密级 and 紧急程度 in 3号黑体
    mark_max_pt: float = 42  # 发文机关标志: 7.2.4 leaves the size to the issuer; 初号 unless too wide
    mark_color: str = "FF0000"  # 7.2.4, 7.2.7: the 标志 and the 版头 separator are red
    record_size_pt: float = 14  # 7.4.2, 7.4.3: 版记 in 4号仿宋
    sealed_gap_lines: int = 2  # blank lines above a sealed 署名: room for the seal (see closing.py)
    # Written into the document instead of a standard font that this PC lacks, when enabled.
    fallbacks: dict[str, str] = field(default_factory=lambda: {
        "方正小标宋简体": "宋体", "仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "黑体": "黑体", "宋体": "宋体"})
    use_fallback_fonts: bool = False
    title: str | None = None  # the user's own title, overriding the detected one

    def font(self, name: str, missing: set[str] = frozenset()) -> str:
        return self.fallbacks.get(name, name) if self.use_fallback_fonts and name in missing else name

    @property
    def line_pitch_pt(self) -> float:
        """5.2.3: 22 lines fill the 225 mm block; rounded down to whole
        twips so the 22nd line never spills (225 mm / 22 = 28.99 pt → 28.95 pt)."""
        return math.floor(Mm(self.text_height_mm).pt * 20 / self.lines_per_page) / 20

    @property
    def char_pitch_pt(self) -> float:
        """The advance of one 3号 character with the Normal style's spacing."""
        return self.body_size_pt + character_spacing_twips(self) / 20

    @property
    def standard_fonts(self) -> list[str]:
        return list(dict.fromkeys([self.title_font, self.body_font, *self.heading_fonts.values(),
                                   self.signer_font, self.banner_font, self.page_number_font]))


def page_setup(out, settings: GongwenSettings) -> None:
    section = out.sections[0]
    section.page_width, section.page_height = Mm(settings.page_width_mm), Mm(settings.page_height_mm)
    section.top_margin = Mm(settings.top_margin_mm)
    section.left_margin = Mm(settings.binding_margin_mm)
    section.right_margin = Mm(settings.page_width_mm - settings.binding_margin_mm - settings.text_width_mm)
    bottom = settings.page_height_mm - settings.top_margin_mm - settings.text_height_mm
    section.bottom_margin = Mm(bottom)
    # 7.5: the 一字线 of the page number sits 7 mm below the text block. The footer line is one
    # 4号 character high (exact spacing, see gongwen._page_numbers); its middle is the dash.
    section.footer_distance = Mm(bottom - 7) - Pt(settings.page_number_size_pt / 2)
    section.header_distance = Mm(15)
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(old)
    # A line grid (Word's 页面设置 shows the lines per page from it); the 28 characters per line
    # come from the character spacing set in the Normal style, which Word, WPS and LibreOffice
    # all honour (LibreOffice lays a w:charSpace character grid out far too wide).
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(settings.line_pitch_pt * 20)))
    sect_pr.append(grid)


def character_spacing_twips(settings: GongwenSettings) -> int:
    """Spacing (1/20 pt, negative = tighter) that makes ``chars_per_line`` body characters fill a line."""
    pitch = Mm(settings.text_width_mm).pt / settings.chars_per_line
    return math.floor((pitch - settings.body_size_pt) * 20)


def normal_style(out, settings: GongwenSettings, missing: set[str]) -> None:
    """Normal carries the body font, size, exact line pitch and character spacing."""
    style = out.styles["Normal"]
    style.font.size = Pt(settings.body_size_pt)
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, settings.font(settings.body_font, missing), settings.latin_font)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(character_spacing_twips(settings)))
    rpr.append(spacing)
    layout = style.paragraph_format
    layout.space_before = Pt(0)
    layout.space_after = Pt(0)
    layout.line_spacing = Pt(settings.line_pitch_pt)  # exact: one grid line per text line
    layout.widow_control = False  # 5.2.3: every full page holds its 22 lines
    # Exact spacing places every line; LibreOffice would also round each paragraph up to whole
    # grid lines, so a bordered line (版头 separator, 版记 rules) would take two.
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    style.element.get_or_add_pPr().insert_element_before(snap, "w:spacing", "w:ind", "w:jc")


def set_fonts(rpr, east_asian: str, latin: str) -> None:
    """python-docx's ``font.name`` leaves the East Asian font alone: set w:rFonts/@w:eastAsia too."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asian), ("w:cs", latin)):
        fonts.set(qn(attribute), value)
    for hint in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(hint), None)


def base_layout(out) -> None:
    """A python-docx document laid out as a 公文 page with its body style (standard fonts named;
    Word substitutes one the PC lacks)."""
    settings = GongwenSettings()
    page_setup(out, settings)
    normal_style(out, settings, frozenset())
