"""Background work: run a core call on a worker thread and get its result back on the UI thread.

The core reports progress through a plain callback and knows nothing of Qt; ``Task`` turns that
into signals, and the window shows a progress dialog for work that may take longer than a second.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task(QRunnable):
    """``work(progress)`` runs off the UI thread; ``finished``/``failed`` arrive on the UI thread."""

    def __init__(self, work: Callable[[Callable[[int, int], None]], object]):
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except Exception as problem:  # noqa: BLE001 - every failure goes back to the UI as a message
            self.signals.failed.emit(problem)
        else:
            self.signals.finished.emit(result)


def start(work, on_finished, on_failed, on_progress=None, pool: QThreadPool | None = None) -> Task:
    task = Task(work)
    task.signals.finished.connect(on_finished)
    task.signals.failed.connect(on_failed)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
