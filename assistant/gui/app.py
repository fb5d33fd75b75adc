"""App start-up: the QApplication, the main window, and the file to open first.

The window shows before anything slow: once it is on screen the draft is read and put in the
editor, then the dictionary, the checker and the phrase bank load (one worker thread for both), and
the first check follows.
"""

from __future__ import annotations

import os
import sys
import time
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME
from ..core.errors import DocumentError
from ..core.resources import resource_path
from ..core.script import script_marks
from ..core.userdata import data_dir
from .main_window import MainWindow

# bench/cold_start.py sets it: "1" quits once the window is shown, "checked" once the first check is shown.
QUIT_WHEN = os.environ.get("GONGWEN_QUIT_WHEN_SHOWN", "")


# How long a thread runs Python before another may take the interpreter lock. While the core loads
# on worker threads after the window shows, the UI thread waits up to a turn per busy thread for its
# own; Python's 5 ms turns made waits of 100 ms and more (bench/ui_stall.py, 100k draft, quiet
# machine: 67–157 ms with 5 ms turns and OpenCC built after the window, 66–96 ms with this and the next).
SWITCH_INTERVAL = 0.001


def create_window(path: Path | None) -> MainWindow:
    """The main window; once the event loop runs it loads the core, offers back what a crash left,
    else opens ``path`` (or the bundled sample draft) in the background. OpenCC's tables are built
    first: their constructor is one C call of about 100 ms that holds the interpreter lock, which on
    a worker thread froze the shown window for as long."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    script_marks("中國")
    window = MainWindow(load_core_later=True)
    QTimer.singleShot(0, window, partial(window.start, path))
    return window


def install_translations(app: QApplication) -> None:
    """Qt's own Chinese: standard buttons (保存、取消), the editor's context menu (撤销、复制、粘贴),
    file dialogs. The .qm files come with PySide6 and are kept in the frozen bundle."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))  # numbers, MIME type names
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)


def stage(name: str) -> None:
    """For bench/cold_start.py: when each stage of the start was reached (wall clock)."""
    if QUIT_WHEN:
        print(f"STAGE {name} {time.time():.4f}", flush=True)


def run(argv: list[str]) -> int:
    stage("modules imported")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    install_translations(app)
    app.setWindowIcon(QIcon(str(resource_path("icons", "gongwen-assistant.svg"))))
    stage("QApplication")
    try:
        data_dir()
    except DocumentError as problem:  # nowhere to keep settings: say so, do not start half-working
        QMessageBox.critical(None, APP_NAME, str(problem))
        return 2
    window = create_window(Path(argv[0]) if argv else None)
    stage("window built")
    window.show()
    if QUIT_WHEN:
        QTimer.singleShot(0, lambda: (stage("window shown"), print("WINDOW-SHOWN", flush=True),
                                      QUIT_WHEN != "checked" and app.quit()))
        if QUIT_WHEN == "checked":
            watch_first_check(app, window)
    return app.exec()


def watch_first_check(app: QApplication, window: MainWindow) -> None:
    """Report when the draft is in the editor and when its first check is shown, then quit."""
    seen: list[str] = []

    def look() -> None:
        if not seen and window.document.path is not None:
            seen.append("draft")
            stage("draft in the editor")
        if seen and window.is_checked():
            stage("first check shown")
            app.quit()
        else:
            QTimer.singleShot(5, look)

    QTimer.singleShot(0, look)
