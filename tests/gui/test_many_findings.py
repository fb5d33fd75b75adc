"""Tens of thousands of findings and paragraphs: the editor and the panel take them a slice per
event-loop turn (bench/ui_stall.py times it) and end up exactly where doing it at once would."""

from __future__ import annotations

import gc

import pytest

from PySide6.QtCore import QPoint

from assistant.core.checker.model import Finding
from assistant.gui import tasks
from assistant.gui.editor import FILL_CHARACTERS, FILL_SLICE, DraftEditor, fill_slices
from assistant.gui.findings_panel import PLACE_BATCH, FindingsPanel
from assistant.gui.steps import SLICE

TIMEOUT = 20000
LINE = "第{}项工作,要抓紧,落实到位。"


def commas(paragraphs: int) -> list[Finding]:
    """Two half-width commas per paragraph, listed paragraph by paragraph from the last one (so
    that reading order has to be made), and one typo every thousandth paragraph."""
    found = []
    for paragraph in reversed(range(paragraphs)):
        text = LINE.format(paragraph)
        for start in (text.index(","), text.rindex(",")):
            found.append(Finding("half-width-comma", "punctuation", "warning", paragraph, start, start + 1, ",",
                                 "中文里应使用全角标点：“,”", (("，",)), certain=True))
        if paragraph % 1000 == 0:
            found.append(Finding("typo", "typo", "error", paragraph, 0, 1, "第", "疑似错字", ()))
    return found


def test_a_long_draft_goes_in_whole_unmodified_and_without_undo_steps(qtbot):
    editor = DraftEditor()
    qtbot.addWidget(editor)
    texts = [LINE.format(n) for n in range(FILL_SLICE * 3 + 5)]
    texts[1:3] = ["不间断\u00a0空格与手动\u2028换行", ""]  # kept as they are, like every block's text
    with qtbot.waitSignal(editor.filled, timeout=TIMEOUT):
        editor.set_paragraphs(texts, ["body"] * len(texts))
        assert editor.filling() and editor.isReadOnly()
    assert editor.lines() == texts
    assert not editor.isReadOnly() and not editor.document().isModified()
    assert not editor.document().isUndoAvailable()


def test_a_draft_of_long_paragraphs_goes_in_over_several_turns_whole(qtbot):
    """473 paragraphs of 100,000 characters went in in one turn of ~25 ms: the slices count characters."""
    editor = DraftEditor()
    qtbot.addWidget(editor)
    texts = [LINE.format(n) * 12 for n in range(300)]  # ~65,000 characters in 300 paragraphs
    with qtbot.waitSignal(editor.filled, timeout=TIMEOUT):
        editor.set_paragraphs(texts, ["body"] * len(texts))
        assert editor.filling()
    assert editor.lines() == texts


@pytest.mark.parametrize("lengths", [[18] * (FILL_SLICE * 2 + 7), [200] * 473, [10, FILL_CHARACTERS * 2, 10, 10], [], [5]],
                         ids=["many short", "long paragraphs", "one longer than a slice", "empty", "one"])
def test_the_slices_of_a_new_draft_are_bounded_and_cover_it_in_order(lengths):
    texts = ["字" * length for length in lengths]
    slices = fill_slices(texts)
    assert [i for start, end in slices for i in range(start, end)] == list(range(len(texts)))
    for start, end in slices:
        assert 0 < end - start <= FILL_SLICE
        assert sum(lengths[start:end]) <= FILL_CHARACTERS or end - start == 1
        assert end == len(texts) or sum(lengths[start:end + 1]) > FILL_CHARACTERS or end - start == FILL_SLICE  # full


def test_many_findings_are_underlined_and_walked_in_reading_order(qtbot):
    editor = DraftEditor()
    qtbot.addWidget(editor)
    paragraphs = SLICE  # two findings each: the index takes several turns
    texts = [LINE.format(n) for n in range(paragraphs)]
    editor.set_paragraphs(texts, ["body"] * paragraphs)
    qtbot.waitUntil(lambda: not editor.filling(), timeout=TIMEOUT)
    findings = commas(paragraphs)
    editor.show_findings(findings)
    assert editor.indexing()
    qtbot.waitUntil(lambda: not editor.indexing(), timeout=TIMEOUT)
    assert editor.findings is findings
    assert sorted(s.cursor.selectedText() for s in editor.extraSelections()[:3]) == [",", ",", "第"]  # paragraph 0
    walked = [editor.next_finding() for _ in range(4)]
    assert [(f.paragraph, f.start) for f in walked] == [(0, 0), (0, 5), (0, 9), (1, 5)]


def test_underlines_cover_the_screen_and_a_screen_either_side_and_follow_the_scroll(qtbot):
    """Counted in paragraphs (150 either side), a draft of short lines had 1,100 underlines,
    25 ms a turn to build; a screenful either side is what a page up or down needs."""
    editor = DraftEditor()
    editor.resize(500, 300)
    editor.show()
    qtbot.addWidget(editor)
    paragraphs = 2000
    editor.set_paragraphs([LINE.format(n) for n in range(paragraphs)], ["body"] * paragraphs)
    qtbot.waitUntil(lambda: not editor.filling(), timeout=TIMEOUT)
    editor.show_findings(commas(paragraphs))
    qtbot.waitUntil(lambda: not editor.indexing(), timeout=TIMEOUT)
    screen = editor.cursorForPosition(QPoint(0, editor.viewport().height() - 1)).blockNumber() + 1
    assert 5 < screen < 40

    def underlined() -> set[int]:
        return {s.cursor.block().blockNumber() for s in editor.extraSelections()}

    assert min(underlined()) == 0 and 2 * screen - 2 <= max(underlined()) <= 2 * screen + 1
    editor.verticalScrollBar().setValue(1000)  # the first paragraph shown
    qtbot.waitUntil(lambda: 1000 in underlined(), timeout=TIMEOUT)
    assert 1000 - screen - 1 <= min(underlined()) and max(underlined()) <= 1000 + 2 * screen + 1


