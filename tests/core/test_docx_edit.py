"""Editing through the model changes only the runs that hold changed characters (issue 2)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from assistant.core.document import open_document
from assistant.core.docx_io import iter_paragraphs
from tests.conftest import W, body_paragraphs, document_xml, peer_copy


def runs_of(p: etree._Element) -> list[etree._Element]:
    return list(p.iter(f"{W}r"))


def properties(element: etree._Element, tag: str) -> bytes:
    found = element.find(f"{W}{tag}")
    return etree.tostring(found, method="c14n") if found is not None else b""


def rpr_bytes(run: etree._Element) -> bytes:
    return properties(run, "rPr")


def is_bold(run: etree._Element) -> bool:
    bold = run.find(f"{W}rPr/{W}b")
    return bold is not None and bold.get(f"{W}val") not in ("0", "false")


def run_text(run: etree._Element) -> str:
    return "".join(t.text or "" for t in run.iter(f"{W}t"))


def file_paragraphs(path: Path) -> list[etree._Element]:
    """The ``w:p`` elements of the file in the model's paragraph order."""
    return [p for p, _ in iter_paragraphs(document_xml(path).find(f"{W}body"))]


def index_of(document, part: str) -> int:
    return next(i for i, p in enumerate(document.paragraphs) if part in p.text)


def saved_paragraph(path: Path, part: str) -> etree._Element:
    return next(p for p in body_paragraphs(path) if part in "".join(t.text or "" for t in p.iter(f"{W}t")))


@pytest.fixture
def maoxuan(tmp_path: Path) -> Path:
    return peer_copy(tmp_path, "bisheng-unstructured__maoxuan_sample.docx", "maoxuan.docx")


def section_holder(path: Path) -> int:
    """Index of the first paragraph that carries a section break (w:pPr/w:sectPr)."""
    return next(i for i, p in enumerate(file_paragraphs(path)) if p.find(f"{W}pPr/{W}sectPr") is not None)


def test_one_character_in_the_middle_of_a_run_changes_only_that_run(maoxuan: Path, tmp_path: Path):
    document = open_document(maoxuan)
    index = index_of(document, "（一）国民党在美国援助下")
    paragraph = document.paragraphs[index]
    before_runs = runs_of(file_paragraphs(maoxuan)[index])
    assert len(before_runs) >= 10 and len({rpr_bytes(r) for r in before_runs}) >= 3
    before_rpr = [rpr_bytes(r) for r in before_runs]
    before_text = [run_text(r) for r in before_runs]
    target_run = next(i for i, r in enumerate(before_runs) if len(run_text(r)) >= 5 and 0 < i < len(before_runs) - 1)
    offset = sum(len(t) for t in before_text[:target_run]) + len(before_text[target_run]) // 2
    others_before = [etree.tostring(p, method="c14n") for p in body_paragraphs(maoxuan)]

    new_char = "■"
    document.set_text(index, paragraph.text[:offset] + new_char + paragraph.text[offset + 1:])
    out = tmp_path / "edited.docx"
    document.save(out)

    saved = saved_paragraph(out, "（一）国民党在美国援助下")
    after_runs = runs_of(saved)
    assert [rpr_bytes(r) for r in after_runs] == before_rpr
    after_text = [run_text(r) for r in after_runs]
    changed = [i for i, (a, b) in enumerate(zip(before_text, after_text)) if a != b]
    assert changed == [target_run]
    assert new_char in after_text[target_run]
    others_after = [etree.tostring(p, method="c14n") for p in body_paragraphs(out)]
    assert sum(a != b for a, b in zip(others_before, others_after)) == 1
    with zipfile.ZipFile(maoxuan) as a, zipfile.ZipFile(out) as b:
        assert all(a.read(n) == b.read(n) for n in a.namelist() if n != "word/document.xml")


