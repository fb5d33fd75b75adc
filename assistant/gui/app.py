"""App start-up: the QApplication, the main window, and the file to open first."""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME
from ..core.errors import DocumentError
from ..core.resources import resource_path
from ..core.userdata import data_dir
from .main_window import MainWindow


def create_window(path: Path | None) -> MainWindow:
    """The main window; once the event loop runs it offers back what a crash left, else opens
    ``path`` (or the bundled sample draft) in the background."""
    window = MainWindow()
    QTimer.singleShot(0, window, partial(window.start, path))
    return window


def warm_up_core() -> None:
    """Load jieba's dictionary (and its part-of-speech table) and OpenCC's tables before the window appears: each load is one
    long call that holds Python's interpreter lock, so done later it would pause a visible window."""
    from ..core.script import script_marks
    from ..core.text.segmenter import pos_table, tokenizer

    tokenizer()
    pos_table()
    script_marks("中國")


def install_translations(app: QApplication) -> None:
    """Qt's own Chinese: standard buttons (保存、取消), the editor's context menu (撤销、复制、粘贴),
    file dialogs. The .qm files come with PySide6 and are kept in the frozen bundle."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))  # numbers, MIME type names
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    install_translations(app)
    warm_up_core()
    app.setWindowIcon(QIcon(str(resource_path("icons", "gongwen-assistant.svg"))))
    try:
        data_dir()
    except DocumentError as problem:  # nowhere to keep settings: say so, do not start half-working
        QMessageBox.critical(None, APP_NAME, str(problem))
        return 2
    window = create_window(Path(argv[0]) if argv else None)
    window.show()
    QTimer.singleShot(0, window.show_start_notes)
    if os.environ.get("GONGWEN_QUIT_WHEN_SHOWN"):
        # bench/cold_start.py: say when the first window is on screen, then leave
        QTimer.singleShot(0, lambda: (print("WINDOW-SHOWN", flush=True), app.quit()))
    return app.exec()
