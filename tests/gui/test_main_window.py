"""The app starts offscreen, opens real .docx files, and saves edits made in its editor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from assistant.core.document import open_document
from assistant.gui.app import create_window
from tests.conftest import ROOT, SAMPLE, peer_copy


def editor_lines(window) -> list[str]:
    document = window.editor.document()
    return [document.findBlockByNumber(i).text() for i in range(document.blockCount())]


def test_starts_with_the_sample_draft(qtbot):
    window = create_window(None)
    qtbot.addWidget(window)
    window.show()
    assert editor_lines(window) == [p.text for p in open_document(SAMPLE).paragraphs]
    assert "sample_draft.docx" in window.windowTitle()


def test_opens_a_peer_docx_and_saves_an_edit(qtbot, tmp_path: Path):
    source = peer_copy(tmp_path, "bisheng-unstructured__1. 股东会-会议通知.docx", "会议通知.docx")
    window = create_window(source)
    qtbot.addWidget(window)
    window.show()
    lines = editor_lines(window)
    assert lines == [p.text for p in open_document(source).paragraphs]
    assert "会议基本情况" in lines

    cursor = window.editor.textCursor()
    block = window.editor.document().findBlockByNumber(lines.index("会议基本情况"))
    cursor.setPosition(block.position() + block.length() - 1)
    cursor.insertText("如下")
    window.editor.setTextCursor(cursor)
    assert window.windowTitle().startswith("*")
    assert window.save()
    assert not window.windowTitle().startswith("*")
    reopened = [p.text for p in open_document(source).paragraphs]
    assert "会议基本情况如下" in reopened and len(reopened) == len(lines)


def test_line_breaks_inside_a_paragraph_stay_inside_it(qtbot, tmp_path: Path):
    source = peer_copy(tmp_path, "docling__textbox.docx")
    window = create_window(source)
    qtbot.addWidget(window)
    expected = [p.text for p in open_document(source).paragraphs]
    assert any("\u2028" in text for text in expected)
    assert editor_lines(window) == expected
    assert window.save()
    assert [p.text for p in open_document(source).paragraphs] == expected


def test_refused_file_shows_a_message_not_a_traceback(qtbot, tmp_path: Path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text)))
    window = create_window(None)
    qtbot.addWidget(window)
    assert not window.open_path(ROOT / "tests" / "_files" / "old_binary.doc")
    assert shown and "另存为" in shown[0][1]


def test_main_py_starts_the_gui_offscreen(tmp_path: Path):
    """`python main.py FILE` starts the real app; it is closed by a timer after it opened the file."""
    code = ("import sys; sys.argv=['main.py', %r]\n"
            "from PySide6.QtCore import QTimer\nfrom PySide6.QtWidgets import QApplication\n"
            "app = QApplication(sys.argv[:1])\n"
            "shown = lambda: [w.windowTitle() for w in app.topLevelWidgets() if w.isVisible()]\n"
            "QTimer.singleShot(500, lambda: (print(shown()), app.quit()))\n"
            "import main; sys.exit(main.main())\n") % str(SAMPLE)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "sample_draft.docx — 公文写作助手" in result.stdout
