"""What counts as a Chinese character: the CJK Unified Ideographs, Extension A and the
compatibility block (traditional and rare forms appear in real drafts)."""

from __future__ import annotations

import re

UNIFIED_FIRST, UNIFIED_LAST = "\u4e00", "\u9fff"  # the main block: nearly every hanzi of a text
HANZI_RANGES = f"\u3400-\u4dbf{UNIFIED_FIRST}-{UNIFIED_LAST}\uf900-\ufaff"
HANZI = re.compile(f"[{HANZI_RANGES}]")
HANZI_ONLY = re.compile(f"^[{HANZI_RANGES}]+$")


def is_hanzi(ch: str) -> bool:
    return bool(HANZI.match(ch))


def hanzi_count(text: str) -> int:
    return len(HANZI.findall(text))
