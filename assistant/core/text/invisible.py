"""Invisible characters pasted in from web pages and chat apps (zero-width spaces and joiners,
byte-order marks, bidirectional controls): the checker reads the text without them, so 加​强 is
still 加强, and maps what it finds back to the characters the user sees."""

from __future__ import annotations

import re

INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")


def without_invisible(text: str) -> tuple[str, tuple[int, ...] | None]:
    """The text without invisible characters, and for each remaining character its offset in the
    original (None when there was nothing to take out)."""
    if not INVISIBLE.search(text):
        return text, None
    kept = tuple(index for index, char in enumerate(text) if not INVISIBLE.match(char))
    return "".join(text[index] for index in kept), kept
