"""The phrase bank panel: search, examples with their sources, insertion, 我的短语."""

from __future__ import annotations

import html
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMenu,
                               QTextBrowser, QVBoxLayout, QWidget)

from ..core.phrasebank.sources import source_label

if TYPE_CHECKING:
    from ..core.phrasebank.bank import Phrase, PhraseBank

ALL = "全部"
RESULT_LIMIT = 200
# Items carry an integer index into the panel's results, never the Python object (see findings_panel).
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


class PhrasePanel(QWidget):
    """Search the phrase bank by word, pinyin initials and category as you type; Enter goes to
    the results, a double-click (or Enter in the results, or Ctrl+Enter anywhere in the panel)
    inserts the phrase at the cursor. Alternatives for a flagged word come first. Empty until the
    window has loaded the bank (``set_bank``), which happens after it is shown."""

    insert = Signal(str)
    changed = Signal()  # the user's own phrases were edited: the window reloads the bank

    def __init__(self, bank: PhraseBank | None, parent=None):
        super().__init__(parent)
        self.bank = bank
        self.query = QLineEdit()
        self.query.setPlaceholderText("输入关键词或拼音首字母，如 落实 / hzls")
        self.categories = QComboBox()
        self.results = QListWidget()
        self.example = QTextBrowser()
        self.example.setMaximumHeight(140)
        hint = QLabel("回车：转到结果　双击或 Ctrl+回车：插入到光标处")
        hint.setStyleSheet("color: #666")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.categories)
        layout.addWidget(hint)
        layout.addWidget(self.results, 1)
        layout.addWidget(QLabel("例句与出处"))
        layout.addWidget(self.example)
        self.reload_categories()
        self.query.textChanged.connect(self.search)
        self.query.returnPressed.connect(self._to_results)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._insert_current, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.categories.currentIndexChanged.connect(self.search)
        self.results.currentItemChanged.connect(self._show_example)
        self.results.itemActivated.connect(lambda item: self._insert(item))
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results.customContextMenuRequested.connect(self._menu)
        self.shown: list[Phrase] = []
        self.showing_alternatives = False
        self.search()

    def _to_results(self) -> None:
        self.search()
        if self.results.count():
            self.results.setCurrentRow(next((i for i in range(self.results.count())
                                             if self.results.item(i).flags() & Qt.ItemFlag.ItemIsSelectable), 0))
            self.results.setFocus()

    def set_bank(self, bank: PhraseBank) -> None:
        self.bank = bank
        self.reload_categories()
        self.search()

    def reload_categories(self) -> None:
        self.categories.blockSignals(True)
        self.categories.clear()
        self.categories.addItem(f"{ALL}类别", None)
        for name, count in self.bank.categories() if self.bank else ():
            self.categories.addItem(f"{name}（{count}）", name)
        self.categories.blockSignals(False)

    def search(self) -> None:
        if self.bank is not None:
            self._show(self.bank.search(self.query.text(), category=self.categories.currentData(), limit=RESULT_LIMIT))

    def leave_alternatives(self) -> None:
        """Another draft is open: the last one's alternatives give way to the search; a search already
        listed stays as it is, with the user's place in it (listing it again is ~5 ms of the UI turn
        that opens a draft of 20,000 paragraphs)."""
        if self.showing_alternatives:
            self.search()

    def show_alternatives(self, word: str) -> None:
        """The cursor is on a flagged word: offer its replacements first, then phrases containing it;
        the search box shows the word, so that the box and the list agree (after an insert too)."""
        if self.bank is None:
            return
        self.query.blockSignals(True)
        self.query.setText(word)
        self.query.blockSignals(False)
        alternatives = [p for p in self.bank.alternatives(word) if p.text != word]
        offered = {word} | {a.text for a in alternatives}  # the flagged word is no replacement for itself
        rest = [p for p in self.bank.search(word, limit=50) if p.text not in offered]
        self._show(alternatives + rest, heading=f"“{word}”的替换说法")
        self.showing_alternatives = True

    def _show(self, phrases: list[Phrase], heading: str = "") -> None:
        self.shown = phrases
        self.showing_alternatives = False
        self.results.clear()
        if heading:
            title = QListWidgetItem(heading)
            title.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(title)
        for index, phrase in enumerate(phrases):
            label = kind_name(phrase.kind)
            reason = f"  ·{phrase.reason}" if phrase.reason else ""
            item = QListWidgetItem(f"{phrase.text}    [{label}{'·' + phrase.category if phrase.category else ''}]{reason}")
            item.setData(INDEX_ROLE, index)
            self.results.addItem(item)
        first = 1 if heading else 0
        if self.results.count() > first:
            self.results.setCurrentRow(first)

    def phrase_of(self, item: QListWidgetItem | None) -> Phrase | None:
        index = item.data(INDEX_ROLE) if item is not None else None
        return self.shown[index] if isinstance(index, int) and index < len(self.shown) else None

    def _show_example(self, item: QListWidgetItem | None) -> None:
        phrase = self.phrase_of(item)
        if phrase is None:
            self.example.clear()
            return
        chips = [kind_name(phrase.kind), phrase.category, phrase.function,
                 f"{phrase.documents} 篇文稿使用" if phrase.documents > 1 else ""]
        chip_html = " ".join(f"<span style='background:#eef2f7;color:#334'>&nbsp;{html.escape(c)}&nbsp;</span>"
                             for c in chips if c)
        parts = [f"<p>{chip_html}</p>"] + [
            f"<p>{highlighted(e['sentence'], phrase.text, e.get('start', -1))}<br>"
            f"<span style='color:#666'>出处：{html.escape(source_label(e['source']))}</span></p>"
            for e in phrase.examples[:2]]
        self.example.setHtml("".join(parts) if phrase.examples else chip_html + "（无例句）")

    def _menu(self, point) -> None:
        phrase = self.phrase_of(self.results.itemAt(point))
        if phrase is None:
            return
        menu = QMenu(self)
        menu.addAction("插入到光标处", lambda: self.insert.emit(phrase.text))
        if phrase.user:
            menu.addAction("编辑我的短语…", lambda: self.edit_user_phrase(phrase))
            menu.addAction("从我的短语中删除", lambda: self.delete_user_phrase(phrase))
        menu.exec(self.results.mapToGlobal(point))

    def edit_user_phrase(self, phrase: Phrase | None = None, text: str = "") -> bool:
        """Add (``phrase`` None, ``text`` prefilled) or edit one of the user's own phrases."""
        if self.bank is None:
            return False
        old = phrase.text if phrase else None
        new_text, ok = QInputDialog.getText(self, "我的短语", "短语：", text=old or text)
        if not ok or not new_text.strip():
            return False
        category, ok = QInputDialog.getText(self, "我的短语", "类别：", text=phrase.category if phrase else "我的短语")
        if not ok:
            return False
        self.bank.save_user_phrase(new_text.strip(), category.strip(), replacing=old)
        self.changed.emit()
        return True

    def delete_user_phrase(self, phrase: Phrase) -> None:
        self.bank.delete_user_phrase(phrase.text)
        self.changed.emit()

    def _insert_current(self) -> None:
        """Ctrl+Enter: the chosen result, or the first one when none is chosen yet."""
        item = self.results.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsSelectable:
            item = next((self.results.item(i) for i in range(self.results.count())
                         if self.results.item(i).flags() & Qt.ItemFlag.ItemIsSelectable), None)
        self._insert(item)

    def _insert(self, item: QListWidgetItem | None) -> None:
        phrase = self.phrase_of(item)
        if phrase is not None:
            self.insert.emit(phrase.text)


def highlighted(sentence: str, phrase: str, start: int) -> str:
    """The example as HTML with the phrase (or a frame's first words) in bold colour."""
    anchor = next((piece for piece in phrase.replace("，", "……").split("……") if piece), phrase)
    if not 0 <= start or sentence[start:start + len(anchor)] != anchor:
        start = sentence.find(anchor)
    if start < 0:
        return html.escape(sentence)
    end = start + (len(phrase) if sentence[start:start + len(phrase)] == phrase else len(anchor))
    return (html.escape(sentence[:start]) + f"<b style='color:#c92a2a'>{html.escape(sentence[start:end])}</b>"
            + html.escape(sentence[end:]))


def kind_name(kind: str) -> str:
    """成语俗语, 规范提法…: the phrase builder's names."""
    return kind_names().get(kind, "词语")


@cache
def kind_names() -> dict[str, str]:
    """Imported with the bank, after the window shows; once: under PySide every import statement goes
    through its import hook (~25 µs, 5 ms for a list of 200 phrases)."""
    from ..core.phrasebank.extract import KINDS

    return KINDS
