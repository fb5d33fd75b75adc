"""Tables and pictures carried into the 公文 export keep what Word and LibreOffice need to lay them
out: every style the export names exists in its styles.xml (a missing paragraph style made
LibreOffice render the 股东会 notice's table with empty cells), a cell's numbering label is text,
a link names the export's own relationship, a table fits the text block, and pictures come over
in any format. Checked on the XML; tests/core/test_table_pdf.py looks at
the printed page."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from assistant.core.document import open_document
from assistant.core.export.gongwen import export_gongwen
from tests.conftest import W, peer_docx
from tests.core.test_gongwen_layout import one_pixel_png

NOTICE = "bisheng-unstructured__1. 股东会-会议通知.docx"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
REFERENCES = {f"{W}pStyle": "paragraph", f"{W}rStyle": "character", f"{W}tblStyle": "table"}


def export(tmp_path: Path, source: Path) -> tuple[etree._Element, etree._Element, zipfile.ZipFile]:
    """The export's document.xml and styles.xml roots, and the package."""
    result = export_gongwen(open_document(source).snapshot(), tmp_path / "out.docx")
    archive = zipfile.ZipFile(result.path)
    return (etree.fromstring(archive.read("word/document.xml")), etree.fromstring(archive.read("word/styles.xml")),
            archive)


def styles_by_id(styles: etree._Element) -> dict[str, etree._Element]:
    return {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}


def styled_table_draft(path: Path) -> Path:
    """A draft whose table cells name its own styles: 表格居中 (centred) based on 表格文字 (10.5 pt)
    based on Normal, and the character style 表格强调 (bold)."""
    document = docx.Document()
    text_style = document.styles.add_style("表格文字", WD_STYLE_TYPE.PARAGRAPH)
    text_style.base_style = document.styles["Normal"]
    text_style.font.size = docx.shared.Pt(10.5)
    centred = document.styles.add_style("表格居中", WD_STYLE_TYPE.PARAGRAPH)
    centred.base_style = text_style
    centred.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.styles.add_style("表格强调", WD_STYLE_TYPE.CHARACTER).font.bold = True
    document.add_paragraph("关于某事的通知")
    document.add_paragraph("表格之前的段落。")
    table = document.add_table(rows=2, cols=2)
    for cell, words in zip(table._cells, ("甲一", "甲二", "乙一", "乙二")):
        cell.paragraphs[0].style = centred
        cell.paragraphs[0].add_run(words, style="表格强调")
    document.add_paragraph("表格之后的段落。")
    document.save(path)
    return path


@pytest.mark.parametrize("name", [NOTICE, "bisheng-unstructured__maoxuan_sample.docx", "docx2python__merged_cells.docx",
                                  "poi__form_footnotes.docx", "python-docx__tbl-having-tables.docx", "styled"])
def test_every_style_the_export_names_exists_with_its_type(tmp_path, name):
    source = styled_table_draft(tmp_path / "表.docx") if name == "styled" else peer_docx(name)
    document, styles, _ = export(tmp_path, source)
    defined = {style_id: style.get(f"{W}type", "paragraph") for style_id, style in styles_by_id(styles).items()}
    named = [(element.get(f"{W}val"), kind) for element in document.iter(*REFERENCES) for kind in [REFERENCES[element.tag]]]
    assert named and all(defined.get(style_id) == kind for style_id, kind in named), \
        [pair for pair in named if defined.get(pair[0]) != pair[1]]
    for style in styles.iter(f"{W}style"):  # and the styles they are based on
        based_on = style.find(f"{W}basedOn")
        assert based_on is None or based_on.get(f"{W}val") in defined


def test_a_draft_style_the_export_has_by_name_becomes_the_export_s(tmp_path):
    """The notice's cells are in “No Spacing” (id a4 there), its table in “Table Grid” (af2)."""
    document, _, _ = export(tmp_path, peer_docx(NOTICE))
    table = document.find(f".//{W}tbl")
    assert table.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "TableGrid"
    assert {p.get(f"{W}val") for p in table.iter(f"{W}pStyle")} == {"NoSpacing"}


