"""Side-by-side page of a comparison: the old draft left, the new right, changes coloured.

Unchanged stretches are folded to one line, so a 300-page pair with a few dozen changes is a
short page. Each revision carries an anchor ``r<k>`` (k counting from 0 in the order of
``Comparison.revisions``) for 上一处/下一处. The same HTML is the CLI's ``--html`` file and the
window's 比较 view (Qt's rich text understands inline styles, so no stylesheet is used).
"""

from __future__ import annotations

import html
from itertools import count

from .compare import Comparison
from .diff import diff_paragraph

CONTEXT = 1  # unchanged paragraphs shown on each side of a change
DELETED = "background-color:#ffe3e3; color:#a61e4d; text-decoration:line-through"
INSERTED = "background-color:#d3f9d8; color:#2b8a3e; text-decoration:underline"
CURRENT = "background-color:#fff3bf"
CELL = "padding:4px 8px; vertical-align:top; border-bottom:1px solid #dee2e6"


def side_by_side_page(comparison: Comparison) -> str:
    """A complete HTML page (the CLI's --html output)."""
    title = html.escape(f"{comparison.old.name} → {comparison.new.name}")
    return (f"<!DOCTYPE html>\n<html lang='zh-CN'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body style='font-family:sans-serif'><h3>{title}</h3><p>{comparison.summary()}</p>"
            f"{side_by_side_table(comparison)}</body></html>\n")


def side_by_side_table(comparison: Comparison, current: int | None = None) -> str:
    """The two-column table; revision ``current`` (if given) is highlighted."""
    numbers = count()
    shown = _shown_rows(comparison)
    parts = ["<table width='100%' cellspacing='0' style='border-collapse:collapse'>",
             f"<tr><th style='{CELL}' width='50%'>{html.escape(comparison.old.name)}（旧）</th>"
             f"<th style='{CELL}' width='50%'>{html.escape(comparison.new.name)}（新）</th></tr>"]
    folded = 0
    for index, row in enumerate(comparison.rows):
        if index not in shown:
            folded += 1
            continue
        if folded:
            parts.append(f"<tr><td colspan='2' style='{CELL}; color:#868e96'>……（{folded} 段未改动）</td></tr>")
            folded = 0
        left, right = _cells(comparison, row, numbers, current)
        parts.append(f"<tr><td style='{CELL}'>{left}</td><td style='{CELL}'>{right}</td></tr>")
    if folded:
        parts.append(f"<tr><td colspan='2' style='{CELL}; color:#868e96'>……（{folded} 段未改动）</td></tr>")
    parts.append("</table>")
    return "".join(parts)


def _shown_rows(comparison: Comparison) -> set[int]:
    changed = [k for k, row in enumerate(comparison.rows) if row.old is None or row.new is None or row.changes]
    return {k for index in changed for k in range(index - CONTEXT, index + CONTEXT + 1)}


def _cells(comparison: Comparison, row, numbers, current: int | None) -> tuple[str, str]:
    old = comparison.old.texts[row.old] if row.old is not None else None
    new = comparison.new.texts[row.new] if row.new is not None else None
    if old is None:
        return "", _marked(new, INSERTED, next(numbers), current)
    if new is None:
        return _marked(old, DELETED, next(numbers), current), ""
    left, right, old_at, new_at = [], [], 0, 0
    for change in row.changes:
        number = next(numbers)
        left.append(html.escape(old[old_at:change.old_start]))
        right.append(html.escape(new[new_at:change.new_start]))
        removed, added = old[change.old_start:change.old_end], new[change.new_start:change.new_end]
        if change.punctuation:  # one revision, but the reader sees each mark that changed
            left.append(_marked_marks(removed, added, DELETED, number, current, old_side=True))
            right.append(_marked_marks(removed, added, INSERTED, number, current, old_side=False))
        else:
            left.append(_marked(removed, DELETED, number, current))
            right.append(_marked(added, INSERTED, number, current))
        old_at, new_at = change.old_end, change.new_end
    left.append(html.escape(old[old_at:]))
    right.append(html.escape(new[new_at:]))
    return "".join(left), "".join(right)


def _marked_marks(removed: str, added: str, style: str, number: int, current: int | None, *, old_side: bool) -> str:
    text = removed if old_side else added
    extra = f"; {CURRENT}" if number == current else ""
    out, at = [f"<a name='r{number}'></a>"], 0
    for change in diff_paragraph(removed, added, group_punctuation=False):
        start, end = (change.old_start, change.old_end) if old_side else (change.new_start, change.new_end)
        out.append(html.escape(text[at:start]))
        out.append(f"<span style='{style}{extra}'>{html.escape(text[start:end]) or '&#8203;'}</span>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def _marked(text: str, style: str, number: int, current: int | None) -> str:
    extra = f"; {CURRENT}" if number == current else ""
    body = html.escape(text) if text else "&#8203;"
    return f"<a name='r{number}'></a><span style='{style}{extra}'>{body}</span>"
