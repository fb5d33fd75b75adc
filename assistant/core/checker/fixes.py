"""Computed fixes for pattern rules (``fix = "name"`` in a rule file): conversions a replacement
template cannot express."""

from __future__ import annotations

import re

from ..text import numerals
from ..text.entities import fix_entities


def entity(match: re.Match) -> str:
    """An HTML entity or tag left in pasted text, as the character it stands for (&ldquo; and the
    damaged &ldqu → “; &nbsp; and <br> → nothing)."""
    text = match.group()
    if text.startswith("<"):
        return ""
    decoded = fix_entities(text)
    return "" if decoded.strip() == "" else decoded


FIXES = {**numerals.FIXES, "entity": entity}
