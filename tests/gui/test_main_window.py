"""The real window, driven offscreen: open, check, jump, fix, undo, insert, convert, save, recover."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from assistant.core.checker.engine import Checker
from assistant.core.document import open_document
from assistant.gui import autosave
from assistant.gui.app import create_window
from assistant.gui.main_window import MainWindow
from tests.conftest import ROOT, SAMPLE, W, document_xml, peer_copy

TIMEOUT = 20000


def font_families() -> set[str]:
    from PySide6.QtGui import QFontDatabase

    return set(QFontDatabase.families())


def part_xml(path: Path, name: str):
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


@pytest.fixture
def windows(qtbot):
    """Make windows; when pytest-qt closes them their drafts count as saved, so nothing asks."""

    def make(window: MainWindow | None = None) -> MainWindow:
        window = window or MainWindow()
        qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
        return window

    return make


@pytest.fixture
def window(windows) -> MainWindow:
    created = windows()
    created.show()
    return created


def open_and_wait(qtbot, window: MainWindow, path: Path) -> None:
    window.open_path(path)
    qtbot.waitUntil(lambda: window.document.path == path, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: window.is_checked(), timeout=TIMEOUT)


def test_the_whole_round_trip_of_an_editing_session(qtbot, window: MainWindow, sample_copy: Path):
    from PySide6.QtCore import Qt as Keys

    open_and_wait(qtbot, window, sample_copy)
    assert window.editor.lines() == [p.text for p in open_document(sample_copy).paragraphs]
    assert window.findings and window.findings_panel.tree.topLevelItemCount() >= 5

    # jump from the panel to a finding
    panel = window.findings_panel.tree
    group = next(panel.topLevelItem(i) for i in range(panel.topLevelItemCount())
                 if "“搞好”" in panel.topLevelItem(i).text(0))
    group.setExpanded(True)  # places are filled in when a group opens
    item = next(group.child(i) for i in range(group.childCount())
                if window.findings_panel.finding_of(group.child(i)).text == "搞好")
    panel.itemClicked.emit(item, 0)
    assert window.editor.textCursor().selectedText() == "搞好"

    # apply a suggestion from the context menu, then undo it
    position = window.editor.textCursor().selectionStart() + 1
    menu = window.editor.context_menu_for(position)
    action = next(a for a in menu.actions() if a.text() == "改为“做好”")
    before = window.editor.lines()[1]
    action.trigger()
    assert "做好各项工作" in window.editor.lines()[1]
    window.editor.undo()
    assert window.editor.lines()[1] == before

    # insert a phrase from the phrase panel at the cursor
    window.phrase_panel.query.setText("狠抓落实")
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    before_enter = window.editor.lines()
    qtbot.keyClick(window.phrase_panel.query, Keys.Key.Key_Return)  # Enter goes to the results …
    assert window.editor.lines() == before_enter and window.phrase_panel.results.hasFocus()
    qtbot.keyClick(window.phrase_panel.results, Keys.Key.Key_Return, Keys.KeyboardModifier.ControlModifier)
    assert window.editor.lines()[-1].endswith("狠抓落实")  # … Ctrl+Enter inserts

    # convert simplified → traditional with a preview
    seen = []
    window.convert_dialog("s2t", accept_preview=lambda dialog: seen.append(dialog.windowTitle()) or True)
    qtbot.waitUntil(lambda: bool(seen), timeout=TIMEOUT)
    assert window.editor.lines()[0] == "某某縣發展和改革局2025年工作總結"

    # save, reopen, compare
    qtbot.waitUntil(lambda: window.is_checked(), timeout=TIMEOUT)
    assert window.save()
    assert [p.text for p in open_document(sample_copy).paragraphs] == window.editor.lines()
    assert not window.windowTitle().startswith("*")


def test_findings_appear_as_you_type(qtbot, window: MainWindow, sample_copy: Path):
    open_and_wait(qtbot, window, sample_copy)
    before = len(window.findings)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("咱们要好好干。")
    qtbot.waitUntil(lambda: window.is_checked() and len(window.findings) > before,
                    timeout=TIMEOUT)
    assert {"咱们", "好好"} <= {f.text for f in window.findings if f.paragraph == len(window.editor.lines()) - 1}


def test_recovers_from_an_autosave(windows, sample_copy: Path, monkeypatch):
    lines = [p.text for p in open_document(sample_copy).paragraphs]
    lines[1] = "崩溃前写下但没有保存的一段话。"
    autosave.save(sample_copy, lines)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window = windows()
    window.offer_recovery()
    assert window.editor.lines() == lines and window.document.path == sample_copy
    assert window.windowTitle().startswith("*")
    assert [s.lines for s in autosave.stored()] == [lines]  # still kept: the recovered text is not saved yet


def test_autosave_writes_the_editor_text(qtbot, window: MainWindow, sample_copy: Path):
    open_and_wait(qtbot, window, sample_copy)
    window.editor.appendPlainText("新加的一段。")
    window.autosave_now()
    snapshot = autosave.stored()[0]
    assert snapshot.lines == window.editor.lines() and snapshot.source == str(sample_copy)



def test_autosave_happens_by_itself_at_the_interval_set_in_options(qtbot, window: MainWindow, sample_copy: Path,
                                                                   monkeypatch):
    """Nothing calls autosave_now here: the snapshot appears by itself, at the interval set in
    选项 (3 minutes), not earlier. The test's clock runs a thousand times fast: what the window
    asks of its autosave timer is passed on with a minute taken as 60 ms."""
    import time

    from PySide6.QtCore import QTimer

    from assistant.core.settings import Settings

    timer = window.autosave_timer
    monkeypatch.setattr(timer, "start", lambda interval_ms: QTimer.start(timer, interval_ms // 1000))
    open_and_wait(qtbot, window, sample_copy)
    window.editor.appendPlainText("新加的一段。")

    def three_minutes(dialog) -> bool:
        dialog.autosave.setValue(3)
        dialog._accept()
        return True

    asked_at = time.monotonic()
    window.show_options(accept=three_minutes)
    assert Settings.load().autosave_minutes == 3
    qtbot.waitUntil(lambda: bool(autosave.stored()), timeout=TIMEOUT)
    assert time.monotonic() - asked_at >= 0.9 * 3 * 60 / 1000  # Qt's coarse timers may fire 5 % early
    snapshot = autosave.stored()[0]
    assert snapshot.lines == window.editor.lines() and snapshot.source == str(sample_copy)


def test_bad_file_shows_a_message_and_the_window_still_works(qtbot, window: MainWindow, monkeypatch, sample_copy):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append(text))
    window.open_path(ROOT / "tests" / "_files" / "old_binary.doc")
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    assert "另存为" in shown[0]
    open_and_wait(qtbot, window, sample_copy)
    assert window.editor.lines()[0] == "某某县发展和改革局2025年工作总结"


def test_line_breaks_inside_a_paragraph_stay_inside_it(qtbot, window: MainWindow, tmp_path: Path):
    source = peer_copy(tmp_path, "docling__textbox.docx")
    open_and_wait(qtbot, window, source)
    expected = [p.text for p in open_document(source).paragraphs]
    assert any("\u2028" in text for text in expected)
    assert window.editor.lines() == expected
    assert window.save()
    assert [p.text for p in open_document(source).paragraphs] == expected


def test_exports_from_the_window(qtbot, window: MainWindow, sample_copy: Path, tmp_path: Path, monkeypatch):
    from assistant.core.export import fonts as font_check
    from assistant.core.gongwen_page import GongwenSettings
    from tests.fonts import write_font

    for family in ("仿宋", "楷体"):  # this PC has the fallbacks of 仿宋_GB2312 and 楷体_GB2312
        write_font(tmp_path / "fonts", family)
    monkeypatch.setattr(font_check, "font_folders", lambda: [tmp_path / "fonts"])
    open_and_wait(qtbot, window, sample_copy)
    window.editor.appendPlainText("这是导出前刚加的一段。")
    target = tmp_path / "公文.docx"

    def choose_fallbacks(dialog) -> bool:
        dialog.use_fallbacks.setChecked(True)
        return True

    window.export_gongwen_dialog(target, confirm_fonts=choose_fallbacks, confirm_elements=lambda dialog: True)
    qtbot.waitUntil(lambda: window.operation.ended and target.exists(), timeout=TIMEOUT)
    exported = open_document(target)
    assert "这是导出前刚加的一段。" in [p.text for p in exported.paragraphs]
    assert exported.paragraphs[0].text == window.editor.lines()[0]
    settings = GongwenSettings(use_fallback_fonts=True)
    missing = {name for name in settings.standard_fonts if name not in font_families()}
    assert {"方正小标宋简体", "仿宋_GB2312"} <= missing, "this test expects a machine without the 公文 fonts"
    fonts = {f.get(f"{W}eastAsia") for f in document_xml(target).iter(f"{W}rFonts")} - {None}
    assert fonts <= set(settings.standard_fonts) | {"仿宋", "楷体"}
    assert "仿宋" in fonts and "仿宋_GB2312" not in fonts
    assert "方正小标宋简体" in fonts  # its fallback 宋体 is not on this PC: the standard name stays

    reviewed = tmp_path / "批注版.docx"
    window.export_review_dialog(reviewed)
    qtbot.waitUntil(lambda: window.operation.ended and reviewed.exists(), timeout=TIMEOUT)
    comments = {c.get(f"{W}id") for c in part_xml(reviewed, "word/comments.xml").iter(f"{W}comment")}
    assert len(comments) == len(window.findings) > 0


def test_results_of_an_older_check_apply_only_to_unchanged_paragraphs(qtbot, window: MainWindow, sample_copy: Path):
    open_and_wait(qtbot, window, sample_copy)
    session = window.session
    job = session.check_job()  # a check of the text as it is now …
    last = len(window.editor.lines()) - 1
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("咱们要好好干。")  # … and an edit in the last paragraph before it comes back
    window._sync()
    before = {f.paragraph for f in session.findings}
    assert session.apply_check(job(lambda done, total: None)) is False
    after = session.findings
    assert last not in {f.paragraph for f in after}, "findings of the edited paragraph were applied"
    assert {f.paragraph for f in after} == before - {last} and len(before) > 3


def test_findings_are_underlined_only_where_their_text_still_stands(qtbot, window: MainWindow, sample_copy: Path):
    open_and_wait(qtbot, window, sample_copy)
    finding = next(f for f in window.findings if f.text == "搞好")
    assert window.editor.cursor_for(finding).selectedText() == "搞好"
    cursor = window.editor.cursor_for(finding)
    cursor.insertText("做好")
    assert window.editor.cursor_for(finding) is None
    assert window.editor.replace_finding(finding, "抓好") is False


def test_saving_discards_the_autosave(qtbot, window: MainWindow, sample_copy: Path):
    open_and_wait(qtbot, window, sample_copy)
    window.editor.appendPlainText("新加的一段。")
    window.autosave_now()
    assert autosave.stored()
    assert window.save()
    assert not autosave.stored()


def test_main_py_starts_the_gui_offscreen(tmp_path: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GONGWEN_QUIT_WHEN_SHOWN": "1"}
    result = subprocess.run([sys.executable, "main.py", str(SAMPLE)], cwd=ROOT, capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert "WINDOW-SHOWN" in result.stdout


def test_create_window_opens_the_sample_by_default(qtbot, windows):
    window = windows(create_window(None))
    qtbot.waitUntil(lambda: window.document.path == SAMPLE, timeout=TIMEOUT)
    assert "sample_draft.docx" in window.windowTitle()


def test_the_window_shows_before_the_core_loads_and_then_checks_its_draft(qtbot, windows):
    """create_window builds the window without the checker, the phrase bank or the dictionary; once
    the event loop runs they load off the UI thread, the draft opens and its first check is shown."""
    window = windows(create_window(SAMPLE))
    assert window.checker is None and window.bank is None and not window.is_checked()
    window.show()
    qtbot.waitUntil(lambda: window.checker is not None and window.document.path == SAMPLE, timeout=TIMEOUT)
    qtbot.waitUntil(window.is_checked, timeout=TIMEOUT)
    assert window.findings and window.findings_panel.findings == window.findings
    assert window.phrase_panel.results.count() > 0  # the bank reached the phrase panel


def test_the_start_reads_the_draft_then_loads_the_core_on_one_worker_thread(qtbot, windows, monkeypatch):
    """Read and loaded side by side, two busy workers took the interpreter lock from the window in
    turn (bench/ui_stall.py --trace, 60,000 findings): the draft is read first, the core after it,
    both on the window's serial thread, then the check; each with the cyclic collector paused (a full
    collection in the draft's read held the lock 78 ms)."""
    import gc

    from assistant.gui import main_window, ops

    ran: list[tuple[str, int, bool]] = []

    def noted(name, work):
        return lambda *args, **kwargs: ran.append((name, threading.get_ident(), gc.isenabled())) or work(*args, **kwargs)

    monkeypatch.setattr(ops, "open_document", noted("draft", ops.open_document))
    monkeypatch.setattr(main_window, "load_core", noted("core", main_window.load_core))
    monkeypatch.setattr(Checker, "check", noted("check", Checker.check))
    window = windows(create_window(SAMPLE))
    window.show()
    qtbot.waitUntil(lambda: window.document.path == SAMPLE and window.is_checked(), timeout=TIMEOUT)
    assert [name for name, _, _ in ran][:3] == ["draft", "core", "check"]
    assert len({thread for _, thread, _ in ran[:3]}) == 1 and ran[0][1] != threading.get_ident()
    assert not any(collecting for _, _, collecting in ran[:3])


