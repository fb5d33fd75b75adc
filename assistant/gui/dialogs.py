"""Dialogs: the preview of a change, protected terms, find & replace, and the font check before export."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QTextBrowser, QVBoxLayout)

from ..core.export.fonts import FontStatus
from ..core.text.diff import diff

PREVIEW_LIMIT = 300


def button_row(dialog: QDialog, ok: QDialogButtonBox.StandardButton, ok_text: str, on_ok) -> QDialogButtonBox:
    """The dialog's bottom row: a Chinese-labelled confirm button and 取消."""
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ChangePreview(QDialog):
    """Every paragraph a change would touch (a conversion, 全部修正), old above new with the changed
    characters in bold, before anything is applied."""

    def __init__(self, title: str, changes: list[tuple[int, str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 560)
        browser = QTextBrowser()
        rows = []
        for index, old, new in changes[:PREVIEW_LIMIT]:
            removed, added = _marked(old, new)
            rows.append(f"<p><b>第 {index + 1} 段</b><br><span style='color:#a61e4d'>－ {removed}</span>"
                        f"<br><span style='color:#2b8a3e'>＋ {added}</span></p>")
        more = f"<p>……另有 {len(changes) - PREVIEW_LIMIT} 段</p>" if len(changes) > PREVIEW_LIMIT else ""
        browser.setHtml("".join(rows) + more or "<p>没有需要改动的文字。</p>")
        buttons = button_row(self, QDialogButtonBox.StandardButton.Ok, f"应用（{len(changes)} 段）", self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"将改变 {len(changes)} 段，改动的字已加粗，应用后可一步撤销："))
        layout.addWidget(browser, 1)
        layout.addWidget(buttons)


def _marked(old: str, new: str) -> tuple[str, str]:
    """Both texts as HTML with the characters that differ in bold (a character diff)."""
    old_out, new_out = [], []
    for tag, i1, i2, j1, j2 in diff(old, new):
        piece_old, piece_new = html.escape(old[i1:i2]), html.escape(new[j1:j2])
        old_out.append(piece_old if tag == "equal" else f"<b>{piece_old}</b>")
        new_out.append(piece_new if tag == "equal" else f"<b>{piece_new}</b>")
    return "".join(old_out), "".join(new_out)


class ProtectedTermsDialog(QDialog):
    """The user's never-convert list: one term per line (地名、人名、乾安县 …)."""

    def __init__(self, terms: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("不转换词表")
        self.resize(420, 480)
        self.editor = QPlainTextEdit("\n".join(terms))
        buttons = button_row(self, QDialogButtonBox.StandardButton.Save, "保存", self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("每行一个词语，简繁转换时保持原样（如人名、地名）："))
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def terms(self) -> list[str]:
        return [line.strip() for line in self.editor.toPlainText().splitlines() if line.strip()]

    def _save(self) -> None:
        self.accept()


class FindReplaceDialog(QDialog):
    """Find (Ctrl+F) and replace (Ctrl+H) in the editor; 全部替换 is one undo step."""

    def __init__(self, editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle("查找和替换")
        self.find_text = QLineEdit()
        self.replace_text = QLineEdit()
        self.whole = QCheckBox("区分大小写")
        self.status = QLabel("")
        find_next = QPushButton("查找下一个")
        replace = QPushButton("替换")
        replace_all = QPushButton("全部替换")
        find_next.clicked.connect(self.find_next)
        replace.clicked.connect(self.replace_one)
        replace_all.clicked.connect(self.replace_all)
        row = QHBoxLayout()
        for button in (find_next, replace, replace_all):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("查找："))
        layout.addWidget(self.find_text)
        layout.addWidget(QLabel("替换为："))
        layout.addWidget(self.replace_text)
        layout.addWidget(self.whole)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def _flags(self):
        from PySide6.QtGui import QTextDocument

        return QTextDocument.FindFlag.FindCaseSensitively if self.whole.isChecked() else QTextDocument.FindFlag(0)

    def find_next(self) -> bool:
        text = self.find_text.text()
        if not text:
            return False
        if self.editor.find(text, self._flags()):
            self.status.setText("")
            return True
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        found = self.editor.find(text, self._flags())
        self.status.setText("" if found else "找不到。")
        return found

    def replace_one(self) -> None:
        cursor = self.editor.textCursor()
        if cursor.hasSelection() and cursor.selectedText() == self.find_text.text():
            cursor.insertText(self.replace_text.text())
        self.find_next()

    def replace_all(self) -> int:
        text, replacement = self.find_text.text(), self.replace_text.text()
        if not text:
            return 0
        count = 0
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        document = self.editor.document()
        found = document.find(text, 0, self._flags())
        while not found.isNull():
            found.insertText(replacement)
            count += 1
            found = document.find(text, found.position(), self._flags())
        cursor.endEditBlock()
        self.status.setText(f"已替换 {count} 处。")
        return count


class FontCheckDialog(QDialog):
    """Shown before an export: the standard fonts this PC lacks, what Word will use instead, and,
    when this PC has other fonts to put in their place, the offer to write those (``fallbacks``)."""

    def __init__(self, statuses: list[FontStatus], fallbacks: dict[str, str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("导出公文格式 — 字体检查")
        self.fallbacks = fallbacks
        missing = [s for s in statuses if not s.installed]
        text = ("<p>公文标准字体均已安装。</p>" if not missing else
                "<p>本机缺少以下公文标准字体。导出的文件仍使用标准字体名称，在装有这些字体的电脑上打印即为标准效果；"
                "在本机打开时将以替代字体显示：</p><ul>" +
                "".join(f"<li>{html.escape(s.describe())}</li>" for s in missing) + "</ul>")
        if missing and not fallbacks:
            text += "<p>本机也没有可以代替它们写入文件的字体。</p>"
        label = QLabel(text)
        label.setWordWrap(True)
        pairs = "、".join(f"{name} → {other}" for name, other in fallbacks.items())
        self.use_fallbacks = QCheckBox(f"改用本机已有的字体写入文件：{pairs}")
        buttons = button_row(self, QDialogButtonBox.StandardButton.Ok, "继续导出", self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        if fallbacks:
            layout.addWidget(self.use_fallbacks)
        layout.addWidget(buttons)
        self.resize(560, 300)
