"""A character n-gram language model (interpolated Kneser–Ney), small enough to ship and load in one read.

Why characters: a slip is one character, and the words around it are often broken by it (持旭推进),
so a word model sees nothing there; a character model scores the sentence as written against the
sentence repaired, character by character, with the context on both sides.

Estimation (Chen & Goodman's interpolated Kneser–Ney, one discount per order D = n1 / (n1 + 2·n2)):
the highest order uses raw counts, lower orders continuation counts (how many different characters
precede a string), each order interpolated with the one below, the unigrams with the uniform
distribution. The model is stored back-off style (ARPA): for each kept n-gram its interpolated
log10 probability, for each context its log10 back-off weight, so a query walks down from the longest
context it knows. N-grams of order 3 and more seen once are pruned (their probability comes from
the back-off, the weights recomputed so each distribution still sums to one): the model then keeps
about a third of the n-grams.

File: zlib-compressed; b"GWLM", version, order; per order the n-grams as one UTF-8 string (each
exactly k characters) and two int16 arrays, log10 probability and back-off weight × 1000.
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable

BOS, EOS = "\x02", "\x03"  # paragraph start and end
SCALE = 1000  # stored log10 values are integers: thousandths
MAGIC, VERSION = b"GWLM", 1
MIN_COUNT_PRUNED = 2  # an n-gram of order ≥ 3 seen fewer times is left to the back-off


class NgramModel:
    """Queries: ``logprob(history, char)`` in thousandths of log10."""

    def __init__(self, order: int, probs: dict[str, int], backoffs: dict[str, int], unknown: int):
        self.order = order
        self.probs = probs  # n-gram → log10 P(last char | the others) × SCALE
        self.backoffs = backoffs  # context → log10 back-off weight × SCALE (only where not 0)
        self.unknown = unknown  # a character never seen

    def logprob(self, history: str, char: str) -> int:
        """log10 P(char | history) × SCALE, backing off to shorter histories."""
        probs, backoffs = self.probs, self.backoffs
        context = history[len(history) - self.order + 1:] if len(history) >= self.order else history
        penalty = 0
        while True:
            found = probs.get(context + char)
            if found is not None:
                return penalty + found
            if not context:
                return penalty + self.unknown
            penalty += backoffs.get(context, 0)
            context = context[1:]

    def span_logprob(self, text: str, start: int, end: int, floor: float = -math.inf) -> int | None:
        """The log probability of text[start:end] given what precedes it (``text`` starts with BOS);
        None as soon as it falls below ``floor`` (each character only lowers it)."""
        reach, total = self.order - 1, 0
        for j in range(start, end):
            total += self.logprob(text[max(0, j - reach):j], text[j])
            if total < floor:
                return None
        return total

    def to_bytes(self) -> bytes:
        parts = [MAGIC, struct.pack("<HHi", VERSION, self.order, self.unknown)]
        for k in range(1, self.order + 1):
            grams = sorted(g for g in self.probs if len(g) == k)
            text = "".join(grams).encode("utf-8")
            probs = array("h", (self.probs[g] for g in grams))
            backoffs = array("h", (self.backoffs.get(g, 0) for g in grams))
            if sys.byteorder != "little":
                probs.byteswap()
                backoffs.byteswap()
            parts += [struct.pack("<II", len(grams), len(text)), text, probs.tobytes(), backoffs.tobytes()]
        return zlib.compress(b"".join(parts), 9)

    @classmethod
    def from_bytes(cls, data: bytes) -> "NgramModel":
        raw = zlib.decompress(data)
        if raw[:4] != MAGIC:
            raise ValueError("not a character language model")
        version, order, unknown = struct.unpack_from("<HHi", raw, 4)
        if version != VERSION:
            raise ValueError(f"language model version {version}, expected {VERSION}")
        at = 4 + struct.calcsize("<HHi")
        probs: dict[str, int] = {}
        backoffs: dict[str, int] = {}
        for k in range(1, order + 1):
            count, size = struct.unpack_from("<II", raw, at)
            at += 8
            text = raw[at:at + size].decode("utf-8")
            at += size
            values = array("h", raw[at:at + 2 * count])
            at += 2 * count
            weights = array("h", raw[at:at + 2 * count])
            at += 2 * count
            if sys.byteorder != "little":
                values.byteswap()
                weights.byteswap()
            grams = [text[i:i + k] for i in range(0, count * k, k)]
            probs.update(zip(grams, values))
            backoffs.update((g, w) for g, w in zip(grams, weights) if w)
        return cls(order, probs, backoffs, unknown)


def quantised(log10_value: float) -> int:
    return max(-32768, min(32767, round(log10_value * SCALE)))


def build(paragraphs: Iterable[str], order: int, min_count: int = MIN_COUNT_PRUNED) -> NgramModel:
    """Count, smooth (interpolated Kneser–Ney), prune (n-grams of order 3 and more seen fewer than
    ``min_count`` times; each context's back-off weight is then what its kept n-grams leave, so every
    distribution still sums to one) and quantise."""
    counts: list[Counter[str]] = [Counter() for _ in range(order + 1)]
    for paragraph in paragraphs:
        padded = BOS + paragraph + EOS
        for k in range(1, order + 1):
            counts[k].update(padded[i:i + k] for i in range(len(padded) - k + 1))
    adjusted = _adjusted_counts(counts, order)
    vocabulary = len(counts[1])
    lower: dict[str, float] = {}
    probs: dict[str, int] = {}
    backoffs: dict[str, int] = {}
    for k in range(1, order + 1):
        table = adjusted[k]
        discount = _discount(table)
        totals: Counter[str] = Counter()
        types: Counter[str] = Counter()
        for gram, count in table.items():
            totals[gram[:-1]] += count
            types[gram[:-1]] += 1
        current: dict[str, float] = {}
        for gram, count in table.items():
            context = gram[:-1]
            weight = discount * types[context] / totals[context]
            below = lower[gram[1:]] if k > 1 else 1 / vocabulary
            current[gram] = max(count - discount, 0) / totals[context] + weight * below
        kept = {gram: p for gram, p in current.items() if k < 3 or counts[k][gram] >= min_count}
        if k > 1:  # each context's weight: the mass its kept n-grams leave to the order below
            left: dict[str, float] = dict.fromkeys(totals, 1.0)
            left_below: dict[str, float] = dict.fromkeys(totals, 1.0)
            for gram, p in kept.items():
                left[gram[:-1]] -= p
                left_below[gram[:-1]] -= lower[gram[1:]]
            for context in totals:
                if left[context] > 0 and left_below[context] > 0:
                    backoffs[context] = quantised(math.log10(left[context] / left_below[context]))
        probs.update((gram, quantised(math.log10(p))) for gram, p in kept.items())
        lower = current
    backoffs = {g: w for g, w in backoffs.items() if g in probs and w}
    unigram_discount = _discount(adjusted[1])
    unknown = quantised(math.log10(unigram_discount * len(adjusted[1]) / sum(adjusted[1].values()) / vocabulary))
    return NgramModel(order, probs, backoffs, unknown)


def _adjusted_counts(counts: list[Counter[str]], order: int) -> list[Counter[str]]:
    """Raw counts for the highest order and for n-grams opening a paragraph (nothing can precede
    them); below that, how many different characters precede each n-gram."""
    adjusted: list[Counter[str]] = [Counter() for _ in range(order + 1)]
    adjusted[order] = counts[order]
    for k in range(1, order):
        continuation: Counter[str] = Counter(gram[1:] for gram in counts[k + 1])
        adjusted[k] = Counter({gram: (count if gram[0] == BOS else continuation.get(gram, count))
                               for gram, count in counts[k].items()})
    return adjusted


def _discount(table: Counter[str]) -> float:
    ones = sum(1 for c in table.values() if c == 1)
    twos = sum(1 for c in table.values() if c == 2)
    return ones / (ones + 2 * twos) if ones and twos else 0.5