def test_the_core_loads_once_a_long_draft_is_in_the_editor(qtbot, windows, monkeypatch, tmp_path):
    """A long draft fills the editor over several turns; the core's load on the worker took the
    interpreter lock from those turns. It starts when the first check is wanted: the draft filled."""
    from assistant.gui import main_window

    happened: list[str] = []
    monkeypatch.setattr(main_window, "load_core", lambda *args, load=main_window.load_core: happened.append("core") or load(*args))
    draft = tmp_path / "长文稿.txt"
    draft.write_text("\n".join(f"第{n}项工作要抓紧落实到位，" + "各部门要密切配合。" * 40 for n in range(400)), encoding="utf-8")
    window = windows(create_window(draft))
    window.editor.filled.disconnect(window.check_now)  # heard first, then the window's own slot
    window.editor.filled.connect(lambda: happened.append("filled"))
    window.editor.filled.connect(window.check_now)
    window.show()
    qtbot.waitUntil(lambda: window.document.path == draft and window.is_checked(), timeout=TIMEOUT)
    assert happened == ["filled", "core"]


def test_a_start_whose_draft_cannot_be_opened_still_loads_the_core(qtbot, windows, monkeypatch, tmp_path):
    """No check is wanted when the draft fails to open: the core loads anyway, for the next draft and
    the phrase panel."""
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_rest: warned.append(text))
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip")
    window = windows(create_window(broken))
    window.show()
    qtbot.waitUntil(lambda: window.checker is not None, timeout=TIMEOUT)
    assert warned and window.phrase_panel.results.count() > 0


