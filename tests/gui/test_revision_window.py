"""修订稿 and 比较两个版本 from the window (issue 15), offscreen."""

from __future__ import annotations

from pathlib import Path

from assistant.core.document import open_document
from tests.gui.test_main_window import TIMEOUT, open_and_wait, window, windows  # noqa: F401 (fixtures)
from tests.tracked_changes import main_part, resolve, texts


def test_save_as_revised_tracks_the_edits_since_opening(qtbot, window, sample_copy: Path, tmp_path: Path):
    open_and_wait(qtbot, window, sample_copy)
    opened = [p.text for p in window.document.paragraphs]
    lines = window.editor.lines()
    lines[1] = lines[1].replace("工作", "任务", 1) + "补充一句。"
    del lines[2]
    lines.insert(0, "（新加的一段）")
    window.editor.setPlainText("\n".join(lines))
    window.settings.author = "李科长"
    target = tmp_path / "修订稿.docx"
    window.save_revised_dialog(target)
    qtbot.waitUntil(lambda: window.operation.ended and target.exists(), timeout=TIMEOUT)
    root = main_part(target)
    assert texts(resolve(root, "李科长", accept=True)) == window.editor.lines()
    assert texts(resolve(root, "李科长", accept=False)) == opened
    assert "修订稿（增" in window.statusBar().currentMessage()
    assert open_document(sample_copy).paragraphs[0].text == opened[0]  # the draft itself is untouched


def test_compare_two_files_side_by_side_and_walk_the_changes(qtbot, window, tmp_path: Path):
    old, new = tmp_path / "初稿.txt", tmp_path / "修改稿.txt"
    old.write_text("一、加强领导。\n二、这一段将删除。\n三、落实责任,推动工作.\n", encoding="gbk")
    new.write_text("一、强化领导。\n三、落实责任，推动工作。\n", encoding="utf-8")
    shown = []
    window.compare_dialog(old, new, show=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    view = shown[0]
    assert view.counts.text() == "增 4 字、删 13 字、改 3 处"
    view.step(True)
    assert view.position.text() == "第 1 / 3 处"
    html = view.browser.toPlainText()
    assert "加强" in html and "强化" in html and "这一段将删除" in html
    view.step(False)
    view.step(False)
    assert view.position.text() == "第 2 / 3 处"
    target = tmp_path / "修订稿.docx"
    window.settings.author = "王科员"
    window._save_comparison(view.comparison, target)
    qtbot.waitUntil(lambda: window.operation.ended and target.exists(), timeout=TIMEOUT)
    author = window.settings.author
    assert texts(resolve(main_part(target), author, accept=True)) == ["一、强化领导。", "三、落实责任，推动工作。"]
    assert texts(resolve(main_part(target), author, accept=False)) == ["一、加强领导。", "二、这一段将删除。",
                                                                       "三、落实责任,推动工作."]


def test_the_file_menu_offers_both_commands(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts_in_menu = [action.text() for action in file_menu.actions()]
    assert "另存为修订稿(&V)…" in texts_in_menu and "比较两个版本(&D)…" in texts_in_menu
