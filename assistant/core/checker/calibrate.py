"""Thresholds from the corpus: what well-edited 公文 text does, so rules flag only what it doesn't.

``calibrate`` measures the cleaned seed corpus and returns, per rule parameter, the value the
rule files must carry (tests/core/test_checker_rules.py checks they agree):
- echo window: the 2nd percentile of distances between repeats of a word in a paragraph
  (parallel uses excepted): only repeats closer than 98 % of those in edited text are flagged;
- paragraph overuse: the 99th percentile of how often one word occurs in one paragraph;
- long sentence: the 98th percentile of sentence length, rounded up to a multiple of 5;
- repeated openers: one more than the longest run of a watched opener in the corpus;
- document overuse ratio: over the corpus texts, the median of each text's 4th-highest
  observed/expected ratio, so a typical text reports about three theme words.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from ..phrasebank.clean import clean_folder
from ..resources import resource_path
from ..text.segmenter import dictionary_total, word_frequency
from .builtin import DocumentOveruseRule, EchoRule, LongSentenceRule, OpenerRule, ParagraphOveruseRule
from ..text.sentences import sentences
from ..text.structure import ENUMERATION
from .text import Paragraph, tokenize

ECHO_PERCENTILE = 0.02
OVERUSE_PERCENTILE = 0.99
LONG_SENTENCE_PERCENTILE = 0.98
THEME_WORDS_PER_TEXT = 3


def corpus_texts(folder: Path | None = None) -> dict[str, list[str]]:
    """Cleaned body paragraphs (titles left out) of each corpus file."""
    texts: dict[str, list[str]] = {}
    for paragraph in clean_folder(folder or resource_path("corpus")):
        if not paragraph.title:
            texts.setdefault(paragraph.source, []).append(paragraph.text)
    return texts


def percentile(values: list[int | float], share: float) -> int | float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def calibrate(rules, texts: dict[str, list[str]]) -> dict[str, int | float]:
    paragraphs = [p for ps in texts.values() for p in ps]
    analysed = [(a.text, a.tokens, a.parallel) for a in map(Paragraph.analyse, paragraphs)]
    values: dict[str, int | float] = {}
    for rule in rules:
        if isinstance(rule, EchoRule):
            values[f"{rule.id}.window"] = percentile(_repeat_distances(rule, analysed), ECHO_PERCENTILE)
        elif isinstance(rule, ParagraphOveruseRule):
            values[f"{rule.id}.max_count"] = percentile(_paragraph_counts(rule, analysed), OVERUSE_PERCENTILE)
        elif isinstance(rule, LongSentenceRule):
            lengths = [len(p[s.start:s.end].strip()) for p in paragraphs for s in sentences(p)]
            values[f"{rule.id}.max_chars"] = 5 * math.ceil(percentile(lengths, LONG_SENTENCE_PERCENTILE) / 5)
        elif isinstance(rule, OpenerRule):
            values[f"{rule.id}.run"] = _longest_opener_run(rule, analysed) + 1
        elif isinstance(rule, DocumentOveruseRule):
            values[f"{rule.id}.ratio"] = round(percentile(
                [_theme_ratio(rule, ps) for ps in texts.values()], 0.5), 1)
    return values


def _repeat_distances(rule, analysed) -> list[int]:
    distances = []
    for _, tokens, parallel in analysed:
        last: dict[str, int] = {}
        for token in tokens:
            if not rule.watched(token):
                continue
            if token.text in last and token.start not in parallel and last[token.text] not in parallel:
                distances.append(token.start - last[token.text])
            last[token.text] = token.start
    return distances


def _paragraph_counts(rule, analysed) -> list[int]:
    counts = []
    for _, tokens, parallel in analysed:
        counts += Counter(t.text for t in tokens if rule.watched(t) and t.start not in parallel).values()
    return counts


def _longest_opener_run(rule, analysed) -> int:
    longest = 0
    for text, tokens, _ in analysed:
        by_start = {t.start: t for t in tokens}
        run, previous = 0, None
        for sentence in sentences(text):
            opener = by_start.get(sentence.start)
            if opener is None or not rule.watched(opener) or ENUMERATION.match(text[sentence.start:]):
                run, previous = 0, None
                continue
            run = run + 1 if opener.text == previous else 1
            previous = opener.text
            longest = max(longest, run)
    return longest


def _theme_ratio(rule, paragraphs: list[str]) -> float:
    tokens = [t for p in paragraphs for t in tokenize(p)]
    counts = Counter(t.text for t in tokens if rule.watched(t))
    ratios = sorted((count / (max(word_frequency(word), 1) / dictionary_total() * len(tokens))
                     for word, count in counts.items() if count >= rule.min_count), reverse=True)
    return ratios[THEME_WORDS_PER_TEXT] if len(ratios) > THEME_WORDS_PER_TEXT else ratios[-1]
