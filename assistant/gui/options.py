"""工具 → 选项: which categories and rules run, what the user has ignored (with 恢复), and the
general settings. Changes apply when the dialog is accepted and are saved in settings.json."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QRadioButton, QSpinBox, QTabWidget, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ..core.checker.model import CATEGORIES
from ..core.checker.settings import STANDARD, THOROUGH
from ..core.settings import Settings
from .dialogs import button_row

RULE_ROLE = Qt.ItemDataRole.UserRole
# The typo levels as the user reads them (settings.TYPO_LEVELS).
TYPO_LEVEL_LABELS = {STANDARD: "稳妥：只提示把握大的，适合定稿", THOROUGH: "全面：多提示，误报稍多，适合初稿"}


class OptionsDialog(QDialog):
    def __init__(self, settings: Settings, rules, parent=None):
        super().__init__(parent)
        self.setWindowTitle("选项")
        self.resize(820, 600)
        self.settings = settings
        tabs = QTabWidget()
        tabs.addTab(self._rules_tab(rules), "检查规则")
        tabs.addTab(self._ignored_tab(), "已忽略")
        tabs.addTab(self._general_tab(), "常规")
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(button_row(self, QDialogButtonBox.StandardButton.Ok, "确定", self._accept))

    # -- tabs ----------------------------------------------------------------------------------
    def _rules_tab(self, rules) -> QWidget:
        checker = self.settings.checker
        self.rules_tree = QTreeWidget()
        self.rules_tree.setHeaderLabels(["规则", "说明"])
        self.rules_tree.setWordWrap(True)
        for key, name in CATEGORIES.items():
            category = QTreeWidgetItem([name])
            category.setData(0, RULE_ROLE, f"category:{key}")
            category.setCheckState(0, Qt.CheckState.Unchecked if key in checker.disabled_categories else Qt.CheckState.Checked)
            for rule in (r for r in rules if r.category == key):
                item = QTreeWidgetItem([rule.name, rule.description])  # from the rule's data file
                item.setToolTip(1, rule.description)
                item.setData(0, RULE_ROLE, f"rule:{rule.id}")
                item.setCheckState(0, Qt.CheckState.Unchecked if rule.id in checker.disabled_rules else Qt.CheckState.Checked)
                category.addChild(item)
            self.rules_tree.addTopLevelItem(category)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(self._typo_level_row(checker.typo_level))
        layout.addWidget(QLabel("取消勾选的类别或规则不再检查："))
        layout.addWidget(self.rules_tree, 1)
        self.rules_tree.expandAll()
        self.rules_tree.resizeColumnToContents(0)
        return page

    def _typo_level_row(self, chosen: str) -> QHBoxLayout:
        """How many statistical 错别字 guesses the panel shows; the word lists are the same at both."""
        self.typo_levels = QButtonGroup(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("疑似错别字："))
        for level, label in TYPO_LEVEL_LABELS.items():
            button = QRadioButton(label)
            button.setObjectName(level)
            button.setChecked(level == chosen)
            self.typo_levels.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _ignored_tab(self) -> QWidget:
        checker = self.settings.checker
        self.ignored = QListWidget()
        for word in sorted(checker.ignored_words):
            item = QListWidgetItem(f"词语：{word}")
            item.setData(RULE_ROLE, ("word", word))
            self.ignored.addItem(item)
        for rule, sentence, text in sorted(checker.ignored_places):
            item = QListWidgetItem(f"此处：“{text}”（{sentence[:30]}）")
            item.setData(RULE_ROLE, ("place", rule, sentence, text))
            self.ignored.addItem(item)
        restore = QPushButton("恢复选中项")
        restore.clicked.connect(self._restore_selected)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("“忽略此处”和“加入词表”的内容；恢复后会再次提示："))
        layout.addWidget(self.ignored, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(restore)
        layout.addLayout(row)
        return page

    def _general_tab(self) -> QWidget:
        self.author = QLineEdit(self.settings.author)
        self.author.setPlaceholderText("尚未填写：第一次另存修订稿时询问")
        self.autosave = QSpinBox(minimum=1, maximum=60, suffix=" 分钟")
        self.autosave.setValue(self.settings.autosave_minutes)
        self.font_size = QSpinBox(minimum=9, maximum=40, suffix=" 磅")
        self.font_size.setValue(self.settings.font_size)
        self.review_with_health = QCheckBox("批注版首页附“文稿体检”")
        self.review_with_health.setChecked(self.settings.review_with_health)
        self.group_punctuation = QCheckBox("修订稿中同一段相邻的标点改动合为一处修订")
        self.group_punctuation.setChecked(self.settings.group_punctuation)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow("修订者（姓名或单位）", self.author)
        form.addRow("", self.review_with_health)
        form.addRow("", self.group_punctuation)
        form.addRow("自动保存间隔", self.autosave)
        form.addRow("编辑区字号", self.font_size)
        return page

    # -- applying ------------------------------------------------------------------------------
    def _restore_selected(self) -> None:
        for item in self.ignored.selectedItems():
            self.ignored.takeItem(self.ignored.row(item))

    def _accept(self) -> None:
        checker = self.settings.checker
        checker.disabled_categories, checker.disabled_rules = set(), set()
        for row in range(self.rules_tree.topLevelItemCount()):
            category = self.rules_tree.topLevelItem(row)
            if category.checkState(0) != Qt.CheckState.Checked:
                checker.disabled_categories.add(category.data(0, RULE_ROLE).split(":", 1)[1])
            for index in range(category.childCount()):
                rule = category.child(index)
                if rule.checkState(0) != Qt.CheckState.Checked:
                    checker.disabled_rules.add(rule.data(0, RULE_ROLE).split(":", 1)[1])
        kept = [self.ignored.item(i).data(RULE_ROLE) for i in range(self.ignored.count())]
        checker.ignored_words = {entry[1] for entry in kept if entry[0] == "word"}
        checker.ignored_places = {tuple(entry[1:]) for entry in kept if entry[0] == "place"}
        checker.typo_level = self.typo_levels.checkedButton().objectName()
        self.settings.author = self.author.text().strip() or self.settings.author
        self.settings.autosave_minutes = self.autosave.value()
        self.settings.font_size = self.font_size.value()
        self.settings.review_with_health = self.review_with_health.isChecked()
        self.settings.group_punctuation = self.group_punctuation.isChecked()
        self.accept()
