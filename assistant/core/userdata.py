"""Per-user data folder: settings, protected terms, phrase additions, autosave, caches.

Never the install folder (read-only for users without admin rights) and never a shared temp
folder. ``GONGWEN_DATA_DIR`` overrides the location (tests, portable installs).
"""

from __future__ import annotations

import os
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


def load_json(path: Path) -> tuple[dict, str]:
    """Read a JSON settings file. A damaged file is set aside (renamed ``.broken``), never dropped
    silently: the caller gets an empty dict and a note to show the user."""
    import json

    if not path.exists():
        return {}, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return data, ""
    except (ValueError, UnicodeDecodeError) as problem:
        broken = path.with_name(path.name + ".broken")
        os.replace(path, broken)
        return {}, f"设置文件“{path.name}”已损坏（{problem}），已另存为“{broken.name}”，现使用默认设置。"


def save_json(path: Path, data: dict) -> None:
    import json

    from .atomic import atomic_write

    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
