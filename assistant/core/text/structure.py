"""Structure marks of 公文: enumerations (一是/二是, 第一, 首先) and heading numbers
(一、 （一） 1. （1）), which the checker, the corpus cleaning and the export all recognise."""

from __future__ import annotations

import re

CHINESE_DIGITS = "一二三四五六七八九十"
# Ordinal and enumerating openers: deliberate structure, never monotony.
ENUMERATION = re.compile(
    rf"^(（?[{CHINESE_DIGITS}\d]+[）、.．]|[{CHINESE_DIGITS}]+[是要来则]|第[{CHINESE_DIGITS}\d]+|首先|其次|再次|最后)")
# GB/T 9704-2012 7.3.3: 一、 （一） 1. （1） for the four heading levels.
HEADING_PATTERNS = (
    (1, re.compile(rf"^[{CHINESE_DIGITS}]+、")),
    (2, re.compile(rf"^[（(][{CHINESE_DIGITS}]+[）)]")),
    (3, re.compile(r"^\d+[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\d+[）)]")),
)
# A line that opens a heading or a list item in raw text (web pages add bullets).
HEADING_START = re.compile(
    rf"^([{CHINESE_DIGITS}]+、|（[{CHINESE_DIGITS}]+）|\d+[、.．]|第[{CHINESE_DIGITS}]+[，、:：]|[★■●◆【])")


# 主送机关 (GB/T 9704-2012 7.3.2) and 抄送机关 (7.4.2): lists of bodies, named as the standard wants
# them named (各县（市、区）人民政府，市直有关部门：), not sentences to make more precise.
ADDRESSEE = re.compile(r"^[^。！？；]{2,58}(部门|单位|机关|机构|政府|党委|党组|局|委|办|厅|室|院|会|处|科|所|站|中心|公司|企业|学校|组)[：:]$")
COPY_TO = re.compile(r"^抄\s*送\s*[：:]")


def is_addressee_line(text: str) -> bool:
    """Whether a paragraph is a 主送机关 or 抄送机关 line."""
    text = text.strip()
    return bool(ADDRESSEE.match(text) or COPY_TO.match(text))


def heading_level(text: str) -> int | None:
    """The heading level (1–4) a paragraph's number gives it, or None."""
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(text):
            return level
    return None


QUOTES = {"《": "》", "“": "”", "「": "」"}
QUOTE_MARKS = re.compile("[《》“”「」]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each 《title》 and “quotation”, marks included: wording reproduced as written
    (a title, a slogan such as “双随机、一公开”), not the writer's own to vary or correct."""
    spans, stack = [], []
    for match in QUOTE_MARKS.finditer(text):
        char, index = match.group(), match.start()
        if char in QUOTES:
            stack.append((char, index))
        elif stack and char == QUOTES[stack[-1][0]]:
            spans.append((stack.pop()[1], index + 1))
    return spans