def test_a_start_whose_draft_opening_is_cancelled_still_loads_the_core(qtbot, windows, monkeypatch):
    from assistant.gui import ops

    cancelled = threading.Event()
    monkeypatch.setattr(ops, "open_document", lambda *args, read=ops.open_document, **kwargs: cancelled.wait(10) and read(*args, **kwargs))
    window = windows(create_window(SAMPLE))
    window.show()
    qtbot.waitUntil(lambda: window.operation is not None, timeout=TIMEOUT)
    window.operation.dialog.canceled.emit()  # 取消
    cancelled.set()
    qtbot.waitUntil(lambda: window.checker is not None and window.operation.ended, timeout=TIMEOUT)
    assert window.document.path is None and window.phrase_panel.results.count() > 0


def test_opencc_is_built_before_the_window_and_threads_switch_often(qtbot, windows, monkeypatch):
    """OpenCC's constructor holds the interpreter lock ~100 ms: built on the worker after the window
    showed, it froze the window. The app builds it first, and lets the UI thread in every millisecond."""
    from assistant.core import conversion
    monkeypatch.setattr(MainWindow, "start", lambda self, path: None)  # no core loading behind the test
    monkeypatch.setattr(sys, "setswitchinterval", lambda seconds: switched.append(seconds))
    switched: list[float] = []
    conversion.opencc_for.cache_clear()
    windows(create_window(None))
    assert conversion.opencc_for.cache_info().currsize >= 2 and switched and max(switched) <= 0.001


