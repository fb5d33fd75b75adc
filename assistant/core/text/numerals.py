"""Chinese numerals as Arabic ones, for the fixes of the number rules (GB/T 15835-2011): years
written digit by digit (二〇二六 → 2026), counts with 十/百/千 (二十五 → 25), decimals (十二点五)."""

from __future__ import annotations

import re

DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMBER = "〇○零一二两三四五六七八九十百千"


def digit_string(text: str) -> str:
    """二〇二六 → 2026: each character one digit (years are read this way)."""
    return "".join(str(DIGITS[ch]) for ch in text)


def integer(text: str) -> int:
    """一千零五十 → 1050, 十二 → 12, 二十 → 20 (below ten thousand: what percentages and dates need)."""
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in UNITS:
            total += (current or 1) * UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text}")
    return total + current


def number(text: str) -> str:
    """十二点五 → 12.5; 三十 → 30."""
    whole, _, fraction = text.partition("点")
    value = str(integer(whole)) if whole else "0"
    return f"{value}.{digit_string(fraction)}" if fraction else value


def date(match: re.Match) -> str:
    """A Chinese-numeral date (named groups year, month, day; the last two optional) in Arabic."""
    parts = [f"{digit_string(match['year'])}年"]
    if match["month"]:
        parts.append(f"{integer(match['month'])}月")
    if match["day"]:
        parts.append(f"{integer(match['day'])}日")
    return "".join(parts)


def percent(match: re.Match) -> str:
    """百分之十二点五 (group value) → 12.5%; a range (百分之四到五, 百分之四到百分之五: groups dash
    and high) → 4%到5%, the whole range, each value with its % (GB/T 15835-2011 5.1.3)."""
    low = f"{number(match['value'])}%"
    high = match.groupdict().get("high")
    return f"{low}{match['dash']}{number(high)}%" if high else low


def zero(match: re.Match) -> str:
    """二零一二 → 二〇一二: in a year written in Chinese numerals, zero is 〇 (group year)."""
    return match["year"].replace("零", "〇")


FIXES = {"date": date, "percent": percent, "zero": zero}  # used by the checker's pattern rules
