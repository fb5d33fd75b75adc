"""A character n-gram language model (interpolated Kneser–Ney), small enough to ship and load in one read.

Why characters: a slip is one character, and the words around it are often broken by it (持旭推进),
so a word model sees nothing there; a character model scores the sentence as written against the
sentence repaired, character by character, with the context on both sides.

Estimation (Chen & Goodman's interpolated Kneser–Ney, one discount per order D = n1 / (n1 + 2·n2)):
the highest order uses raw counts, lower orders continuation counts (how many different characters
precede a string), each order interpolated with the one below, the unigrams with the uniform
distribution. The model is stored back-off style (ARPA): for each kept n-gram its interpolated
log10 probability, for each context its log10 back-off weight, so a query walks down from the longest
context it knows. N-grams of order 3 and more seen once or twice are pruned (their probability comes from
the back-off, the weights recomputed so each distribution still sums to one): with the law text
1.5 million n-grams kept; pruning only those seen once kept 2.2 million for the same precision and
recall on odw-dev and 4 MB more in the bundle.

Store: millions of n-grams, so no dict of strings (about 100 bytes an entry). An n-gram's key is its
characters' code points, 16 bits each, first character highest: its UTF-16 bytes read as one number
(a shorter n-gram never shares a key with a longer one, and each order is one run of the sorted
keys; a character beyond the Basic Multilingual Plane is never stored). One sorted array of keys,
looked up by bisection, with two int16 arrays beside it (log10 probability and back-off weight ×
1000): 12 bytes an n-gram. The trigrams are kept twice more: keyed left, right, middle, for
``middles`` (the characters seen between two others); and as a dict's keys, for the question every
character of a check asks (is this trigram edited text), answered for a whole paragraph at once.

File: zlib-compressed; b"GWLM", version, order, the unknown character's value, the counts; the keys
as differences from the one before; the two value arrays; the trigram keys by their outer
characters, as differences too; each array stored by byte place (all first bytes, then all second…).
"""

from __future__ import annotations

import math
import re
import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate, pairwise, repeat
from operator import rshift

BOS, EOS = "\x02", "\x03"  # paragraph start and end
SCALE = 1000  # stored log10 values are integers: thousandths
MAGIC, VERSION = b"GWLM", 3
MIN_COUNT_PRUNED = 3  # an n-gram of order ≥ 3 seen fewer times is left to the back-off
BITS = 16  # per character: its UTF-16 code unit
MASK = (1 << BITS) - 1
UNKNOWN_CHAR = "\uffff"  # a noncharacter: what a character beyond the BMP is looked up as (never stored)
HEADER = "<HHiII"  # version, order, unknown, n-grams, trigrams
# Items per C call over a whole array (summing keys, filling the trigram set, looking up a paragraph):
# one call holds the interpreter lock throughout, and the model loads on a worker thread while the
# window is live; 65,536 items take a few milliseconds.
SLICE = 1 << 16
# Of three trigrams in a row, none kept (the group) or only the first or the last.
ONE_KEPT_AT_MOST = re.compile(rb"(?=(\x00\x00\x00)|\x00\x00|.\x00\x00)", re.DOTALL)


def code_units(text: str) -> bytes | None:
    """``text`` as the UTF-16 code units keys are made of, or None when a character has no place in
    a key (beyond the BMP: two units; NUL). A lone surrogate (pasted from a broken file) is a code
    unit like any other, one no n-gram holds."""
    raw = text.encode("utf-16-be", "surrogatepass")
    return raw if len(raw) == 2 * len(text) and "\x00" not in text else None


def key_of(gram: str) -> int:
    """The n-gram's key, or -1 when a character has no place in one."""
    raw = code_units(gram)
    return int.from_bytes(raw) if raw is not None else -1


