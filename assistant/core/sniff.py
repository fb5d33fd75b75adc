"""File sniffing: decide what a file really is from its bytes, before any parser touches it.

Extensions lie (a .doc saved as .docx, a binary renamed .txt), so the kind of file is read from
its magic bytes, and every refusal comes with a message that tells the user what to do.
"""

from __future__ import annotations

import enum
import re
import zipfile
from pathlib import Path

from .errors import DocumentError
from .limits import (MAX_DOCX_BYTES, MAX_PARAGRAPHS, MAX_TEXT_BYTES, MAX_TEXT_CHARS, MAX_XML_TAGS, MAX_ZIP_MEMBERS,
                     MAX_ZIP_UNCOMPRESSED, too_many_paragraphs)

READ_CHUNK = 1024 * 1024  # inflate in steps: zipfile's read() of a whole member inflates it in one go
MAIN_PART = "word/document.xml"
PARAGRAPH_START = re.compile(rb"<w:p[ />]")  # counted before parsing: python-docx holds every one in memory
# A DTD inside a part: python-docx does not expand entities, so their text would be lost on save;
# a DTD can also make a parser expand a few bytes into gigabytes. Word never writes one.
DOCTYPE_MARKS = (b"<!DOCTYPE", b"<!ENTITY")

ZIP_MAGIC = b"PK\x03\x04"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc/.wps/.et and encrypted OOXML
OLD_BINARY_SUFFIXES = {".doc", ".dot", ".wps", ".wpt", ".et", ".ett", ".xls", ".ppt", ".dps"}
DOCX_SUFFIXES = {".docx"}
TEXT_SUFFIXES = {".txt", ".text"}


class FileKind(enum.Enum):
    DOCX = "docx"
    TXT = "txt"


def sniff(path: Path) -> FileKind:
    """Return how to read ``path`` or raise DocumentError saying why it cannot be opened."""
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"找不到文件“{path}”。")
    if path.is_dir():
        raise DocumentError(f"“{path}”是一个文件夹，请选择文件。")
    if not path.is_file():
        raise DocumentError(f"“{path.name}”不是普通文件（可能是管道或设备），无法打开。")
    size = path.stat().st_size
    if size == 0:
        raise DocumentError(f"文件“{path.name}”是空的（0 字节），没有可打开的内容。")
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise DocumentError(f"无法读取文件“{path.name}”：{exc.strerror or exc}。") from exc

    suffix = path.suffix.lower()
    if head.startswith(CFB_MAGIC):
        raise DocumentError(_compound_file_message(path))
    if head.startswith(ZIP_MAGIC):
        if size > MAX_DOCX_BYTES:
            raise DocumentError(f"文件“{path.name}”太大（{size / 1024 / 1024:.0f} MB），"
                                f"本软件最多打开 {MAX_DOCX_BYTES // 1024 // 1024} MB 的 Word 文档。")
        check_zip(path)
        return FileKind.DOCX
    if suffix in DOCX_SUFFIXES:
        raise DocumentError(f"文件“{path.name}”已损坏或不是 Word 文档（.docx 应是 ZIP 压缩包）。")
    if suffix in OLD_BINARY_SUFFIXES:
        raise DocumentError(f"文件“{path.name}”不是可识别的 Word/WPS 文档。")
    if suffix in TEXT_SUFFIXES or not suffix:
        if size > MAX_TEXT_BYTES:
            raise DocumentError(f"文件“{path.name}”太大（{size / 1024 / 1024:.1f} MB），超过本软件一次能处理的 "
                                f"{MAX_TEXT_CHARS // 10000} 万字。请拆分后再打开。")
        return FileKind.TXT
    raise DocumentError(f"不支持“{suffix}”格式的文件。本软件可以打开 Word 文档（.docx）和纯文本（.txt）。")


