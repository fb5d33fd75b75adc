"""Word's automatic numbering labels as text (一、 （一） 1. …), which ``w:t`` does not hold.

A numbered heading of a .docx draft shows "一、" in Word only through numbering.xml; the export
writes a new document, so the label must become text or it is lost (and the heading is not
recognised). Counters run in document order per abstract numbering, a level resetting the
levels below it; ``lvlText`` placeholders (%1 … %9) take each level's value in its ``numFmt``.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from .. import ooxml as x

CHINESE = "〇一二三四五六七八九"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def chinese_counting(value: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting)."""
    if value < 10:
        return CHINESE[value]
    if value < 20:
        return "十" + (CHINESE[value % 10] if value % 10 else "")
    if value < 100:
        return CHINESE[value // 10] + "十" + (CHINESE[value % 10] if value % 10 else "")
    rest = value % 100
    tail = "" if rest == 0 else ("零" + CHINESE[rest] if rest < 10 else
                                 (CHINESE[1] if rest < 20 else "") + chinese_counting(rest))
    return CHINESE[value // 100] + "百" + tail


def _letters(value: int) -> str:
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    out = ""
    for amount, mark in ROMAN:
        while value >= amount:
            out, value = out + mark, value - amount
    return out


FORMATS = {
    "decimal": str,
    "decimalZero": lambda v: f"{v:02d}",
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "chineseLegalSimplified": chinese_counting,
    "ideographDigital": lambda v: "".join(CHINESE[int(d)] for d in str(v)),
    "ideographTraditional": lambda v: HEAVENLY_STEMS[(v - 1) % 10],
    "decimalEnclosedCircle": lambda v: CIRCLED[v - 1] if 0 < v <= len(CIRCLED) else str(v),
    "decimalEnclosedCircleChinese": lambda v: CIRCLED[v - 1] if 0 < v <= len(CIRCLED) else str(v),
    "upperLetter": _letters,
    "lowerLetter": lambda v: _letters(v).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda v: _roman(v).lower(),
}


class Numbering:
    """Labels for a document's numbered paragraphs, taken in reading order."""

    def __init__(self, part):
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, fmt, text)
        self._abstract_of: dict[str, str] = {}
        self._style_num: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        numbering = related_root(part, RT.NUMBERING)
        if numbering is not None:
            self._read(numbering)
        styles = related_root(part, RT.STYLES)
        if styles is not None:
            self._read_styles(styles)

    def _read(self, root: etree._Element) -> None:
        abstracts = {a.get(x.w("abstractNumId")): a for a in root.iter(x.w("abstractNum"))}
        for num in root.iter(x.w("num")):
            num_id = num.get(x.w("numId"))
            abstract_id = _val(num.find(x.w("abstractNumId")))
            abstract = abstracts.get(abstract_id)
            if abstract is None:
                continue
            levels = {int(lvl.get(x.w("ilvl"), "0")): _level(lvl) for lvl in abstract.iter(x.w("lvl"))}
            for override in num.iter(x.w("lvlOverride")):
                ilvl = int(override.get(x.w("ilvl"), "0"))
                start = override.find(x.w("startOverride"))
                if start is not None and ilvl in levels:
                    levels[ilvl] = (int(_val(start) or 1),) + levels[ilvl][1:]
                lvl = override.find(x.w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self._levels[num_id] = levels
            self._abstract_of[num_id] = abstract_id

    def _read_styles(self, root: etree._Element) -> None:
        based_on, own = {}, {}
        for style in root.iter(x.w("style")):
            style_id = style.get(x.w("styleId"))
            based_on[style_id] = _val(style.find(x.w("basedOn")))
            num_pr = style.find(f"{x.PPR}/{x.w('numPr')}")
            if num_pr is not None:
                own[style_id] = (_val(num_pr.find(x.w("numId"))), int(_val(num_pr.find(x.w("ilvl"))) or 0))
        for style_id in based_on:
            current, seen = style_id, set()
            while current and current not in own and current not in seen:
                seen.add(current)
                current = based_on.get(current)
            if current in own:
                self._style_num[style_id] = own[current]

    def label(self, p: etree._Element) -> str:
        """The label Word shows before ``p`` (advancing the counters), or ""."""
        num_pr = p.find(f"{x.PPR}/{x.w('numPr')}")
        num_id, ilvl = None, 0
        style = _val(p.find(f"{x.PPR}/{x.w('pStyle')}"))
        if style in self._style_num:
            num_id, ilvl = self._style_num[style]
        if num_pr is not None:
            num_id = _val(num_pr.find(x.w("numId"))) or num_id
            ilvl = int(_val(num_pr.find(x.w("ilvl"))) or ilvl)
        levels = self._levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(self._abstract_of[num_id], {})
        start, fmt, text = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        if fmt in ("bullet", "none"):
            return ""
        for level in range(9):
            placeholder = f"%{level + 1}"
            if placeholder in text:
                level_start, level_fmt, _ = levels.get(level, (1, "decimal", ""))
                value = counters.get(level, level_start)
                text = text.replace(placeholder, FORMATS.get(level_fmt, str)(value))
        return text


def _level(lvl: etree._Element) -> tuple[int, str, str]:
    return (int(_val(lvl.find(x.w("start"))) or 1), _val(lvl.find(x.w("numFmt"))) or "decimal",
            _val(lvl.find(x.w("lvlText"))) or "")


def _val(element) -> str | None:
    return None if element is None else element.get(x.w("val"))


def related_root(part, relationship: str):
    """The related part's XML, read only (python-docx's own properties would create a missing part)."""
    try:
        return part.part_related_by(relationship).element
    except (KeyError, AttributeError):
        return None
