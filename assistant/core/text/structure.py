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


def heading_level(text: str) -> int | None:
    """The heading level (1–4) a paragraph's number gives it, or None."""
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(text):
            return level
    return None