def test_inserted_text_takes_the_formatting_of_its_left_neighbour(sample_copy: Path):
    document = open_document(sample_copy)
    index = index_of(document, "今年以来")
    text = document.paragraphs[index].text
    split = text.index("认真的学习") + len("认真的学习")  # end of the bold run
    document.set_text(index, text[:split] + "和研究" + text[split:])
    document.save()
    runs = runs_of(saved_paragraph(sample_copy, "今年以来"))
    assert [run_text(r) for r in runs][1] == "认真的学习和研究"
    assert is_bold(runs[1])


def test_text_typed_at_the_start_takes_the_first_runs_formatting(sample_copy: Path):
    document = open_document(sample_copy)
    index = index_of(document, "（一）项目建设")
    document.set_text(index, "一、" + document.paragraphs[index].text)
    document.save()
    runs = runs_of(saved_paragraph(sample_copy, "一、（一）项目建设"))
    assert run_text(runs[0]).startswith("一、（一）")
    assert "楷体_GB2312" in rpr_bytes(runs[0]).decode()


def test_replacement_across_runs_keeps_run_boundaries(sample_copy: Path):
    document = open_document(sample_copy)
    index = index_of(document, "今年以来")
    text = document.paragraphs[index].text
    document.set_text(index, text.replace("认真的学习贯彻", "认真地学习贯彻").replace("搞好各项工作,", "做好各项工作，"))
    document.save()
    runs = runs_of(saved_paragraph(sample_copy, "今年以来"))
    assert [run_text(r) for r in runs][1] == "认真地学习"
    assert "做好各项工作，取得" in run_text(runs[2])
    assert is_bold(runs[1]) and not is_bold(runs[2])


def test_tabs_and_line_breaks_become_elements(sample_copy: Path):
    document = open_document(sample_copy)
    index = index_of(document, "一、主要工作情况")
    document.set_text(index, "一、\t主要工作\u2028情况")
    document.save()
    saved = saved_paragraph(sample_copy, "一、")
    assert len(saved.findall(f".//{W}tab")) == 1 and len(saved.findall(f".//{W}br")) == 1
    assert open_document(sample_copy).paragraphs[index].text == "一、\t主要工作\u2028情况"


def test_deleted_paragraph_is_removed_and_inserted_copies_previous_style(sample_copy: Path):
    document = open_document(sample_copy)
    count = len(body_paragraphs(sample_copy))
    heading = index_of(document, "二、存在的问题")
    document.delete_paragraph(heading)
    document.insert_paragraph(heading, "新增的一段文字。")
    document.save()
    reopened = [p.text for p in open_document(sample_copy).paragraphs]
    assert "二、存在的问题" not in reopened and reopened[heading] == "新增的一段文字。"
    assert len(body_paragraphs(sample_copy)) == count
    new_p = saved_paragraph(sample_copy, "新增的一段文字")
    assert rpr_bytes(runs_of(new_p)[0]) == rpr_bytes(runs_of(new_p.getprevious())[-1])


def test_inserted_paragraph_copies_paragraph_properties_but_not_section_breaks(tmp_path: Path):
    source = peer_copy(tmp_path, "python-docx__hdr-header-footer.docx", "sections.docx")
    document = open_document(source)
    holder = section_holder(source)
    document.insert_paragraph(holder + 1, "分节符之后的新段落")
    document.save()
    new_p = saved_paragraph(source, "分节符之后的新段落")
    assert new_p.find(f"{W}pPr/{W}sectPr") is None
    expected = [c.tag for c in new_p.getprevious().find(f"{W}pPr") if c.tag != f"{W}sectPr"]
    assert [c.tag for c in new_p.find(f"{W}pPr")] == expected


def test_section_break_paragraph_is_emptied_not_removed(tmp_path: Path):
    source = peer_copy(tmp_path, "python-docx__hdr-header-footer.docx", "sections.docx")
    document = open_document(source)
    holder = section_holder(source)
    sections = len(list(body_paragraphs(source)[0].getroottree().iter(f"{W}sectPr")))
    document.delete_paragraph(holder)
    document.save()
    assert len(list(body_paragraphs(source)[0].getroottree().iter(f"{W}sectPr"))) == sections


