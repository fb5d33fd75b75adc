"""Benchmark: precision and recall of the statistical 错别字 detector (issue 18).

The held-out fifth of corpus-extra (never used to tune anything else) is split in two: texts at
even places tune the threshold, the others test it. Sentences of both are corrupted the way typists
do: in about half of them one common two-character word gets one confusable character (same or
similar sound or shape); the other half stay clean. A finding is right when it covers the corrupted
character and suggests the original word. Also prints the rate of typo findings on the edited
corpora (target ≤ 0.2 per 1,000 characters). Run: .venv/bin/python bench/typo_precision.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.checker.calibrate import corpus_texts, held_out  # noqa: E402
from assistant.core.checker.confusion import confusables  # noqa: E402
from assistant.core.checker.engine import Checker  # noqa: E402
from assistant.core.checker.loading import load_rules  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402
from assistant.core.text.hanzi import HANZI_ONLY  # noqa: E402
from assistant.core.text.segmenter import cut, word_frequency  # noqa: E402
from assistant.core.text.sentences import sentences  # noqa: E402

THRESHOLDS = [100, 300, 1000, 3000, 10000, 30000]
COMMON_WORD = 500  # how common a word must be for a typist to be typing it
RULE_ID = "typo-confusable"


def split_held_out() -> tuple[list[str], list[str]]:
    texts = corpus_texts(resource_path("corpus", "extra"))
    held = sorted(name for name in texts if held_out(name, list(texts)))
    tune = [p for name in held[0::2] for p in texts[name]]
    test = [p for name in held[1::2] for p in texts[name]]
    return tune, test


def sentences_of(paragraphs: list[str]) -> list[str]:
    found = []
    for paragraph in paragraphs:
        for span in sentences(paragraph):
            text = paragraph[span.start:span.end]
            if 8 <= len(text) <= 150:
                found.append(text)
    return found


def corrupt(sentence: str, rng: random.Random) -> tuple[str, int, str] | None:
    """The sentence with one confusable character in a common word: (text, position, original word)."""
    table, position, choices = confusables(), 0, []
    for word in cut(sentence):
        if len(word) == 2 and HANZI_ONLY.match(word) and word_frequency(word) >= COMMON_WORD:
            choices += [(position + k, word, k) for k in range(2) if table.get(word[k])]
        position += len(word)
    if not choices:
        return None
    at, word, k = rng.choice(choices)
    replacement = rng.choice(sorted(table[word[k]]))
    return sentence[:at] + replacement + sentence[at + 1:], at - k, word


def dev_set(paragraphs: list[str], seed: int) -> list[tuple[str, int, str] | tuple[str, None, None]]:
    rng = random.Random(seed)
    cases = []
    for sentence in sentences_of(paragraphs):
        corrupted = corrupt(sentence, rng) if rng.random() < 0.5 else None
        cases.append(corrupted or (sentence, None, None))
    return cases


def checker_at(threshold: int) -> Checker:
    rule = next(r for r in load_rules() if r.id == RULE_ID)
    rule.min_frequency = threshold
    return Checker([rule])


def score(cases, threshold: int) -> tuple[float, float, int, int]:
    checker = checker_at(threshold)
    right = wrong = 0
    findings = checker.check([text for text, _, _ in cases])
    for finding in findings:
        _, start, word = cases[finding.paragraph]
        if start is not None and finding.start == start and finding.suggestions[0] == word:
            right += 1
        else:
            wrong += 1
    corrupted = sum(1 for _, start, _ in cases if start is not None)
    precision = right / (right + wrong) if right + wrong else 1.0
    return precision, right / corrupted, right, wrong


def corpus_rate(threshold: int) -> None:
    checker = checker_at(threshold)
    for name, folder in (("seeds", resource_path("corpus")), ("corpus-extra", resource_path("corpus", "extra"))):
        paragraphs = [p for texts in corpus_texts(folder).values() for p in texts]
        findings = checker.check(paragraphs)
        characters = sum(len(p) for p in paragraphs)
        print(f"{name}: {len(findings)} typo findings in {characters} characters = "
              f"{1000 * len(findings) / characters:.3f} per 1,000 (target ≤ 0.2)")
        for finding in findings[:40]:
            text = paragraphs[finding.paragraph]
            print(f"    {text[max(0, finding.start - 12):finding.end + 12]}  「{finding.text}」→「{finding.suggestions[0]}」")


def main() -> None:
    tune, test = split_held_out()
    for label, paragraphs, seed in (("tuning half", tune, 1), ("test half", test, 2)):
        cases = dev_set(paragraphs, seed)
        print(f"{label}: {len(cases)} sentences, {sum(1 for c in cases if c[1] is not None)} corrupted")
        for threshold in THRESHOLDS:
            precision, recall, right, wrong = score(cases, threshold)
            print(f"    min_frequency {threshold:>6}: precision {precision:.3f}  recall {recall:.3f}  ({right} right, {wrong} wrong)")
    chosen = next(r for r in load_rules() if r.id == RULE_ID).min_frequency
    print(f"threshold in resources/rules/typo.toml: {chosen}")
    corpus_rate(chosen)


if __name__ == "__main__":
    main()
