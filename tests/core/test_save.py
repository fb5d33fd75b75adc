"""Saving: atomic replace, a .bak of the user's original on the first overwrite, format changes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from assistant.core.atomic import backup_path
from assistant.core.document import new_document, open_document
from tests.conftest import SAMPLE


def test_first_overwrite_keeps_a_backup_of_the_original_only_once(sample_copy: Path):
    original = sample_copy.read_bytes()
    document = open_document(sample_copy)
    document.set_text(0, "第一次修改")
    document.save()
    assert backup_path(sample_copy).read_bytes() == original
    document.set_text(0, "第二次修改")
    document.save()
    assert backup_path(sample_copy).read_bytes() == original
    assert open_document(sample_copy).paragraphs[0].text == "第二次修改"
    assert sorted(p.name for p in sample_copy.parent.iterdir()) == ["草稿.docx", "草稿.docx.bak"]


def test_save_as_txt_and_back_to_docx_keeps_the_text(tmp_path: Path):
    document = open_document(SAMPLE)
    texts = [p.text for p in document.paragraphs]
    document.save(tmp_path / "导出.txt")
    assert (tmp_path / "导出.txt").read_bytes().startswith("\ufeff某某县".encode("utf-8"))
    assert [p.text for p in open_document(tmp_path / "导出.txt").paragraphs] == texts
    again = open_document(tmp_path / "导出.txt")
    again.save(tmp_path / "再转.docx")
    assert [p.text for p in open_document(tmp_path / "再转.docx").paragraphs] == texts
    assert not (tmp_path / "导出.txt.bak").exists()


def test_new_document_saves_as_docx(tmp_path: Path):
    document = new_document()
    document.replace_lines(["标题", "正文第一段。"])
    document.save(tmp_path / "新建.docx")
    assert [p.text for p in open_document(tmp_path / "新建.docx").paragraphs] == ["标题", "正文第一段。"]


def test_a_new_file_gets_normal_permissions_and_an_overwrite_keeps_them(tmp_path: Path):
    import os

    document = open_document(SAMPLE)
    target = tmp_path / "新文件.docx"
    document.save(target)
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    document.save(target)
    assert target.stat().st_mode & 0o777 == 0o640


def test_saving_twice_writes_the_same_file_and_changes_nothing_in_the_model(sample_copy: Path, tmp_path: Path):
    """Rendering has no side effect: a second save after an insertion and a deletion is identical."""
    document = open_document(sample_copy)
    document.insert_paragraph(2, "新插入的一段。")
    document.delete_paragraph(4)
    texts = [p.text for p in document.paragraphs]
    first, second = tmp_path / "一.docx", tmp_path / "二.docx"
    document.save(first)
    document.save(second)
    assert first.read_bytes() == second.read_bytes()
    assert [p.text for p in open_document(second).paragraphs] == texts == [p.text for p in document.paragraphs]


def test_a_txt_saved_as_docx_gets_the_gongwen_page_and_body_style(tmp_path: Path):
    """A4, 37 mm top and 28 mm binding margins, 仿宋_GB2312 三号 with w:eastAsia set, exact 28-pt lines."""
    import zipfile

    from lxml import etree

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    source = tmp_path / "草稿.txt"
    source.write_text("关于做好年终工作的通知\n各单位：\n现将有关事项通知如下。\n", encoding="utf-8")
    target = open_document(source).save(tmp_path / "草稿.docx")
    with zipfile.ZipFile(target) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        styles = etree.fromstring(archive.read("word/styles.xml"))
    size, margins = document.find(f".//{W}sectPr/{W}pgSz"), document.find(f".//{W}sectPr/{W}pgMar")
    mm = lambda twips: round(int(twips) / 56.7)  # noqa: E731 - 1 mm = 56.7 twips
    assert (mm(size.get(f"{W}w")), mm(size.get(f"{W}h"))) == (210, 297)
    assert (mm(margins.get(f"{W}top")), mm(margins.get(f"{W}left"))) == (37, 28)
    normal = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Normal")
    assert normal.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
    assert normal.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"  # half-points: 三号 = 16 pt
    line = normal.find(f"{W}pPr/{W}spacing")
    assert (line.get(f"{W}line"), line.get(f"{W}lineRule")) == ("579", "exact")  # 28.95 pt: 22 lines fill 225 mm
    assert [p.text for p in open_document(target).paragraphs] == ["关于做好年终工作的通知", "各单位：", "现将有关事项通知如下。"]


def test_control_characters_xml_cannot_hold_are_saved_as_replacement_marks(sample_copy: Path, tmp_path: Path):
    """A form feed pasted from a PDF (or any control character) must not make a .docx save, a 公文
    export or a reviewed copy fail: it is written as U+FFFD."""
    from assistant.core.checker.engine import Checker
    from assistant.core.export.gongwen import export_gongwen
    from assistant.core.export.review import export_reviewed

    source = tmp_path / "分页.txt"
    source.write_bytes("第一段\x0c第二页\n第二段\n".encode("utf-8"))
    draft = open_document(source)
    assert [p.text for p in open_document(draft.save(tmp_path / "分页.docx")).paragraphs] == ["第一段\ufffd第二页", "第二段"]
    document = open_document(sample_copy)
    document.set_text(1, document.paragraphs[1].text + "\x0b末尾")
    document.save()
    assert open_document(sample_copy).paragraphs[1].text.endswith("\ufffd末尾")
    snapshot = document.snapshot()
    assert export_gongwen(snapshot, tmp_path / "公文.docx").path.exists()
    assert export_reviewed(snapshot, Checker().check(snapshot.texts), tmp_path / "批注.docx").placed > 0


def test_saving_through_a_symlink_writes_the_file_it_points_to(sample_copy: Path, tmp_path: Path):
    link = tmp_path / "链接.docx"
    link.symlink_to(sample_copy)
    document = open_document(link)
    document.set_text(0, "改过的标题")
    document.save()
    assert link.is_symlink() and open_document(sample_copy).paragraphs[0].text == "改过的标题"


def test_a_file_with_other_hard_links_is_not_replaced(sample_copy: Path, tmp_path: Path):
    import pytest

    from assistant.core.errors import DocumentError

    other = tmp_path / "另一个名字.docx"
    os.link(sample_copy, other)
    document = open_document(sample_copy)
    document.set_text(0, "改过的标题")
    with pytest.raises(DocumentError, match="硬链接"):
        document.save()
    assert open_document(other).paragraphs[0].text != "改过的标题"


def test_a_read_only_file_is_overwritten_only_when_the_user_says_so(sample_copy: Path):
    import pytest

    from assistant.core.errors import ReadOnlyFile

    sample_copy.chmod(0o444)
    document = open_document(sample_copy)
    document.set_text(0, "改过的标题")
    with pytest.raises(ReadOnlyFile, match="只读"):
        document.save()
    assert open_document(sample_copy).paragraphs[0].text != "改过的标题"
    inode = sample_copy.stat().st_ino
    document.save(overwrite_read_only=True)
    assert open_document(sample_copy).paragraphs[0].text == "改过的标题"
    assert stat.S_IMODE(sample_copy.stat().st_mode) == 0o444
    # A read-only file cannot be written into: only replaced. An ordinary user's save would fail
    # if it wrote into it; root's would not, so the new file is what tells (for root too).
    assert sample_copy.stat().st_ino != inode


def test_a_symlink_at_the_backup_name_is_replaced_not_followed(sample_copy: Path, tmp_path: Path):
    victim = tmp_path / "别的文件.txt"
    victim.write_text("不能被改写", encoding="utf-8")
    backup_path(sample_copy).symlink_to(victim)
    document = open_document(sample_copy)
    document.set_text(0, "改过的标题")
    document.save()
    assert victim.read_text(encoding="utf-8") == "不能被改写"
    assert not backup_path(sample_copy).is_symlink() and backup_path(sample_copy).read_bytes()[:2] == b"PK"


def test_the_opened_file_is_never_overwritten_in_another_format(tmp_path: Path):
    import pytest

    from assistant.core.errors import DocumentError

    disguised = tmp_path / "其实是Word.txt"
    disguised.write_bytes(SAMPLE.read_bytes())
    document = open_document(disguised)
    with pytest.raises(DocumentError, match="实际是Word 文档"):
        document.save()
    assert disguised.read_bytes() == SAMPLE.read_bytes()


def test_a_full_disk_while_writing_the_backup_keeps_the_old_backup_and_the_original(sample_copy: Path, monkeypatch):
    import errno

    import pytest

    from assistant.core import atomic
    from assistant.core.errors import DocumentError

    old_backup = b"the backup of an earlier session"
    backup_path(sample_copy).write_bytes(old_backup)
    original = sample_copy.read_bytes()
    document = open_document(sample_copy)
    document.set_text(0, "改过的标题")

    def disk_full(source, target, *args):
        target.write(source.read(100))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.shutil, "copyfileobj", disk_full)
    with pytest.raises(DocumentError, match="磁盘空间不足"):
        document.save()
    assert backup_path(sample_copy).read_bytes() == old_backup
    assert sample_copy.read_bytes() == original
    assert sorted(p.name for p in sample_copy.parent.iterdir()) == ["草稿.docx", "草稿.docx.bak"]


def test_an_overwrite_keeps_the_owner_where_the_user_may_set_it(sample_copy: Path):
    import pytest

    if os.geteuid() != 0:
        pytest.skip("only the superuser can give a file to another owner (to set up this test)")
    os.chown(sample_copy, 1234, 5678)
    document = open_document(sample_copy)
    document.set_text(0, "改过的标题")
    document.save()
    assert (sample_copy.stat().st_uid, sample_copy.stat().st_gid) == (1234, 5678)


def test_a_new_draft_is_a_word_document_and_a_txt_copy_is_what_notepad_reads(tmp_path: Path):
    document = new_document()
    assert document.format == "docx" and document.describe() == "Word 文档（.docx）"
    document.replace_lines(["标题", "正文。"])
    document.save(tmp_path / "新建.txt")
    assert (tmp_path / "新建.txt").read_bytes() == "\ufeff标题\r\n正文。\r\n".encode("utf-8")
