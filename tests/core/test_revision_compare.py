"""比较两个版本 and the CLI's revise/compare (issue 15): drafts in any format, others' revisions kept,
bad input refused in one Chinese line, and LibreOffice reading our revisions as revisions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from assistant.core.document import open_document
from assistant.core.revision.compare import compare, read_draft, revised_docx, revision_lines
from assistant.core.revision.tracked import Stamp
from tests.conftest import FILES, ROOT, peer_copy
from tests.tracked_changes import formats, main_part, resolve, revisions_by, texts

OLD = ["关于加强基层党建工作的通知", "各单位：",
       "为进一步加强基层党建工作,推动全面从严治党向基层延伸,现就有关事项通知如下.",
       "一、提高思想认识。各级党组织要充分认识加强基层党建工作的重要性。要把基层党建工作摆在突出位置。",
       "二、压实工作责任。党组织书记是第一责任人，要亲自抓、负总责。",
       "三、加强督促检查。要定期开展督导,及时发现问题,推动整改落实.", "本通知自印发之日起施行。"]
NEW = ["关于强化基层党建工作的通知", "各单位：",
       "为进一步强化基层党建工作，推动全面从严治党向基层延伸，现就有关事项通知如下。",
       "一、提高思想认识。要把基层党建工作摆在突出位置。各级党组织要充分认识强化基层党建工作的重要性。",
       "三、加强督促检查。要定期开展督导，及时发现问题，推动整改落实。", "本通知自印发之日起施行。"]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        p = document.add_paragraph()
        p.add_run(text[:4]).bold = True
        p.add_run(text[4:])
    document.save(path)
    return path


def test_compare_cli_lists_the_revisions_and_writes_a_revised_draft(tmp_path: Path):
    old = tmp_path / "初稿.txt"
    old.write_text("\n".join(OLD), encoding="gbk")
    new = write_docx(tmp_path / "修改稿.docx", NEW)
    out, page = tmp_path / "修订稿.docx", tmp_path / "对照.html"
    result = run_cli("compare", str(old), str(new), "-o", str(out), "--html", str(page), "--author", "王处长")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "第 1 段：改“加强”为“强化”",
        "第 3 段：改“加强”为“强化”",
        "第 3 段：标点 3 处：“,”→“，”、“,”→“，”、“.”→“。”",
        "第 4 段：删“各级党组织要充分认识加强基层党建工作的重要性。”",  # moved (and edited): gone here …
        "第 4 段：增“各级党组织要充分认识强化基层党建工作的重要性。”",  # … and come there
        "删除原第 5 段：“二、压实工作责任。党组织书记是第一责任人，要亲自抓、负总责。”",
        "第 5 段：标点 3 处：“,”→“，”、“,”→“，”、“.”→“。”",
    ]
    assert result.stderr.startswith("增 33 字、删 63 字、改 7 处。")
    root = main_part(out)
    assert texts(resolve(root, "王处长", accept=True)) == NEW
    assert texts(resolve(root, "王处长", accept=False)) == OLD
    assert formats(resolve(root, "王处长", accept=True)) == formats(main_part(new))  # NEW's run formatting
    assert "强化" in page.read_text(encoding="utf-8") and "line-through" in page.read_text(encoding="utf-8")


def test_punctuation_revisions_one_by_one_when_asked(tmp_path: Path):
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text("一是抓学习,二是抓落实,三是抓督查.", encoding="utf-8")
    new.write_text("一是抓学习，二是抓落实，三是抓督查。", encoding="utf-8")
    grouped = run_cli("compare", str(old), str(new), "-o", str(tmp_path / "g.docx"))
    single = run_cli("compare", str(old), str(new), "-o", str(tmp_path / "s.docx"), "--no-group-punctuation")
    assert len(grouped.stdout.splitlines()) == 1 and len(single.stdout.splitlines()) == 3
    assert len(revisions_by(main_part(tmp_path / "g.docx"), "公文写作助手")) == 2  # one w:del + one w:ins
    assert len(revisions_by(main_part(tmp_path / "s.docx"), "公文写作助手")) == 6


def test_revise_keeps_someone_elses_tracked_changes(tmp_path: Path):
    original = peer_copy(tmp_path, "poi__delins.docx", "original.docx")
    theirs = revisions_by(main_part(original), "pavel")
    document = open_document(original)
    index = next(i for i, p in enumerate(document.paragraphs) if len(p.text) > 40)
    document.set_text(index, document.paragraphs[index].text.replace(" ", "，", 3))
    document.delete_paragraph(index + 1)
    edited = document.save(tmp_path / "edited.docx", backup=False)
    out = tmp_path / "修订稿.docx"
    assert run_cli("revise", str(original), str(edited), "-o", str(out), "--author", "我").returncode == 0
    root = main_part(out)
    kept = revisions_by(root, "pavel")
    assert len(kept) == len(theirs) > 0
    assert [e.tag for e in kept] == [e.tag for e in theirs]
    assert revisions_by(root, "我")
    assert texts(resolve(root, "我", accept=False)) == [p.text for p in open_document(original).paragraphs]
    assert texts(resolve(root, "我", accept=True)) == [p.text for p in open_document(edited).paragraphs]


@pytest.mark.parametrize("args, message", [
    (["compare", "{tmp}/没有.docx", "{tmp}/b.txt", "-o", "{tmp}/o.docx"], "找不到文件"),
    (["compare", str(FILES / "encrypted.docx"), "{tmp}/b.txt", "-o", "{tmp}/o.docx"], "加密"),
    (["revise", str(FILES / "old_binary.doc"), "{tmp}/b.txt", "-o", "{tmp}/o.docx"], ".doc"),
    (["compare", "{tmp}/b.txt", "{tmp}/b.txt", "-o", "{tmp}/o.pdf"], "修订稿须保存为 .docx"),
])
def test_bad_input_gets_one_chinese_line_and_exit_2(tmp_path: Path, args, message):
    (tmp_path / "b.txt").write_text("正文", encoding="utf-8")
    result = run_cli(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and message in lines[0], result.stderr
    assert not (tmp_path / "o.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_every_revision(tmp_path: Path):
    """LibreOffice opens the 修订稿 and, saving it again as .docx, writes back revisions that
    still accept to the new text and reject to the old: it understood each one as a revision."""
    old, new = write_docx(tmp_path / "old.docx", OLD), write_docx(tmp_path / "new.docx", NEW)
    comparison = compare(read_draft(old), read_draft(new))
    revised = tmp_path / "revised.docx"
    revised.write_bytes(revised_docx(comparison, Stamp("审校", "2026-12-01T08:00:00Z")))
    folder = tmp_path / "lo"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                    "--outdir", str(folder), str(revised)], capture_output=True, timeout=180, check=True)
    root = main_part(folder / "revised.docx")
    assert len(revisions_by(root, "审校")) >= len(revision_lines(comparison))
    assert texts(resolve(root, "审校", accept=True)) == NEW
    assert texts(resolve(root, "审校", accept=False)) == OLD
