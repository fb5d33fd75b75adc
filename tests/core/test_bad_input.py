"""Bad input gets one clear Chinese message, never a traceback, and leaves no partial output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant.core import sniff
from assistant.core.document import open_document
from assistant.core.errors import DocumentError
from tests.conftest import FILES, ROOT, SAMPLE


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def assert_refused(path: Path, tmp_path: Path, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        open_document(path)
    out = tmp_path / "out" / "result.docx"
    out.parent.mkdir(exist_ok=True)
    result = run_cli("roundtrip", str(path), str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and message in lines[0]
    assert list(out.parent.iterdir()) == []


def copy_as(tmp_path: Path, source: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(source, target)
    return target


@pytest.mark.parametrize("name", ["旧文档.doc", "旧文档.wps", "表格.et", "伪装.docx"])
def test_old_binary_formats_suggest_save_as_docx(tmp_path: Path, name: str):
    assert_refused(copy_as(tmp_path, FILES / "old_binary.doc", name), tmp_path, "另存为")


def test_password_protected_docx(tmp_path: Path):
    assert_refused(copy_as(tmp_path, FILES / "encrypted.docx", "加密.docx"), tmp_path, "密码")


def test_corrupt_zip(tmp_path: Path):
    broken = tmp_path / "损坏.docx"
    broken.write_bytes(SAMPLE.read_bytes()[: SAMPLE.stat().st_size // 2])
    assert_refused(broken, tmp_path, "已损坏")


def test_zip_that_is_not_a_word_document(tmp_path: Path):
    other = tmp_path / "表格.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert_refused(other, tmp_path, "不是 Word 文档")


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path):
    bomb = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        chunk = b"\0" * (16 * 1024 * 1024)
        for i in range(sniff.MAX_ZIP_UNCOMPRESSED // len(chunk) + 1):
            archive.writestr(f"word/media/pad{i}.bin", chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    assert_refused(bomb, tmp_path, "解压后将超过")


def docx_with_document_xml(path: Path, xml: bytes) -> Path:
    """The sample draft with its main part replaced."""
    with zipfile.ZipFile(SAMPLE) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            copy.writestr(info, xml if info.filename == "word/document.xml" else original.read(info))
    return path


def test_a_part_with_a_dtd_is_refused(tmp_path: Path):
    """An entity would be dropped from the text on save (python-docx does not expand it), and a DTD
    can expand a few bytes into gigabytes (billion laughs): refused, never half-read."""
    with zipfile.ZipFile(SAMPLE) as original:
        xml = original.read("word/document.xml")
    head, _, rest = xml.partition(b"?>")
    hostile = head + b'?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>' + rest
    assert_refused(docx_with_document_xml(tmp_path / "实体.docx", hostile), tmp_path, "DOCTYPE")


def test_a_part_with_absurd_markup_is_refused(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(sniff, "MAX_XML_TAGS", 100)
    path = tmp_path / "标记.docx"
    path.write_bytes(SAMPLE.read_bytes())
    with pytest.raises(DocumentError, match="标记过多"):
        open_document(path)


def test_too_many_zip_members(tmp_path: Path):
    many = tmp_path / "碎片.docx"
    with zipfile.ZipFile(many, "w") as archive:
        for i in range(sniff.MAX_ZIP_MEMBERS + 1):
            archive.writestr(f"p{i}", b"")
    assert_refused(many, tmp_path, "安全上限")


def test_binary_file_renamed_to_txt(tmp_path: Path):
    assert_refused(copy_as(tmp_path, FILES / "old_binary.doc", "x.txt"), tmp_path, "另存为")
    png = tmp_path / "图片.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert_refused(png, tmp_path, "不是文本文件")


def test_empty_file(tmp_path: Path):
    (tmp_path / "空.txt").write_bytes(b"")
    assert_refused(tmp_path / "空.txt", tmp_path, "是空的")
    (tmp_path / "空.docx").write_bytes(b"")
    assert_refused(tmp_path / "空.docx", tmp_path, "是空的")


def test_text_file_over_the_size_limit(tmp_path: Path, monkeypatch):
    huge = tmp_path / "巨大.txt"
    with open(huge, "wb") as handle:
        handle.truncate(sniff.MAX_TEXT_BYTES + 1)  # sparse: 50 MB without writing 50 MB
    with pytest.raises(DocumentError, match="太大"):
        open_document(huge)


def test_unsupported_suffix(tmp_path: Path):
    pdf = tmp_path / "文件.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    assert_refused(pdf, tmp_path, "不支持")


def test_path_that_cannot_be_written(tmp_path: Path):
    document = open_document(SAMPLE)
    with pytest.raises(DocumentError, match="不存在"):
        document.save(tmp_path / "没有这个文件夹" / "x.docx")
    folder = tmp_path / "同名文件夹.docx"
    (folder / "inside").mkdir(parents=True)
    with pytest.raises(DocumentError, match="文件夹"):
        document.save(folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["同名文件夹.docx"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder; the test below refuses the same "
                                                "write as the system would (run this one as an ordinary user)")
def test_a_folder_the_user_may_not_write_refuses_the_save_in_one_line(tmp_path: Path):
    locked = tmp_path / "只读文件夹"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(DocumentError, match="没有写入权限"):
            open_document(SAMPLE).save(locked / "x.docx")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_a_folder_that_refuses_the_temporary_file_refuses_the_save_in_one_line(tmp_path: Path, monkeypatch):
    """The same promise for any user, root too: the system's refusal (EACCES) to create a file there."""
    import errno
    import tempfile

    def refused(*_args, dir=None, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(dir))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(DocumentError, match="没有写入权限"):
        open_document(SAMPLE).save(tmp_path / "x.docx")
    assert list(tmp_path.iterdir()) == []


def test_write_failure_leaves_the_original_and_no_temp_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "草稿.docx"
    shutil.copy(SAMPLE, target)
    original = target.read_bytes()
    document = open_document(target)
    document.set_text(0, "改过的标题")

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(DocumentError, match="磁盘空间不足"):
        document.save()
    assert target.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["草稿.docx"]


def test_missing_file(tmp_path: Path):
    result = run_cli("text", str(tmp_path / "没有.docx"))
    assert result.returncode == 2 and "找不到文件" in result.stderr and "Traceback" not in result.stderr