def test_a_style_only_the_draft_has_is_copied_with_its_chain_onto_the_export_s_normal(tmp_path):
    document, styles, _ = export(tmp_path, styled_table_draft(tmp_path / "表.docx"))
    by_id = styles_by_id(styles)
    cell = document.find(f".//{W}tc/{W}p")
    centred = by_id[cell.find(f"{W}pPr/{W}pStyle").get(f"{W}val")]
    assert centred.find(f"{W}name").get(f"{W}val") == "表格居中"
    assert centred.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    text_style = by_id[centred.find(f"{W}basedOn").get(f"{W}val")]
    assert text_style.find(f"{W}name").get(f"{W}val") == "表格文字"
    assert text_style.find(f"{W}rPr/{W}sz").get(f"{W}val") == "21"
    assert text_style.find(f"{W}basedOn").get(f"{W}val") == "Normal"
    emphasis = by_id[cell.find(f"{W}r/{W}rPr/{W}rStyle").get(f"{W}val")]
    assert emphasis.get(f"{W}type") == "character" and emphasis.find(f"{W}rPr/{W}b") is not None


def test_a_numbered_cell_shows_its_label_as_text(tmp_path):
    """The notice's 序号 cell is numbered by numId 7 of the draft; the export has its own numId 7."""
    document, _, _ = export(tmp_path, peer_docx(NOTICE))
    table = document.find(f".//{W}tbl")
    first_cells = ["".join(t.text for t in row.find(f"{W}tc").iter(f"{W}t")) for row in table.iter(f"{W}tr")]
    assert first_cells == ["序号", "1"]
    assert [n.get(f"{W}val") for n in table.iter(f"{W}numId")] == ["0"]


def test_emf_and_wmf_pictures_are_carried(tmp_path):
    """python-docx reads no size from an EMF or WMF; the draft's size serves."""
    document, _, archive = export(tmp_path, peer_docx("poi__VariousPictures.docx"))
    media = sorted(Path(name).suffix for name in archive.namelist() if name.startswith("word/media/"))
    assert media == [".emf", ".emf", ".jpg", ".png", ".wmf"]
    relationships = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in relationships}
    embedded = [b.get(f"{{{R_NS}}}embed")
                for b in document.iter(f"{{{A_NS}}}blip")]
    assert sorted(Path(targets[rid]).suffix for rid in embedded) == media
    assert b'Extension="emf" ContentType="image/x-emf"' in archive.read("[Content_Types].xml")



BLOCK_TWIPS = 156 / 25.4 * 1440  # the text block's width (GB/T 9704 5.2.2)


def grid_twips(table: etree._Element) -> list[int]:
    return [int(c.get(f"{W}w")) for c in table.find(f"{W}tblGrid").findall(f"{W}gridCol")]


def wide_table_draft(path: Path) -> Path:
    """A draft from a landscape page: a 3-column table 12 000 twips wide, indented 500, holding a
    nested 2-column table 3 000 twips wide in its first cell and a 1 200 000 × 600 000 EMU picture
    in its last."""
    document = docx.Document()
    document.add_paragraph("关于某事的通知")
    table = document.add_table(rows=1, cols=3)
    for column in table.columns:
        column.width = docx.shared.Twips(4000)
    table.cell(0, 0).width = docx.shared.Twips(4000)
    etree.SubElement(table._tbl.tblPr, f"{W}tblInd", {f"{W}w": "500", f"{W}type": "dxa"})
    nested = table.cell(0, 0).add_table(rows=1, cols=2)
    for column in nested.columns:
        column.width = docx.shared.Twips(1500)
    table.cell(0, 1).text = "乙"
    table.cell(0, 2).paragraphs[0].add_run().add_picture(io.BytesIO(one_pixel_png()), width=docx.shared.Emu(1200000),
                                                         height=docx.shared.Emu(600000))
    document.save(path)
    return path