def test_showing_the_window_imports_nothing_a_check_or_a_bank_build_needs(tmp_path: Path):
    """The start path: main.py's module imports and the window up to show() load no jieba, no CLI,
    no phrase-bank builder and no rules (they load after the window is on screen)."""
    code = ("import sys\n"
            "from assistant.__main__ import main\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from assistant.gui.app import create_window\n"
            "create_window(None).show()\n"
            "heavy = ['jieba', 'jieba.posseg', 'assistant.cli', 'assistant.core.phrasebank.extract',\n"
            "         'assistant.core.phrasebank.build', 'assistant.core.checker_setup', 'assistant.core.checker.engine']\n"
            "print([name for name in heavy if name in sys.modules])\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GONGWEN_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_my_phrases_can_be_added_edited_and_deleted(qtbot, window: MainWindow, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    answers = iter([("压茬推进", True), ("落实执行", True), ("压茬推进、久久为功", True), ("落实执行", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: next(answers))
    window.editor.setPlainText("要压茬推进各项工作。")
    cursor = window.editor.textCursor()
    cursor.setPosition(1)
    cursor.setPosition(5, cursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    window.add_selection_to_phrases()
    mine = [p for p in window.bank.phrases if p.user]
    assert [(p.text, p.category) for p in mine] == [("压茬推进", "落实执行")]
    window.phrase_panel.edit_user_phrase(mine[0])
    assert [p.text for p in window.bank.phrases if p.user] == ["压茬推进、久久为功"]
    window.phrase_panel.delete_user_phrase(next(p for p in window.bank.phrases if p.user))
    assert not [p for p in window.bank.phrases if p.user]
    from assistant.core.phrasebank.bank import PhraseBank

    assert not [p for p in PhraseBank.load().phrases if p.user]


def test_cancelling_an_import_applies_nothing(qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    from assistant.gui import files

    from assistant.core.phrasebank.bank import PhraseBank

    folder = tmp_path / "材料"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number}.txt").write_text("要坚持刀刃向内、自我革命，守正创新、勇毅前行。\n", encoding="utf-8")
    monkeypatch.setattr(files, "ask_folder", lambda *args, **kwargs: folder)
    import time

    import assistant.core.phrasebank.build as build_module  # what the import operation reads with
    real_read_folder = build_module.read_folder

    def slow_read_folder(path, notes, progress):  # a long import: reports progress until cancelled
        for step in range(100):
            progress(step, 100)
            time.sleep(0.01)
        return real_read_folder(path, notes, progress)

    monkeypatch.setattr(build_module, "read_folder", slow_read_folder)
    user_bank = PhraseBank.user_path()
    window.import_phrases_dialog()
    qtbot.wait(100)
    window.operation.cancel()
    qtbot.waitUntil(lambda: window.operation.ended, timeout=TIMEOUT)
    qtbot.wait(50)
    assert not user_bank.exists(), "the import went on after 取消 and wrote the user's bank"
    assert not [p for p in window.bank.phrases if p.user]
    assert not window.operation.dialog.isVisible()


def test_conversion_from_the_window_keeps_run_formatting(qtbot, window: MainWindow, tmp_path: Path):
    import docx

    from tests.conftest import W, body_paragraphs

    built = docx.Document()
    paragraph = built.add_paragraph()
    paragraph.add_run("我们使用云").bold = True
    paragraph.add_run("计算和U盘")
    source = tmp_path / "用词.docx"
    built.save(source)
    open_and_wait(qtbot, window, source)
    window.convert_dialog("s2twp", accept_preview=lambda dialog: True)
    qtbot.waitUntil(lambda: window.operation.ended, timeout=TIMEOUT)
    assert window.editor.lines()[0] == "我們使用雲端計算和隨身碟"
    assert window.save()
    runs = ["".join(t.text for t in r.iter(f"{W}t")) for r in body_paragraphs(source)[0].iter(f"{W}r")]
    assert runs == ["我們使用雲端", "計算和隨身碟"]


def test_ignore_here_hides_only_that_place(qtbot, window: MainWindow, sample_copy: Path):
    open_and_wait(qtbot, window, sample_copy)
    window.editor.appendPlainText("这个做法挺好。那个做法挺好。")
    qtbot.waitUntil(lambda: window.is_checked() and
                    len([f for f in window.findings if f.text == "挺"]) == 2, timeout=TIMEOUT)
    first = next(f for f in window.findings if f.text == "挺")
    window.editor.ignore_here.emit(first)
    qtbot.waitUntil(lambda: window.is_checked() and
                    len([f for f in window.findings if f.text == "挺"]) == 1, timeout=TIMEOUT)
    remaining = next(f for f in window.findings if f.text == "挺")
    assert remaining.start > first.start


def test_recent_files_and_window_layout_are_kept_in_the_settings(qtbot, windows, sample_copy: Path):
    from assistant.core.settings import Settings

    first = windows()
    first.show()
    open_and_wait(qtbot, first, sample_copy)
    first.resize(900, 640)
    first.close()
    saved = Settings.load()
    assert saved.recent_files[0] == str(sample_copy) and {"geometry", "state"} <= set(saved.window)
    second = windows()
    assert second.height() == 640 and second.settings.recent_files[0] == str(sample_copy)  # not the default 800
    assert [a.text() for a in second.recent_menu.actions()] == [str(sample_copy)]


def test_fix_all_of_one_group_keeps_formatting_and_undoes_in_one_step(qtbot, window: MainWindow, tmp_path: Path):
    import docx

    from tests.conftest import W, body_paragraphs

    built = docx.Document()
    for number in range(60):
        paragraph = built.add_paragraph()
        paragraph.add_run(f"第{number}项工作,").bold = True
        paragraph.add_run("要抓紧,抓实,抓好,落实到位。")
    source = tmp_path / "标点.docx"
    built.save(source)
    open_and_wait(qtbot, window, source)
    original = window.editor.lines()
    panel = window.findings_panel
    group = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                 if "“,”" in panel.tree.topLevelItem(i).text(0))
    members = panel.group_findings(group)
    assert len(members) == 240 and group.text(0).endswith("×240")
    menu = panel.context_menu_for(group)
    fix_action = next(a for a in menu.actions() if a.text().startswith("全部修正（240 处）"))
    previews = []
    window.fix_findings(members, accept_preview=lambda dialog: previews.append(dialog) or True)
    assert fix_action and previews and "240 处" in previews[0].windowTitle()
    assert not any("," in line for line in window.editor.lines())
    assert window.save()
    runs = [(run.find(f"{W}rPr/{W}b") is not None, "".join(t.text for t in run.iter(f"{W}t")))
            for run in body_paragraphs(source)[0].iter(f"{W}r")]
    assert runs == [(True, "第0项工作，"), (False, "要抓紧，抓实，抓好，落实到位。")]
    window.editor.undo()
    assert window.editor.lines() == original


def test_keyboard_only_walk(qtbot, window: MainWindow, sample_copy: Path):
    from PySide6.QtCore import Qt as Keys

    open_and_wait(qtbot, window, sample_copy)
    window.activateWindow()
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus, timeout=TIMEOUT)
    seen = []
    for _ in range(5):
        qtbot.keyClick(window.editor, Keys.Key.Key_F8)
        seen.append(window.editor.textCursor().selectedText())
        assert window.findings_panel.tree.currentItem() is not None
    assert all(seen) and len(set(seen)) >= 3
    before = window.editor.toPlainText()
    applied = 0
    for _ in range(12):
        if applied == 2:
            break
        finding = window.editor.finding_at(window.editor.textCursor().selectionStart())
        if finding is not None and finding.suggestions:
            qtbot.keyClick(window.editor, Keys.Key.Key_Return, Keys.KeyboardModifier.AltModifier)
            applied += 1
        qtbot.keyClick(window.editor, Keys.Key.Key_F8)
    assert applied == 2 and window.editor.toPlainText() != before
    qtbot.keyClick(window.editor, Keys.Key.Key_S, Keys.KeyboardModifier.ControlModifier)
    assert not window.windowTitle().startswith("*")
    assert [p.text for p in open_document(sample_copy).paragraphs] == window.editor.lines()


