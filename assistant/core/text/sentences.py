"""Sentences and clauses: where a sentence of 公文 prose ends and where its clauses break."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SENTENCE_END = "。！？；!?;…"
# Only the full-width marks: where half-width ?! may be noise (mojibake, pasted code).
FULL_WIDTH_SENTENCE_END = "。！？；"
CLAUSE_SEPARATORS = "，、；：,;:"
CLOSING_MARKS = "”’」』）)"


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentences(text: str, ends: str = SENTENCE_END) -> list[Span]:
    """Sentences end at 。！？；… (closing quotes stay with their sentence); leading spaces are
    not part of a sentence."""
    spans, start = [], 0
    for match in _sentence_end(ends).finditer(text):
        while start < match.start() and text[start].isspace():
            start += 1
        if start < match.end() and text[start:match.end()].strip():
            spans.append(Span(start, match.end()))
        start = match.end()
    return spans


@lru_cache(maxsize=4)
def _sentence_end(ends: str) -> re.Pattern:
    return re.compile(rf"[{re.escape(ends)}]+[{CLOSING_MARKS}]?|$")


def sentence_at(text: str, position: int) -> str:
    """The sentence holding ``position`` (the whole text when it holds no sentence)."""
    for span in sentences(text):
        if span.start <= position < span.end:
            return text[span.start:span.end]
    return text


def clauses(text: str, sentence: Span) -> list[Span]:
    """The clauses of a sentence, cut at commas, 顿号, semicolons, colons and its end."""
    spans, start = [], sentence.start
    for match in CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if match.start() > start:
            spans.append(Span(start, match.start()))
        start = match.start() + 1
    if start < sentence.end:
        spans.append(Span(start, sentence.end))
    return spans


# Where clauses are cut: every pause and every sentence end.
CLAUSE_BREAK = re.compile(f"[{re.escape(CLAUSE_SEPARATORS + SENTENCE_END)}]")
