"""What broke trust in the second hour of use (issue 29), driven in the real window offscreen:
the 体检's progress, the panel and underlines after a fix or an undo, the phrase panel after
another draft, the rule names in 选项, the font dialog, the file dialog, the save question."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from assistant.gui.main_window import NOT_COUNTED, MainWindow, counted_characters
from tests.conftest import SAMPLE
from tests.gui.test_main_window import TIMEOUT, open_and_wait, window, windows  # noqa: F401 (fixtures)


def underlined(window: MainWindow) -> set[tuple[int, int]]:
    return {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in window.editor.extraSelections()
            if s.cursor.hasSelection()}


def test_the_health_check_shows_its_progress_at_once(qtbot, window: MainWindow, sample_copy: Path):  # noqa: F811
    open_and_wait(qtbot, window, sample_copy)
    shown = []
    window.health_check(show=shown.append)
    assert window.operation.dialog.isVisible()  # before any event is processed
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    assert not window.operation.dialog.isVisible()


def test_alt_enter_and_undo_update_underlines_status_and_check_at_once(qtbot, window: MainWindow,  # noqa: F811
                                                                          sample_copy: Path):
    open_and_wait(qtbot, window, sample_copy)
    window.activateWindow()
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus, timeout=TIMEOUT)
    finding = next(f for f in window.findings if f.text == "搞好")
    window.editor.jump_to(finding)
    window.statusBar().showMessage(finding.message, 8000)  # what F8 said about it
    place = (window.editor.textCursor().selectionStart(), window.editor.textCursor().selectionEnd())
    assert place in underlined(window)

    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert "做好" in window.editor.lines()[finding.paragraph]
    assert place not in underlined(window)  # gone now, not after the typing pause and a check
    assert window.statusBar().currentMessage() == "已改为“做好”，可撤销（Ctrl+Z）。"
    assert window._check_running  # the check started without waiting for the typing pause
    qtbot.waitUntil(window.is_checked, timeout=TIMEOUT)
    assert not any(f.paragraph == finding.paragraph and f.text == "搞好" for f in window.findings)

    window.statusBar().showMessage("上一条消息", 8000)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "搞好" in window.editor.lines()[finding.paragraph]
    assert window.statusBar().currentMessage() == "" and window._check_running
    qtbot.waitUntil(window.is_checked, timeout=TIMEOUT)
    assert any(f.paragraph == finding.paragraph and f.text == "搞好" for f in window.findings)
    assert place in underlined(window)


def test_another_draft_does_not_keep_the_last_drafts_alternatives(qtbot, window: MainWindow,  # noqa: F811
                                                                   sample_copy: Path, tmp_path: Path):
    open_and_wait(qtbot, window, sample_copy)
    finding = next(f for f in window.findings if f.text == "搞好")
    window.editor.jump_to(finding)
    panel = window.phrase_panel.results
    assert panel.item(0).text() == "“搞好”的替换说法"
    other = tmp_path / "另一份.docx"
    other.write_bytes(SAMPLE.read_bytes())
    open_and_wait(qtbot, window, other)
    assert all("的替换说法" not in panel.item(i).text() for i in range(panel.count()))


def test_another_draft_leaves_a_plain_search_listed_where_the_user_was(qtbot, window: MainWindow,  # noqa: F811
                                                                      sample_copy: Path, tmp_path: Path):
    """Only alternatives give way when a draft opens: a search already listed is not listed again (200
    phrases, a few milliseconds of the turn that opens a long draft), and the chosen phrase stays chosen."""
    open_and_wait(qtbot, window, sample_copy)
    window.phrase_panel.query.setText("落实")
    results = window.phrase_panel.results
    results.setCurrentRow(3)
    chosen = results.currentItem().text()
    other = tmp_path / "另一份.docx"
    other.write_bytes(SAMPLE.read_bytes())
    open_and_wait(qtbot, window, other)
    assert results.currentRow() == 3 and results.currentItem().text() == chosen


def test_the_save_question_names_the_draft(qtbot, window: MainWindow, sample_copy: Path, monkeypatch):  # noqa: F811
    open_and_wait(qtbot, window, sample_copy)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_r: asked.append(text)
                        or QMessageBox.StandardButton.Cancel)
    window.editor.appendPlainText("改了一句。")
    assert not window._may_discard()
    assert asked == ["“草稿.docx”已修改，是否保存？"]


def test_options_list_every_rule_by_its_name_with_its_description(qtbot, window: MainWindow):  # noqa: F811
    seen = {}

    def look(dialog) -> bool:
        tree = dialog.rules_tree
        for i in range(tree.topLevelItemCount()):
            category = tree.topLevelItem(i)
            for j in range(category.childCount()):
                item = category.child(j)
                seen[item.data(0, Qt.ItemDataRole.UserRole).removeprefix("rule:")] = (item.text(0), item.text(1))
        return False

    window.show_options(accept=look)
    assert seen == {rule.id: (rule.name, rule.description) for rule in window.checker.rules}
    assert seen["echo"] == ("近处重复用词", "同一个词在同一段里刚用过不久又用，可换一种说法（有意的排比不算）。")


def test_the_font_dialog_offers_only_fonts_this_pc_has(qtbot, window: MainWindow, tmp_path: Path,  # noqa: F811
                                                        monkeypatch):
    from assistant.core.export import fonts as font_check
    from tests.fonts import write_font

    write_font(tmp_path / "some", "仿宋")
    (tmp_path / "none").mkdir()
    seen = []

    def look(dialog) -> bool:
        seen.append((dialog.findChild(QLabel).text(), dialog.use_fallbacks.text(), dialog.use_fallbacks.isVisibleTo(dialog)))
        return False

    for folder in ("some", "none"):
        monkeypatch.setattr(font_check, "font_folders", lambda folder=folder: [tmp_path / folder])
        window.export_gongwen_dialog(tmp_path / "公文.docx", confirm_fonts=look)
    (listed, offer, shown), (_, _, shown_without) = seen
    assert "宋体：未安装" in listed and "仿宋_GB2312：未安装" in listed
    assert shown and offer == "改用本机已有的字体写入文件：仿宋_GB2312 → 仿宋"  # not 宋体, which is missing too
    assert not shown_without and "本机也没有可以代替它们写入文件的字体" in seen[1][0]


def test_the_file_dialog_lists_types_sizes_and_dates_in_chinese(qtbot, tmp_path: Path):
    import re

    from PySide6.QtWidgets import QTreeView

    from assistant.gui.files import chinese_file_dialog

    (tmp_path / "子文件夹").mkdir()
    (tmp_path / "草稿.docx").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "说明.txt").write_text("三个字", encoding="utf-8")
    dialog = chinese_file_dialog(None, "打开文档", str(tmp_path), "文档 (*.docx *.txt)")
    qtbot.addWidget(dialog)
    dialog.show()
    details = dialog.findChild(QTreeView, "treeView")
    model = details.model()
    qtbot.waitUntil(lambda: model.rowCount(details.rootIndex()) == 3, timeout=TIMEOUT)
    rows = {model.index(r, 0, details.rootIndex()).data(): [model.index(r, c, details.rootIndex()).data()
                                                            for c in (1, 2, 3)]
            for r in range(3)}
    assert [rows[name][1] for name in ("子文件夹", "草稿.docx", "说明.txt")] == ["文件夹", "Word 文档", "文本文件"]
    assert rows["说明.txt"][0] == "9 字节" and rows["草稿.docx"][0].endswith(" kB")
    assert all(re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2} \d{2}:\d{2}", row[2]) for row in rows.values())
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["名称", "大小", "类型", "修改日期"]
    for column in (1, 2, 3):  # nothing cut to "10....KiB"
        assert details.header().sectionSize(column) >= details.sizeHintForColumn(column)


def test_the_first_revised_copy_asks_whom_the_revisions_are_by_once(qtbot, window: MainWindow,  # noqa: F811
                                                                     sample_copy: Path, tmp_path: Path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from assistant.core.settings import Settings
    from tests.tracked_changes import main_part, revisions_by

    open_and_wait(qtbot, window, sample_copy)
    window.editor.appendPlainText("新加的一段。")
    asked = []
    replies = [("", False), ("  ", True), ("张科长", True)]
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: asked.append(args[2]) or replies.pop(0))
    before = window.operation
    for name in ("取消.docx", "空白.docx"):  # cancelled, or 确定 with no name: nothing written, asked again next time
        window.save_revised_dialog(tmp_path / name)
        assert window.operation is before and not (tmp_path / name).exists()
    for name in ("修订稿.docx", "修订稿2.docx"):
        window.save_revised_dialog(tmp_path / name)
        qtbot.waitUntil(lambda: window.operation.ended and (tmp_path / name).exists(), timeout=TIMEOUT)
    assert len(asked) == 3 and "修订者" in asked[0]
    assert revisions_by(main_part(tmp_path / "修订稿2.docx"), "张科长")
    assert Settings.load().author == "张科长"


def test_status_bar_and_health_check_count_the_same_paragraphs(qtbot, window: MainWindow,  # noqa: F811
                                                                 tmp_path: Path):
    draft = tmp_path / "空行.txt"
    draft.write_text("标题\n\n第一段。\n\n\n第二段。\n   \n", encoding="utf-8")
    open_and_wait(qtbot, window, draft)
    shown = []
    window.health_check(show=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    assert shown[0].report.paragraphs == 3
    assert window.status_labels["paragraphs"].text() == "段落：3"


def test_the_status_counts_follow_every_edit_and_leave_out_spaces_and_pictures(qtbot, window: MainWindow,  # noqa: F811
                                                                              tmp_path: Path):
    """The counts read the editor's text once per change (a fix's check has read it already): an edit
    must be seen by the next count. Spaces of every kind, line ends and pictures (U+FFFC) are not
    characters; a paragraph with a manual line break (U+2028) is one paragraph, as in the 体检."""
    draft = tmp_path / "计数.txt"
    draft.write_text("标题\n\n第一段\u3000内容。\n", encoding="utf-8")
    open_and_wait(qtbot, window, draft)
    assert window.status_labels["count"].text() == "字数：8"
    assert window.status_labels["paragraphs"].text() == "段落：2"
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("\n第二段\u00a0\u2028\ufffc有\t换行。")
    qtbot.waitUntil(lambda: window.status_labels["count"].text() == "字数：15", timeout=TIMEOUT)
    assert window.status_labels["paragraphs"].text() == "段落：3"
    assert window.editor.lines() == window.editor.document().toRawText().split("\u2029")
    window.editor.undo()
    qtbot.waitUntil(lambda: window.status_labels["count"].text() == "字数：8", timeout=TIMEOUT)
    assert window.editor.lines() == ["标题", "", "第一段\u3000内容。"]


def test_every_character_a_space_pattern_matches_is_left_out_of_the_count():
    text = "".join(chr(c) for c in range(0x3100)) + "\ufffc" + "中文字符"
    assert counted_characters(text) == len(re.sub(r"[\s\ufffc]", "", text))
    assert set(NOT_COUNTED) == {chr(c) for c in range(0x110000) if chr(c).isspace()} | {"\ufffc"}


def test_the_conversion_message_has_no_brackets_inside_brackets(qtbot, window: MainWindow,  # noqa: F811
                                                                 sample_copy: Path):
    open_and_wait(qtbot, window, sample_copy)
    done = []
    window.convert_dialog("s2tw", accept_preview=lambda dialog: done.append(dialog) or True)
    qtbot.waitUntil(lambda: bool(done) and window.operation.ended, timeout=TIMEOUT)
    message = window.statusBar().currentMessage()
    assert message.endswith("段：简体 → 繁体（台湾用字）。可撤销（Ctrl+Z）。"), message
