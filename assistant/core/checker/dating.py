"""When a document was written, and whether a sentence speaks of the past: the 规范提法 rules
depend on both (a body merged away in 2018 is the right name in a text of 2017, and in
“2017年，原国家旅游局……”)."""

from __future__ import annotations

import re
from datetime import date

from ..text.dates import CHINESE_NUMERALS, DOC_NUMBER, PRINTED, is_date, normalise_date
from ..text.structure import quoted_spans

HEAD_LINES = 6  # the 版头 and 标题 stand in the first few lines
TITLE_MAX_CHARS = 40
DATE_LINE_MAX = 20  # a line that is only a date is short (二〇二六年十二月三十一日): longer ones are not tried
FULL_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*[年—–\-～~至])")
CHINESE_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})年")
BRACKETED_YEAR = re.compile(r"[〔\[［(（]((?:19|20)\d{2})[〕\]］)）]")
# Words by which a sentence places what it names in the past (曾由……, 当时……, 十三大提出的……);
# telling of a reform (不再保留, 并入 …) is history too. 原 and 前 count only right before a
# name (原国家旅游局): elsewhere they are 原则, 前提.
PAST = re.compile(r"曾|当时|此前|以前|过去|前身|提出的|不再保留|不再设立|不再单设|更名|并入|划入|机构改革")


def document_date(texts: list[str], today: date) -> date:
    """The 成文日期 (the last line that is only a date: 2026年3月1日, 二〇二六年三月一日), else the
    印发日期 of the 版记 (某某办公室 2026年3月2日印发); else the
    year of the 发文字号 (〔2019〕) or of a title line (2019年工作要点), taken as 1 January — with the
    year alone a change made that year may come after the document, so it is not held against it;
    a title naming a period (2016—2020年) counts from its first year;
    else ``today`` (a draft being written now)."""
    written = next((_day(text) for text in reversed(texts) if 0 < len(text.strip()) <= DATE_LINE_MAX and is_date(text)), None)
    if written is not None:
        return written
    printed = [_day(re.sub(r"\s", "", m.group("date"))) for m in (PRINTED.match(t.strip()) for t in texts if "印" in t) if m]
    if printed and printed[-1] is not None:
        return printed[-1]
    head = [text.strip() for text in texts if text.strip()][:HEAD_LINES]
    for text in head:
        number = DOC_NUMBER.match(text)
        if number and number.group("year").isdigit():
            return date(int(number.group("year")), 1, 1)
    for text in head:
        years = TITLE_YEAR.findall(text)
        if years and len(text) <= TITLE_MAX_CHARS and "。" not in text:
            return date(min(int(year) for year in years), 1, 1)  # 规划（2016—2020年）: written in 2016
    return today


def _day(text: str) -> date | None:
    """2019年5月4日, 二〇一九年五月四日 → the date (None for a template's ××××年×月×日)."""
    found = FULL_DATE.match(normalise_date(text))
    return date(*(int(part) for part in found.groups())) if found else None


def years_in(text: str) -> list[int]:
    """The years a sentence names: 2017年, 二〇一七年, 〔2017〕."""
    years = [int(y) for y in YEAR.findall(text)] + [int(y) for y in BRACKETED_YEAR.findall(text)]
    years += [int("".join(str(CHINESE_NUMERALS[c]) for c in y)) for y in CHINESE_YEAR.findall(text)]
    return years


def speaks_of_past(sentence: str, before: str, changed: date) -> bool:
    """Whether a name in ``sentence`` is history rather than current usage: the sentence names a
    year before the change, or says 原/曾/当时…, or tells of the reform itself; ``before`` is the
    sentence up to the name (原 right before it, 曾 anywhere before it)."""
    if any(year < changed.year for year in years_in(sentence)):
        return True
    return PAST.search(sentence) is not None or before.endswith(("原", "前"))


def in_title_or_quote(text: str, start: int) -> bool:
    """Whether position ``start`` stands inside 《》 (a document's title) or “” (a quotation)."""
    return any(left < start < right for left, right in quoted_spans(text))