def test_comment_anchors_survive_deleting_their_paragraph(tmp_path: Path):
    source = peer_copy(tmp_path, "python-docx__comments-rich-para.docx", "comments.docx")
    document = open_document(source)
    markers = ("commentRangeStart", "commentRangeEnd", "commentReference")
    counts = [len(body_paragraphs(source)[0].getroottree().findall(f".//{W}{m}")) for m in markers]
    holder = next(i for i, p in enumerate(file_paragraphs(source))
                  if p.find(f".//{W}commentRangeStart") is not None and i + 1 < len(document.paragraphs))
    document.delete_paragraph(holder)
    document.save()
    tree = body_paragraphs(source)[0].getroottree()
    assert [len(tree.findall(f".//{W}{m}")) for m in markers] == counts


def test_pictures_stay_when_the_text_around_them_changes(tmp_path: Path):
    source = peer_copy(tmp_path, "python-docx__having-images.docx", "images.docx")
    document = open_document(source)
    index = next(i for i, p in enumerate(document.paragraphs) if "\ufffc" in p.text)
    document.set_text(index, "前面加字" + document.paragraphs[index].text + "后面加字")
    document.save()
    text = open_document(source).paragraphs[index].text
    assert text.startswith("前面加字") and text.endswith("后面加字") and "\ufffc" in text


def test_replace_lines_edits_inserts_and_deletes(sample_copy: Path):
    document = open_document(sample_copy)
    lines = [p.text for p in document.paragraphs]
    lines[1] = lines[1].replace("搞好", "做好")
    del lines[5]
    lines.insert(3, "插入的新段落。")
    document.replace_lines(lines)
    document.save()
    assert [p.text for p in open_document(sample_copy).paragraphs] == lines


def test_last_paragraph_of_a_cell_is_emptied_not_removed(sample_copy: Path):
    document = open_document(sample_copy)
    index = next(i for i, p in enumerate(document.paragraphs) if p.text == "个数")
    document.delete_paragraph(index)
    document.save()
    cells = body_paragraphs(sample_copy)[0].getroottree().findall(f".//{W}tc")
    assert all(cell.find(f"{W}p") is not None for cell in cells)
    assert "个数" not in [p.text for p in open_document(sample_copy).paragraphs]


def test_spaces_at_the_edges_survive_and_plain_text_gets_no_extra_attribute(sample_copy: Path):
    document = open_document(sample_copy)
    document.set_text(2, "  一、主要工作情况 ")
    document.set_text(4, document.paragraphs[4].text.replace("咱们", "我们"))
    document.save()
    reopened = open_document(sample_copy)
    assert reopened.paragraphs[2].text == "  一、主要工作情况 "
    edited = saved_paragraph(sample_copy, "我们好好梳理")
    assert all(t.get("{http://www.w3.org/XML/1998/namespace}space") is None for t in edited.iter(f"{W}t"))


def test_a_replaced_run_keeps_its_own_formatting_and_its_neighbours_theirs(sample_copy: Path):
    """Typing over the whole of a bold run between two plain ones: the new text goes into that
    run, not the end of the left one or the start of the right one (each run's text and format)."""
    document = open_document(sample_copy)
    index = index_of(document, "今年以来")
    before = [(run_text(r), rpr_bytes(r)) for r in runs_of(file_paragraphs(sample_copy)[index])]
    assert [text for text, _ in before][1] == "认真的学习" and len({rpr for _, rpr in before}) == 2
    document.set_text(index, document.paragraphs[index].text.replace("认真的学习", "深入研究"))
    document.save()
    after = [(run_text(r), rpr_bytes(r)) for r in runs_of(file_paragraphs(sample_copy)[index])]
    assert after == [before[0], ("深入研究", before[1][1]), *before[2:]]
