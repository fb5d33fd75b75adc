"""Thresholds from edited text: what well-edited 公文 does, so rules flag only what it doesn't.

``calibrate`` measures the cleaned corpora (the seed corpus and the tuning part of corpus-extra:
every fifth text of corpus-extra is held out, never tuned on) and returns, per rule parameter, the
value the rule files must carry (tests/core/test_checker_rules.py checks they agree):
- echo window: the 2nd percentile of distances between repeats of a watched word in a paragraph
  (parallel uses excepted): only repeats closer than 98 % of those in edited text are flagged;
- window overuse count: the smallest number of uses in a window at which edited text gives at most
  0.3 findings per 1,000 characters (the subject left out, as the rule does; its ratio, at least
  20 times the everyday rate, is fixed: it only keeps words that common out of the count);
- long sentence: the 99th percentile of sentence length (a hint beyond it) and the 99.5th (a
  warning beyond it), rounded up to a multiple of 5;
- document overuse ratio: over the texts, the median of each text's 4th-highest observed/expected
  ratio, so a typical text reports about three theme words.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from ..phrasebank.clean import clean_folder
from .repetition import DocumentOveruseRule, EchoRule, WindowOveruseRule, expected_share
from .builtin import LongSentenceRule
from .text import Paragraph, tokenize

ECHO_PERCENTILE = 0.02
# Windows of edited text the overuse rule may flag, per 1,000 characters.
WINDOW_OVERUSE_RATE = 0.3
LONG_SENTENCE_PERCENTILE = 0.99
LOUD_SENTENCE_PERCENTILE = 0.995
THEME_WORDS_PER_TEXT = 3
HELD_OUT_EVERY = 5


def held_out(name: str, names: list[str]) -> bool:
    """Every fifth text of a corpus (by sorted name) is kept aside: never used for tuning."""
    return sorted(names).index(name) % HELD_OUT_EVERY == HELD_OUT_EVERY - 1


def corpus_texts(folder: Path, tuning_only: bool = False) -> dict[str, list[str]]:
    """Cleaned body paragraphs (titles left out) of each text in a corpus folder."""
    texts: dict[str, list[str]] = {}
    for paragraph in clean_folder(folder):
        if not paragraph.title:
            texts.setdefault(paragraph.source, []).append(paragraph.text)
    if tuning_only:
        names = list(texts)
        texts = {name: ps for name, ps in texts.items() if not held_out(name, names)}
    return texts


def percentile(values: list[int | float], share: float) -> int | float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def calibrate(rules, texts: dict[str, list[str]]) -> dict[str, int | float]:
    analysed = {name: [Paragraph(p) for p in ps] for name, ps in texts.items()}
    paragraphs = [p for ps in analysed.values() for p in ps]
    values: dict[str, int | float] = {}
    for rule in rules:
        if isinstance(rule, EchoRule):
            values[f"{rule.id}.window"] = percentile(_repeat_distances(rule, paragraphs), ECHO_PERCENTILE)
        elif isinstance(rule, WindowOveruseRule):
            values[f"{rule.id}.min_count"] = _overuse_count(rule, analysed)
        elif isinstance(rule, LongSentenceRule):
            lengths = [len(p.text[s.start:s.end].strip()) for p in paragraphs for s in p.sentences]
            values[f"{rule.id}.max_chars"] = 5 * math.ceil(percentile(lengths, LONG_SENTENCE_PERCENTILE) / 5)
            values[f"{rule.id}.loud_chars"] = 5 * math.ceil(percentile(lengths, LOUD_SENTENCE_PERCENTILE) / 5)
        elif isinstance(rule, DocumentOveruseRule):
            values[f"{rule.id}.ratio"] = round(percentile(
                [_theme_ratio(rule, ps) for ps in texts.values()], 0.5), 1)
    return values


def _repeat_distances(rule: EchoRule, paragraphs: list[Paragraph]) -> list[int]:
    distances = []
    for paragraph in paragraphs:
        parallel = paragraph.parallel
        last: dict[str, int] = {}
        for token in rule.watched_tokens(paragraph):
            if token.text in last and token.start not in parallel and last[token.text] not in parallel:
                distances.append(token.start - last[token.text])
            last[token.text] = token.start
    return distances


def _overuse_count(rule: WindowOveruseRule, analysed: dict[str, list[Paragraph]]) -> int:
    """The smallest count at which the rule's windows in edited text stay under the rate."""
    counts: Counter[int] = Counter()
    for paragraphs in analysed.values():
        counts.update(count for *_, count, ratio in rule.candidates(paragraphs, min_count=2) if ratio >= rule.ratio)
    characters = sum(len(p.text) for ps in analysed.values() for p in ps)
    count = 2
    while sum(n for c, n in counts.items() if c >= count) * 1000 / characters > WINDOW_OVERUSE_RATE:
        count += 1
    return count


def _theme_ratio(rule: DocumentOveruseRule, paragraphs: list[str]) -> float:
    tokens = [t for p in paragraphs for t in tokenize(p)]
    counts = Counter(t.text for t in tokens if rule.watched(t))
    ratios = sorted((count / (expected_share(word) * len(tokens))
                     for word, count in counts.items() if count >= rule.min_count), reverse=True)
    if not ratios:
        return 0.0
    return ratios[THEME_WORDS_PER_TEXT] if len(ratios) > THEME_WORDS_PER_TEXT else ratios[-1]
