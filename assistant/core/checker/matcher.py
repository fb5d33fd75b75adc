"""One matcher for every word list: all entries of all list rules (typos, colloquial words,
redundant phrases …) in one table, so a paragraph is scanned once however many thousands of
entries are loaded — the equivalent of Vale compiling its ``existence`` tokens into one regex."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator


class Matcher:
    """Exact substrings, longest first at each position; each entry names who registered it.

    Entries of two characters or more are indexed by their first two (most positions of a text
    start none: one slice and one lookup), single characters on their own."""

    def __init__(self) -> None:
        self._owners: dict[str, list[object]] = defaultdict(list)
        self._lengths: dict[str, list[int]] = {}  # first two characters → entry lengths, longest first
        self._firsts: set[str] = set()  # first characters of the entries of two characters or more
        self._singles: set[str] = set()

    def add(self, entry: str, owner: object) -> None:
        if not entry:
            raise ValueError("empty entry")
        self._owners[entry].append(owner)
        if len(entry) == 1:
            self._singles.add(entry)
            return
        self._firsts.add(entry[0])
        lengths = self._lengths.setdefault(entry[:2], [])
        if len(entry) not in lengths:
            lengths.append(len(entry))
            lengths.sort(reverse=True)

    def __len__(self) -> int:
        return len(self._owners)

    def scan(self, text: str) -> Iterator[tuple[int, int, str, list[object]]]:
        """Every (start, end, entry, owners) in the text, overlapping matches included: each
        owner decides what it keeps (a word-boundary rule keeps fewer)."""
        lengths, owners, firsts, singles = self._lengths, self._owners, self._firsts, self._singles
        for start, ch in enumerate(text):
            if ch in firsts:
                for length in lengths.get(text[start:start + 2], ()):
                    entry = text[start:start + length]
                    found = owners.get(entry)
                    if found is not None:
                        yield start, start + length, entry, found
            if ch in singles:
                yield start, start + 1, ch, owners[ch]
