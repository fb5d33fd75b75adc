"""Autosave and recovery in the real window: a snapshot exists only while the draft differs from
its file, and what is offered at start-up was left by a crash, asked about before anything opens."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from assistant.core.document import open_document
from assistant.gui import autosave
from assistant.gui.app import create_window
from assistant.gui.main_window import MainWindow
from tests.conftest import ROOT, SAMPLE
from tests.gui.test_main_window import TIMEOUT, windows  # noqa: F401 (the fixture)

Buttons = QMessageBox.StandardButton

# The window in another process, offscreen: open the draft, type, let the autosave timer write,
# then wait to be killed.
CRASHING_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from assistant.gui.app import create_window

app = QApplication(sys.argv[:1])
window = create_window(Path(sys.argv[1]))
window.show()
while window.document.path is None:
    app.processEvents()
window.editor.appendPlainText("崩溃前写下、没有保存的一段。")
window.autosave_timer.timeout.connect(lambda: print("AUTOSAVED", flush=True))
window.autosave_timer.start(50)
app.exec()
"""


@pytest.fixture
def drafts(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / name for name in ("甲.docx", "乙.docx", "丙.docx")]
    for path in paths:
        path.write_bytes(SAMPLE.read_bytes())
    return paths


@pytest.fixture
def asked(monkeypatch):
    """Every QMessageBox.question asked, answered from ``asked.replies`` (丢弃 when it runs out)."""

    class Asked(list):
        replies: list

    questions = Asked()
    questions.replies = []

    def question(_parent, _title, text, *_rest):
        questions.append(text)
        return questions.replies.pop(0) if questions.replies else Buttons.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return questions


