"""Background work: run a core call on a worker thread and get its result back on the UI thread.

The core reports progress through a plain callback and knows nothing of Qt; the callback also
raises ``Cancelled`` once the user has pressed 取消, and a cancelled task's result is never applied
(work that reports no progress simply runs to its end and is dropped). A ``Task`` keeps its
result (or error) on itself and emits argument-less signals; a ``Relay`` created on the UI thread,
as a child of the window that asked, answers them there and reads the result. No Python object
crosses threads inside a signal (PySide has crashed marshalling them under load), callbacks never
run on the worker thread, and a window closed before its work ends simply drops the result.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


def collector_paused(work: Callable[[Callable[[int, int], None]], object]) -> Callable[[Callable[[int, int], None]], object]:
    """``work`` (a check, the core's load) with Python's cycle collector paused, and what it leaves
    alive frozen out of later collections when it ends. The check pauses the collector itself, for
    the whole process, and builds hundreds of thousands of objects meanwhile: its first collections
    afterwards walked all of them, 100–250 ms each with the interpreter lock held, wherever the next
    allocation happened — usually the UI thread taking the result. Frozen objects are still freed
    when their last reference goes; only a reference cycle among them would never be."""

    def paused(progress: Callable[[int, int], None]) -> object:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return work(progress)
        finally:
            gc.freeze()
            if was_enabled:
                gc.enable()

    return paused


class Cancelled(Exception):
    """Raised inside the work at its next progress report after the user pressed 取消."""


class TaskSignals(QObject):
    done = Signal()
    progress = Signal(int, int)


class Task(QRunnable):
    """``work(progress)`` runs off the UI thread; ``result`` or ``error`` is set before ``done``."""

    def __init__(self, work: Callable[[Callable[[int, int], None]], object]):
        super().__init__()
        self.work = work
        self.result: object = None
        self.error: Exception | None = None
        self.ended = False
        self.cancelled = False
        self.signals = TaskSignals()
        self.setAutoDelete(False)  # Python decides when a task dies: on the UI thread, via its relay

    def run(self) -> None:
        try:
            self.result = self.work(self._report)
        except Exception as problem:  # noqa: BLE001 - every failure goes back to the UI as a message
            self.error = problem
        try:
            self.signals.done.emit()
        except RuntimeError:  # the app quit while the work ran: its signals are gone, no one is left to tell
            pass
        self.ended = True

    def _report(self, done: int, total: int) -> None:
        """The progress callback the core sees: it also stops the work once cancelled."""
        if self.cancelled:
            raise Cancelled()
        self.signals.progress.emit(done, total)


class Relay(QObject):
    """Lives on the UI thread as a child of the window; holds the task until it reports back."""

    def __init__(self, task: Task, on_finished, on_failed, on_progress, owner: QObject):
        super().__init__(owner)
        self.task = task
        self.on_finished, self.on_failed, self.on_progress = on_finished, on_failed, on_progress

    @Slot()
    def done(self) -> None:
        task, self.task = self.task, None
        if task.cancelled:
            pass  # the user pressed 取消: nothing is applied
        elif task.error is not None:
            self.on_failed(task.error)
        else:
            self.on_finished(task.result)
        self.deleteLater()

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self.on_progress is not None and self.task is not None and not self.task.cancelled:
            self.on_progress(done, total)


_orphans: list[Task] = []


def start(work, on_finished, on_failed, owner: QObject, on_progress=None, pool: QThreadPool | None = None) -> Task:
    """Call from the UI thread; ``owner`` is the window the result is for."""
    task = Task(work)
    relay = Relay(task, on_finished, on_failed, on_progress, owner)
    task.signals.done.connect(relay.done)
    task.signals.progress.connect(relay.progress)
    # If the owner goes away first, the relay dies with it: keep every task until its run has
    # ended, and let go of ended ones here, on the UI thread.
    _orphans[:] = [t for t in _orphans if not t.ended]
    _orphans.append(task)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