def test_a_table_wider_than_the_text_block_is_narrowed_in_proportion(tmp_path):
    document, _, _ = export(tmp_path, wide_table_draft(tmp_path / "宽表.docx"))
    outer, nested = document.find(f"{W}body/{W}tbl"), document.find(f"{W}body/{W}tbl//{W}tbl")
    assert abs(sum(grid_twips(outer)) - BLOCK_TWIPS) <= 2 and len(set(grid_twips(outer))) == 1
    assert outer.find(f"{W}tblPr/{W}tblInd").get(f"{W}w") == "0"
    assert grid_twips(nested) == [round(1500 * BLOCK_TWIPS / 12000)] * 2  # nested tables by the same factor
    assert int(outer.find(f".//{W}tcW").get(f"{W}w")) == round(4000 * BLOCK_TWIPS / 12000)
    extent = outer.find(f".//{{{WP_NS}}}extent")
    assert (extent.get("cx"), extent.get("cy")) == (str(round(1200000 * BLOCK_TWIPS / 12000)),
                                                    str(round(600000 * BLOCK_TWIPS / 12000)))


def test_a_picture_in_a_table_is_carried_into_the_export_s_package(tmp_path):
    """form_footnotes' letterhead picture stands in a table cell; it once was left out and told."""
    result = export_gongwen(open_document(peer_docx("poi__form_footnotes.docx")).snapshot(), tmp_path / "out.docx")
    assert not any("图片" in note for note in result.notes)
    with zipfile.ZipFile(result.path) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        relationships = {r.get("Id"): r.get("Target") for r in
                         etree.fromstring(archive.read("word/_rels/document.xml.rels"))}
        blips = [b.get(f"{{{R_NS}}}embed") for b in document.find(f"{W}body/{W}tbl").iter(f"{{{A_NS}}}blip")]
        assert len(blips) == 1 and archive.read(f"word/{relationships[blips[0]]}").startswith(b"\x89PNG")
    ids = [d.get("id") for d in document.iter(f"{{{WP_NS}}}docPr")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", [NOTICE, "poi__form_footnotes.docx"])
def test_every_table_of_a_real_draft_fits_the_text_block(tmp_path, name):
    """The notice's table (7 754 twips, indented 576) fits as it is; form_footnotes' (10 638) is narrowed."""
    document, _, _ = export(tmp_path, peer_docx(name))
    for table in document.find(f"{W}body").findall(f"{W}tbl"):
        indent = table.find(f"{W}tblPr/{W}tblInd")
        assert sum(grid_twips(table)) + (int(indent.get(f"{W}w")) if indent is not None else 0) <= BLOCK_TWIPS + 3
    if name == NOTICE:
        assert grid_twips(document.find(f"{W}body/{W}tbl")) == [950, 4536, 2268]


def test_a_link_in_a_table_names_the_export_s_relationship_to_its_address(tmp_path):
    """The draft's r:id copied as it was named the export's footer part (rId9 in both)."""
    source = docx.Document()
    source.add_paragraph("关于某事的通知")
    cell = source.add_table(rows=1, cols=2).cell(0, 0)
    rid = source.part.relate_to("http://www.gov.cn/", RT.HYPERLINK, is_external=True)
    link = etree.SubElement(cell.paragraphs[0]._p, f"{W}hyperlink", {f"{{{R_NS}}}id": rid})
    etree.SubElement(etree.SubElement(link, f"{W}r"), f"{W}t").text = "中国政府网"
    source.save(tmp_path / "链接.docx")
    document, _, archive = export(tmp_path, tmp_path / "链接.docx")
    relationships = {r.get("Id"): r for r in etree.fromstring(archive.read("word/_rels/document.xml.rels"))}
    exported = relationships[document.find(f".//{W}tbl//{W}hyperlink").get(f"{{{R_NS}}}id")]
    assert (exported.get("Type"), exported.get("Target"), exported.get("TargetMode")) == \
        (RT.HYPERLINK, "http://www.gov.cn/", "External")


def test_tables_with_nothing_between_them_stay_apart(tmp_path):
    """The draft's three tables stand between empty paragraphs, which the export leaves out; tables
    side by side in the body would be one table in Word and LibreOffice."""
    document, _, _ = export(tmp_path, peer_docx("python-docx__tbl-having-tables.docx"))
    body = list(document.find(f"{W}body"))
    assert sum(e.tag == f"{W}tbl" for e in body) == 3
    assert not any(a.tag == b.tag == f"{W}tbl" for a, b in zip(body, body[1:]))


def test_pictures_copied_in_tables_take_drawing_ids_of_their_own(tmp_path):
    """The draft's ids (a body picture 9, a cell picture 1) are not the export's: the body picture
    is drawn anew as 1, so the cell's copied 1 must change (Word wants each id once)."""
    source = docx.Document()
    source.add_paragraph("关于某事的通知")
    source.add_picture(io.BytesIO(one_pixel_png()))
    source.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run().add_picture(io.BytesIO(one_pixel_png()))
    body_picture, cell_picture = source.element.body.iter(f"{{{WP_NS}}}docPr")
    body_picture.set("id", "9")
    cell_picture.set("id", "1")
    source.save(tmp_path / "图表.docx")
    document, _, _ = export(tmp_path, tmp_path / "图表.docx")
    ids = [d.get("id") for d in document.iter(f"{{{WP_NS}}}docPr")]
    assert len(ids) == 2 and len(set(ids)) == 2


def revised_table_draft(path: Path) -> Path:
    """A table under tracked changes (修订): in a cell 旧 deleted and 新 inserted, its 字号 changed
    (rPrChange), and its second row deleted."""
    source = docx.Document()
    source.add_paragraph("关于某事的通知")
    table = source.add_table(rows=2, cols=1)
    table.cell(1, 0).text = "删去的行"
    stamp = {f"{W}id": "1", f"{W}author": "审核人", f"{W}date": "2026-01-02T00:00:00Z"}
    p = table.cell(0, 0).paragraphs[0]._p
    p.append(etree.fromstring(f'<w:r xmlns:w="{W[1:-1]}"><w:t>保留</w:t></w:r>'))
    deleted = etree.SubElement(p, f"{W}del", stamp)
    etree.SubElement(etree.SubElement(deleted, f"{W}r"), f"{W}delText").text = "旧"
    inserted = etree.SubElement(p, f"{W}ins", {**stamp, f"{W}id": "2"})
    run = etree.SubElement(inserted, f"{W}r")
    change = etree.SubElement(etree.SubElement(run, f"{W}rPr"), f"{W}rPrChange", {**stamp, f"{W}id": "3"})
    etree.SubElement(change, f"{W}rPr")
    etree.SubElement(run, f"{W}t").text = "新"
    row_properties = table.rows[1]._tr.get_or_add_trPr()
    etree.SubElement(row_properties, f"{W}del", {**stamp, f"{W}id": "4"})
    source.save(path)
    return path


def test_a_table_under_tracked_changes_is_exported_with_them_accepted(tmp_path):
    document, _, _ = export(tmp_path, revised_table_draft(tmp_path / "修订.docx"))
    table = document.find(f"{W}body/{W}tbl")
    assert ["".join(t.text for t in row.iter(f"{W}t")) for row in table.iter(f"{W}tr")] == ["保留新"]
    revisions = {f"{W}{name}" for name in ("del", "ins", "delText", "rPrChange")}
    assert not [e.tag for e in document.iter() if e.tag in revisions]


def test_a_style_without_an_id_and_a_reference_without_a_name_are_let_go(tmp_path):
    """Hand-made files hold both; the export made neither a crash nor a w:pStyle without w:val."""
    source = docx.Document()
    source.add_paragraph("关于某事的通知")
    paragraph = source.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
    paragraph.add_run("甲")
    etree.SubElement(paragraph._p.get_or_add_pPr(), f"{W}pStyle")
    etree.SubElement(source.styles.element, f"{W}style", {f"{W}type": "paragraph"})
    source.save(tmp_path / "无名.docx")
    document, _, _ = export(tmp_path, tmp_path / "无名.docx")
    assert document.find(f".//{W}tbl//{W}pStyle") is None
