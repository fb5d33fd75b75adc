"""Breaking a long 标题 into lines (GB/T 9704-2012 7.3.1: 回行时要做到词意完整，排列对称，长短
适宜，间距恰当): lines of about equal width, broken only between words, never wider than a line."""

from __future__ import annotations

import math

from ..text.segmenter import cut
from .closing import width


def title_lines(title: str, capacity: float) -> list[str]:
    """``title`` (one line as written) in as few lines as fit ``capacity`` characters, balanced."""
    if width(title) <= capacity:
        return [title]
    words = _numbers_joined(cut(title))
    count = max(2, math.ceil(width(title) / capacity))
    while count <= len(words):
        breaks = _balanced(words, count, capacity)
        if breaks is not None:
            return ["".join(words[start:end]) for start, end in zip([0, *breaks], [*breaks, len(words)])]
        count += 1
    return [title]


def _balanced(words: list[str], count: int, capacity: float) -> list[int] | None:
    """Break positions (word indexes) for ``count`` lines, each within ``capacity``, whose widths
    differ least from the mean (sum of squares); None when no such breaking exists."""
    mean = width("".join(words)) / count
    # best[(lines, end)]: the least cost of words[:end] in ``lines`` lines, and its breaks.
    best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
    for lines in range(1, count + 1):
        for end in range(1, len(words) + 1):
            for start in range(end):
                previous = best.get((lines - 1, start))
                line = width("".join(words[start:end]))
                if previous is None or line > capacity:
                    continue
                cost = previous[0] + (line - mean) ** 2
                if (lines, end) not in best or cost < best[(lines, end)][0]:
                    best[(lines, end)] = (cost, previous[1] + ([start] if start else []))
    found = best.get((count, len(words)))
    return None if found is None else found[1]


def _numbers_joined(words: list[str]) -> list[str]:
    """A number stays with the word after it (2026 年度, 3 个)."""
    joined: list[str] = []
    for word in words:
        if joined and joined[-1].isdigit():
            joined[-1] += word
        else:
            joined.append(word)
    return joined
