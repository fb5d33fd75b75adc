"""Background work: run a core call on a worker thread and get its result back on the UI thread.

The core reports progress through a plain callback and knows nothing of Qt; ``Task`` turns that
into signals. Results reach the callbacks through a ``Relay`` created on the UI thread: a signal
connected to a plain function (a lambda) has no receiver object, and Qt could then call it on the
worker thread, where touching a widget crashes the app.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)
    done = Signal(object)  # the task itself, last of all


class Relay(QObject):
    """Lives on the UI thread; its slots call the callbacks there (queued connections)."""

    def __init__(self, on_finished, on_failed, on_progress, owner: QObject):
        super().__init__(owner)
        self.on_finished, self.on_failed, self.on_progress = on_finished, on_failed, on_progress

    @Slot(object)
    def finished(self, value) -> None:
        self.on_finished(value)
        self.deleteLater()

    @Slot(object)
    def failed(self, problem) -> None:
        self.on_failed(problem)
        self.deleteLater()

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total)


class Task(QRunnable):
    """``work(progress)`` runs off the UI thread; the outcome arrives on the UI thread."""

    def __init__(self, work: Callable[[Callable[[int, int], None]], object]):
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        # Python, not the pool, decides when a task dies: its signals object belongs to the UI
        # thread and must not be destroyed on the worker thread (see Reaper).
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except Exception as problem:  # noqa: BLE001 - every failure goes back to the UI as a message
            self.signals.failed.emit(problem)
        else:
            self.signals.finished.emit(result)
        self.signals.done.emit(self)


class Reaper(QObject):
    """Created once on the UI thread and never deleted: lets go of finished tasks there."""

    def __init__(self):
        super().__init__()
        self.running: set[Task] = set()

    @Slot(object)
    def done(self, task: "Task") -> None:
        self.running.discard(task)


_live_relays: set[Relay] = set()
_reaper: Reaper | None = None


def _the_reaper() -> Reaper:
    global _reaper
    if _reaper is None:
        _reaper = Reaper()
    return _reaper


def start(work, on_finished, on_failed, owner: QObject, on_progress=None, pool: QThreadPool | None = None) -> Task:
    """Call from the UI thread. The relay is a child of ``owner`` (the window that asked): if the
    window is closed before the work ends, the result is dropped instead of reaching a dead widget."""
    task = Task(work)
    relay = Relay(on_finished, on_failed, on_progress, owner)
    _live_relays.add(relay)
    relay.destroyed.connect(lambda *_: _live_relays.discard(relay))
    task.signals.finished.connect(relay.finished)
    task.signals.failed.connect(relay.failed)
    task.signals.progress.connect(relay.progress)
    reaper = _the_reaper()
    reaper.running.add(task)
    task.signals.done.connect(reaper.done)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