class NgramModel:
    """Queries: ``logprob(history, char)`` in thousandths of log10; ``probs`` and ``backoffs`` read
    like dicts of n-gram strings; ``middles.get(left + right)`` the characters seen between them."""

    def __init__(self, order: int, probs: Mapping[str, int], backoffs: Mapping[str, int], unknown: int):
        keyed = sorted((key, gram) for gram in probs if (key := key_of(gram)) > 0)
        self._setup(order, unknown, array("Q", (key for key, _ in keyed)), array("h", (probs[gram] for _, gram in keyed)),
                    array("h", (backoffs.get(gram, 0) for _, gram in keyed)))

    def _setup(self, order: int, unknown: int, keys: array, values: array, weights: array,
               around: array | None = None) -> None:
        self.order, self.unknown = order, unknown
        self.keys, self.values, self.weights = keys, values, weights
        low, high = bisect_left(keys, 1 << 2 * BITS), bisect_left(keys, 1 << 3 * BITS)
        if around is None:  # the trigrams keyed by their outer characters: (left, right, middle)
            around = array("Q", sorted((key >> 2 * BITS) << 2 * BITS | (key & MASK) << BITS | key >> BITS & MASK
                                       for key in keys[low:high]))
        self.around = around
        # The trigram keys as a dict's keys, not a set: the same lookups, and growing it rehashes a
        # compact index (the set's last resize held the lock ~50 ms, the dict's ~13) and frees at once.
        self.trigrams: dict[int, None] = {}
        for at in range(low, high, SLICE):
            self.trigrams.update(zip(keys[at:min(at + SLICE, high)], repeat(None)))
        self.probs = _Column(self, values)
        self.backoffs = _Column(self, weights, skip_zero=True)
        self.middles = _Middles(self)

    def index(self, key: int) -> int:
        """Where ``key`` is in the sorted keys, or -1."""
        keys = self.keys
        at = bisect_left(keys, key)
        return at if at < len(keys) and keys[at] == key else -1

    def logprob(self, history: str, char: str) -> int:
        """log10 P(char | history) × SCALE, backing off to shorter histories. The key of each
        shorter n-gram is the low bits of the longest one's."""
        gram = (history[len(history) - self.order + 1:] if len(history) >= self.order else history) + char
        full = key_of(gram)
        if full < 0:
            full = key_of("".join(c if key_of(c) > 0 else UNKNOWN_CHAR for c in gram))
        keys, size, penalty = self.keys, len(self.keys), 0
        for length in range(len(gram), 0, -1):
            key = full & ((1 << BITS * length) - 1)
            at = bisect_left(keys, key)
            if at < size and keys[at] == key:
                return penalty + self.values[at]
            if length > 1:
                context = key >> BITS
                at = bisect_left(keys, context)
                if at < size and keys[at] == context:
                    penalty += self.weights[at]
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

    def to_bytes(self) -> bytes:
        arrays = [_differences(self.keys), self.values, self.weights, _differences(self.around)]
        if sys.byteorder != "little":
            for values in arrays:
                values.byteswap()
        header = MAGIC + struct.pack(HEADER, VERSION, self.order, self.unknown, len(self.keys), len(self.around))
        return zlib.compress(b"".join([header, *(_planes(values.tobytes(), values.itemsize) for values in arrays)]), 9)

    @classmethod
    def from_bytes(cls, data: bytes) -> "NgramModel":
        order, unknown, (steps, values, weights, around_steps) = _read(data)
        model = cls.__new__(cls)
        model._setup(order, unknown, _sums(steps), values, weights, _sums(around_steps))
        return model


def _read(data: bytes) -> tuple[int, int, list[array]]:
    """The order, the unknown character's value and the four arrays of a model file (the
    decompressed file, tens of MB, is let go before the keys are summed)."""
    raw = zlib.decompress(data)
    if raw[:4] != MAGIC:
        raise ValueError("not a character language model")
    version, order, unknown, count, trigrams = struct.unpack_from(HEADER, raw, 4)
    if version != VERSION:
        raise ValueError(f"language model version {version}, expected {VERSION}")
    at = 4 + struct.calcsize(HEADER)
    arrays = []
    with memoryview(raw) as view:
        for typecode, size in (("Q", count), ("h", count), ("h", count), ("Q", trigrams)):
            values = array(typecode)
            width = values.itemsize
            interleaved = bytearray(size * width)
            for k in range(width):  # plane k holds byte k of every value
                interleaved[k::width] = view[at + k * size:at + (k + 1) * size]
            values.frombytes(interleaved)
            at += size * width
            if sys.byteorder != "little":
                values.byteswap()
            arrays.append(values)
    return order, unknown, arrays


