"""比较两个版本: the old draft left, the new right, changes coloured; 上一处/下一处 walk them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout

from ..core.revision.compare import Comparison
from ..core.revision.page import side_by_side_table


class CompareView(QDialog):
    """Shows one Comparison; ``save`` (the window's) writes it as a 修订稿 when asked."""

    def __init__(self, comparison: Comparison, save, parent=None):
        super().__init__(parent)
        self.comparison = comparison
        self.total = len(comparison.revisions)
        self.current: int | None = None
        self.setWindowTitle(f"比较两个版本 — {comparison.old.name} → {comparison.new.name}")
        self.resize(1200, 760)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.counts = QLabel(comparison.summary() if self.total else "两个版本的文字相同。")
        self.position = QLabel("")
        self.previous_button, self.next_button = QPushButton("上一处"), QPushButton("下一处")
        self.previous_button.clicked.connect(lambda: self.step(False))
        self.next_button.clicked.connect(lambda: self.step(True))
        save_button = QPushButton("保存修订稿…")
        save_button.clicked.connect(lambda: save(comparison))
        close_button = QPushButton("关闭")
        close_button.clicked.connect(self.accept)
        for button in (self.previous_button, self.next_button, save_button):
            button.setEnabled(self.total > 0)
        row = QHBoxLayout()
        for widget in (self.counts, self.position):
            row.addWidget(widget)
        row.addStretch(1)
        for button in (self.previous_button, self.next_button, save_button, close_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.browser, 1)
        self._show()

    def step(self, forward: bool) -> None:
        """Go to the next (or previous) revision, round the end."""
        if not self.total:
            return
        if self.current is None:
            self.current = 0 if forward else self.total - 1
        else:
            self.current = (self.current + (1 if forward else -1)) % self.total
        self._show()
        self.browser.scrollToAnchor(f"r{self.current}")

    def _show(self) -> None:
        self.browser.setHtml(side_by_side_table(self.comparison, self.current))
        if self.current is not None:
            self.position.setText(f"第 {self.current + 1} / {self.total} 处")
