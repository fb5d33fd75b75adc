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
    for stop, end in _ends(text, ends):
        while start < stop and text[start].isspace():
            start += 1
        if start < end and text[start:end].strip():
            spans.append(Span(start, end))
        start = end
    return spans


def _ends(text: str, ends: str) -> list[tuple[int, int]]:
    """Where sentences end: each run of end marks (with a closing mark after it), then the end of
    the text, and before that a final newline ending it (where ``$`` matches). Searched for as
    runs of marks alone, which the regex engine finds by their characters: with ``|$`` in the
    pattern it tried every position of the text (two thirds of the cost of sentences)."""
    found = [match.span() for match in _sentence_end(ends).finditer(text)]
    if text.endswith("\n"):
        found.append((len(text) - 1, len(text) - 1))
    found.append((len(text), len(text)))
    return found


@lru_cache(maxsize=4)
def _sentence_end(ends: str) -> re.Pattern:
    return re.compile(rf"[{re.escape(ends)}]+[{CLOSING_MARKS}]?")


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
