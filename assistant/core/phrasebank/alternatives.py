"""Alternatives: replacement candidates for a word, ranked, each with a short reason.

Built from the corpus when the bank is built: two verbs that take the same objects do the same
job (加强/强化 both take 管理、监督), and words used between the same neighbours play the same
part (context similarity). At run time the hand-kept weak → preferred table
(resources/phrasebank/preferred.toml) comes first, then these, then bank entries built on the word.
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter, defaultdict
from functools import lru_cache

from ..resources import resource_path
from ..text.hanzi import HANZI_ONLY
from .extract import LIGHT_VERBS, OBJECT_TAGS, Corpus

MIN_OCCURRENCES = 3
KEEP = 8
MIN_SCORE = 0.15
MAX_SHARED = 150  # a context shared by more words than this (after 的, before ，) says nothing


def similar_words(corpus: Corpus) -> tuple[dict[str, list[list]], dict[str, dict]]:
    """For each frequent word: up to KEEP (candidate, score, reason) lists, and an example
    sentence for every candidate (and every preferred word) found in the corpus."""
    objects: dict[str, Counter] = defaultdict(Counter)
    contexts: dict[str, Counter] = defaultdict(Counter)
    tags: dict[str, Counter] = defaultdict(Counter)
    for sentence in corpus.sentences:
        words = sentence.words
        for i, (word, tag) in enumerate(words):
            if not HANZI_ONLY.match(word) or len(word) < 2:
                continue
            tags[word][tag[:1]] += 1
            if i > 0:
                contexts[word]["<" + words[i - 1][0]] += 1
            if i + 1 < len(words):
                contexts[word][">" + words[i + 1][0]] += 1
                if tag == "v" and words[i + 1][1] in OBJECT_TAGS:
                    objects[word][words[i + 1][0]] += 1
    frequent = sorted(w for w, t in tags.items() if sum(t.values()) >= MIN_OCCURRENCES)
    pos = {w: tags[w].most_common(1)[0][0] for w in frequent}
    norms = {w: math.sqrt(sum(c * c for c in contexts[w].values())) for w in frequent}
    sharing: dict[str, set[str]] = defaultdict(set)
    for word in frequent:
        for key in list(contexts[word]) + ["o" + obj for obj in objects[word]]:
            sharing[key].add(word)
    similar: dict[str, list[list]] = {}
    for word in frequent:
        keys = list(contexts[word]) + ["o" + obj for obj in objects[word]]
        candidates = set().union(*(sharing[k] for k in keys if len(sharing[k]) <= MAX_SHARED))
        scored = []
        for other in sorted(candidates):
            if other == word or pos[other] != pos[word] or other in LIGHT_VERBS:
                continue
            shared = sorted(set(objects[word]) & set(objects[other]))
            context = _cosine(contexts[word], contexts[other], norms[word], norms[other])
            score = round(0.25 * len(shared) + context, 3)
            if score >= MIN_SCORE:
                reason = (f"同样搭配“{'、'.join(shared[:3])}”" if shared else "用法语境相近")
                scored.append([other, score, reason])
        scored.sort(key=lambda item: (-item[1], item[0]))
        if scored:
            similar[word] = scored[:KEEP]
    wanted = {c for items in similar.values() for c, _, _ in items} | {w for ws in preferred().values() for w in ws}
    examples = {}
    for word in sorted(wanted):
        example = corpus.example(word)
        if example is not None:
            examples[word] = {"sentence": example.sentence, "source": example.source, "frequency": corpus.count(word)}
    return similar, examples


def _cosine(a: Counter, b: Counter, norm_a: float, norm_b: float) -> float:
    if not norm_a or not norm_b:
        return 0.0
    small, large = (a, b) if len(a) < len(b) else (b, a)
    return sum(count * large.get(key, 0) for key, count in small.items()) / (norm_a * norm_b)


@lru_cache(maxsize=1)
def preferred() -> dict[str, list[str]]:
    with open(resource_path("phrasebank", "preferred.toml"), "rb") as handle:
        return tomllib.load(handle)["preferred"]
