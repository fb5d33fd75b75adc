"""Dock panels: the findings list and the phrase bank."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..core.checker.model import CATEGORIES, SEVERITIES, Finding
from ..core.phrasebank.bank import Phrase, PhraseBank
from ..core.phrasebank.extract import KINDS

ALL = "全部"
RESULT_LIMIT = 200


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
        self.category.currentIndexChanged.connect(self._refill)
        self.severity.currentIndexChanged.connect(self._refill)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)

    def set_findings(self, findings: list[Finding]) -> None:
        self.findings = findings
        self._refill()

    def _refill(self) -> None:
        category, severity = self.category.currentData(), self.severity.currentData()
        shown = [f for f in self.findings if (category is None or f.category == category)
                 and (severity is None or f.severity == severity)]
        expanded = {self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                    for i in range(self.tree.topLevelItemCount()) if self.tree.topLevelItem(i).isExpanded()}
        self.tree.clear()
        for key, name in CATEGORIES.items():
            group = [f for f in shown if f.category == key]
            if not group:
                continue
            parent = QTreeWidgetItem([f"{name}（{len(group)}）", ""])
            parent.setData(0, Qt.ItemDataRole.UserRole, key)
            self.tree.addTopLevelItem(parent)
            for finding in group:
                child = QTreeWidgetItem([f"“{finding.text[:20]}” {finding.message}",
                                         f"第{finding.paragraph + 1}段"])
                child.setToolTip(0, finding.message)
                child.setData(0, Qt.ItemDataRole.UserRole, finding)
                parent.addChild(child)
            parent.setExpanded(key in expanded or len(expanded) == 0)
        self.summary.setText(f"共 {len(self.findings)} 处问题" + (f"，显示 {len(shown)} 处" if len(shown) != len(self.findings) else ""))

    def _clicked(self, item: QTreeWidgetItem) -> None:
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(finding, Finding):
            self.chosen.emit(finding)


class PhrasePanel(QWidget):
    """Search the phrase bank by word, pinyin initials and category; Enter or a double-click
    inserts the phrase at the cursor. Alternatives for a flagged word come first."""

    insert = Signal(str)

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
        self.results.itemActivated.connect(lambda item: self.insert.emit(item.data(Qt.ItemDataRole.UserRole).text))
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
        self.results.clear()
        if heading:
            title = QListWidgetItem(heading)
            title.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(title)
        for phrase in phrases:
            label = KINDS.get(phrase.kind, "词语")
            reason = f"  ·{phrase.reason}" if phrase.reason else ""
            item = QListWidgetItem(f"{phrase.text}    [{label}{'·' + phrase.category if phrase.category else ''}]{reason}")
            item.setData(Qt.ItemDataRole.UserRole, phrase)
            self.results.addItem(item)
        first = 1 if heading else 0
        if self.results.count() > first:
            self.results.setCurrentRow(first)

    def _show_example(self, item: QListWidgetItem | None) -> None:
        phrase = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(phrase, Phrase):
            self.example.clear()
            return
        parts = [f"<p>{e['sentence']}<br><span style='color:#666'>出处：{e['source']}</span></p>"
                 for e in phrase.examples[:2]]
        self.example.setHtml("".join(parts) or "（无例句）")

    def _insert_current(self) -> None:
        item = self.results.currentItem()
        if item is not None and isinstance(item.data(Qt.ItemDataRole.UserRole), Phrase):
            self.insert.emit(item.data(Qt.ItemDataRole.UserRole).text)
