"""Atomic file writing: a save either fully replaces the file or leaves it untouched."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import DocumentError


def backup_path(path: Path) -> Path:
    """Where the copy of the user's original file is kept on the first overwrite."""
    return path.with_name(path.name + ".bak")


def atomic_write(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    With ``backup`` and an existing ``path``, the old file is first copied to ``<name>.bak``.
    On any failure the temporary file is removed and a DocumentError explains the problem.
    """
    path = Path(path)
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
                shutil.copy2(path, backup_path(path))
        else:
            _default_mode(tmp_name)
        os.replace(tmp_name, path)
    except OSError as exc:
        _remove_quietly(tmp_name)
        raise DocumentError(f"无法保存到“{path}”：{_reason(exc)}。") from exc
    except BaseException:
        _remove_quietly(tmp_name)
        raise


def _keep_mode(original: Path, tmp_name: str) -> None:
    """mkstemp creates 0600 files; keep the permissions the user's file had."""
    shutil.copymode(original, tmp_name)


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
