"""Hard-wrapped text (copied from a PDF: every line cut at the same width) joined back into the
paragraphs it was cut from, so sentences are analysed whole; each joined unit remembers where its
lines start, so findings map back to the original characters."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from .structure import heading_level

MIN_LINES = 5
MIN_WRAP_WIDTH = 16
WRAP_SLACK = 2  # a wrapped line may end up to two characters short (a half-width pair, a mark)
WRAPPED_SHARE = 0.5


@dataclass(frozen=True)
class Unit:
    """Consecutive lines analysed as one text: ``first`` is the index of its first line and
    ``starts`` the offset of each of its lines in ``text``."""

    text: str
    first: int
    starts: tuple[int, ...]

    def locate(self, position: int) -> tuple[int, int]:
        """(line index, offset in that line) of a position in the unit's text."""
        line = bisect_right(self.starts, position) - 1
        return self.first + line, position - self.starts[line]


def wrap_width(lines: list[str]) -> int | None:
    """The width the lines were cut at, when most long lines have (nearly) one length."""
    lengths = [len(line) for line in lines if len(line) >= MIN_WRAP_WIDTH]
    if len(lengths) < MIN_LINES:
        return None
    width = Counter(lengths).most_common(1)[0][0]
    near = sum(1 for length in lengths if width - WRAP_SLACK <= length <= width)
    return width if near >= WRAPPED_SHARE * len(lengths) else None


def units(lines: list[str]) -> list[Unit]:
    """One unit per line, or for wrapped text one per run of lines cut at the wrap width."""
    width = wrap_width(lines)
    result: list[Unit] = []
    pending: list[str] = []
    first = 0
    for index, line in enumerate(lines):
        if not pending:
            first = index
        pending.append(line)
        if width is None or not _continues(line, lines[index + 1] if index + 1 < len(lines) else None, width):
            starts, offset = [], 0
            for piece in pending:
                starts.append(offset)
                offset += len(piece)
            result.append(Unit("".join(pending), first, tuple(starts)))
            pending = []
    return result


def _continues(line: str, following: str | None, width: int) -> bool:
    """A line cut at the wrap width goes on in the next one, unless that one is a heading (a
    full line that happens to end a sentence joins harmlessly: sentences are split again)."""
    if following is None or not following.strip() or len(line) < width - WRAP_SLACK:
        return False
    return heading_level(following) is None
