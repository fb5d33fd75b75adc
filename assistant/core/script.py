"""Script detection: is a text simplified, traditional, or a mix of both?

Each character is judged in context, by converting the whole text: it is *simplified* evidence
when every traditional standard (s2t, s2tw, s2hk) changes it and t2s leaves it alone (学 → 學),
and *traditional* evidence when t2s changes it and at least one traditional standard keeps it
(學, 裡, 群). Shared characters (中, 人) and context-dependent ones (干 in 若干 stays 干 in every
standard) carry no evidence. These conversions keep the length of the text, so positions line up.
"""

from __future__ import annotations

from dataclasses import dataclass

from .conversion import opencc_for
from .text.segmenter import without_surrogates

SIMPLIFIED, TRADITIONAL, MIXED, NEUTRAL = "simplified", "traditional", "mixed", "neutral"
NAMES = {SIMPLIFIED: "简体", TRADITIONAL: "繁体", MIXED: "繁简混用", NEUTRAL: "—"}
TRADITIONAL_STANDARDS = ("s2t", "s2tw", "s2hk")
# A minority script below this share of the evidence is treated as noise (a quoted name, 乾隆).
MIXED_SHARE = 0.05
MIXED_MINIMUM = 2


@dataclass(frozen=True)
class ScriptCount:
    simplified: int
    traditional: int

    @property
    def script(self) -> str:
        total = self.simplified + self.traditional
        if total == 0:
            return NEUTRAL
        minority = min(self.simplified, self.traditional)
        if minority >= MIXED_MINIMUM and minority / total >= MIXED_SHARE:
            return MIXED
        return SIMPLIFIED if self.simplified >= self.traditional else TRADITIONAL


def script_marks(text: str) -> str:
    """One mark per character of ``text``: ``S`` simplified, ``T`` traditional, ``.`` no evidence."""
    text = without_surrogates(text)
    to_traditional = [_same_length(opencc_for(config).convert, text) for config in TRADITIONAL_STANDARDS]
    to_simplified = _same_length(opencc_for("t2s").convert, text)
    marks = []
    for i, ch in enumerate(text):
        if to_simplified[i] != ch and any(version[i] == ch for version in to_traditional):
            marks.append("T")
        elif to_simplified[i] == ch and all(version[i] != ch for version in to_traditional):
            marks.append("S")
        else:
            marks.append(".")
    return "".join(marks)


def has_traditional(text: str) -> bool:
    """Quick test: can ``text`` hold traditional evidence at all? (t2s changes nothing otherwise)."""
    text = without_surrogates(text)
    return opencc_for("t2s").convert(text) != text and "T" in script_marks(text)


def count_scripts(text: str) -> ScriptCount:
    marks = script_marks(text)
    return ScriptCount(marks.count("S"), marks.count("T"))


def detect_script(text: str) -> str:
    """``simplified``, ``traditional``, ``mixed`` or ``neutral`` (no evidence either way)."""
    return count_scripts(text).script


def _same_length(convert, text: str) -> str:
    """The conversion of ``text``, character by character if a phrase changed the length."""
    converted = convert(text)
    if len(converted) == len(text):
        return converted
    one_by_one = convert("\n".join(text)).split("\n")
    if len(one_by_one) != len(text):  # OpenCC stops at a NUL character in some configurations
        one_by_one = [convert(ch) for ch in text]
    return "".join(ch if len(ch) == 1 else text[i] for i, ch in enumerate(one_by_one))
