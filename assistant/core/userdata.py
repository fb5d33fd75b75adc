"""Per-user data folder: settings, protected terms, phrase additions, autosave, caches.

Never the install folder (read-only for users without admin rights) and never a shared temp
folder. ``GONGWEN_DATA_DIR`` overrides the location (tests, portable installs).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

import platformdirs

from .errors import DocumentError

APP_FOLDER = "gongwen-assistant"


def data_dir() -> Path:
    override = os.environ.get("GONGWEN_DATA_DIR")
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_FOLDER, appauthor=False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in its place, or no right to create it
        raise DocumentError(f"无法使用用户数据文件夹“{folder}”（{'这是一个文件，不是文件夹' if folder.is_file() else '没有权限创建'}）。"
                            "请删除或改名该文件，或设置 GONGWEN_DATA_DIR 指向一个可写的文件夹。") from exc
    return folder


def read_word_list(path: Path) -> list[str]:
    """A plain word list: one entry per line, blank lines and lines starting with # ignored."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


MAX_JSON_BYTES = 20 * 1024 * 1024  # far above any real settings or phrase file


@dataclass(frozen=True)
class Record:
    """The shape of a JSON object: keys that must be there and keys that may, each with its shape.
    A shape is a type (str, int, bool, dict, list), ``list[shape]``, ``dict[str, shape]`` or a Record."""

    required: dict[str, Any] = field(default_factory=dict)
    optional: dict[str, Any] = field(default_factory=dict)


def shape_problem(value: Any, shape: Any, where: str = "") -> str:
    """'' if ``value`` has ``shape``, else what is wrong with it, in words for the user."""
    name = where or "内容"
    if isinstance(shape, Record):
        if not isinstance(value, dict):
            return f"{name} 不是对象"
        missing = [key for key in shape.required if key not in value]
        if missing:
            return f"{name} 缺少 {'、'.join(missing)}"
        fields = {**shape.required, **shape.optional}
        return next((problem for key in value if key in fields
                     if (problem := shape_problem(value[key], fields[key], f"{where}.{key}".lstrip(".")))), "")
    origin, arguments = get_origin(shape), get_args(shape)
    if origin is list:
        if not isinstance(value, list):
            return f"{name} 的类型不对"
        return next((problem for number, item in enumerate(value)
                     if (problem := shape_problem(item, arguments[0], f"{name}[{number}]"))), "")
    if origin is dict:
        if not isinstance(value, dict):
            return f"{name} 的类型不对"
        return next((problem for key, item in value.items()
                     if (problem := shape_problem(item, arguments[1], f"{name}.{key}"))), "")
    if not isinstance(value, shape) or (shape is int and isinstance(value, bool)):
        return f"{name} 的类型不对"
    return ""


def load_json(path: Path, shape: Record | None = None) -> tuple[dict, str]:
    """Read a JSON settings file. A damaged one (not JSON, not an object, not of ``shape``, over
    20 MB, a folder in its place) is set aside (renamed ``.broken``), never dropped silently: the
    caller gets an empty dict and a note to show the user."""
    import json

    if not path.exists():
        return {}, ""
    try:
        if path.is_dir():
            raise ValueError("这是一个文件夹")
        if path.stat().st_size > MAX_JSON_BYTES:
            raise ValueError(f"超过 {MAX_JSON_BYTES // 1024 // 1024} MB")
        data = json.loads(path.read_text(encoding="utf-8"))
        problem = shape_problem(data, shape or Record())
        if problem:
            raise ValueError(problem)
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
