"""Every label the user reads is Chinese: menus, context menus, standard buttons and dialogs. A
mnemonic such as (&F) and a shortcut after a tab are allowed; any other ASCII letter fails."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMenu, QMessageBox, QPushButton

from assistant.gui.files import chinese_file_dialog
from assistant.gui.main_window import MainWindow

MNEMONIC = re.compile(r"\(&[A-Z]\)|&(?=\S)")
LETTERS = re.compile(r"[A-Za-z]")


def english(texts) -> list[str]:
    return [text for text in texts if LETTERS.search(MNEMONIC.sub("", text.split("\t")[0]))]


def menu_texts(menu: QMenu) -> list[str]:
    menu.aboutToShow.emit()  # menus filled on demand fill themselves now
    texts = []
    for action in menu.actions():
        texts.append(action.text())
        if action.menu() is not None:
            texts += menu_texts(action.menu())
    return texts


def widget_texts(widget) -> list[str]:
    found = [widget.windowTitle()]
    for kind in (QLabel, QPushButton):
        found += [child.text() for child in widget.findChildren(kind) if child.isVisibleTo(widget)]
    return [text for text in found if text]


def test_the_menus_and_context_menus_are_chinese(qtbot, sample_copy):
    window = MainWindow()
    qtbot.addWidget(window)
    window.editor.setPlainText("咱们要好好干，抓好落实。")
    texts = [a.text() for a in window.menuBar().actions()]
    for action in window.menuBar().actions():
        texts += menu_texts(action.menu())
    texts += menu_texts(window.editor.context_menu_for(0))
    texts += menu_texts(window.editor.createStandardContextMenu())
    texts += menu_texts(window.phrase_panel.query.createStandardContextMenu())
    assert len(texts) > 40
    assert english(texts) == []
    assert "复制" in "".join(menu_texts(window.editor.createStandardContextMenu()))


def test_standard_buttons_and_dialogs_are_chinese(qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "公文写作助手", "文档已修改，是否保存？",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Yes
                               | QDialogButtonBox.StandardButton.No)
    qtbot.addWidget(buttons)
    files = chinese_file_dialog(None, "打开文档", "", "文档 (*.docx *.txt)")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(files)
    texts = [b.text() for b in box.buttons()] + [b.text() for b in buttons.buttons()] + widget_texts(files)
    assert len(texts) > 8
    assert english(texts) == []


def test_the_check_can_see_english():
    assert english(["Save", "打开(&O)…", "撤销\tCtrl+Z", "导出 PDF"]) == ["Save", "导出 PDF"]
