"""Dates and document numbers as 公文 write them (成文日期, 印发日期, 发文字号), recognised and put in
the standard's form: shared by the export's 公文要素 and the checker's dating of a document."""

from __future__ import annotations

import re

DOC_NUMBER = re.compile(
    r"^(?P<org>[\u4e00-\u9fff×]{1,15})\s*(?P<open>[〔\[［（(【])\s*(?P<year>\d{4}|×{4})\s*(?P<close>[〕\]］）)】])"
    r"\s*(?P<seq>\d+|×+)\s*号")  # × : a template's placeholder
DATE = re.compile(r"^\s*(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?\s*$")
CHINESE_DATE = re.compile(r"^\s*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日\s*$")
PLACEHOLDER_DATE = re.compile(r"^\s*×{4}年×{1,2}月×{1,2}日\s*$")  # a template's
CHINESE_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
PRINTED = re.compile(r"^(?P<org>\S.*?)\s*(?P<date>(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}"
                     r"\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日)\s*印\s*发\s*$")


def is_date(text: str) -> bool:
    return bool(DATE.match(text) or CHINESE_DATE.match(text) or PLACEHOLDER_DATE.match(text))


def normalise_date(text: str) -> str:
    """2025-01-05 / 2025年01月05日 / 二〇二五年一月五日 → 2025年1月5日 (7.3.5.4: Arabic numerals,
    the year in full, 月、日不编虚位)."""
    match = DATE.match(text)
    if match:
        year, month, day = match.groups()
        return f"{year}年{int(month)}月{int(day)}日"
    match = CHINESE_DATE.match(text)
    if match:
        year = "".join(str(CHINESE_NUMERALS[c]) for c in match.group(1))
        return f"{year}年{chinese_number(match.group(2))}月{chinese_number(match.group(3))}日"
    return text.strip()


def chinese_number(text: str) -> int:
    """一 … 三十一 (the numbers of months and days)."""
    if "十" not in text:
        return CHINESE_NUMERALS[text]
    tens, _, units = text.partition("十")
    return (CHINESE_NUMERALS[tens] if tens else 1) * 10 + (CHINESE_NUMERALS[units] if units else 0)


def normalise_doc_number(text: str) -> str:
    """某政办发[2026]12号 / （2026） / 【2026】 → 某政办发〔2026〕12号 (7.2.5: 六角括号)."""
    match = DOC_NUMBER.match(text.strip())
    if match is None:
        return text.strip()
    return f"{match.group('org')}〔{match.group('year')}〕{match.group('seq')}号"
