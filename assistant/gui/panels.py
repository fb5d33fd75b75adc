"""Dock panels: the findings list and the phrase bank."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMenu, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from ..core.checker.model import CATEGORIES, SEVERITIES, Finding
from ..core.phrasebank.bank import Phrase, PhraseBank
from ..core.phrasebank.extract import KINDS
from ..core.phrasebank.sources import source_label

ALL = "全部"
RESULT_LIMIT = 200
ITEM_BATCH = 250


# Items carry plain integers (indexes into lists the panel keeps), never Python objects: PySide
# has crashed here while clearing thousands of items that held objects in their data.
CATEGORY_ROLE = Qt.ItemDataRole.UserRole
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


class FindingsPanel(QWidget):
    """Findings grouped by category with counts; a click selects the text in the editor."""

    chosen = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.category = QComboBox()
        self.category.addItem(ALL, None)
        for key, name in CATEGORIES.items():
            self.category.addItem(name, key)
        self.severity = QComboBox()
        self.severity.addItem(ALL, None)
        for key, name in SEVERITIES.items():
            self.severity.addItem(name, key)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["问题", "位置"])
        self.tree.setColumnWidth(0, 240)
        self.summary = QLabel("尚未检查")
        filters = QHBoxLayout()
        filters.addWidget(QLabel("类别"))
        filters.addWidget(self.category, 1)
        filters.addWidget(QLabel("级别"))
        filters.addWidget(self.severity, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        self.findings: list[Finding] = []
        self._queue: list[tuple[QTreeWidgetItem, list]] = []
        self._generation = 0
        self.category.currentIndexChanged.connect(self._refill)
        self.severity.currentIndexChanged.connect(self._refill)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)

    def set_findings(self, findings: list[Finding]) -> None:
        self.findings = findings
        self._refill()

    def _refill(self) -> None:
        category, severity = self.category.currentData(), self.severity.currentData()
        shown = {id(f) for f in self.findings if (category is None or f.category == category)
                 and (severity is None or f.severity == severity)}
        expanded = {self.tree.topLevelItem(i).data(0, CATEGORY_ROLE)
                    for i in range(self.tree.topLevelItemCount()) if self.tree.topLevelItem(i).isExpanded()}
        self.tree.clear()
        self._queue: list[tuple[QTreeWidgetItem, list]] = []
        for key, name in CATEGORIES.items():
            group = [(i, f) for i, f in enumerate(self.findings) if id(f) in shown and f.category == key]
            if not group:
                continue
            parent = QTreeWidgetItem([f"{name}（{len(group)}）", ""])
            parent.setData(0, CATEGORY_ROLE, key)
            self.tree.addTopLevelItem(parent)
            parent.setExpanded(key in expanded or len(expanded) == 0)
            self._queue.append((parent, group))
        self._generation += 1
        self._fill_batch(self._generation)
        self.summary.setText(f"共 {len(self.findings)} 处问题" + (f"，显示 {len(shown)} 处" if len(shown) != len(self.findings) else ""))

    def _fill_batch(self, generation: int) -> None:
        """Add the findings under their categories a batch at a time between event-loop turns."""
        if generation != self._generation:
            return
        budget = ITEM_BATCH
        while self._queue and budget > 0:
            parent, group = self._queue[0]
            children = []
            for index, finding in group[:budget]:
                child = QTreeWidgetItem([finding.message, f"第{finding.paragraph + 1}段"])
                child.setToolTip(0, finding.message)
                child.setData(0, INDEX_ROLE, index)
                children.append(child)
            parent.addChildren(children)
            budget -= len(children)
            del group[:len(children)]
            if not group:
                self._queue.pop(0)
        if self._queue:
            QTimer.singleShot(0, lambda: self._fill_batch(generation))

    def finding_of(self, item: QTreeWidgetItem) -> Finding | None:
        index = item.data(0, INDEX_ROLE)
        return self.findings[index] if isinstance(index, int) and index < len(self.findings) else None

    def _clicked(self, item: QTreeWidgetItem) -> None:
        finding = self.finding_of(item)
        if finding is not None:
            self.chosen.emit(finding)


class PhrasePanel(QWidget):
    """Search the phrase bank by word, pinyin initials and category; Enter or a double-click
    inserts the phrase at the cursor. Alternatives for a flagged word come first."""

    insert = Signal(str)
    changed = Signal()  # the user's own phrases were edited: the window reloads the bank

    def __init__(self, bank: PhraseBank, parent=None):
        super().__init__(parent)
        self.bank = bank
        self.query = QLineEdit()
        self.query.setPlaceholderText("输入关键词或拼音首字母，如 落实 / hzls")
        self.categories = QComboBox()
        self.results = QListWidget()
        self.example = QTextBrowser()
        self.example.setMaximumHeight(140)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.categories)
        layout.addWidget(self.results, 1)
        layout.addWidget(QLabel("例句与出处"))
        layout.addWidget(self.example)
        self.reload_categories()
        self.query.textChanged.connect(self.search)
        self.query.returnPressed.connect(self._insert_current)
        self.categories.currentIndexChanged.connect(self.search)
        self.results.currentItemChanged.connect(self._show_example)
        self.results.itemActivated.connect(lambda item: self._insert(item))
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results.customContextMenuRequested.connect(self._menu)
        self.shown: list[Phrase] = []
        self.search()

    def reload_categories(self) -> None:
        self.categories.blockSignals(True)
        self.categories.clear()
        self.categories.addItem(f"{ALL}类别", None)
        for name, count in self.bank.categories():
            self.categories.addItem(f"{name}（{count}）", name)
        self.categories.blockSignals(False)

    def search(self) -> None:
        phrases = self.bank.search(self.query.text(), category=self.categories.currentData(), limit=RESULT_LIMIT)
        self._show(phrases)

    def show_alternatives(self, word: str) -> None:
        """The cursor is on a flagged word: offer its replacements first, then phrases containing it."""
        alternatives = self.bank.alternatives(word)
        rest = [p for p in self.bank.search(word, limit=50) if p.text not in {a.text for a in alternatives}]
        self._show(alternatives + rest, heading=f"“{word}”的替换说法")

    def _show(self, phrases: list[Phrase], heading: str = "") -> None:
        self.shown = phrases
        self.results.clear()
        if heading:
            title = QListWidgetItem(heading)
            title.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(title)
        for index, phrase in enumerate(phrases):
            label = KINDS.get(phrase.kind, "词语")
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
        chips = [KINDS.get(phrase.kind, "词语"), phrase.category, phrase.function,
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
        self._insert(self.results.currentItem())

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
