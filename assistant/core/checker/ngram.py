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

Store: millions of n-grams, so no dict of strings (about 100 bytes an entry). Each character has a
16-bit code; an n-gram is its codes packed into one 64-bit key, first character highest (so a
shorter n-gram never shares a key with a longer one, and each order is one run of the sorted keys);
one sorted array of keys, looked up by bisection, with two int16 arrays beside it (log10
probability and back-off weight × 1000): 12 bytes an n-gram. The trigrams are kept a second time,
keyed left, right, middle, for ``middles``: the characters seen between two others.

File: zlib-compressed; b"GWLM", version, order, the unknown character's value; the characters (UTF-8,
in code order); the keys as differences from the one before; the two value arrays; the trigram keys
by their outer characters, as differences too.
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate, pairwise

BOS, EOS = "\x02", "\x03"  # paragraph start and end
SCALE = 1000  # stored log10 values are integers: thousandths
MAGIC, VERSION = b"GWLM", 2
MIN_COUNT_PRUNED = 2  # an n-gram of order ≥ 3 seen fewer times is left to the back-off
BITS = 16  # per character code
MASK = (1 << BITS) - 1
NO_CODE = MASK  # the code of a character the model never saw: in no key
HEADER = "<HHiII"  # version, order, unknown, characters (bytes), n-grams


class NgramModel:
    """Queries: ``logprob(history, char)`` in thousandths of log10; ``probs`` and ``backoffs`` read
    like dicts of n-gram strings; ``middles.get(left + right)`` the characters seen between them."""

    def __init__(self, order: int, probs: Mapping[str, int], backoffs: Mapping[str, int], unknown: int):
        chars = sorted({char for gram in probs for char in gram})
        if len(chars) >= NO_CODE:
            raise ValueError(f"{len(chars)} characters: at most {NO_CODE - 1} fit the 16-bit codes")
        codes = {char: code for code, char in enumerate(chars, 1)}
        keyed = sorted((_pack(codes, gram), gram) for gram in probs)
        self._setup(order, unknown, "".join(chars), array("Q", (key for key, _ in keyed)),
                    array("h", (probs[gram] for _, gram in keyed)), array("h", (backoffs.get(gram, 0) for _, gram in keyed)))

    def _setup(self, order: int, unknown: int, chars: str, keys: array, values: array, weights: array,
               around: array | None = None) -> None:
        self.order, self.unknown, self.chars = order, unknown, chars
        self.codes = {char: code for code, char in enumerate(chars, 1)}
        self.keys, self.values, self.weights = keys, values, weights
        if around is None:  # the trigrams keyed by their outer characters: (left, right, middle)
            low, high = bisect_left(keys, 1 << 2 * BITS), bisect_left(keys, 1 << 3 * BITS)
            around = array("Q", sorted((key >> 2 * BITS) << 2 * BITS | (key & MASK) << BITS | key >> BITS & MASK
                                       for key in keys[low:high]))
        self.around = around
        self.probs = _Column(self, values)
        self.backoffs = _Column(self, weights, skip_zero=True)
        self.middles = _Middles(self)

    def index(self, key: int) -> int:
        """Where ``key`` is in the sorted keys, or -1."""
        keys = self.keys
        at = bisect_left(keys, key)
        return at if at < len(keys) and keys[at] == key else -1

    def logprob(self, history: str, char: str) -> int:
        """log10 P(char | history) × SCALE, backing off to shorter histories."""
        codes, keys, values, weights = self.codes, self.keys, self.values, self.weights
        context = history[len(history) - self.order + 1:] if len(history) >= self.order else history
        contexts = [0]  # the keys of the context's suffixes, shortest first
        for shift, char_before in enumerate(reversed(context)):
            contexts.append(codes.get(char_before, NO_CODE) << BITS * shift | contexts[-1])
        last, size, penalty = codes.get(char, NO_CODE), len(keys), 0
        for context_key in reversed(contexts):
            key = context_key << BITS | last
            at = bisect_left(keys, key)
            if at < size and keys[at] == key:
                return penalty + values[at]
            if context_key:
                at = bisect_left(keys, context_key)
                if at < size and keys[at] == context_key:
                    penalty += weights[at]
        return penalty + self.unknown

    def span_logprob(self, text: str, start: int, end: int, floor: float = -math.inf) -> int | None:
        """The log probability of text[start:end] given what precedes it (``text`` starts with BOS);
        None as soon as it falls below ``floor`` (each character only lowers it)."""
        reach, total = self.order - 1, 0
        for j in range(start, end):
            total += self.logprob(text[max(0, j - reach):j], text[j])
            if total < floor:
                return None
        return total

    def gram(self, key: int) -> str:
        chars, found = self.chars, []
        while key:
            found.append(chars[(key & MASK) - 1])
            key >>= BITS
        return "".join(reversed(found))

    def to_bytes(self) -> bytes:
        chars = self.chars.encode("utf-8")
        arrays = [_differences(self.keys), self.values, self.weights, _differences(self.around)]
        if sys.byteorder != "little":
            for values in arrays:
                values.byteswap()
        header = MAGIC + struct.pack(HEADER, VERSION, self.order, self.unknown, len(chars), len(self.keys))
        return zlib.compress(b"".join([header, chars, struct.pack("<I", len(self.around)),
                                       *(values.tobytes() for values in arrays)]), 9)

    @classmethod
    def from_bytes(cls, data: bytes) -> "NgramModel":
        raw = zlib.decompress(data)
        if raw[:4] != MAGIC:
            raise ValueError("not a character language model")
        version, order, unknown, char_bytes, count = struct.unpack_from(HEADER, raw, 4)
        if version != VERSION:
            raise ValueError(f"language model version {version}, expected {VERSION}")
        at = 4 + struct.calcsize(HEADER)
        chars = raw[at:at + char_bytes].decode("utf-8")
        at += char_bytes
        (trigrams,) = struct.unpack_from("<I", raw, at)
        at += 4
        arrays, view = [], memoryview(raw)  # no copies of the slices: the file is tens of MB
        for typecode, size in (("Q", count), ("h", count), ("h", count), ("Q", trigrams)):
            values = array(typecode)
            values.frombytes(view[at:at + size * values.itemsize])
            at += size * values.itemsize
            if sys.byteorder != "little":
                values.byteswap()
            arrays.append(values)
        keys, values, weights, around = arrays
        model = cls.__new__(cls)
        model._setup(order, unknown, chars, _sums(keys), values, weights, _sums(around))
        return model