def test_options_restore_an_ignored_word_turn_a_rule_off_and_keep_general_settings(qtbot, window: MainWindow,
                                                                                  sample_copy: Path):
    from PySide6.QtCore import Qt as Flags

    from assistant.core.settings import Settings

    open_and_wait(qtbot, window, sample_copy)
    gaohao = next(f for f in window.findings if f.text == "搞好")
    window.editor.accept_word.emit(gaohao)
    assert not [f for f in window.findings if f.text == "搞好"]

    def restore_word_and_turn_off_stutter(dialog) -> bool:
        ignored = dialog.ignored
        item = next(ignored.item(i) for i in range(ignored.count()) if ignored.item(i).text() == "词语：搞好")
        item.setSelected(True)
        dialog._restore_selected()
        tree = dialog.rules_tree
        rules = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                 for j in range(tree.topLevelItem(i).childCount())]
        next(r for r in rules if r.data(0, Flags.ItemDataRole.UserRole) == "rule:stutter").setCheckState(
            0, Flags.CheckState.Unchecked)
        dialog.font_size.setValue(18)
        dialog.author.setText("县政府办公室")
        dialog._accept()
        return True

    window.show_options(accept=restore_word_and_turn_off_stutter)
    qtbot.waitUntil(lambda: window.is_checked() and any(f.text == "搞好" for f in window.findings), timeout=TIMEOUT)
    saved = Settings.load()
    assert "搞好" not in saved.checker.ignored_words and saved.checker.disabled_rules == {"stutter"}
    assert (saved.font_size, saved.author) == (18, "县政府办公室") and window.editor.font().pointSize() == 18
    window.editor.appendPlainText("要加强加强管理。")  # a stutter (see the rule's examples)
    qtbot.waitUntil(window.is_checked, timeout=TIMEOUT)
    assert not [f for f in window.findings if f.rule == "stutter"]
    assert [f.rule for f in Checker().check(["要加强加强管理。"])] == ["stutter"]


