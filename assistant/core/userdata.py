"""Per-user data folder: settings, protected terms, phrase additions, autosave, caches.

Never the install folder (read-only for users without admin rights) and never a shared temp
folder. ``GONGWEN_DATA_DIR`` overrides the location (tests, portable installs).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import platformdirs

APP_FOLDER = "gongwen-assistant"


def data_dir() -> Path:
    override = os.environ.get("GONGWEN_DATA_DIR")
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_FOLDER, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def read_word_list(path: Path) -> list[str]:
    """A plain word list: one entry per line, blank lines and lines starting with # ignored."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


MAX_JSON_BYTES = 20 * 1024 * 1024  # far above any real settings or phrase file


def load_json(path: Path, schema: dict[str, type] | None = None) -> tuple[dict, str]:
    """Read a JSON settings file. A damaged one (not JSON, not an object, a value of the wrong type
    for ``schema``, over 20 MB, a folder in its place) is set aside (renamed ``.broken``), never
    dropped silently: the caller gets an empty dict and a note to show the user."""
    import json

    if not path.exists():
        return {}, ""
    try:
        if path.is_dir():
            raise ValueError("这是一个文件夹")
        if path.stat().st_size > MAX_JSON_BYTES:
            raise ValueError(f"超过 {MAX_JSON_BYTES // 1024 // 1024} MB")
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("不是 JSON 对象")
        wrong = [key for key, kind in (schema or {}).items() if key in data and not isinstance(data[key], kind)]
        if wrong:
            raise ValueError(f"{'、'.join(wrong)} 的类型不对")
        return data, ""
    except (ValueError, UnicodeDecodeError) as problem:
        broken = path.with_name(path.name + ".broken")
        if broken.is_dir():
            shutil.rmtree(broken)
        os.replace(path, broken)
        return {}, f"设置文件“{path.name}”已损坏（{problem}），已另存为“{broken.name}”，现使用默认设置。"


def save_json(path: Path, data: dict) -> None:
    import json

    from .atomic import atomic_write

    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
