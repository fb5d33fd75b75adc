"""The window's menus and toolbar: which command sits where, under which shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ..core.conversion import CONFIGS
from ..core.templates import templates

MENU_CONFIGS = ["s2tw", "s2hk", "t2s", "s2twp", "tw2sp", "tw2s", "hk2s", "t2tw", "t2hk", "s2t"]
# The everyday choices; the OpenCC standard form (s2t) is in the menu for old texts.
TOOLBAR_LABELS = {"s2tw": "简→繁（台湾）", "s2hk": "简→繁（香港）", "t2s": "繁→简"}


def build_menus(window) -> None:
    bar = window.menuBar()
    toolbar = window.addToolBar("常用")
    toolbar.setObjectName("常用")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    add = _adder(window)
    keys = QKeySequence.StandardKey

    file_menu = bar.addMenu("文件(&F)")
    new = file_menu.addMenu("新建(&N)")
    add(new, "空白文稿", window.new_file, keys.New)
    new.addSeparator()
    for template in templates():  # 通知、请示、报告、函、纪要、意见、通报、批复
        add(new, template.name, lambda _=False, name=template.name: window.new_from_template(name))
    toolbar.addAction(add(file_menu, "打开(&O)…", window.choose_and_open, keys.Open))
    window.recent_menu = file_menu.addMenu("最近打开")
    toolbar.addAction(add(file_menu, "保存(&S)", window.save, keys.Save))
    add(file_menu, "另存为(&A)…", window.save_as, QKeySequence("Ctrl+Shift+S"))
    add(file_menu, "另存为修订稿(&V)…", lambda: window.save_revised_dialog())
    add(file_menu, "比较两个版本(&D)…", lambda: window.compare_dialog())
    file_menu.addSeparator()
    export = add(file_menu, "导出公文格式(&G)…", lambda: window.export_gongwen_dialog())
    add(file_menu, "导出批注版(&R)…", lambda: window.export_review_dialog())
    file_menu.addSeparator()
    add(file_menu, "退出(&X)", window.close, keys.Quit)

    edit = bar.addMenu("编辑(&E)")
    add(edit, "撤销(&U)", window.editor.undo_edit, keys.Undo)
    add(edit, "重做(&R)", window.editor.redo_edit, QKeySequence("Ctrl+Y"))
    edit.addSeparator()
    add(edit, "查找(&F)…", window.show_find, keys.Find)
    add(edit, "替换(&H)…", window.show_find, QKeySequence("Ctrl+H"))
    edit.addSeparator()
    add(edit, "放大", lambda: window.editor.zoom(1), QKeySequence("Ctrl+="))
    add(edit, "缩小", lambda: window.editor.zoom(-1), QKeySequence("Ctrl+-"))

    check = bar.addMenu("检查(&C)")
    toolbar.addSeparator()
    toolbar.addAction(add(check, "重新检查", window.check_now, QKeySequence("F7")))
    check.addSeparator()
    add(check, "下一处问题", lambda: window.next_problem(True), QKeySequence("F8"))
    add(check, "上一处问题", lambda: window.next_problem(False), QKeySequence("Shift+F8"))
    add(check, "采用第一条建议", window.apply_first_suggestion, QKeySequence("Alt+Return"))
    add(check, "忽略此处", window.ignore_at_cursor, QKeySequence("Ctrl+."))
    check.addSeparator()
    add(check, "修正本段确定的问题…", window.fix_paragraph)
    add(check, "全部修正确定的问题…", window.fix_document)
    check.addSeparator()
    add(check, "文稿体检…", window.health_check)

    convert = bar.addMenu("转换(&T)")
    for config in MENU_CONFIGS:
        action = add(convert, CONFIGS[config], lambda _=False, c=config: window.convert_dialog(c))
        if config in TOOLBAR_LABELS:
            action.setIconText(TOOLBAR_LABELS[config])
            toolbar.addAction(action)
    convert.addSeparator()
    add(convert, "不转换词表…", window.edit_protected_terms)

    phrases = bar.addMenu("短语库(&P)")
    toolbar.addAction(add(phrases, "查找短语", window.show_phrases, QKeySequence("Ctrl+K")))
    toolbar.addSeparator()
    export.setIconText("导出公文格式")
    toolbar.addAction(export)
    add(phrases, "把选中文字加入我的短语…", window.add_selection_to_phrases, QKeySequence("Ctrl+D"))
    add(phrases, "从文件夹导入我的短语…", window.import_phrases_dialog)

    tools = bar.addMenu("工具(&O)")
    add(tools, "选项…", window.show_options)

    help_menu = bar.addMenu("帮助(&H)")
    add(help_menu, "使用说明", lambda: window.show_help("index"), keys.HelpContents)
    add(help_menu, "快捷键", lambda: window.show_help("shortcuts"))
    help_menu.addSeparator()
    add(help_menu, "关于", window.about)


def _adder(window):
    def add(menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    return add