def test_one_pasted_paragraph_of_many_findings_is_underlined_only_near_the_screen(qtbot):
    """Underlined whole, the 60,000 findings of a pasted paragraph held the window for minutes."""
    editor = DraftEditor()
    editor.resize(500, 300)
    editor.show()
    qtbot.addWidget(editor)
    lines = [LINE.format(n) for n in range(SLICE)]
    editor.set_paragraphs(["".join(lines)], ["body"])
    qtbot.waitUntil(lambda: not editor.filling(), timeout=TIMEOUT)
    findings, start = [], 0
    for line in lines:  # two commas a line, as commas() lists them for separate paragraphs
        findings += [Finding("half-width-comma", "punctuation", "warning", 0, start + at, start + at + 1, ",",
                             "中文里应使用全角标点：“,”", ("，",), certain=True)
                     for at in (line.index(","), line.rindex(","))]
        start += len(line)
    editor.show_findings(findings)
    qtbot.waitUntil(lambda: not editor.indexing(), timeout=TIMEOUT)
    shown = editor.extraSelections()
    assert 0 < len(shown) < 600 and shown[0].cursor.selectionStart() == findings[0].start
    assert all(s.cursor.selectedText() == "," for s in shown)


def test_the_panel_groups_many_findings_and_lists_only_the_places_looked_at(qtbot):
    panel = FindingsPanel()
    panel.resize(400, 600)
    panel.show()
    qtbot.addWidget(panel)
    paragraphs = SLICE * 3
    findings = commas(paragraphs)
    panel.set_findings(findings, [LINE.format(n) for n in range(paragraphs)])
    assert panel.filling()
    qtbot.waitUntil(lambda: not panel.filling(), timeout=TIMEOUT)
    assert panel.findings is findings
    assert panel.summary.text() == f"共 {len(findings)} 处问题"
    assert panel.category.itemText(0) == f"全部（{len(findings)}）"
    tree = panel.tree
    assert [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())] == [f"{paragraphs // 1000} 处",
                                                                                          f"{2 * paragraphs} 处"]
    commas_group = tree.topLevelItem(1)
    commas_group.setExpanded(True)
    assert commas_group.childCount() == PLACE_BATCH
    tree.scrollToBottom()
    qtbot.waitUntil(lambda: commas_group.childCount() >= 2 * PLACE_BATCH, timeout=TIMEOUT)
    assert commas_group.childCount() < 2 * paragraphs  # not every place became a row
    deep = findings[-3]  # paragraph 0's first comma, listed last but two: far down the group
    panel.select(deep)
    qtbot.waitUntil(lambda: tree.currentItem() is not None and panel.finding_of(tree.currentItem()) == deep,
                    timeout=TIMEOUT)
    assert tree.currentItem().text(0).startswith("第0项工作【,】") and commas_group.childCount() > 2 * paragraphs - 2
    assert commas_group.isExpanded()  # filled closed (far down the group), shown open


def test_a_filter_regroups_and_the_counts_stay(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    findings = commas(SLICE)
    panel.set_findings(findings)
    qtbot.waitUntil(lambda: not panel.filling(), timeout=TIMEOUT)
    panel.category.setCurrentIndex(panel.category.findData("typo"))
    qtbot.waitUntil(lambda: not panel.filling(), timeout=TIMEOUT)
    assert panel.tree.topLevelItemCount() == 1 and panel.summary.text().endswith(f"显示 {SLICE // 1000} 处")
    assert panel.category.itemText(0) == f"全部（{len(findings)}）"


def test_work_with_the_collector_paused_leaves_it_running_and_its_objects_frozen():
    gc.unfreeze()
    kept = tasks.collector_paused(lambda progress: [[n] for n in range(1000)])(lambda done, total: None)
    try:
        assert gc.isenabled() and len(kept) == 1000
        assert gc.get_freeze_count() >= 1000  # later collections do not walk them
    finally:
        gc.unfreeze()


def test_the_index_and_the_groups_are_frozen_out_of_the_collector_a_slice_at_a_time(qtbot):
    """A full collection on the UI thread walked them: 14–21 ms of one turn (ui_stall.py --trace)."""
    gc.unfreeze()
    try:
        editor, panel = DraftEditor(), FindingsPanel()
        qtbot.addWidget(editor)
        qtbot.addWidget(panel)
        findings = commas(SLICE * 2)
        editor.show_findings(findings)
        panel.set_findings(findings)
        assert editor.indexing() and panel.filling()
        halfway = {id(o) for o in gc.get_objects()}
        assert gc.get_freeze_count() > 0 and id(findings[0]) not in halfway  # frozen after the first slice
        qtbot.waitUntil(lambda: not editor.indexing() and not panel.filling(), timeout=TIMEOUT)
        walked = {id(o) for o in gc.get_objects()}
        built = [editor._by_paragraph, *editor._by_paragraph.values(), editor._order_keys, panel._place_of, *panel.groups]
        assert [o for o in built if id(o) in walked] == []
    finally:
        gc.unfreeze()