class _Column(Mapping):
    """One value array of a model read as a dict of n-gram strings (``known.__contains__`` is the
    detector's cheapest question: is this trigram edited text)."""

    def __init__(self, model: NgramModel, values: array, skip_zero: bool = False):
        self.model, self.column, self.skip_zero = model, values, skip_zero

    def _at(self, gram: str) -> int:
        model = self.model
        at = model.index(_pack(model.codes, gram)) if 0 < len(gram) <= model.order else -1
        return -1 if at < 0 or self.skip_zero and not self.column[at] else at

    def __contains__(self, gram: object) -> bool:
        return isinstance(gram, str) and self._at(gram) >= 0

    def __getitem__(self, gram: str) -> int:
        at = self._at(gram)
        if at < 0:
            raise KeyError(gram)
        return self.column[at]

    def __iter__(self) -> Iterator[str]:
        column, gram = self.column, self.model.gram
        return (gram(key) for key, value in zip(self.model.keys, column) if value or not self.skip_zero)

    def __len__(self) -> int:
        return len(self.column) - (self.column.count(0) if self.skip_zero else 0)


class _Middles:
    """left + right → the characters seen between them in a kept trigram."""

    def __init__(self, model: NgramModel):
        self.model = model

    def get(self, outer: str, default: str = "") -> str:
        model = self.model
        codes, around, chars = model.codes, model.around, model.chars
        left, right = codes.get(outer[0], NO_CODE), codes.get(outer[1], NO_CODE)
        low = (left << BITS | right) << BITS
        first, last = bisect_left(around, low), bisect_left(around, low + MASK + 1)
        return "".join(chars[(key & MASK) - 1] for key in around[first:last]) or default


def _pack(codes: dict[str, int], gram: str) -> int:
    key = 0
    for char in gram:
        key = key << BITS | codes.get(char, NO_CODE)
    return key


def _differences(keys: array) -> array:
    """Sorted keys as their steps (small numbers: the file compresses to a third)."""
    return array("Q", (b - a for a, b in pairwise([0, *keys])))


def _sums(steps: array) -> array:
    return array("Q", accumulate(steps))


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
