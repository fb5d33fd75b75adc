"""Guards against a binding bug that crashed the app: PySide6 6.12.0 drops a reference to None
on every QTextCursor.setPosition / QTextCharFormat setter call, and on Python 3.11 (None is not
immortal) a long session frees None and aborts. We pin 6.11.2; this test fails on a broken release."""

import sys

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

CALLS = 500


def test_text_cursor_and_format_calls_keep_none_alive(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("第一段\n第二段\n" * 20)
    block = editor.document().findBlockByNumber(3)
    cursor = QTextCursor(block)
    selection = QTextEdit.ExtraSelection()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        cursor.setPosition(block.position() + 1)
        cursor.setPosition(block.position() + 2, QTextCursor.MoveMode.KeepAnchor)
        selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        selection.format.setUnderlineColor(QColor("#e03131"))
    assert sys.getrefcount(None) >= before - 10
