"""The findings panel: findings grouped by rule and message (中文里应使用全角标点：“,” ×295), each
group opening onto its places; filters by category (with counts) and severity; 全部修正 for the
groups whose fixes are certain.

Findings are counted and grouped a slice per event-loop turn (gui.steps), groups are added a batch
at a time and a group's places only as far as it is opened and scrolled, so 60,000 findings never
freeze the window. Items carry plain integers (indexes into
lists the panel keeps), never Python objects: PySide has crashed clearing thousands of items
that held objects in their data.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.checker.model import CATEGORIES, CATEGORY_COLOURS, SEVERITIES, Finding
from .steps import SLICE, Steps

ALL = "全部"
GROUP_BATCH = 250
PLACE_BATCH = 200  # places listed when a group opens, and per turn or scroll after that
CONTEXT = 10  # characters shown on each side of a place
GROUP_ROLE = Qt.ItemDataRole.UserRole
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class Group:
    rule: str
    category: str
    message: str
    members: list[int]  # indexes into the panel's findings
    filled: int = 0  # how many places are listed so far


class FindingsPanel(QWidget):
    chosen = Signal(object)  # a finding to show in the editor
    fix = Signal(object)  # a list of findings to fix (全部修正)
    ignore_rule = Signal(object)  # a finding whose rule to turn off

    def __init__(self, parent=None):
        super().__init__(parent)
        self.category = QComboBox()
        self.severity = QComboBox()
        self.severity.addItem(ALL, None)
        for key, name in SEVERITIES.items():
            self.severity.addItem(name, key)
        self.tree = QTreeWidget()
        self.tree.setUniformRowHeights(True)  # one line each: Qt then lays out 20,000 places without measuring them
        self.tree.setHeaderLabels(["问题", "处数"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.fix_all = QPushButton("全部修正确定的问题…")
        self.fix_all.setToolTip("错别字、标点、数字格式、重复书写等有确定改法的问题，预览后一次修正，可一步撤销")
        self.summary = QLabel("尚未检查")
        filters = QHBoxLayout()
        filters.addWidget(QLabel("类别"))
        filters.addWidget(self.category, 1)
        filters.addWidget(QLabel("级别"))
        filters.addWidget(self.severity, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.fix_all)
        layout.addWidget(self.summary)
        self.findings: list[Finding] = []
        self.texts: list[str] = []
        self.groups: list[Group] = []
        self._place_of: dict[Finding, tuple[int, int]] = {}  # finding → (group row, place row)
        self._pending: list[int] = []
        self._generation = 0
        self._grouping = Steps(self)
        self._fill_categories({})
        self.category.currentIndexChanged.connect(self._refill)
        self.severity.currentIndexChanged.connect(self._refill)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.itemExpanded.connect(self._expanded)
        self.tree.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.fix_all.clicked.connect(lambda: self.fix.emit([f for f in self.findings if f.fixable]))

    # -- contents ------------------------------------------------------------------------------
    def set_findings(self, findings: list[Finding], texts: list[str] | None = None) -> None:
        """``texts``: the paragraphs, for the few characters shown around each place. Counted and
        grouped a slice per event-loop turn (``filling``); the old list stays until then."""
        self.texts = texts or []
        self._regroup(findings)

    def filling(self) -> bool:
        return self._grouping.busy()

    def _refill(self) -> None:
        self._regroup(self.findings)

    def _regroup(self, findings: list[Finding]) -> None:
        self._grouping.start(_grouped(findings, self.category.currentData(), self.severity.currentData()),
                             self._take_groups)

    def _take_groups(self, grouped) -> None:
        self.findings, counts, self.groups, self._place_of, fixable = grouped
        self._fill_categories(counts)
        self.tree.clear()
        self._pending = list(range(len(self.groups)))
        self._generation += 1
        self._add_groups(self._generation)
        shown = sum(len(g.members) for g in self.groups)
        self.summary.setText(f"共 {len(self.findings)} 处问题" + (f"，显示 {shown} 处" if shown != len(self.findings) else ""))
        self.fix_all.setEnabled(fixable)

    def _fill_categories(self, counts: dict[str, int]) -> None:
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(f"{ALL}（{sum(counts.values())}）", None)
        for key, name in CATEGORIES.items():
            self.category.addItem(f"{name}（{counts.get(key, 0)}）", key)
        self.category.setCurrentIndex(max(self.category.findData(chosen), 0))
        self.category.blockSignals(False)

    def _add_groups(self, generation: int) -> None:
        if generation != self._generation:
            return  # newer findings arrived
        batch, self._pending = self._pending[:GROUP_BATCH], self._pending[GROUP_BATCH:]
        items = [self._group_item(number) for number in batch]
        self.tree.addTopLevelItems(items)
        if self._pending:
            QTimer.singleShot(0, lambda: self._add_groups(generation))

    def _group_item(self, number: int) -> QTreeWidgetItem:
        group = self.groups[number]
        count = len(group.members)
        item = QTreeWidgetItem([group.message + (f" ×{count}" if count > 1 else ""), f"{count} 处"])
        item.setToolTip(0, f"{CATEGORIES.get(group.category, group.category)}：{group.message}")
        item.setForeground(0, QBrush(QColor(CATEGORY_COLOURS.get(group.category, "#333333")).darker(130)))
        item.setData(0, GROUP_ROLE, number)
        item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        return item

    def _expanded(self, item: QTreeWidgetItem) -> None:
        number = item.data(0, GROUP_ROLE)
        if isinstance(number, int):
            self._fill_places(item, self.groups[number], PLACE_BATCH)

    def _fill_places(self, item: QTreeWidgetItem, group: Group, upto: int, then=None) -> None:
        """List the group's places up to ``upto``, a batch per event-loop turn, then call ``then``.
        Further places are listed as the list is scrolled to its end (``_scrolled``): a group of
        20,000 commas opens at once, and only the places looked at become rows."""
        wanted = min(upto, len(group.members))
        if group.filled < wanted:
            end = min(wanted, group.filled + PLACE_BATCH)
            item.addChildren([self._place_item(index) for index in group.members[group.filled:end]])
            group.filled = end
        if group.filled < wanted:
            generation = self._generation
            QTimer.singleShot(0, lambda: generation == self._generation and self._fill_places(item, group, upto, then))
        elif then is not None:
            then()

    def _scrolled(self, value: int) -> None:
        bar = self.tree.verticalScrollBar()
        if value < bar.maximum() - bar.pageStep():
            return
        for number in range(self.tree.topLevelItemCount()):
            item, group = self.tree.topLevelItem(number), self.groups[number]
            if item.isExpanded() and group.filled < len(group.members):
                self._fill_places(item, group, group.filled + PLACE_BATCH)

    def _place_item(self, index: int) -> QTreeWidgetItem:
        finding = self.findings[index]
        text = self.texts[finding.paragraph] if finding.paragraph < len(self.texts) else ""
        around = (text[max(0, finding.start - CONTEXT):finding.start] + f"【{finding.text}】"
                  + text[finding.end:finding.end + CONTEXT]) if text else finding.text
        child = QTreeWidgetItem([around, f"第{finding.paragraph + 1}段"])
        child.setToolTip(0, finding.message)
        child.setData(0, INDEX_ROLE, index)
        return child

    # -- choosing ------------------------------------------------------------------------------
    def finding_of(self, item: QTreeWidgetItem) -> Finding | None:
        index = item.data(0, INDEX_ROLE)
        return self.findings[index] if isinstance(index, int) and index < len(self.findings) else None

    def group_findings(self, item: QTreeWidgetItem) -> list[Finding]:
        number = item.data(0, GROUP_ROLE)
        return [self.findings[i] for i in self.groups[number].members] if isinstance(number, int) else []

    def select(self, finding: Finding) -> None:
        """Open the group holding ``finding`` and select its place (the editor moved to it)."""
        where = self._place_of.get(finding)
        if where is None or where[0] >= self.tree.topLevelItemCount():
            return  # filtered out, or its group is not listed yet
        number, row = where
        item, group = self.tree.topLevelItem(number), self.groups[number]

        def show() -> None:
            item.setExpanded(True)
            place = item.child(row)
            self.tree.setCurrentItem(place)
            self.tree.scrollToItem(place)

        if row >= group.filled + PLACE_BATCH and item.isExpanded():
            item.setExpanded(False)  # rows added to an open group lay the whole list out again each turn:
            # far down a group of 24,000 places the fill took 3.9 s open, 0.65 s closed; show() opens it
        self._fill_places(item, group, row + 1, show)  # at once unless the place is far down a big group

    def _clicked(self, item: QTreeWidgetItem) -> None:
        finding = self.finding_of(item) or next(iter(self.group_findings(item)), None)
        if finding is not None:
            self.chosen.emit(finding)

    def context_menu_for(self, item: QTreeWidgetItem) -> QMenu:
        menu = QMenu(self)
        members = self.group_findings(item) or [f for f in [self.finding_of(item)] if f is not None]
        fixable = [f for f in members if f.fixable]
        if fixable:
            menu.addAction(f"全部修正（{len(fixable)} 处）…", lambda: self.fix.emit(fixable))
        if members:
            menu.addAction("关闭此规则", lambda: self.ignore_rule.emit(members[0]))
        return menu

    def _context_menu(self, position) -> None:
        item = self.tree.itemAt(position)
        if item is not None:
            self.context_menu_for(item).exec(self.tree.viewport().mapToGlobal(position))


def _grouped(findings: list[Finding], category: str | None, severity: str | None):
    """What the panel lists, built a slice at a time (a generator for ``Steps``): the findings,
    their count by category, the groups passing the filters (rule and message; by category, then
    the biggest first), each finding's place (group, row) and whether any has a certain fix."""
    counts: dict[str, int] = {}
    by_key: dict[tuple[str, str], Group] = {}
    fixable = False
    for index, finding in enumerate(findings):
        counts[finding.category] = counts.get(finding.category, 0) + 1
        fixable = fixable or finding.fixable
        if (category is None or finding.category == category) and (severity is None or finding.severity == severity):
            key = (finding.rule, finding.message)
            if key not in by_key:
                by_key[key] = Group(finding.rule, finding.category, finding.message, [])
            by_key[key].members.append(index)
        if index % SLICE == SLICE - 1:
            yield
    order = {key: position for position, key in enumerate(CATEGORIES)}
    groups = sorted(by_key.values(), key=lambda g: (order.get(g.category, 99), -len(g.members), g.message))
    place_of: dict[Finding, tuple[int, int]] = {}
    for number, group in enumerate(groups):
        for start in range(0, len(group.members), SLICE):
            place_of.update((findings[index], (number, start + row))
                            for row, index in enumerate(group.members[start:start + SLICE]))
            if len(findings) > SLICE:
                yield
    return findings, counts, groups, place_of, fixable
