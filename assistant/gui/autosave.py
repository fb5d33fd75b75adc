"""Autosave: the editor's text in the per-user data folder while it differs from its file,
offered back at the next start when the app did not end normally.

A snapshot lives only as long as its draft is modified, in a file of its own: the window removes
it when the draft is saved, undone back to its file, discarded, replaced by another draft, or the
window closes. Each snapshot names its window's ``Owner``, a lock file held while that window is
open, so a copy of the app started while another runs does not take the other's live snapshots
for a crash. What is left at start-up was left by a crash (or a killed process), never by a choice.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from ..core.atomic import atomic_write
from ..core.userdata import data_dir

UNTITLED = "未命名文稿"


@dataclass
class Snapshot:
    path: Path
    source: str | None  # the file the text belongs to, None for an unsaved new draft
    lines: list[str]
    saved_at: float
    owner: str | None  # the Owner id of the window that wrote it

    @property
    def name(self) -> str:
        return Path(self.source).name if self.source else UNTITLED

    @property
    def when(self) -> str:
        """The time it was written, as a user reads it: 12月6日 14:50."""
        moment = time.localtime(self.saved_at)
        return f"{moment.tm_mon}月{moment.tm_mday}日 {moment.tm_hour:02d}:{moment.tm_min:02d}"


class Owner:
    """A window's claim on the snapshots it writes: a lock file held while the window is open
    (QLockFile: after a crash the lock is stale, whatever the platform)."""

    def __init__(self) -> None:
        self.id = uuid.uuid4().hex
        self._lock = QLockFile(str(folder() / f"{self.id}.lock"))
        self._lock.lock()

    def release(self) -> None:
        self._lock.unlock()


def _running(owner: str | None) -> bool:
    """The snapshot's window is open now (in another copy of the app); a dead one's lock is removed."""
    if not owner:
        return False
    lock = QLockFile(str(folder() / f"{owner}.lock"))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long a window stays open
    if lock.tryLock(0):
        lock.unlock()
        return False
    return lock.error() == QLockFile.LockError.LockFailedError


def folder() -> Path:
    target = data_dir() / "autosave"
    target.mkdir(exist_ok=True)
    return target


def new_snapshot_path() -> Path:
    """A name of its own for a draft's snapshot (122 random bits, never drawn twice): a new draft,
    a second window or another copy of the app never writes over a snapshot still waiting to be
    offered back, as one name per file (or for every unsaved draft) would."""
    return folder() / f"{uuid.uuid4().hex}.json"


def save(source: Path | None, lines: list[str], owner: Owner | None = None, target: Path | None = None) -> Path:
    """Write the draft's snapshot to ``target`` (the one this draft already has) or a new one."""
    target = target or new_snapshot_path()
    data = {"source": str(source) if source else None, "lines": lines, "saved_at": time.time(),
            "owner": owner.id if owner else None}
    atomic_write(target, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    return target


def pending() -> list[Snapshot]:
    """Snapshots left behind by a window that did not close normally, newest first (not those of
    a window open now in another copy of the app)."""
    found = [snapshot for snapshot in stored() if not _running(snapshot.owner)]
    for lock in folder().glob("*.lock"):  # left by windows that crashed with nothing to keep
        _running(lock.stem)
    return found


def stored() -> list[Snapshot]:
    """Every snapshot in the folder, newest first; a damaged one is set aside (``.broken``)."""
    found = []
    for path in folder().glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found.append(Snapshot(path, data["source"], list(data["lines"]), float(data["saved_at"]), data.get("owner")))
        except (ValueError, KeyError, TypeError, OSError):
            path.rename(path.with_suffix(".broken"))
    return sorted(found, key=lambda s: -s.saved_at)


def recovery_question(snapshot: Snapshot, requested: Path | None, older: int) -> str:
    """What the start-up question says: which draft, saved when, and what each answer does to
    which file (recovering never writes a file; the one asked for waits)."""
    where = f"（{snapshot.source}）" if snapshot.source else "（新建后从未保存）"
    text = f"上次没有正常关闭。“{snapshot.name}”{where}有 {snapshot.when} 自动保存的改动，还没有保存到文件。\n\n"
    text += (f"选“是”：打开“{snapshot.name}”并换上自动保存的文字；文件本身不变，您保存后才写入。" if snapshot.source
             else "选“是”：在一份新文稿中放回自动保存的文字，保存时再选择位置。")
    if requested is not None and str(requested) != snapshot.source:
        text += f"这次要打开的“{requested.name}”暂不打开，可从“文件 → 最近打开”再打开。"
    if older:
        text += f"\n另有 {older} 份更早的自动保存内容，下次启动时再询问。"
    text += "\n选“否”：删除自动保存的内容" + (f"（共 {older + 1} 份）" if older else "") + "。\n\n是否恢复？"
    return text
