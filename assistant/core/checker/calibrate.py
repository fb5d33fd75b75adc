"""Thresholds from edited text: what well-edited 公文 does, so rules flag only what it doesn't.

``calibrate`` measures the cleaned corpora (the seed corpus and the tuning part of corpus-extra:
every fifth text of corpus-extra is held out, never tuned on) and returns, per rule parameter, the
value the rule files must carry (tests/core/test_checker_rules.py checks they agree):
- echo window: the 2nd percentile of distances between repeats of a watched word in a paragraph
  (parallel uses excepted): only repeats closer than 98 % of those in edited text are flagged;
- window overuse count: the smallest number of uses in a window at which edited text gives at most
  0.3 findings per 1,000 characters (the subject left out, as the rule does; its ratio, at least
  20 times the everyday rate, is fixed: it only keeps words that common out of the count);
- long clause (a stretch with no pause): the 99.9th percentile of clause length, rounded up to a
  multiple of 5;
- long sentence: the 99th percentile of sentence length (a hint beyond it) and the 99.5th (a
  warning beyond it), rounded up to a multiple of 5;
- document overuse ratio: each text's highest ratio of a generic word's use to its use in the
  corpus (the subject left out, as the rule does); the ratio is the 90th percentile of those, rounded
  up to a multiple of 0.5, so nine texts in ten report nothing.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from ..phrasebank.alternatives import synonyms
from ..phrasebank.clean import clean_folder
from ..resources import resource_path
from ..text.segmenter import pos_table
from ..text.sentences import clauses
from .repetition import DocumentOveruseRule, EchoRule, WindowOveruseRule
from .builtin import LongClauseRule, LongSentenceRule
from .text import Paragraph, tokenize
from .wordclass import GENERIC_FILE, is_generic

ECHO_PERCENTILE = 0.02
# Windows of edited text the overuse rule may flag, per 1,000 characters.
WINDOW_OVERUSE_RATE = 0.3
LONG_SENTENCE_PERCENTILE = 0.99
LOUD_SENTENCE_PERCENTILE = 0.995
LONG_CLAUSE_PERCENTILE = 0.999
DOCUMENT_OVERUSE_PERCENTILE = 0.9
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
        elif isinstance(rule, LongClauseRule):
            lengths = [len(p.text[c.start:c.end].strip()) for p in paragraphs for s in p.sentences
                       for c in clauses(p.text, s)]
            values[f"{rule.id}.max_chars"] = 5 * math.ceil(percentile(lengths, LONG_CLAUSE_PERCENTILE) / 5)
        elif isinstance(rule, DocumentOveruseRule):
            highest = [max((ratio for *_, ratio in rule.candidates(ps, ratio=0.0)), default=0.0)
                       for ps in analysed.values()]
            values[f"{rule.id}.ratio"] = math.ceil(2 * percentile(highest, DOCUMENT_OVERUSE_PERCENTILE)) / 2
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


def generic_words(texts: dict[str, list[str]]) -> tuple[list[tuple[str, str, int, int]], int]:
    """The rows of resources/dict/generic_words.tsv (word, tag, uses, texts using it) and the
    corpus size in words: the words ``wordclass.is_generic`` keeps, counted in ``texts``."""
    table = pos_table()
    uses: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    tokens = 0
    for paragraphs in texts.values():
        seen: set[str] = set()
        for paragraph in paragraphs:
            words = [token.text for token in tokenize(paragraph)]
            tokens += len(words)
            uses.update(words)
            seen.update(words)
        documents.update(seen)
    found = synonyms()
    rows = [(word, table.get(word, "x"), count, documents[word]) for word, count in uses.items()
            if is_generic(word, table.get(word, "x"), documents[word] / len(texts), bool(found.candidates(word)))]
    return sorted(rows, key=lambda row: (-row[2], row[0])), tokens


def generic_words_file(texts: dict[str, list[str]]) -> str:
    rows, tokens = generic_words(texts)
    lines = ["# Generic words: what the overuse rules may report (assistant/core/checker/wordclass.py).",
             "# Made by `python -m assistant.core.checker.calibrate` from the seed corpus and the tuning part",
             "# of corpus-extra; tests/core/test_checker_rules.py checks it is up to date.",
             "# columns: word, jieba tag, uses in the corpus, texts using it",
             f"# tokens\t{tokens}", f"# texts\t{len(texts)}"]
    return "\n".join(lines + ["\t".join(map(str, row)) for row in rows]) + "\n"


def tuning_texts() -> dict[str, list[str]]:
    """What thresholds are tuned on: the seed corpus and the tuning part of corpus-extra."""
    return {**corpus_texts(resource_path("corpus")), **corpus_texts(resource_path("corpus", "extra"), tuning_only=True)}


if __name__ == "__main__":
    resource_path(*GENERIC_FILE).write_text(generic_words_file(tuning_texts()), encoding="utf-8")