def _compound_file_message(path: Path) -> str:
    """An OLE compound file is either an old binary document or a password-protected .docx."""
    with open(path, "rb") as handle:
        directory_bytes = handle.read(4 * 1024 * 1024)
    if "EncryptedPackage".encode("utf-16-le") in directory_bytes:
        return (f"文件“{path.name}”设置了打开密码（已加密），本软件无法读取。"
                "请在 Word/WPS 中取消密码（文件→信息→保护文档→用密码进行加密，清空密码）后再打开。")
    return (f"文件“{path.name}”是旧版二进制格式（.doc/.wps/.et），本软件不能直接打开。"
            "请在 Word 或 WPS 中打开它，选择“另存为”→“Word 文档（*.docx）”，再用本软件打开新文件。")


def check_zip(path: Path) -> None:
    """Refuse corrupt archives and zip bombs before python-docx inflates anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise DocumentError(_corrupt(path, exc)) from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise DocumentError(f"文件“{path.name}”包含 {len(members)} 个内部部件，超出安全上限，已拒绝打开。")
    names = [info.filename for info in members]
    if len(set(names)) != len(names):
        raise DocumentError(f"文件“{path.name}”含有同名的内部部件，无法确定哪一份是正文，"
                            "可能是损坏或恶意构造的文件，已拒绝打开。")
    if sum(info.file_size for info in members) > MAX_ZIP_UNCOMPRESSED:
        raise DocumentError(_too_big(path))
    if any(info.flag_bits & 0x1 for info in members):
        raise DocumentError(f"文件“{path.name}”的内容已加密，本软件无法读取。请取消密码后再打开。")
    _check_members(path, members)


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Inflate every member once, in steps, counting the bytes actually produced: zipfile stops a
    member at its declared size and checks its CRC, so after this pass the directory's sizes are
    true and python-docx's whole-member reads are bounded. XML parts may carry no DTD and no more
    markup than a document could need."""
    inflated = 0
    with zipfile.ZipFile(path) as archive:
        for info in members:
            is_xml = info.filename.endswith((".xml", ".rels"))
            tags = paragraphs = 0
            first = True
            tail = b""  # a paragraph tag cut by a chunk boundary is counted in the next window
            try:
                with archive.open(info) as member:
                    while chunk := member.read(READ_CHUNK):
                        if is_xml and first:
                            _refuse_dtd(path, info, chunk)
                        first = False
                        inflated += len(chunk)
                        if inflated > MAX_ZIP_UNCOMPRESSED:
                            raise DocumentError(_too_big(path))
                        if is_xml:
                            tags += chunk.count(b"<")
                        if info.filename == MAIN_PART:
                            paragraphs += len(PARAGRAPH_START.findall(tail + chunk))
                            tail = chunk[-4:]
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                raise DocumentError(_corrupt(path, exc)) from exc
            if paragraphs > MAX_PARAGRAPHS:
                raise DocumentError(too_many_paragraphs(path.name, paragraphs))
            if tags > MAX_XML_TAGS:
                raise DocumentError(f"文件“{path.name}”的内部部件“{info.filename}”标记过多，超出安全上限，已拒绝打开。")


def _refuse_dtd(path: Path, info: zipfile.ZipInfo, head: bytes) -> None:
    if any(mark in head[:65536] for mark in DOCTYPE_MARKS):
        raise DocumentError(f"文件“{path.name}”的内部部件“{info.filename}”含有文档类型定义（DOCTYPE），"
                            "Word 不会写入这种内容，可能是恶意构造的文件，已拒绝打开。"
                            "如确需使用，请在 Word 中打开并另存为新的 .docx。")


def _corrupt(path: Path, exc: Exception) -> str:
    """zipfile's own words (``Bad CRC-32 for file …``) mean nothing to our users; the kind of damage does."""
    damage = "校验和不符" if "CRC" in str(exc) else "压缩数据不完整或格式不对"
    return f"文件“{path.name}”已损坏，无法解压（{damage}）。可尝试用 Word 的“打开并修复”功能恢复。"


def _too_big(path: Path) -> str:
    return (f"文件“{path.name}”解压后将超过 {MAX_ZIP_UNCOMPRESSED // 1024 // 1024} MB，"
            "可能是损坏或恶意构造的文件，已拒绝打开。")
