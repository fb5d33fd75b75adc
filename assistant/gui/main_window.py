"""Main window: a plain-text editor over the document model, with open and save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QPlainTextEdit

from .. import APP_NAME
from ..core.document import Document, open_document
from ..core.errors import DocumentError

FILE_FILTER = "文档 (*.docx *.txt);;Word 文档 (*.docx);;文本文件 (*.txt)"


class MainWindow(QMainWindow):
    """One document per window; the editor shows one paragraph per line."""

    def __init__(self) -> None:
        super().__init__()
        self.document: Document | None = None
        self.editor = QPlainTextEdit(self)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.document().modificationChanged.connect(self._update_title)
        self.setCentralWidget(self.editor)
        self._build_menu()
        self.resize(1000, 720)
        self._update_title()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("文件(&F)")
        for text, shortcut, slot in (
            ("打开(&O)…", QKeySequence.StandardKey.Open, self.choose_and_open),
            ("保存(&S)", QKeySequence.StandardKey.Save, self.save),
            ("另存为(&A)…", QKeySequence.StandardKey.SaveAs, self.save_as),
            ("退出(&X)", QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)

    def open_path(self, path: Path) -> bool:
        try:
            document = open_document(path)
        except DocumentError as exc:
            QMessageBox.warning(self, "无法打开文件", str(exc))
            return False
        self.document = document
        self.editor.setPlainText("\n".join(p.text for p in document.paragraphs))
        self.editor.document().setModified(False)
        for note in document.notes:
            QMessageBox.information(self, "提示", note)
        self._update_title()
        self.statusBar().showMessage(f"{document.describe()} · {len(document.paragraphs)} 段")
        return True

    def choose_and_open(self) -> None:
        if not self._may_discard():
            return
        name, _ = QFileDialog.getOpenFileName(self, "打开文档", "", FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def save(self) -> bool:
        if self.document is None or self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        name, _ = QFileDialog.getSaveFileName(self, "另存为", str(self.document.path or ""), FILE_FILTER)
        return bool(name) and self._save_to(Path(name))

    def _save_to(self, path: Path) -> bool:
        lines = [self.editor.document().findBlockByNumber(i).text()
                 for i in range(self.editor.document().blockCount())]
        try:
            self.document.replace_lines(lines)
            self.document.save(path)
        except DocumentError as exc:
            QMessageBox.warning(self, "保存失败", str(exc))
            return False
        self.editor.document().setModified(False)
        self._update_title()
        return True

    def _may_discard(self) -> bool:
        if not self.editor.document().isModified():
            return True
        answer = QMessageBox.question(
            self, APP_NAME, "文档已修改，是否保存？",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self._may_discard():
            event.accept()
        else:
            event.ignore()

    def _update_title(self, *_: object) -> None:
        name = self.document.path.name if self.document and self.document.path else "未命名"
        mark = "*" if self.editor.document().isModified() else ""
        self.setWindowTitle(f"{mark}{name} — {APP_NAME}")
