"""In-app help (F1): the Markdown pages of resources/help/ in one window with a page list and search.

The pages are plain files, one per topic; each page's title is its first ``# `` heading. The
search box keeps the pages that contain the query and highlights it in the page shown; Enter
goes to the next match.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QSplitter, QTextBrowser, QVBoxLayout)

from ..core.resources import resource_path

# The pages in the order the list shows them (file stems under resources/help/).
PAGES = ("index", "categories", "lexicons", "phrases", "export", "shortcuts", "offline")
STEM_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class HelpPage:
    """One help page: its file stem, its title, its Markdown and the text a reader sees."""

    name: str
    title: str
    markdown: str
    plain: str


def load_page(name: str) -> HelpPage:
    markdown = resource_path("help", f"{name}.md").read_text(encoding="utf-8")
    title = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), name)
    document = QTextDocument()
    document.setMarkdown(markdown)
    return HelpPage(name, title, markdown, document.toPlainText())


class HelpWindow(QDialog):
    """使用说明: the page list on the left, the page on the right, a search box above."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("使用说明")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pages = [load_page(name) for name in PAGES]
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索使用说明，按回车查找下一处")
        self.search.setClearButtonEnabled(True)
        self.status = QLabel()
        self.page_list = QListWidget()
        for page in self.pages:
            item = QListWidgetItem(page.title)
            item.setData(STEM_ROLE, page.name)
            self.page_list.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # links between pages name a file stem: handled here
        close = QPushButton("关闭")
        close.setAutoDefault(False)  # Enter in the search box finds the next match, it does not close
        close.clicked.connect(self.close)

        splitter = QSplitter()
        splitter.addWidget(self.page_list)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 620])
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(900, 640)

        self.page_list.currentItemChanged.connect(self._page_chosen)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.find_next)
        self.browser.anchorClicked.connect(self._link)
        self.page_list.setCurrentRow(0)

    # -- pages ---------------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        """Show the window at the page with file stem ``name`` (the first page if there is none)."""
        if self.search.text():
            self.search.clear()
        row = next((i for i, page in enumerate(self.pages) if page.name == name), 0)
        self.page_list.setCurrentRow(row)
        self.show()
        self.raise_()
        self.activateWindow()

    def current_page(self) -> HelpPage | None:
        item = self.page_list.currentItem()
        return self._page_of(item) if item is not None and not item.isHidden() else None

    def _page_of(self, item: QListWidgetItem) -> HelpPage:
        return next(page for page in self.pages if page.name == item.data(STEM_ROLE))

    def _page_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.browser.setMarkdown(self._page_of(item).markdown)
        self._highlight_first()

    def _link(self, url: QUrl) -> None:
        stem = url.path().removesuffix(".md")
        if stem in PAGES:
            self.show_page(stem)

    # -- search --------------------------------------------------------------------------------
    def _filter(self, query: str) -> None:
        """Keep the pages that contain ``query``; stay on the current page if it is one of them."""
        query = query.strip()
        matching = [i for i, page in enumerate(self.pages) if not query or query.lower() in page.plain.lower()]
        for row in range(self.page_list.count()):
            self.page_list.item(row).setHidden(row not in matching)
        if not query:
            self.status.setText("")
        elif matching:
            self.status.setText(f"{len(matching)} 页含有“{query}”")
        else:
            self.status.setText(f"没有找到“{query}”")
        if not matching:
            self.browser.clear()
            return
        if self.page_list.currentRow() in matching:
            self._page_chosen(self.page_list.currentItem())
        else:
            self.page_list.setCurrentRow(matching[0])

    def _highlight_first(self) -> None:
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        query = self.search.text().strip()
        if query:
            self.browser.find(query)

    def find_next(self) -> None:
        """The next match in the page shown, from the top again after the last one."""
        query = self.search.text().strip()
        if not query or self.current_page() is None:
            return
        if not self.browser.find(query):
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            self.browser.find(query)
