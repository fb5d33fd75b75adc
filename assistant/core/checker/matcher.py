"""One matcher for every word list: all entries of all list rules (typos, colloquial words,
redundant phrases …) in one table, so a paragraph is scanned once however many thousands of
entries are loaded — the equivalent of Vale compiling its ``existence`` tokens into one regex."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator


class Matcher:
    """Exact substrings, longest first at each position; each entry names who registered it."""

    def __init__(self) -> None:
        self._owners: dict[str, list[object]] = defaultdict(list)
        self._lengths: dict[str, list[int]] = {}  # first character → entry lengths, longest first

    def add(self, entry: str, owner: object) -> None:
        if not entry:
            raise ValueError("empty entry")
        self._owners[entry].append(owner)
        lengths = self._lengths.setdefault(entry[0], [])
        if len(entry) not in lengths:
            lengths.append(len(entry))
            lengths.sort(reverse=True)

    def __len__(self) -> int:
        return len(self._owners)

    def scan(self, text: str) -> Iterator[tuple[int, int, str, list[object]]]:
        """Every (start, end, entry, owners) in the text, overlapping matches included: each
        owner decides what it keeps (a word-boundary rule keeps fewer)."""
        lengths, owners = self._lengths, self._owners
        for start, ch in enumerate(text):
            for length in lengths.get(ch, ()):
                entry = text[start:start + length]
                found = owners.get(entry)
                if found is not None:
                    yield start, start + length, entry, found
