"""Where the 发文机关署名 and 成文日期 stand (GB/T 9704-2012 7.3.5), as right indents in characters.

Widths count a full-width character as one, a half-width one (the digits of the date) as half,
and the gap between the two kinds as a quarter.
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


def width(text: str) -> float:
    """Width in full-width characters, with the gaps between Chinese and half-width text."""
    wide = [unicodedata.east_asian_width(c) in "WF" for c in text]
    switches = sum(1 for a, b in zip(wide, wide[1:]) if a != b)
    return sum(1.0 if w else 0.5 for w in wide) + AUTOSPACE * switches


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