class _Column(Mapping):
    """One value array of a model read as a dict of n-gram strings."""

    def __init__(self, model: NgramModel, values: array, skip_zero: bool = False):
        self.model, self.column, self.skip_zero = model, values, skip_zero

    def _at(self, gram: str) -> int:
        key = key_of(gram) if len(gram) <= self.model.order else -1
        at = self.model.index(key) if key > 0 else -1
        return -1 if at < 0 or self.skip_zero and not self.column[at] else at

    def __contains__(self, gram: object) -> bool:
        return isinstance(gram, str) and self._at(gram) >= 0

    def __getitem__(self, gram: str) -> int:
        at = self._at(gram)
        if at < 0:
            raise KeyError(gram)
        return self.column[at]

    def __iter__(self) -> Iterator[str]:
        return (_gram(key) for key, value in zip(self.model.keys, self.column) if value or not self.skip_zero)

    def __len__(self) -> int:
        return len(self.column) - (self.column.count(0) if self.skip_zero else 0)

    def thinly_seen(self, text: str) -> dict[int, bool]:
        """Positions in ``text`` of the characters in no trigram the model keeps (with the two before,
        around or after) or in one only, with the two before or the two after → whether one holds
        them: the question the detector asks of every character. One dict lookup a trigram, a slice
        of them per C call; the characters are read off in one scan."""
        raw = code_units(text)
        if raw is None:
            kept = bytearray(text[k:k + 3] in self for k in range(len(text) - 2))
        else:
            kept = kept_trigrams(raw, self.model.trigrams)
        framed = bytes(2) + kept + bytes(2)  # framed[k + 2]: the trigram starting at k
        return {found.start(): found.group(1) is None for found in ONE_KEPT_AT_MOST.finditer(framed)
                if found.start() < len(text)}


def kept_trigrams(raw: bytes, trigrams: Mapping[int, None]) -> bytearray:
    """For each trigram of a text given as its UTF-16-BE code units, whether its key is in ``trigrams``:
    a byte per trigram, with no Python code per character. Every fourth code unit on, eight bytes
    read as a 64-bit big-endian number are the key of a four-character n-gram, and that number
    shifted right by one character the key of the trigram it opens; four such lanes, starting at the
    first four characters, read every trigram."""
    count = len(raw) // 2 - 2  # trigrams in the text
    kept = bytearray(max(count, 0))
    raw += bytes(2)  # the fourth character of the last trigram's lane word
    for start in range(0, count, 4 * SLICE):  # at most SLICE lookups per C call
        end = min(count, start + 4 * SLICE)
        for first in range(start, min(end, start + 4)):
            size = len(range(first, end, 4))
            words = array("Q", raw[2 * first:2 * first + 8 * size])
            if sys.byteorder == "little":
                words.byteswap()
            kept[first:end:4] = bytes(map(trigrams.__contains__, map(rshift, words, repeat(BITS))))
    return kept


class _Middles:
    """left + right → the characters seen between them in a kept trigram."""

    def __init__(self, model: NgramModel):
        self.model = model

    def get(self, outer: str, default: str = "") -> str:
        around, outer_key = self.model.around, key_of(outer)
        if outer_key < 0:
            return default
        low = outer_key << BITS
        first, last = bisect_left(around, low), bisect_left(around, low + MASK + 1)
        return "".join(chr(key & MASK) for key in around[first:last]) or default


def _gram(key: int) -> str:
    return key.to_bytes((key.bit_length() + BITS - 1) // BITS * 2).decode("utf-16-be")


def _planes(raw: bytes, width: int) -> bytes:
    """The values' bytes by place: first byte of every value, then the second… The high bytes of the
    keys' steps and of the log values are nearly all alike, so the file compresses 15 % better."""
    return b"".join(raw[k::width] for k in range(width))


def _differences(keys: array) -> array:
    """Sorted keys as their steps (small numbers: the file compresses to a third)."""
    return array("Q", (b - a for a, b in pairwise([0, *keys])))


def _sums(steps: array) -> array:
    """The keys back from their steps, a slice at a time (each slice starts from the last sum)."""
    sums = array("Q")
    for at in range(0, len(steps), SLICE):
        part = steps[at:at + SLICE]
        sums.extend(accumulate(part, initial=sums.pop()) if sums else accumulate(part))
    return sums


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
