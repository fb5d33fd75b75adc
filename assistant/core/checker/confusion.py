"""错别字 by statistics: a slip that breaks a word into single characters (组织 typed as 阻织 reads
阻/织) is found by trying, character by character, the confusable ones (same or similar sound, similar
shape) and keeping a replacement that makes a common word where there was none.

Confusion sets: pycorrector's same_pinyin.txt and same_stroke.txt (Apache-2.0, see
resources/confusion/README.md). Word frequencies: jieba's dictionary (about 350,000 words); pairs
that edited texts use (the bundled corpora) are words jieba lacks, not slips. Names
(people, places, organisations), numbers, text inside 《》 and “” and the user's accepted words are
never touched: a 公文 is full of 地名 and 机构名 that look like slips.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from ..resources import resource_path
from ..text.hanzi import HANZI_ONLY, is_hanzi
from ..text.segmenter import tokenizer, word_frequency
from ..text.structure import quoted_spans
from .calibrate import held_out
from .rules import Hit, Rule, number_of

# Names (jieba's tags for people, places, organisations, other proper nouns): never a slip, and
# neither is what follows one (文化兴国|运兴: 兴国 is a place name to jieba).
NAME_TAGS = {"nr", "nrt", "nrfg", "ns", "nsf", "nt", "nz"}
# Characters that stand alone all the time: a pair holding one is grammar, not a broken word.
FUNCTION_CHARS = set("的地得了着过是在和与及或就也都还又把被将对为从向以于等之其而且但并要会能可不没很更最所这那此该各每有")


@lru_cache(maxsize=1)
def confusables() -> dict[str, frozenset[str]]:
    """Character → the characters a typist puts in its place (same pinyin, same tone or another tone,
    similar shape), read from the bundled tables."""
    found: dict[str, set[str]] = {}
    for name in ("same_pinyin.txt", "same_stroke.txt"):
        for line in resource_path("confusion", name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if name == "same_pinyin.txt":
                char, others = fields[0], "".join(fields[1:])
                found.setdefault(char, set()).update(c for c in others if is_hanzi(c) and c != char)
            else:  # a group of look-alikes: each stands for each
                group = [c for c in fields if len(c) == 1 and is_hanzi(c)]
                for char in group:
                    found.setdefault(char, set()).update(c for c in group if c != char)
    return {char: frozenset(others) for char, others in found.items()}


def candidate_pairs(tagged) -> Iterator[tuple[int, str]]:
    """(start, two characters) where a broken word would show: a two-character token jieba made up
    (not in its dictionary: 阻织), or two neighbouring single-character tokens; hanzi only, no
    function character, nothing tagged as a name or right after one. Runs on every token of
    every paragraph, so the cheap tests come first."""
    last = len(tagged) - 1
    for index, (token, tag) in enumerate(tagged):
        text = token.text
        if len(text) == 2:
            if (word_frequency(text) == 0 and HANZI_ONLY.match(text) and not FUNCTION_CHARS.intersection(text)
                    and (index == 0 or tagged[index - 1][1] not in NAME_TAGS)):
                yield token.start, text
        elif len(text) == 1 and index < last and text not in FUNCTION_CHARS and tag not in NAME_TAGS:
            following, following_tag = tagged[index + 1]
            if (len(following.text) == 1 and following.text not in FUNCTION_CHARS and token.end == following.start
                    and following_tag not in NAME_TAGS and HANZI_ONLY.match(text + following.text)):
                yield token.start, text + following.text


@lru_cache(maxsize=1)
def attested_pairs() -> frozenset[str]:
    """Two-character strings that edited texts use, in two texts or more: a word jieba does not
    know (发力, 知史) rather than a slip, which one text may repeat but two texts hardly share.
    Read from the bundled corpora, less the fifth of corpus-extra kept aside for measuring."""
    folder = resource_path("corpus")
    extra = sorted(path.name for path in (folder / "extra").glob("*.txt"))
    paths = sorted(folder.glob("*.txt")) + [folder / "extra" / name for name in extra if not held_out(name, extra)]
    texts_using: Counter[str] = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8-sig")
        texts_using.update({text[i:i + 2] for i in range(len(text) - 1)})
    return frozenset(pair for pair, count in texts_using.items() if count >= 2)


def best_repair(pair: str, min_frequency: int) -> tuple[str, float] | None:
    """The likeliest word one confusable character away from ``pair`` (not a word itself, nor a
    string edited texts use), and its score (log of its dictionary frequency); None when no
    replacement is a common word."""
    if word_frequency(pair) > 0 or pair in attested_pairs():
        return None
    table, (firsts, seconds) = confusables(), common_pairs(min_frequency)
    words = [other + pair[1] for other in table.get(pair[0], frozenset()) & firsts.get(pair[1], frozenset())]
    words += [pair[0] + other for other in table.get(pair[1], frozenset()) & seconds.get(pair[0], frozenset())]
    if not words:
        return None
    best = max(words, key=lambda word: (word_frequency(word), word))
    return best, math.log(word_frequency(best))


@lru_cache(maxsize=4)
def common_pairs(min_frequency: int) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The two-character words at least ``min_frequency`` common, indexed both ways: second
    character → the first characters it follows, first character → the seconds that follow it."""
    firsts: dict[str, set[str]] = {}
    seconds: dict[str, set[str]] = {}
    for word, frequency in tokenizer().FREQ.items():
        if len(word) == 2 and frequency >= min_frequency:
            firsts.setdefault(word[1], set()).add(word[0])
            seconds.setdefault(word[0], set()).add(word[1])
    return ({k: frozenset(v) for k, v in firsts.items()}, {k: frozenset(v) for k, v in seconds.items()})


class ConfusableRule(Rule):
    """A pair of single characters that is no word, one confusable character away from a common
    word (阻织 → 组织). ``min_frequency``: how common (jieba's count) the repaired word must be —
    the precision threshold, tuned on bench/typo_precision.py's corrupted held-out text."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        self.min_frequency = number_of(spec, "min_frequency", self.id)

    def paragraph_hits(self, paragraph) -> Iterator[Hit]:
        spans = quoted_spans(paragraph.text)
        for start, pair in candidate_pairs(paragraph.tagged):
            if any(left <= start < right for left, right in spans):
                continue
            repair = best_repair(pair, self.min_frequency)
            if repair is not None:
                yield Hit(start, start + 2, (repair[0],), values=(("fix", repair[0]),))


KINDS = {"confusable": ConfusableRule}
