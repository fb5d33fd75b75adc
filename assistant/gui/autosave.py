"""Autosave: the editor's text every minute in the per-user data folder, offered back after a crash."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from ..core.atomic import atomic_write
from ..core.userdata import data_dir


@dataclass
class Snapshot:
    path: Path
    source: str | None  # the file the text belongs to, None for an unsaved new draft
    lines: list[str]
    saved_at: float


def folder() -> Path:
    target = data_dir() / "autosave"
    target.mkdir(exist_ok=True)
    return target


def snapshot_path(source: Path | None) -> Path:
    key = hashlib.sha1(str(source.resolve() if source else "untitled").encode("utf-8")).hexdigest()[:16]
    return folder() / f"{key}.json"


def save(source: Path | None, lines: list[str]) -> Path:
    target = snapshot_path(source)
    data = {"source": str(source) if source else None, "lines": lines, "saved_at": time.time()}
    atomic_write(target, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    return target


def discard(source: Path | None) -> None:
    snapshot_path(source).unlink(missing_ok=True)


def pending() -> list[Snapshot]:
    """Snapshots left behind by a session that did not end normally, newest first."""
    found = []
    for path in folder().glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found.append(Snapshot(path, data["source"], list(data["lines"]), float(data["saved_at"])))
        except (ValueError, KeyError, TypeError, OSError):
            path.rename(path.with_suffix(".broken"))
    return sorted(found, key=lambda s: -s.saved_at)
