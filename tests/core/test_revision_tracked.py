"""修订稿 (issue 15): accepting every revision gives the edited draft, rejecting every one gives the
original, with each character's run properties kept on both sides, on made and real files."""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest
from docx.shared import Pt, RGBColor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from assistant.core.document import open_document
from assistant.core.errors import DocumentError
from assistant.core.revision.compare import compare, read_draft, revised_docx
from assistant.core.revision.tracked import Stamp
from tests.conftest import W, peer_docx_files
from tests.tracked_changes import formats, main_part, resolve, revisions_by, texts

AUTHOR = "审校人"
STAMP = Stamp(AUTHOR, "2026-12-01T08:00:00Z")
WORDS = ["加强", "强化", "推动", "落实", "工作", "，", ",", "。", ".", "；", "（", "）", "一是", "基层", "\t", "abc", " "]


def made_draft(path: Path) -> Path:
    """A draft with multi-run, multi-format paragraphs, a tab, a line break and a table."""
    document = docx.Document()
    styles = [dict(bold=True), dict(italic=True), dict(size=Pt(16)), dict(color=RGBColor(0xC0, 0, 0)), {}]
    setters = {"bold": lambda run, v: setattr(run, "bold", v), "italic": lambda run, v: setattr(run, "italic", v),
               "size": lambda run, v: setattr(run.font, "size", v),
               "color": lambda run, v: setattr(run.font.color, "rgb", v)}
    sentences = ["各单位要加强组织领导，", "切实把责任落到实处。", "一是抓学习,二是抓落实,", "三是抓督查。",
                 "推动工作取得实效；", "确保各项任务按期完成。"]
    for number in range(5):
        p = document.add_paragraph()
        for k, sentence in enumerate(sentences[number:] + sentences[:number]):
            run = p.add_run(sentence)
            for key, value in styles[(number + k) % len(styles)].items():
                setters[key](run, value)
        if number == 2:
            p.add_run("\t附件").bold = True
            p.add_run().add_break()
            p.add_run("说明")
    table = document.add_table(rows=2, cols=2)
    for r in range(2):
        for c in range(2):
            cell = table.cell(r, c).paragraphs[0]
            cell.add_run(f"表格{r}{c}").bold = bool(c)
            cell.add_run("加强管理，").italic = True
            cell.add_run("落实责任。")
    document.add_paragraph("结尾段落保持不变。")
    document.save(path)
    return path


EDIT = st.tuples(st.sampled_from(["edit", "edit", "edit", "insert", "delete"]), st.integers(0, 1000),
                 st.integers(0, 1000), st.integers(0, 8), st.lists(st.sampled_from(WORDS), max_size=3))


def apply_script(document, script) -> None:
    """Edits as a user makes them through the model: replace a stretch, add or remove a paragraph."""
    for kind, where, start, length, words in script:
        editable = [i for i, p in enumerate(document.paragraphs) if p.editable]
        if not editable:
            return
        index = editable[where % len(editable)]
        text = document.paragraphs[index].text
        if kind == "edit":
            start = start % (len(text) + 1)
            document.set_text(index, text[:start] + "".join(words) + text[start + length:])
        elif kind == "insert":
            document.insert_paragraph(index + start % 2, "".join(words) or "新增一段")
        elif len(editable) > 1:
            document.delete_paragraph(index)


def revise(original: Path, edited: Path, tmp_path: Path):
    comparison = compare(read_draft(original), read_draft(edited))
    out = tmp_path / "修订稿.docx"
    out.write_bytes(revised_docx(comparison, STAMP))
    return comparison, main_part(out)


def assert_accept_and_reject(original: Path, edited: Path, tmp_path: Path) -> etree._Element:
    comparison, root = revise(original, edited, tmp_path)
    old_root, new_root = main_part(original), main_part(edited)
    accepted, rejected = resolve(root, AUTHOR, accept=True), resolve(root, AUTHOR, accept=False)
    assert texts(accepted) == [p.text for p in open_document(edited).paragraphs]
    assert texts(rejected) == [p.text for p in open_document(original).paragraphs]
    old_formats, new_formats, rejected_formats = formats(old_root), formats(new_root), formats(rejected)
    assert formats(accepted) == new_formats
    for row in comparison.rows:
        if row.old is None or row.new is None:
            continue
        expected = list(new_formats[row.new])  # kept characters: the edited draft's runs …
        for change in reversed(row.changes):  # … changed ones: the original's
            expected[change.new_start:change.new_end] = old_formats[row.old][change.old_start:change.old_end]
        assert rejected_formats[row.old] == expected  # the rejected view has the old paragraphs
    return root


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    return made_draft(tmp_path_factory.mktemp("made") / "初稿.docx")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=st.lists(EDIT, min_size=1, max_size=8))
def test_random_edits_of_a_formatted_draft_accept_to_the_edit_and_reject_to_the_original(made, tmp_path_factory, script):
    tmp_path = tmp_path_factory.mktemp("edit")
    document = open_document(made)
    apply_script(document, script)
    edited = document.save(tmp_path / "修改稿.docx", backup=False)
    assert_accept_and_reject(made, edited, tmp_path)


@pytest.mark.parametrize("source", peer_docx_files())
def test_real_files_with_random_edits(source: Path, tmp_path: Path):
    """Edits in the body and tables of real files, among text boxes, notes, fields, merged
    cells and others' revisions."""
    try:
        document = open_document(source)
    except DocumentError:
        pytest.skip("a file the app refuses (strict, damaged): nothing to revise")
    generator = random.Random(source.name)
    script = [(generator.choice(["edit", "edit", "insert", "delete"]), generator.randrange(1000),
               generator.randrange(1000), generator.randrange(6), generator.sample(WORDS, 2)) for _ in range(12)]
    apply_script(document, script)
    edited = document.save(tmp_path / "edited.docx", backup=False)
    assert_accept_and_reject(source, edited, tmp_path)


def test_unchanged_paragraphs_are_byte_for_byte_those_of_the_edited_draft(made, tmp_path: Path):
    document = open_document(made)
    document.set_text(0, document.paragraphs[0].text.replace("加强", "强化"))
    document.delete_paragraph(3)
    edited = document.save(tmp_path / "修改稿.docx", backup=False)
    _, root = revise(made, edited, tmp_path)
    before = [etree.tostring(p, method="c14n") for p in main_part(edited).iter(f"{W}p")]
    after = [etree.tostring(p, method="c14n") for p in root.iter(f"{W}p")]
    changed = [p for p in after if p not in before]
    assert len(changed) == 2  # the edited paragraph and the deleted one written back
    assert len(revisions_by(root, AUTHOR)) == 4  # 加强→强化 (del + ins), the deleted text and its mark


def test_revisions_carry_author_date_and_unique_ids(made, tmp_path: Path):
    document = open_document(made)
    document.set_text(1, "全新的第二段。")
    document.insert_paragraph(2, "插入的一段。")
    edited = document.save(tmp_path / "修改稿.docx", backup=False)
    _, root = revise(made, edited, tmp_path)
    marks = revisions_by(root, AUTHOR)
    assert marks and all(m.get(f"{W}date") == STAMP.date for m in marks)
    ids = [e.get(f"{W}id") for e in root.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))
    deleted_runs = [r for d in root.iter(f"{W}del") for r in d.iter(f"{W}r")]
    assert deleted_runs and all(r.find(f"{W}t") is None and r.find(f"{W}delText") is not None for r in deleted_runs)