def test_a_damaged_settings_file_is_reported_once_the_window_shows(windows, monkeypatch):
    from assistant.core.settings import Settings

    Settings.path().write_text("{damaged", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append(text))
    window = windows()
    window.show_start_notes()
    assert len(shown) == 1 and "settings.json" in shown[0] and "已损坏" in shown[0]


def test_f1_opens_the_help(qtbot, window: MainWindow):
    action = next(a for menu in window.menuBar().actions() for a in menu.menu().actions() if a.text() == "使用说明")
    assert action.shortcut().toString() == "F1"
    action.trigger()
    assert window.help_window.isVisible() and window.help_window.windowTitle() == "使用说明"


def test_closing_a_rule_is_confirmed_and_undone_from_the_status_bar(qtbot, window: MainWindow, sample_copy: Path,
                                                                     monkeypatch):
    from assistant.core.settings import Settings

    open_and_wait(qtbot, window, sample_copy)
    finding = next(f for f in window.findings if f.category == "colloquial")
    count = len([f for f in window.findings if f.rule == finding.rule])
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.No)
    window.editor.ignore_rule.emit(finding)
    assert asked and len([f for f in window.findings if f.rule == finding.rule]) == count  # declined: nothing changes
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window.editor.ignore_rule.emit(finding)
    assert not [f for f in window.findings if f.rule == finding.rule]
    assert finding.rule in Settings.load().checker.disabled_rules and window.undo_button.isVisible()
    window.undo_button.click()
    assert finding.rule not in Settings.load().checker.disabled_rules and not window.undo_button.isVisible()
    qtbot.waitUntil(lambda: window.is_checked() and len([f for f in window.findings if f.rule == finding.rule]) == count,
                    timeout=TIMEOUT)


