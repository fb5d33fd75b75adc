"""A copied table with its tracked changes (修订) accepted.

The export writes the draft's text as it reads, deletions gone and insertions kept; a table copied
as it is kept its revisions, so the 公文 opened in Word with struck-out text and revision marks
in its table. Here insertions become plain text, deletions (and deleted rows) go, and records of
formatting changes are dropped, the current formatting kept.
"""

from __future__ import annotations

from lxml import etree

from .. import ooxml as x

REMOVED = {x.w("del"), x.w("moveFrom"), x.w("cellDel")}
KEPT = {x.w("ins"), x.w("moveTo"), x.w("cellIns")}
# Records of what changed (the formatting before a change, where a move began and ended).
RECORDS = tuple(x.w(name) for name in ("rPrChange", "pPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
                                       "tcPrChange", "sectPrChange", "tblGridChange", "numberingChange",
                                       "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
                                       "moveToRangeEnd"))
MARK_HOLDERS = {x.RPR, x.w("tcPr"), x.w("trPr")}  # where ins/del mark a paragraph mark, a cell, a row


def accept_revisions(table: etree._Element) -> None:
    for record in [e for e in table.iter(*RECORDS)]:
        record.getparent().remove(record)
    for change in [e for e in table.iter(*REMOVED, *KEPT)]:
        parent = change.getparent()
        if parent is None:  # inside something already removed
            continue
        if parent.tag == x.w("trPr") and change.tag in REMOVED:  # a deleted row
            row = parent.getparent()
            row.getparent().remove(row)
        elif parent.tag in MARK_HOLDERS or change.tag in REMOVED:
            parent.remove(change)
        else:  # inserted content stays, unwrapped
            for child in list(change):
                change.addprevious(child)
            parent.remove(change)
