"""Half-width punctuation in Chinese text and its full-width form: what the corpus cleaning
normalises and what the checker's fixes write (one table for both)."""

from __future__ import annotations

import re

HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
CJK = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》]"
HALF_WIDTH_IN_CHINESE = re.compile(rf"(?<={CJK})[,:;?!()]|[,:;?!()](?={CJK})")


def full_width_in_chinese(text: str) -> str:
    """Each half-width mark next to Chinese text in its full-width form (中文,标点 → 中文，标点)."""
    return HALF_WIDTH_IN_CHINESE.sub(lambda match: HALF_TO_FULL[match.group()], text)
