"""Tables of the 公文 export as LibreOffice prints them: each row's cell texts side by side, left to
right, between the paragraph before the table and the one after it, and inside the text block. The
股东会 notice's table once printed with its cells empty, their text below it and the heading before
it inside its last cell; form_footnotes' tables ran 81 words past the right margin.
One LibreOffice run for all drafts; skipped where LibreOffice or poppler is missing."""

from __future__ import annotations

import pytest

from assistant.core.document import open_document
from assistant.core.export.gongwen import export_gongwen
from tests.conftest import peer_docx
from tests.core.test_export_tables import NOTICE, styled_table_draft
from tests.gongwen_pdf import LEFT_PT, WIDTH_PT, Word, have_libreoffice, pages, to_pdf

pytestmark = pytest.mark.skipif(not have_libreoffice(), reason="LibreOffice (soffice) or poppler not installed")

# Per draft: the paragraph before the table, the rows (a distinct start of each cell's text), the paragraph after.
TABLES = {
    "notice": ("二、会议议案", [["序号", "议案内容", "汇报人"], ["{{请依次", "{{请输入该"]], "三、会议出席对象"),
    "styled": ("表格之前", [["甲一", "甲二"], ["乙一", "乙二"]], "表格之后"),
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, list[Word]]:
    folder = tmp_path_factory.mktemp("tables")
    drafts = {"notice": peer_docx(NOTICE), "styled": styled_table_draft(folder / "表.docx"),
              "wide": peer_docx("poi__form_footnotes.docx")}
    exported = [export_gongwen(open_document(path).snapshot(), folder / f"{name}.docx").path
                for name, path in drafts.items()]
    to_pdf(*exported)
    return {name: [w for page in pages(path.with_suffix(".pdf")) for w in page]
            for name, path in zip(drafts, exported)}


def word(words: list[Word], start: str) -> Word:
    return next(w for w in words if w.text.startswith(start))


@pytest.mark.parametrize("name", list(TABLES))
def test_table_rows_print_side_by_side_between_the_paragraphs_around_them(printed, name):
    before, rows, after = TABLES[name]
    words = printed[name]
    above, below = word(words, before), word(words, after)
    boxes = [[word(words, start) for start in row] for row in rows]
    for row in boxes:
        assert all(left.x1 <= right.x0 for left, right in zip(row, row[1:])), row
        assert max(w.y0 for w in row) < min(w.y1 for w in row), row  # one band: they overlap vertically
    assert above.y1 <= min(w.y0 for w in boxes[0])
    assert max(w.y1 for w in boxes[-1]) <= below.y0
    assert all(max(w.y1 for w in upper) <= min(w.y0 for w in lower) + 1 for upper, lower in zip(boxes, boxes[1:]))


def test_tables_wider_than_the_text_block_print_inside_it(printed):
    outside = [w.text for w in printed["wide"] if w.x0 < LEFT_PT - 1 or w.x1 > LEFT_PT + WIDTH_PT + 1]
    assert len(printed["wide"]) > 300 and outside == []
