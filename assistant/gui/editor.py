"""The draft editor: one paragraph per block, findings as coloured wavy underlines, a context menu
with the finding's suggestions, zoom, and marks for table and text-box paragraphs."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import attrgetter

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QContextMenuEvent, QKeyEvent, QKeySequence, QTextBlock, QTextCharFormat, QTextCursor,
                           QTextFormat, QWheelEvent)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from ..core.checker.model import CATEGORY_COLOURS, Finding
from .steps import SLICE, Steps

LOCATION_TINTS = {"table": "#f1f6ff", "textbox": "#f7f3e8"}
MIN_POINT_SIZE, MAX_POINT_SIZE = 9, 40
SCREENS_AROUND = 1  # screens of paragraphs underlined above and below the one shown
FILL_SLICE = 2000  # at most this many paragraphs of a new draft put in per event-loop turn,
FILL_CHARACTERS = 25_000  # and, but for one longer paragraph, this many characters (100,000 took ~25 ms)


class DraftEditor(QPlainTextEdit):
    """Signals ask the window to act, so the editor stays a view: it never touches the core."""

    ignore_here = Signal(object)
    ignore_rule = Signal(object)
    accept_word = Signal(object)
    settled_edit = Signal()  # a fix, a conversion, an undo or a redo: complete at once, unlike typing
    filled = Signal()  # the text given to set_paragraphs is all in

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = self.font()
        font.setPointSize(14)
        self.setFont(font)
        self.findings: list[Finding] = []
        self._by_paragraph: dict[int, list[Finding]] = {}
        self._ordered: list[Finding] = []  # in reading order, for F8
        self._order_keys: list[tuple[int, int]] = []
        self._first_place: dict[str, Finding] = {}  # the underlined place of each document-wide finding
        self._location_marks: list[QTextEdit.ExtraSelection] = []
        self._indexing = Steps(self)
        self._filling = Steps(self)
        self._raw: str | None = None  # the text as last read, until the next change
        self.document().contentsChanged.connect(self._forget_text)
        self._scrolled = QTimer(self, singleShot=True, interval=30, timeout=self._underline_visible)
        self.verticalScrollBar().valueChanged.connect(self._scrolled.start)

    # -- content -------------------------------------------------------------------------------
    def raw_text(self) -> str:
        """The whole text, blocks separated by U+2029 (never inside one), read once per change: a
        fix is followed by the check's sync and the status counts, each of which read all of it
        (~5 ms at 370,000 characters)."""
        if self._raw is None:
            self._raw = self.document().toRawText()
        return self._raw

    def _forget_text(self) -> None:
        self._raw = None

    def lines(self) -> list[str]:
        """The paragraphs' texts."""
        return self.raw_text().split("\u2029")

    def set_paragraphs(self, texts: list[str], locations: list[str]) -> None:
        """A new draft's text, unmodified. A long one goes in a slice of paragraphs per event-loop
        turn (``fill_slices``; ``filling``, read-only meanwhile, no undo step), then ``textChanged``
        and ``filled``; a short one at once, with ``textChanged`` only."""
        self._filling.start(self._fill(texts, locations), lambda long: long and self.filled.emit())

    def filling(self) -> bool:
        return self._filling.busy()

    def stop_filling(self) -> None:
        """The text is being replaced at once (a recovered draft): the rest of a fill is dropped."""
        if self.filling():
            self._filling.start(iter(()), lambda _: None)
            self._end_fill()

    def _fill(self, texts: list[str], locations: list[str]):
        """A generator for ``Steps``; returns whether the fill took more than one turn."""
        self.show_findings([])
        slices = fill_slices(texts)
        if len(slices) <= 1:
            self.setPlainText("\n".join(texts))
        else:
            self.blockSignals(True)
            self.setReadOnly(True)
            self.document().setUndoRedoEnabled(False)
            self.setPlainText("\n".join(texts[:slices[0][1]]))
            self.blockSignals(False)
            for start, stop in slices[1:]:
                yield
                self.blockSignals(True)
                end = QTextCursor(self.document())
                end.movePosition(QTextCursor.MoveOperation.End)
                end.insertText("\n" + "\n".join(texts[start:stop]))
                self.blockSignals(False)
            yield
            self._end_fill()
            self.textChanged.emit()
            yield
        self.document().setModified(False)
        self._location_marks = []
        for index, location in enumerate(locations):
            if location in LOCATION_TINTS:
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(QColor(LOCATION_TINTS[location]))
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.cursor = QTextCursor(self.document().findBlockByNumber(index))
                self._location_marks.append(selection)
        self._underline_visible()
        return len(slices) > 1

    def _end_fill(self) -> None:
        self.document().setUndoRedoEnabled(True)
        self.setReadOnly(False)

    def selected_spans(self) -> list[tuple[int, int, int]] | None:
        """(paragraph, start, end) for each paragraph the selection touches; None: no selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        document = self.document()
        first, last = document.findBlock(cursor.selectionStart()), document.findBlock(cursor.selectionEnd())
        spans = []
        for number in range(first.blockNumber(), last.blockNumber() + 1):
            block = document.findBlockByNumber(number)
            start = max(cursor.selectionStart() - block.position(), 0)
            end = min(cursor.selectionEnd() - block.position(), len(block.text()))
            spans.append((number, start, end))
        return spans

    def replace_paragraphs(self, texts: list[tuple[int, str]]) -> None:
        """New text for whole paragraphs (a conversion), as one undoable step."""
        edit = self.textCursor()
        edit.beginEditBlock()
        for index, new in texts:
            block = self.document().findBlockByNumber(index)
            line = QTextCursor(block)
            line.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            line.insertText(new)
        edit.endEditBlock()
        self.settled_edit.emit()

    # -- findings ------------------------------------------------------------------------------
    def show_findings(self, findings: list[Finding]) -> None:
        """Underline ``findings``. Only the paragraphs on screen and some either side carry
        underlines (rebuilt after scrolling), so 30,000 findings cost what a screenful does; the
        findings are indexed a slice per event-loop turn (``indexing``), the old underlines stay
        until the new index is complete."""
        self._indexing.start(_indexed(findings), self._take_index)

    def indexing(self) -> bool:
        return self._indexing.busy()

    def _take_index(self, index) -> None:
        self.findings, self._by_paragraph, self._first_place, self._ordered, self._order_keys = index
        self._underline_visible()

    def _underline_visible(self) -> None:
        """Underline the findings on screen and a screenful of text either side (a page up or
        down finds its underlines drawn), found by bisection in reading order. Counted in
        characters, not paragraphs: one pasted paragraph can hold 60,000 findings (underlining all
        of them held the window for minutes), and 150 paragraphs either side of a screen of short
        lines held 1,100 (~15 µs each to build, 25 ms a turn)."""
        document, viewport = self.document(), self.viewport()
        top = self.cursorForPosition(QPoint(0, 0)).position()
        bottom = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        around = (bottom - top) * SCREENS_AROUND
        low, high = max(0, top - around), min(bottom + around, document.characterCount() - 1)
        first_block, last_block = document.findBlock(low), document.findBlock(high)
        first = bisect_left(self._order_keys, (first_block.blockNumber(), low - first_block.position()))
        last = bisect_right(self._order_keys, (last_block.blockNumber(), high - last_block.position()))
        selections = list(self._location_marks)
        block, text = QTextBlock(), ""
        for finding in self._ordered[first:last]:
            if finding.document_level and self._first_place.get(finding.message) is not finding:
                continue  # a document-wide finding is underlined once; the panel lists every place
            if block.blockNumber() != finding.paragraph:
                block = document.findBlockByNumber(finding.paragraph)
                text = block.text()  # once per paragraph: a pasted one is 360,000 characters
            cursor = _cursor_in(block, text, finding)
            if cursor is None:
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            selection.format.setUnderlineColor(QColor(CATEGORY_COLOURS.get(finding.category, "#e03131")))
            selections.append(selection)
        self.setExtraSelections(selections)

    def cursor_for(self, finding: Finding) -> QTextCursor | None:
        block = self.document().findBlockByNumber(finding.paragraph)
        return _cursor_in(block, block.text(), finding)

    def finding_at(self, position: int) -> Finding | None:
        block = self.document().findBlock(position)
        offset = position - block.position()
        for finding in self._by_paragraph.get(block.blockNumber(), ()):
            if finding.start <= offset <= finding.end:
                return finding
        return None

    def jump_to(self, finding: Finding) -> None:
        cursor = self.cursor_for(finding)
        if cursor is not None:
            self.setTextCursor(cursor)
            self.centerCursor()
            self.setFocus()

    def next_finding(self, forward: bool = True) -> Finding | None:
        """Select the next (or previous) finding after (before) the cursor, wrapping around. A
        binary search in the findings kept in reading order: F8 costs the same with 60,000."""
        if not self._ordered:
            return None
        cursor = self.textCursor()
        position = cursor.selectionEnd() if forward else cursor.selectionStart()
        block = self.document().findBlock(position)
        at = bisect_left(self._order_keys, (block.blockNumber(), position - block.position()))
        count = len(self._ordered)
        steps = range(count) if forward else range(-1, -count - 1, -1)
        for step in steps:
            finding = self._ordered[(at + step) % count]
            if self.cursor_for(finding) is not None and not self._selects(finding):
                self.jump_to(finding)
                return finding
        return None

    def _selects(self, finding: Finding) -> bool:
        cursor, wanted = self.textCursor(), self.cursor_for(finding)
        return (cursor.selectionStart(), cursor.selectionEnd()) == (wanted.selectionStart(), wanted.selectionEnd())

    def apply_fixes(self, findings: list[Finding]) -> int:
        """Each finding's first suggestion in place of its text, as one undoable step (全部修正);
        ``findings`` must not overlap. Returns how many were applied."""
        edit = self.textCursor()
        edit.beginEditBlock()
        applied = 0
        for finding in sorted(findings, key=lambda f: (f.paragraph, f.start), reverse=True):
            cursor = self.cursor_for(finding)
            if cursor is not None:
                cursor.insertText(finding.suggestions[0])
                applied += 1
        edit.endEditBlock()
        self.settled_edit.emit()
        return applied

    def replace_finding(self, finding: Finding, replacement: str) -> bool:
        """One undoable edit: the flagged characters become ``replacement``."""
        cursor = self.cursor_for(finding)
        if cursor is None:
            return False
        cursor.insertText(replacement)
        self.settled_edit.emit()
        return True

    def undo_edit(self) -> None:
        self.undo()
        self.settled_edit.emit()

    def redo_edit(self) -> None:
        self.redo()
        self.settled_edit.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        super().keyPressEvent(event)
        if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
            self.settled_edit.emit()

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            finding = self.finding_at(cursor.position())
            if finding is not None:
                from PySide6.QtWidgets import QToolTip

                QToolTip.showText(event.globalPos(), tooltip(finding), self)
                return True
        return super().event(event)

    def context_menu_for(self, position: int) -> QMenu:
        menu = self.createStandardContextMenu()
        finding = self.finding_at(position)
        if finding is None:
            return menu
        first = menu.actions()[0] if menu.actions() else None
        actions = []
        for suggestion in finding.suggestions[:8]:
            action = menu.addAction(f"改为“{suggestion}”" if suggestion else "删除")
            action.triggered.connect(lambda _=False, f=finding, s=suggestion: self.replace_finding(f, s))
            actions.append(action)
        for text, signal in (("忽略此处", self.ignore_here), ("全部忽略（关闭此规则）", self.ignore_rule),
                             (f"加入词表（不再提示“{finding.text}”）", self.accept_word)):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, f=finding, s=signal: s.emit(f))
            actions.append(action)
        title = menu.addSection(finding.message)
        for action in [title] + actions:
            menu.removeAction(action)
        menu.insertActions(first, [title] + actions)
        menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        cursor = self.cursorForPosition(event.pos())
        self.context_menu_for(cursor.position()).exec(event.globalPos())

    # -- zoom ----------------------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        self.set_point_size(self.font().pointSize() + steps)

    def set_point_size(self, size: int) -> None:
        font = self.font()
        font.setPointSize(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size)))
        self.setFont(font)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
        else:
            super().wheelEvent(event)


def _indexed(findings: list[Finding]):
    """The editor's index of ``findings``, built a slice at a time (a generator for ``Steps``): by
    paragraph, the first place of each document-wide finding, and all in reading order."""
    by_paragraph: dict[int, list[Finding]] = {}
    first_place: dict[str, Finding] = {}
    for count, finding in enumerate(findings, 1):
        by_paragraph.setdefault(finding.paragraph, []).append(finding)
        if finding.document_level:
            first_place.setdefault(finding.message, finding)
        if count % SLICE == 0:
            yield
    ordered: list[Finding] = []
    keys: list[tuple[int, int]] = []
    by_start = attrgetter("start")
    for count, paragraph in enumerate(sorted(by_paragraph), 1):
        in_order = sorted(by_paragraph[paragraph], key=by_start)
        ordered += in_order
        keys += [(paragraph, f.start) for f in in_order]
        if count % SLICE == 0:
            yield
    if len(findings) > SLICE:
        yield
    return findings, by_paragraph, first_place, ordered, keys


def fill_slices(texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs a new draft puts in per event-loop turn: at most FILL_SLICE
    of them and FILL_CHARACTERS characters, or one paragraph alone when it is longer. Counted in
    characters too: a 100,000-character draft of 473 paragraphs went in in one turn of ~25 ms."""
    ends = list(accumulate(map(len, texts)))  # characters up to the end of each paragraph
    slices, start = [], 0
    while start < len(texts):
        reach = bisect_right(ends, (ends[start - 1] if start else 0) + FILL_CHARACTERS)
        end = min(start + FILL_SLICE, max(start + 1, reach))
        slices.append((start, end))
        start = end
    return slices


def _cursor_in(block: QTextBlock, text: str, finding: Finding) -> QTextCursor | None:
    """``finding`` selected in ``block`` (whose text is ``text``); None when the text there changed
    since the check (the next check will place it again)."""
    if not block.isValid() or text[finding.start:finding.end] != finding.text:
        return None
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + finding.start)
    cursor.setPosition(block.position() + finding.end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def tooltip(finding: Finding) -> str:
    advice = f"<br>建议：{'、'.join(s or '（删除）' for s in finding.suggestions)}" if finding.suggestions else ""
    return f"<b>{finding.message}</b>{advice}"
