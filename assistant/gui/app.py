"""App start-up: the QApplication, the main window, and the file to open first."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .. import APP_NAME
from ..core.resources import sample_draft
from .main_window import MainWindow


def create_window(path: Path | None) -> MainWindow:
    """The main window with ``path`` (or the bundled sample draft) opened in it."""
    window = MainWindow()
    window.open_path(path if path is not None else sample_draft())
    return window


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    window = create_window(Path(argv[0]) if argv else None)
    window.show()
    return app.exec()
