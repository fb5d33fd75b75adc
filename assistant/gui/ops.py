"""The window's named background operations (Anki's CollectionOp/QueryOp pattern).

Each runs one core call on a worker thread and hands its result to the UI thread. The long ones
show a progress dialog with 取消: the core reports progress at its own points, and after 取消 the
next report raises ``tasks.Cancelled``, so the work stops there and nothing is applied or written.
The check has no dialog: it runs quietly, one at a time, while the user types.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QProgressDialog, QWidget

from .. import APP_NAME
from ..core.document import open_document
from ..core.export.gongwen import export_gongwen
from ..core.export.remember import prefill
from ..core.export.review import export_reviewed
from ..core.health import build_report
from ..core.revision.compare import compare, read_draft, save_revised
from ..core.revision.tracked import Stamp
from . import tasks

SHOW_AFTER_MS = 500


class BusyOp:
    """One long operation behind a progress dialog; ``cancel()`` is what 取消 does."""

    def __init__(self, parent: QWidget, text: str, work, on_done, on_failed, *, at_once: bool = False,
                 pool: QThreadPool | None = None):
        """``at_once``: the dialog shows now, not only if the work lasts SHOW_AFTER_MS (for what
        the user asked for and waits to see); ``pool``: the threads it runs on (Qt's shared pool if none)."""
        self.dialog = QProgressDialog(text, "取消", 0, 0, parent)
        self.dialog.setWindowTitle(APP_NAME)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        if at_once:
            self.dialog.show()
        self.on_done, self.on_failed = on_done, on_failed
        self._handled = False  # the result (or error) has reached the UI thread
        self.task = tasks.start(work, self._finished, self._failed, parent, on_progress=self._progress, pool=pool)
        self.dialog.canceled.connect(self.cancel)

    @property
    def ended(self) -> bool:
        """The work has stopped and its result, unless cancelled, has been applied."""
        return self.task.ended and (self._handled or self.task.cancelled)

    def cancel(self) -> None:
        self.task.cancelled = True
        self.dialog.reset()

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _finished(self, result) -> None:
        self._handled = True
        self.dialog.reset()
        self.on_done(result)

    def _failed(self, problem: Exception) -> None:
        self._handled = True
        self.dialog.reset()
        self.on_failed(problem)


def open_draft(parent, path: Path, session_for, on_done, on_failed, pool: QThreadPool | None = None) -> BusyOp:
    """``on_done`` gets ``session_for(document)``: a long draft's session is built off the UI thread too.
    With the collector paused, as the core's load and a check have it: a 369,000-character draft's
    paragraphs set off a full collection of everything loaded (78 ms with the lock held, ui_stall.py --trace)."""
    return BusyOp(parent, f"正在打开“{Path(path).name}”…",
                  tasks.collector_paused(lambda progress: session_for(open_document(path, progress=progress))),
                  on_done, on_failed, pool=pool)


def check(parent, job, on_done, on_failed, pool: QThreadPool) -> tasks.Task:
    """``job`` from DraftSession.check_job; ``pool`` runs one check at a time (the checker's caches)."""
    return tasks.start(tasks.collector_paused(job), on_done, on_failed, parent, pool=pool)


def plan_conversion(parent, job, on_done, on_failed) -> BusyOp:
    """``job`` from DraftSession.conversion_job: the preview's changes."""
    return BusyOp(parent, "正在准备简繁转换…", job, on_done, on_failed)


def prefill_elements(parent, draft, remembered: dict, on_done, on_failed) -> BusyOp:
    """The 公文要素 dialog's (elements, notes): reading a long draft takes a moment."""
    return BusyOp(parent, "正在识别公文要素…", lambda progress: prefill(draft, remembered), on_done, on_failed)


def export_gongwen_file(parent, draft, target: Path, settings, missing_fonts, elements, on_done, on_failed) -> BusyOp:
    """``elements``: the 公文要素 the user confirmed; the result lists what could not be carried."""
    return BusyOp(parent, "正在导出公文格式…",
                  lambda progress: export_gongwen(draft, target, settings, missing_fonts, progress, elements),
                  on_done, on_failed)


def export_review_file(parent, draft, findings, target: Path, author: str, with_health: bool,
                       on_done, on_failed) -> BusyOp:
    def work(progress):
        health = build_report(draft.texts, findings) if with_health else None
        return export_reviewed(draft, findings, target, progress, health, author)

    return BusyOp(parent, "正在生成批注版…", work, on_done, on_failed)


def health_report(parent, texts: list[str], findings, on_done, on_failed) -> BusyOp:
    """文稿体检: well under a second for a usual draft (the corpus figures are shipped), shown at once."""
    return BusyOp(parent, "正在体检…", lambda progress: build_report(texts, findings), on_done, on_failed, at_once=True)


def import_phrases(parent, bank, folder: Path, on_done, on_failed) -> BusyOp:
    """Phrases from the user's own documents into 我的短语: returns (added, notes)."""

    def work(progress):
        from ..core.phrasebank.build import build_bank, read_folder  # a bank build's tagger: not for every start

        notes: list[str] = []
        paragraphs = read_folder(folder, notes, progress)
        progress(1, 1)  # the last chance to cancel before the user's bank file is written
        return bank.add_user_phrases(build_bank(paragraphs)["entries"]), notes

    return BusyOp(parent, "正在从文档中提取短语…", work, on_done, on_failed)


def save_revised_draft(parent, job, target: Path, author: str, on_done, on_failed) -> BusyOp:
    """另存为修订稿: ``job`` from DraftSession.revision_job; returns the Comparison once written."""

    def work(progress):
        comparison = job(progress)
        progress(1, 1)  # the last chance to cancel before the file is written
        save_revised(comparison, target, Stamp.now(author))
        return comparison

    return BusyOp(parent, "正在生成修订稿…", work, on_done, on_failed)


def compare_files(parent, old: Path, new: Path, group_punctuation: bool, on_done, on_failed) -> BusyOp:
    """比较两个版本: both files read and compared; returns the Comparison."""

    def work(progress):
        drafts = read_draft(old), read_draft(new)
        return compare(*drafts, group_punctuation=group_punctuation, progress=progress)

    return BusyOp(parent, "正在比较两个版本…", work, on_done, on_failed)


def write_revised(parent, comparison, target: Path, author: str, on_done, on_failed) -> BusyOp:
    return BusyOp(parent, "正在保存修订稿…", lambda progress: save_revised(comparison, target, Stamp.now(author)),
                  on_done, on_failed)
