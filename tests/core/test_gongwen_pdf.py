"""The 公文 export as printed (LibreOffice → PDF, measured with poppler): 22 lines on full pages,
28 characters on full lines, an even page count, the red 标志 35 mm below the text block's top,
the red separator 4 mm under the 发文字号, the 版记 on the bottom lines of the last page and
page numbers 7 mm below the text block. Skipped where LibreOffice or poppler is missing."""

from __future__ import annotations

import pytest

from tests.gongwen_pdf import (HEIGHT_PT, LEFT_PT, MM, TOP_PT, WIDTH_PT, characters, full_lines, have_libreoffice,
                               pages, red_figures, text_lines)
from tests.render_gongwen import EXAMPLES, export_example

pytestmark = pytest.mark.skipif(not have_libreoffice(), reason="LibreOffice (soffice) or poppler not installed")
PITCH_MM = 225 / 22
CLOSING_PUNCTUATION = "，。、；：！？）”》"


@pytest.fixture(scope="module", params=list(EXAMPLES))
def rendered(request, tmp_path_factory):
    result, pdf = export_example(request.param, tmp_path_factory.mktemp(request.param))
    return result, pdf, pages(pdf)


def test_page_count_is_even_and_as_the_layout_counted(rendered):
    result, _, every = rendered
    assert len(every) % 2 == 0 and len(every) == result.pages


def test_full_pages_hold_22_lines(rendered):
    """A page whose text reaches the text block's bottom line holds 22 lines (page 1 has the 版头,
    the last page the 版记 rules)."""
    _, _, every = rendered
    full = [len(lines) for lines in map(text_lines, every[1:-1])
            if lines and (TOP_PT + HEIGHT_PT - lines[-1][-1].y1) / MM < PITCH_MM]
    assert full and set(full) == {22}


def test_full_lines_hold_28_characters(rendered):
    """28 a line; 27 only where the line-breaking rules (避头尾) carried a character over with the
    punctuation that may not open a line."""
    _, _, every = rendered
    counted = 0
    for words in every:
        lines = text_lines(words)
        for line in full_lines(lines):
            counted += 1
            count = characters(line)
            following = lines[lines.index(line) + 1] if lines.index(line) + 1 < len(lines) else None
            carried = following is not None and "".join(w.text for w in following)[1:2] in CLOSING_PUNCTUATION
            assert count == 28 or (count == 27 and carried), "".join(w.text for w in line)
    assert counted >= 10


def test_red_mark_35_mm_down_and_separator_4_mm_under_the_number(rendered):
    _, pdf, every = rendered
    mark, separator = red_figures(pdf)
    assert abs(mark - 35) <= 1
    number = next(w for w in every[0] if "〔" in w.text)
    assert abs(separator - (number.y1 - TOP_PT) / MM - 4) <= 1


def test_record_on_the_bottom_lines_of_the_last_page(rendered):
    _, _, every = rendered
    lines = text_lines(every[-1])
    assert "".join(w.text for w in lines[-1]).endswith("印发")
    assert any("".join(w.text for w in line).startswith("抄送") for line in lines[-3:])
    assert (TOP_PT + HEIGHT_PT - lines[-1][-1].y1) / MM < PITCH_MM


def test_page_numbers_7_mm_below_odd_right_even_left(rendered):
    _, _, every = rendered
    for number, words in enumerate(every, 1):
        below = [w for w in words if w.y0 > TOP_PT + HEIGHT_PT]
        middle = (min(w.y0 for w in below) + max(w.y1 for w in below)) / 2
        assert abs((middle - TOP_PT - HEIGHT_PT) / MM - 7) <= 0.5
        assert "".join(w.text for w in below) == f"—{number}—"
        one_character = 14 / 72 * 25.4
        if number % 2:
            assert abs((LEFT_PT + WIDTH_PT - max(w.x1 for w in below)) / MM - one_character) < 1
        else:
            assert abs((min(w.x0 for w in below) - LEFT_PT) / MM - one_character) < 1


def test_blank_page_and_record_page_carry_no_page_number(tmp_path):
    """Page 2 full, so a blank page 3 and the 版记 on page 4, neither numbered (7.5)."""
    from assistant.core.document import open_document
    from assistant.core.export.gongwen import export_gongwen
    from tests.gongwen_pdf import to_pdf

    draft = tmp_path / "满页.txt"
    draft.write_text("\n".join(["关于某事的通知", *["字" * 54] * 21, "抄送：甲。", "某局办公室    2026年1月2日印发"]),
                     encoding="utf-8")
    every = pages(to_pdf(export_gongwen(open_document(draft).snapshot(), tmp_path / "满页.docx").path))
    assert len(every) == 4
    below = [[w.text for w in words if w.y0 > TOP_PT + HEIGHT_PT] for words in every]
    assert below == [["—", "1", "—"], ["—", "2", "—"], [], []]
    assert text_lines(every[2]) == [] and "".join(w.text for w in text_lines(every[3])[-1]).endswith("印发")


def test_page_counts_as_the_layout_counted_them_on_the_corpus(tmp_path):
    """The line model behind the even page count and the 版记 placement agrees with LibreOffice
    on the bundled drafts (long ones included)."""
    from assistant.core.document import open_document
    from assistant.core.export.gongwen import export_gongwen
    from tests.conftest import CORPUS, SAMPLE
    from tests.gongwen_pdf import to_pdf

    counted = {}
    for number, draft in enumerate([*sorted(CORPUS.glob("*.txt")), SAMPLE]):
        result = export_gongwen(open_document(draft).snapshot(), tmp_path / f"{number}.docx")
        counted[result.path] = result.pages
    to_pdf(*counted)
    assert {path.name: len(pages(path.with_suffix(".pdf"))) for path in counted} == \
        {path.name: count for path, count in counted.items()}
