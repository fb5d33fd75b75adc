"""Long loops over findings spread across event-loop turns, so that 60,000 findings never hold the
window for long: a generator does a slice of the work and yields, the next slice runs in the next
turn, and a newer run supersedes one still going. A small job ends within its first slice, at once.

What each slice leaves alive is frozen out of the cycle collector (``gc.freeze``): the editor's
index and the panel's groups are ~200,000 tuples, lists and dicts, and a full collection that
walked them took 14–21 ms of a UI turn (bench/ui_stall.py --trace), wherever it fell. They hold no
reference cycles, so reference counting still frees them when the next check replaces them."""

from __future__ import annotations

import gc
from collections.abc import Callable, Generator

from PySide6.QtCore import QObject, QTimer

SLICE = 4000  # findings handled per event-loop turn: a few milliseconds


class Steps(QObject):
    """One job at a time for its owner (the editor's index of findings, the panel's groups)."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._run = 0
        self._busy = False

    def start(self, work: Generator[None, None, object], done: Callable[[object], None]) -> None:
        """Run ``work`` up to its first yield now, the rest a slice per turn; ``done(result)`` gets
        what it returns."""
        self._run += 1
        self._busy = True
        self._step(self._run, work, done)

    def busy(self) -> bool:
        return self._busy

    def _step(self, run: int, work: Generator, done: Callable[[object], None]) -> None:
        if run != self._run:
            return  # superseded by a newer job
        try:
            next(work)
        except StopIteration as end:
            self._busy = False
            done(end.value)
        else:
            QTimer.singleShot(0, self, lambda: self._step(run, work, done))
        gc.freeze()