def aged(path: Path, seconds: float) -> None:
    """Date a snapshot ``seconds`` back: it was left by an earlier crash."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["saved_at"] -= seconds
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def start(qtbot, windows, requested: Path):  # noqa: F811 (the fixture)
    window = windows(create_window(requested))
    window.show()
    qtbot.waitUntil(lambda: window.document.path is not None and window.is_checked(), timeout=TIMEOUT)
    return window


def test_undone_replaced_and_discarded_drafts_leave_nothing_to_offer_back(qtbot, windows, drafts, asked):  # noqa: F811
    first, second, third = drafts
    window = start(qtbot, windows, first)
    assert not asked

    window.editor.appendPlainText("写了又撤销的一段。")
    window.autosave_now()
    assert [s.source for s in autosave.stored()] == [str(first)]
    window.editor.undo()  # the draft equals its file again
    assert not window.editor.document().isModified()
    assert not autosave.stored()

    window.new_file()
    window.editor.appendPlainText("新文稿里写的一段。")
    window.autosave_now()
    assert [s.name for s in autosave.stored()] == ["未命名文稿"]
    assert window._may_discard()  # 文件 → 最近打开 → 乙.docx, answered 丢弃
    assert "“未命名文稿”已修改" in asked[-1]
    window.open_path(second)
    qtbot.waitUntil(lambda: window.document.path == second, timeout=TIMEOUT)
    assert not autosave.stored()

    window.editor.appendPlainText("退出前丢弃的一段。")
    window.autosave_now()
    assert autosave.stored()
    window.close()  # 退出, answered 丢弃
    assert "“乙.docx”已修改" in asked[-1]
    assert not autosave.stored()

    questions = len(asked)
    again = start(qtbot, windows, third)
    assert len(asked) == questions  # nothing to recover: no question at the next start
    assert again.document.path == third
    assert again.editor.lines() == [p.text for p in open_document(third).paragraphs]


def test_recovery_is_asked_before_the_requested_file_opens_and_names_both(qtbot, windows, drafts, asked):  # noqa: F811
    first, second, _ = drafts
    lines = [p.text for p in open_document(first).paragraphs]
    lines[1] = "崩溃前写下但没有保存的一段话。"
    autosave.save(first, lines)
    snapshot = autosave.stored()[0]
    asked.replies = [Buttons.Yes]

    window = start(qtbot, windows, second)
    assert window.document.path == first and window.editor.lines() == lines
    assert window.windowTitle().startswith("*甲.docx")
    question = asked[0]
    assert "“甲.docx”" in question and snapshot.when in question and "“乙.docx”暂不打开" in question
    assert first.read_bytes() == SAMPLE.read_bytes()  # recovering wrote nothing to the file
    assert str(second) in window.settings.recent_files
    assert [s.source for s in autosave.stored()] == [str(first)]  # kept safe until it is saved


def test_declining_recovery_removes_the_snapshot_and_opens_the_requested_file(qtbot, windows, drafts, asked):  # noqa: F811
    first, second, _ = drafts
    autosave.save(None, ["没有保存的新文稿。"])
    asked.replies = [Buttons.No]
    window = start(qtbot, windows, second)
    assert "“未命名文稿”（新建后从未保存）" in asked[0]
    assert window.document.path == second and not window.editor.document().isModified()
    assert not autosave.stored()


def test_the_core_loads_while_the_recovery_question_waits_for_its_answer(qtbot, windows, drafts, monkeypatch):  # noqa: F811
    """At a normal start the core loads after the draft is read; when a crash left a draft to offer
    back, it loads while the user reads the question (nothing opens before the answer)."""
    import threading

    from assistant.gui import main_window

    loading = threading.Event()
    monkeypatch.setattr(main_window, "load_core", lambda *args, load=main_window.load_core: loading.set() or load(*args))
    answered_after_loading: list[bool] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_: answered_after_loading.append(loading.wait(timeout=10)) or Buttons.No)
    autosave.save(None, ["没有保存的新文稿。"])
    window = start(qtbot, windows, drafts[0])
    assert answered_after_loading == [True] and window.document.path == drafts[0]


def test_a_killed_window_is_offered_back_at_the_next_start_and_a_running_one_is_not(qtbot, windows, drafts,  # noqa: F811
                                                                                   asked):
    first, second, _ = drafts
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    crashing = subprocess.Popen([sys.executable, "-c", CRASHING_WINDOW, str(first)], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert crashing.stdout.readline().strip() == "AUTOSAVED", crashing.stderr.read()
        other_copy = start(qtbot, windows, second)  # the app started again while the first one runs
        assert not asked and other_copy.document.path == second
        assert [s.source for s in autosave.stored()] == [str(first)]  # the running window's, left alone
        other_copy.close()
    finally:
        os.kill(crashing.pid, signal.SIGKILL)
        crashing.wait(timeout=30)
    assert crashing.returncode == -signal.SIGKILL
    asked.replies = [Buttons.Yes]

    window = start(qtbot, windows, first)
    assert "“甲.docx”" in asked[0]
    assert window.editor.lines()[-1] == "崩溃前写下、没有保存的一段。"
    assert window.document.path == first and window.editor.document().isModified()


def test_an_older_crashed_new_draft_outlives_the_new_drafts_of_this_and_another_window(qtbot, windows, drafts,  # noqa: F811
                                                                                      asked):
    first, second, _ = drafts
    older = ["更早一次崩溃时新文稿里的一段。"]
    aged(autosave.save(None, older), 3600)
    autosave.save(first, [p.text for p in open_document(first).paragraphs] + ["甲的改动。"],
                  target=autosave.folder() / "甲.json")  # a later crash's, named apart whatever names new ones get
    asked.replies = [Buttons.Yes]
    window = start(qtbot, windows, second)
    assert "另有 1 份更早的自动保存内容，下次启动时再询问" in asked[0]
    assert window.save()  # the recovered 甲 is kept in its file

    window.new_file()
    window.editor.appendPlainText("这个窗口新写的一段。")
    window.autosave_now()
    other = windows(MainWindow())  # another window (or copy of the app) with a new draft at the same time
    other.new_file()
    other.editor.appendPlainText("另一个窗口新写的一段。")
    other.autosave_now()
    assert sorted(s.lines[-1] for s in autosave.stored()) == sorted([older[0], "这个窗口新写的一段。", "另一个窗口新写的一段。"])

    window.close()  # 退出, answered 丢弃
    other.close()
    assert [(s.source, s.lines) for s in autosave.pending()] == [(None, older)]  # still asked about at the next start


@pytest.mark.parametrize("replace", ["新建", "最近打开", "退出"])
def test_a_recovered_draft_thrown_away_leaves_nothing_to_offer_back(qtbot, windows, drafts, asked, replace):  # noqa: F811
    first, second, _ = drafts
    lines = [p.text for p in open_document(first).paragraphs] + ["恢复后又丢弃的一段。"]
    autosave.save(first, lines)
    asked.replies = [Buttons.Yes]
    window = start(qtbot, windows, second)
    assert window.editor.lines() == lines and autosave.stored()

    if replace == "新建":
        window.new_file()
    elif replace == "最近打开":
        next(a for a in window.recent_menu.actions() if a.text() == str(second)).trigger()
        qtbot.waitUntil(lambda: window.document.path == second, timeout=TIMEOUT)
    else:
        window.close()
    assert "“甲.docx”已修改" in asked[-1]  # answered 丢弃
    assert not autosave.stored()
