"""Where the export's lines fall on pages, computed while writing.

Every paragraph of the export sits on the line grid (exact line spacing, whole lines for the
标志, the separator and pictures), so pages follow from line counts; a line's capacity follows
from the character pitch. This is what decides the even page count and whether the 版记 fits
on the last page; Word's line breaking (避头尾) or a table's borders may differ by a line, which
the PDF test measures on the examples.
"""

from __future__ import annotations

import math

from .closing import width


class Pages:
    """Lines used so far, counted from the top of page 1."""

    def __init__(self, lines_per_page: int):
        self.per_page = lines_per_page
        self.used = 0

    @property
    def page(self) -> int:
        """The page the next line goes on (1-based)."""
        return self.used // self.per_page + 1

    @property
    def last_page(self) -> int:
        return max(1, math.ceil(self.used / self.per_page))

    @property
    def left_on_page(self) -> int:
        """Lines left on the page the next line goes on."""
        return self.per_page - self.used % self.per_page

    @property
    def room_on_last_page(self) -> int:
        """Lines left on the last page used (none when it is full)."""
        return self.left_on_page if self.used % self.per_page else 0

    def add(self, lines: int) -> None:
        self.used += lines

    def break_page(self) -> None:
        """The next line starts a page (a paragraph with page break before)."""
        if self.used % self.per_page:
            self.used += self.left_on_page

    def keep_together(self, start: int) -> None:
        """Lines from ``start`` on are kept on one page (keep with next): if they straddle a page
        end, they all move to the next page."""
        if start // self.per_page != (self.used - 1) // self.per_page:
            self.used = (start // self.per_page + 1) * self.per_page + (self.used - start)


def line_count(text: str, capacity: float, first_line_indent: float = 0.0) -> int:
    """Lines a paragraph takes: ``capacity`` characters per line, the first line shortened by
    ``first_line_indent`` (negative: a hanging first line is longer)."""
    if not text:
        return 1
    first = capacity - first_line_indent
    rest = width(text) - first
    return 1 if rest <= 0 else 1 + math.ceil(rest / capacity - 1e-9)
