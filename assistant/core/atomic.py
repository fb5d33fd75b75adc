"""Atomic file writing: a save either fully replaces the file or leaves it untouched."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

from .errors import DocumentError, ReadOnlyFile

WORD_MAGIC = b"PK\x03\x04"
TEXT_SUFFIXES = (".txt", ".text")


def backup_path(path: Path) -> Path:
    """Where the copy of the user's original file is kept on the first overwrite."""
    return path.with_name(path.name + ".bak")


def atomic_write(path: Path, data: bytes, *, backup: bool = False, overwrite_read_only: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    With ``backup`` and an existing ``path``, the old file is first copied to ``<name>.bak``
    (itself written atomically: a symlink there is replaced, never followed). Saving through a
    symlink writes the file it points to; a file with other hard links is not replaced (they would
    keep the old text); a read-only file only with ``overwrite_read_only``. On any failure the
    temporary file is removed and a DocumentError explains the problem.
    """
    path = Path(path)
    refuse_wrong_suffix(path, writes_word=data.startswith(WORD_MAGIC))
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not path.is_dir():
        status = path.stat()
        if status.st_nlink > 1:
            raise DocumentError(f"文件“{path.name}”还有其他硬链接，覆盖会让它们内容不一致，已停止保存。请用“另存为”保存到新文件。")
        if not status.st_mode & stat.S_IWUSR and not overwrite_read_only:
            raise ReadOnlyFile(f"文件“{path.name}”是只读的，没有覆盖。如确需修改，请先取消只读属性，或用“另存为”保存到新文件。")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DocumentError(f"无法保存：文件夹“{folder}”不存在。")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DocumentError(f"无法保存到“{path}”：{_reason(exc)}。") from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            _keep_mode(path, tmp_name)
            if backup:
                _write_backup(path)
        else:
            _default_mode(tmp_name)
        os.replace(tmp_name, path)
    except OSError as exc:
        _remove_quietly(tmp_name)
        raise DocumentError(f"无法保存到“{path}”：{_reason(exc)}。") from exc
    except BaseException:
        _remove_quietly(tmp_name)
        raise


def refuse_wrong_suffix(path: Path, *, writes_word: bool) -> None:
    """A Word file named .txt (or text named .docx) opens as garbage or not at all: every write
    is checked here against what it writes (commands may ask first, before doing the work)."""
    suffix = path.suffix.lower()
    if suffix == ".docx" and not writes_word:
        raise DocumentError(f"“{path.name}”以 .docx 结尾，但要写入的是纯文本，没有保存。请把扩展名改为 .txt。")
    if suffix in TEXT_SUFFIXES and writes_word:
        raise DocumentError(f"“{path.name}”以 {path.suffix} 结尾，但要写入的是 Word 文档，没有保存。请把扩展名改为 .docx。")


def _write_backup(path: Path) -> None:
    """The original, as it was, to ``<name>.bak``: through a temporary file and a rename, so a
    symlink planted at the .bak name is replaced, not written through."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.bak.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(path, "rb") as original:
            shutil.copyfileobj(original, out)
            out.flush()
            os.fsync(out.fileno())
        shutil.copystat(path, tmp_name)
        os.replace(tmp_name, backup_path(path))
    except BaseException:
        _remove_quietly(tmp_name)
        raise


def _keep_mode(original: Path, tmp_name: str) -> None:
    """mkstemp creates 0600 files owned by us; keep the permissions the user's file had, and its
    owner and group where we may set them (an administrator saving a colleague's file)."""
    shutil.copymode(original, tmp_name)
    status = original.stat()
    try:
        os.chown(tmp_name, status.st_uid, status.st_gid)
    except (OSError, AttributeError):  # not allowed (an ordinary user), or no chown (Windows)
        pass


def _default_mode(tmp_name: str) -> None:
    """A new file gets the permissions any program would give it (0666 less the umask)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp_name, 0o666 & ~umask)


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "没有写入权限（文件可能是只读的，或正在被其他程序使用）"
    if getattr(exc, "errno", None) == 28:
        return "磁盘空间不足"
    if isinstance(exc, IsADirectoryError):
        return "该路径是一个文件夹"
    return exc.strerror or str(exc)