def test_an_overused_word_lists_all_its_places_and_each_fix_is_one_undo(qtbot, window: MainWindow, tmp_path: Path):
    source = tmp_path / "推进.txt"
    source.write_text("".join(f"第{n}项工作要持续推进基层治理，确保取得实效。\n" for n in range(40)), encoding="utf-8")
    open_and_wait(qtbot, window, source)

    def group_of(word: str):
        tree = window.findings_panel.tree
        return next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                    if tree.topLevelItem(i).text(0).startswith(f"“{word}”全文用了"))

    group = group_of("推进")
    group.setExpanded(True)
    assert "40 次" in group.text(0) and group.childCount() == 40
    underlined = [s.cursor.selectedText() for s in window.editor.extraSelections()]
    assert underlined.count("推进") == 1, "a document-wide finding is underlined once, listed 40 times"
    for row in (0, 1, 2):
        finding = window.findings_panel.finding_of(group.child(row))
        assert window.editor.replace_finding(finding, "推动")
    assert window.editor.toPlainText().count("推进") == 37
    qtbot.waitUntil(window.is_checked, timeout=TIMEOUT)
    regrouped = group_of("推进")
    regrouped.setExpanded(True)
    assert "37 次" in regrouped.text(0) and regrouped.childCount() == 37
    window.editor.undo()
    assert window.editor.toPlainText().count("推进") == 38


