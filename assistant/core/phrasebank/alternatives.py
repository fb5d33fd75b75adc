"""Alternatives: words that mean nearly the same thing where a word stands.

From the hand-kept near-synonym groups of resources/phrasebank/synonyms.toml: each group names the
slot it fits (提高/提升/增强 — 能力、水平), so 推进 offers 推动、促进 (for 改革、发展) and 加快 (for 建设、
进度), never the unrelated words that merely share contexts with it in a corpus; multi-word
replacements for weak or spoken words (搞好 → 抓好、做实、落实到位) come first. When the bank is built,
each candidate gets an example sentence and its uses in the groups' slots from the corpus, so the
alternatives the corpora actually collocate come first.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from ..resources import resource_path
from .extract import Corpus

SLOT_WORDS_SHOWN = 3


@dataclass(frozen=True)
class Synonyms:
    groups: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]  # (words, part of speech, slot)
    replace: dict[str, tuple[str, ...]]

    def candidates(self, word: str, attested: dict[str, dict[str, int]] | None = None) -> list[tuple[str, str]]:
        """(alternative, reason) for ``word``: its replacements, then the other words of each of its
        groups with the slot they share, those the corpus uses most in that slot first
        (``attested``: word → slot word → uses, from ``slot_uses``)."""
        attested = attested or {}
        found: list[tuple[str, str]] = [(w, "更规范的说法") for w in self.replace.get(word, ())]
        for words, _, slot in self.groups:
            if word in words:
                reason = f"近义，可用于“{'、'.join(slot[:SLOT_WORDS_SHOWN])}”等"
                others = [w for w in words if w != word]
                others.sort(key=lambda w: -sum(attested.get(w, {}).get(s, 0) for s in slot))
                found += [(w, reason) for w in others]
        unique: dict[str, str] = {}
        for candidate, reason in found:
            unique.setdefault(candidate, reason)
        return list(unique.items())

    def words(self) -> set[str]:
        return {w for words, _, _ in self.groups for w in words} | {w for ws in self.replace.values() for w in ws}


@lru_cache(maxsize=1)
def synonyms() -> Synonyms:
    with open(resource_path("phrasebank", "synonyms.toml"), "rb") as handle:
        data = tomllib.load(handle)
    groups = tuple((tuple(g["words"]), g["pos"], tuple(g["slot"])) for g in data["group"])
    return Synonyms(groups, {r["word"]: tuple(r["with"]) for r in data["replace"]})


def slot_uses(corpus: Corpus, reach: int = 3) -> dict[str, dict[str, int]]:
    """How often the corpus has each group word followed (within ``reach`` characters) by each
    slot word of its groups: what the corpora actually collocate."""
    text = corpus.text
    uses: dict[str, dict[str, int]] = {}
    for words, _, slot in synonyms().groups:
        for word in words:
            counts = uses.setdefault(word, {})
            position = text.find(word)
            while position >= 0:
                after = text[position + len(word):position + len(word) + reach + max(map(len, slot))]
                for s in slot:
                    if s in after[:reach + len(s)]:
                        counts[s] = counts.get(s, 0) + 1
                position = text.find(word, position + 1)
    return {word: dict(sorted(c.items())) for word, c in sorted(uses.items()) if c}


def word_examples(corpus: Corpus) -> dict[str, dict]:
    """An example sentence (and the corpus frequency) of every alternative the corpus holds."""
    examples = {}
    for word in sorted(synonyms().words()):
        example = corpus.example(word)
        if example is not None:
            examples[word] = {"sentence": example.sentence, "source": example.source, "frequency": corpus.count(word)}
    return examples
