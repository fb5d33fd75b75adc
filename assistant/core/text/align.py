"""Sequence alignment that stays fast on long inputs: patience diff with a bounded fallback.

difflib's SequenceMatcher is quadratic in the worst case and slow on thousands of paragraphs
full of repeated empty lines. Here the common prefix and suffix are matched first, then the
elements that occur exactly once on each side (or, failing those, equally often a few times)
serve as anchors (their longest increasing
subsequence, O(k log k)), and the gaps between anchors are aligned the same way. A gap with no
anchor is handed to SequenceMatcher only when it is small; a large one stays one replacement.
Moved blocks come out as a deletion plus an insertion, which is what a reviewer expects.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

Opcode = tuple[str, int, int, int, int]  # difflib's (tag, i1, i2, j1, j2)
MAX_REPEAT = 16  # how often an element may repeat and still anchor, when no element is unique
SMALL_GAP = 6_000  # len(a) * len(b) of an anchorless gap that SequenceMatcher may align


def align(a: Sequence, b: Sequence) -> list[Opcode]:
    """difflib-style opcodes turning ``a`` into ``b`` (elements must be hashable)."""
    pairs: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            pairs.append((alo, blo))
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
            pairs.append((ahi, bhi))
        if alo == ahi or blo == bhi:
            continue
        anchors = _unique_anchors(a, alo, ahi, b, blo, bhi)
        if anchors:
            previous = (alo, blo)
            for i, j in anchors:
                stack.append((previous[0], i, previous[1], j))
                pairs.append((i, j))
                previous = (i + 1, j + 1)
            stack.append((previous[0], ahi, previous[1], bhi))
        elif (ahi - alo) * (bhi - blo) <= SMALL_GAP:
            matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for i, j, size in matcher.get_matching_blocks():
                pairs.extend((alo + i + k, blo + j + k) for k in range(size))
    return _opcodes(sorted(pairs), len(a), len(b))


def _unique_anchors(a: Sequence, alo: int, ahi: int, b: Sequence, blo: int, bhi: int) -> list[tuple[int, int]]:
    """Elements once in each range, matched, kept in an order both sides agree on (LIS). When
    there are none (a text whose paragraphs repeat), elements that occur equally often on both
    sides, a few times at most, are matched occurrence by occurrence instead."""
    in_a = Counter(a[alo:ahi])
    in_b = Counter(b[blo:bhi])
    for most in (1, MAX_REPEAT):
        wanted = {element for element, n in in_a.items() if n <= most and in_b.get(element) == n}
        if not wanted:
            continue
        where_b: dict = {}
        for j in range(blo, bhi):
            if b[j] in wanted:
                where_b.setdefault(b[j], []).append(j)
        seen: Counter = Counter()
        pairs = []
        for i in range(alo, ahi):
            if a[i] in wanted:
                pairs.append((i, where_b[a[i]][seen[a[i]]]))
                seen[a[i]] += 1
        return _longest_increasing(pairs)
    return []


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by i) whose j also increase."""
    tails: list[int] = []  # the smallest j ending an increasing run of each length
    tail_index: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        length = bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[length] = j
            tail_index[length] = index
        back.append(tail_index[length - 1] if length else -1)
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = back[index]
    return chain[::-1]


def _opcodes(pairs: list[tuple[int, int]], size_a: int, size_b: int) -> list[Opcode]:
    codes: list[Opcode] = []
    i = j = 0
    for pi, pj in pairs + [(size_a, size_b)]:
        if pi > i or pj > j:
            tag = "replace" if pi > i and pj > j else "delete" if pi > i else "insert"
            codes.append((tag, i, pi, j, pj))
        if pi < size_a and pj < size_b:
            if codes and codes[-1][0] == "equal":
                tag, i1, _, j1, _ = codes.pop()
                codes.append(("equal", i1, pi + 1, j1, pj + 1))
            else:
                codes.append(("equal", pi, pi + 1, pj, pj + 1))
        i, j = pi + 1, pj + 1
    return codes