def test_health_check_compares_with_the_last_one_and_the_reviewed_copy_uses_the_settings(
        qtbot, window: MainWindow, sample_copy: Path, tmp_path: Path):
    open_and_wait(qtbot, window, sample_copy)
    shown = []
    window.health_check(show=shown.append)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=60000)
    assert shown[0].windowTitle() == "文稿体检" and shown[0].previous is None
    window.editor.appendPlainText("要进一步加强学习，加强管理，加强监督。")
    qtbot.waitUntil(window.is_checked, timeout=TIMEOUT)
    window.health_check(show=shown.append)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=TIMEOUT)
    assert shown[1].previous is shown[0].report

    window.settings.author, window.settings.review_with_health = "县政府办公室", True
    reviewed = tmp_path / "批注版.docx"
    window.export_review_dialog(reviewed)
    qtbot.waitUntil(lambda: window.operation.ended and reviewed.exists(), timeout=60000)
    authors = {c.get(f"{W}author") for c in part_xml(reviewed, "word/comments.xml").iter(f"{W}comment")}
    assert authors == {"县政府办公室"}
    assert open_document(reviewed).paragraphs[0].text.startswith("文稿体检")


def test_saving_over_a_read_only_file_asks_first(qtbot, window: MainWindow, sample_copy: Path, monkeypatch):
    open_and_wait(qtbot, window, sample_copy)
    sample_copy.chmod(0o444)
    window.editor.appendPlainText("新加的一段。")
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: next(answers))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: None)  # a refusal must not wait for a click
    assert window.save() is False and "新加的一段。" not in [p.text for p in open_document(sample_copy).paragraphs]
    assert window.save() is True and "新加的一段。" in [p.text for p in open_document(sample_copy).paragraphs]
