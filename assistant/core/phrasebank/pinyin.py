"""Pinyin initials without a pinyin library: GB2312 orders its 3,755 level-1 hanzi by pinyin, so
a character's code tells its initial letter. Level-2 and rarer characters get no initial."""

from __future__ import annotations

from bisect import bisect_right

# First GB2312 code of each initial letter in level 1 (B0A1–D7F9); I, U and V start no syllable.
_STARTS = [(0xB0A1, "a"), (0xB0C5, "b"), (0xB2C1, "c"), (0xB4EE, "d"), (0xB6EA, "e"), (0xB7A2, "f"),
           (0xB8C1, "g"), (0xB9FE, "h"), (0xBBF7, "j"), (0xBFA6, "k"), (0xC0AC, "l"), (0xC2E8, "m"),
           (0xC4C3, "n"), (0xC5B6, "o"), (0xC5BE, "p"), (0xC6DA, "q"), (0xC8BB, "r"), (0xC8F6, "s"),
           (0xCBFA, "t"), (0xCDDA, "w"), (0xCEF4, "x"), (0xD1B9, "y"), (0xD4D1, "z")]
_CODES = [code for code, _ in _STARTS]
_LEVEL_ONE_END = 0xD7F9


def initial(ch: str) -> str:
    try:
        encoded = ch.encode("gb2312")
    except UnicodeEncodeError:
        return ""
    if len(encoded) != 2:
        return ch.lower() if ch.isascii() and ch.isalpha() else ""
    code = encoded[0] << 8 | encoded[1]
    if not _CODES[0] <= code <= _LEVEL_ONE_END:
        return ""
    return _STARTS[bisect_right(_CODES, code) - 1][1]


def initials(text: str) -> str:
    """狠抓落实 → hzls (characters without a known initial are skipped)."""
    return "".join(initial(ch) for ch in text)
