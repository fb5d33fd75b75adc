"""What the model shows of real .docx files, construct by construct (text boxes, content controls,
smart tags, tracked changes, merged and nested cells), compared with the XML itself."""

from __future__ import annotations

import docx
import pytest

from assistant.core.document import open_document
from assistant.core.errors import DocumentError
from tests.conftest import NS, SAMPLE, document_xml, peer_docx


def texts(name: str) -> list[str]:
    return [p.text for p in open_document(peer_docx(name)).paragraphs]


def test_text_boxes_are_read_only_paragraphs_after_their_anchor_without_vml_duplicates():
    name = "docling__textbox.docx"
    document = open_document(peer_docx(name))
    boxes = [p for p in document.paragraphs if p.location == "textbox"]
    xml = document_xml(peer_docx(name))
    expected = xml.xpath("//w:txbxContent[not(ancestor::mc:Fallback)]//w:p", namespaces={
        **NS, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"})
    assert len(boxes) == len(expected) > 0
    assert all(not p.editable for p in boxes)
    with pytest.raises(DocumentError, match="只读"):
        document.set_text(document.paragraphs.index(boxes[0]), "改动")

    small = open_document(peer_docx("mammoth.js__text-box.docx")).paragraphs
    assert [(p.text, p.location) for p in small] == [("\ufffc", "body"), ("Datum plane", "textbox")]


def test_content_controls_are_read_through():
    found = texts("docling__docx_checkboxes.docx")
    assert "☒ Orange juice" in found and "☐ Tea" in found
    python_docx = [p.text for p in docx.Document(peer_docx("docling__docx_checkboxes.docx")).paragraphs]
    assert "☐ Tea" not in python_docx  # python-docx alone does not see inside block content controls


def test_smart_tags_are_part_of_the_text():
    found = "\n".join(texts("poi__form_footnotes.docx"))
    assert "SAN FRANCISCO" in found and "Brazil" in found


def test_tracked_insertions_shown_and_deletions_hidden():
    found = "\n".join(texts("poi__delins.docx"))
    assert "March 2009: Apache Tika Release" in found
    assert "Later the tika became a standard part of the costume" not in found


def test_merged_cells_once_each():
    found = texts("docx2python__merged_cells.docx")
    assert found.count("0-12") == 1 and found.count("34-123") == 1
    row_cells = [c.text for row in docx.Document(peer_docx("docx2python__merged_cells.docx")).tables[0].rows
                 for c in row.cells]
    assert row_cells.count("34-123") > 1  # python-docx's row.cells repeats a merged cell


def test_nested_tables_in_reading_order(tmp_path):
    built = docx.Document()
    built.add_paragraph("表前")
    outer = built.add_table(rows=2, cols=2)
    outer.cell(0, 0).paragraphs[0].text = "甲"
    outer.cell(0, 1).merge(outer.cell(1, 1)).paragraphs[0].text = "合并"
    inner_host = outer.cell(1, 0)
    inner_host.paragraphs[0].text = "乙"
    inner = inner_host.add_table(rows=1, cols=2)
    inner.cell(0, 0).paragraphs[0].text = "内一"
    inner.cell(0, 1).paragraphs[0].text = "内二"
    built.add_paragraph("表后")
    path = tmp_path / "nested.docx"
    built.save(path)
    found = [(p.text, p.location) for p in open_document(path).paragraphs if p.text]
    assert found == [("表前", "body"), ("甲", "table"), ("合并", "table"), ("乙", "table"),
                     ("内一", "table"), ("内二", "table"), ("表后", "body")]


def test_pictures_and_equations_are_object_characters():
    name = "docx2python__equations.docx"
    maths = document_xml(peer_docx(name)).xpath(
        "//m:oMathPara | //m:oMath[not(ancestor::m:oMathPara)]",
        namespaces={"m": "http://schemas.openxmlformats.org/officeDocument/2006/math"})
    assert "".join(texts(name)).count("\ufffc") == len(maths) > 0
    pictures = document_xml(peer_docx("python-docx__having-images.docx")).xpath("//w:drawing", namespaces=NS)
    assert "".join(texts("python-docx__having-images.docx")).count("\ufffc") == len(pictures) > 0


def test_sample_draft_reads_body_then_table():
    document = open_document(SAMPLE)
    assert document.paragraphs[0].text == "某某县发展和改革局2025年工作总结"
    assert [p.text for p in document.paragraphs if p.location == "table"][:3] == ["项目类别", "个数", "总投资（亿元）"]
