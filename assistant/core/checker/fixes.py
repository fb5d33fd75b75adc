"""Computed fixes for pattern rules (``fix = "name"`` in a rule file): conversions a replacement
template cannot express."""

from __future__ import annotations

import re

from ..text import numerals
from ..text.entities import fix_entities
from ..text.widths import full_width_in_chinese

# Half-width quotation marks and brackets, and their full-width pairs.
FULL_WIDTH_PAIRS = {'"': ("“", "”"), "(": ("（", "）")}


def entity(match: re.Match) -> str:
    """An HTML entity or tag left in pasted text, as the character it stands for (&ldquo; and the
    damaged &ldqu → “; &nbsp; and <br> → nothing)."""
    text = match.group()
    if text.startswith("<"):
        return ""
    decoded = fix_entities(text)
    return "" if decoded.strip() == "" else decoded


def full_width_pair(match: re.Match) -> str:
    """"中文,引文" → “中文，引文”: the pair in full width and the half-width marks inside it too,
    so one 全部修正 leaves nothing in the quotation for a second one."""
    opening, closing = FULL_WIDTH_PAIRS[match.group()[0]]
    return opening + full_width_in_chinese(match.group("inside")) + closing


FIXES = {**numerals.FIXES, "entity": entity, "full-width-pair": full_width_pair}
