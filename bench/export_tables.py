"""The 公文 export of every peer .docx that holds a table, as LibreOffice prints it (uexport).

Per draft: the table rows checked (those with two or more cells whose text, three letters or
more, prints once in the whole document), the rows whose cells do not print side by side from left to right, the words
printed outside the text block (版心) and the pages the layout counted against LibreOffice's.
The 股东会 notice's table once printed with empty cells, its text below it and the heading before
it in its last cell; tables from wider pages ran past the right margin.
Run: .venv/bin/python bench/export_tables.py [folder]   (soffice and poppler; a few minutes)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from assistant.core.document import open_document  # noqa: E402
from assistant.core.export.gongwen import export_gongwen  # noqa: E402
from tests.conftest import PEER_DOCX  # noqa: E402
from tests.gongwen_pdf import HEIGHT_PT, LEFT_PT, TOP_PT, WIDTH_PT, Word, pages, to_pdf  # noqa: E402

PREFIX = 8  # characters of a cell's text looked for in the printed text


def table_rows(path: Path) -> list[list[str]]:
    """Each row's cell texts (whitespace out, the first PREFIX characters), a cell spanning
    columns once, cells of a vertical merge left out (they print in one of their rows only)."""
    rows = []
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            seen, cells = set(), []
            for cell in row.cells:
                if id(cell._tc) in seen or cell._tc.vMerge is not None:
                    continue
                seen.add(id(cell._tc))
                cells.append(re.sub(r"\s+", "", cell.text)[:PREFIX])
            rows.append(cells)
    return rows


def misplaced_rows(rows: list[list[str]], printed: list[list[Word]]) -> tuple[int, int]:
    """(rows checked, rows whose cells do not print side by side, left to right)."""
    stream = [(character, number, word) for number, words in enumerate(printed)
              for word in words for character in word.text]
    text = "".join(character for character, _, _ in stream)
    checked = bad = 0
    for cells in rows:
        boxes = []
        for cell in cells:
            start = text.find(cell)
            if sum(c.isalpha() for c in cell) < 3 or start < 0 or text.find(cell, start + 1) >= 0:
                continue  # mostly digits, missing or printed more than once: cannot tell where it stands
            words = [word for _, _, word in stream[start:start + len(cell)]]
            boxes.append((stream[start][1], min(w.x0 for w in words), min(w.y0 for w in words),
                          max(w.y1 for w in words)))
        if len(boxes) < 2:
            continue
        checked += 1
        bad += any(not (a[0] == b[0] and a[1] < b[1] and max(a[2], b[2]) < min(a[3], b[3]))
                   for a, b in zip(boxes, boxes[1:]))
    return checked, bad


def outside(printed: list[list[Word]]) -> int:
    """Words inside the text block's height but left or right of it (a point of slack)."""
    return sum(1 for words in printed for w in words
               if TOP_PT < w.y0 < TOP_PT + HEIGHT_PT and (w.x0 < LEFT_PT - 1 or w.x1 > LEFT_PT + WIDTH_PT + 1))


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    drafts = {}
    for path in sorted(PEER_DOCX.glob("*.docx")):
        try:
            rows = table_rows(path)
        except KeyError:  # ISO Strict, which python-docx cannot open (nor the app)
            continue
        if rows:
            result = export_gongwen(open_document(path).snapshot(), folder / f"{len(drafts):02d}.docx")
            drafts[path.name] = (rows, result)
    to_pdf(*(result.path for _, result in drafts.values()))
    print("draft | rows checked | rows not side by side | words outside the 版心 | pages counted / printed")
    for name, (rows, result) in drafts.items():
        printed = pages(result.path.with_suffix(".pdf"))
        checked, bad = misplaced_rows(rows, printed)
        print(f"{name} | {checked} | {bad} | {outside(printed)} | {result.pages} / {len(printed)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/export_tables"))
