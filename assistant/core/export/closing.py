"""Where the 发文机关署名 and 成文日期 stand (GB/T 9704-2012 7.3.5), as right indents in characters.

Widths count a full-width character as one, a digit as half, and the gap between the two kinds
as a quarter (closing.width).
- 7.3.5.1 sealed: the date 右空四字; the 署名 centred over the date. The standard only asks that
  the seal's top stand within one line of the text above; ``GongwenSettings.sealed_gap_lines``
  blank lines leave the seal that room over the 署名 and date (a layout choice, not a figure of
  the standard).
- 7.3.5.2 unsealed: one blank line, the 署名 右空二字, the date on the next line starting two
  characters right of the 署名's first character; a date longer than the 署名 stands 右空二字 and
  the 署名 moves left to keep the two-character step.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


AUTOSPACE = 0.25  # the gap Word and LibreOffice put between Chinese and digits or Latin letters
NARROW = 0.25  # half-width punctuation and spaces in Times New Roman (, . : ; about a quarter em)


def width(text: str) -> float:
    """Width in full-width characters: Chinese (and ambiguous-width marks such as ★) one, digits
    and Latin letters half, half-width punctuation a quarter, plus the gaps between Chinese and
    digits or letters."""
    total, previous = 0.0, None
    for char in text:
        kind = "wide" if unicodedata.east_asian_width(char) in "WFA" else "alnum" if char.isalnum() else "narrow"
        total += {"wide": 1.0, "alnum": 0.5, "narrow": NARROW}[kind]
        if {previous, kind} == {"wide", "alnum"}:
            total += AUTOSPACE
        previous = kind
    return total


@dataclass(frozen=True)
class Closing:
    gap_lines: int  # blank lines between the 正文 (or 附件说明) and the 署名
    signature_right: float  # right indents, in characters
    date_right: float


def closing(signature: str, date: str, sealed: bool, sealed_gap_lines: int = 2) -> Closing:
    if sealed:
        date_right = 4.0
        signature_right = max(0.0, date_right + (width(date) - width(signature)) / 2) if signature else 0.0
        return Closing(sealed_gap_lines, signature_right, date_right)
    if not signature:
        return Closing(1, 0.0, 2.0)
    signature_right = 2.0
    date_right = signature_right + width(signature) - 2 - width(date)
    if date_right < 2:
        date_right = 2.0
        signature_right = date_right + width(date) + 2 - width(signature)
    return Closing(1, signature_right, date_right)
