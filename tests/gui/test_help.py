"""The help window: every page loads with a Chinese title, the categories page covers every
category, search filters and highlights, show_page selects by file stem, no English labels."""

from __future__ import annotations

import re
import tomllib

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget

from assistant.core.resources import resource_path
from assistant.gui.help import PAGES, HelpWindow, load_page

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def window(qtbot):
    help_window = HelpWindow()  # deletes itself on close, so not handed to qtbot.addWidget
    yield help_window
    if shiboken6.isValid(help_window):
        help_window.close()


def visible_rows(list_widget: QListWidget) -> list[str]:
    return [list_widget.item(i).text() for i in range(list_widget.count()) if not list_widget.item(i).isHidden()]


def test_every_page_file_is_listed_and_has_a_chinese_title(qapp):
    on_disk = sorted(p.stem for p in resource_path("help").glob("*.md"))
    assert on_disk == sorted(PAGES)
    for name in PAGES:
        page = load_page(name)
        assert HAN.search(page.title), f"{name}.md: title {page.title!r} is not Chinese"
        assert page.title != name
        assert len(page.plain) > 200
        assert "**" not in page.plain and "](" not in page.plain, f"{name}.md: Markdown shown as text"


def test_categories_page_names_every_category(qapp):
    with open(resource_path("rules", "_categories.toml"), "rb") as handle:
        categories = tomllib.load(handle)["category"]
    headings = {line[3:].strip() for line in load_page("categories").markdown.splitlines() if line.startswith("## ")}
    missing = [c["id"] for c in categories if c["name"] not in headings]
    assert not missing, f"categories without a section: {missing}"


def test_search_filters_to_the_one_page_and_selects_the_match(window, qtbot):
    word = "拼音首字母"
    holders = [name for name in PAGES if word in load_page(name).plain]
    assert holders == ["phrases"]  # the word must stay unique to one page for this test
    window.show_page("index")
    window.search.insert(word)  # keyClicks cannot type hanzi (QTest asserts on non-ASCII keys)
    assert visible_rows(window.page_list) == [load_page("phrases").title]
    assert window.current_page().name == "phrases"
    assert window.browser.textCursor().selectedText() == word


def test_enter_goes_to_the_next_match_and_wraps(window, qtbot):
    word = "GB/T 9704-2012"
    count = load_page("export").plain.count(word)
    assert count >= 3
    window.show_page("export")
    window.search.setText(word)
    positions = [window.browser.textCursor().selectionStart()]
    for _ in range(count):
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
        assert window.browser.textCursor().selectedText() == word
        positions.append(window.browser.textCursor().selectionStart())
    assert positions[:count] == sorted(set(positions[:count]))  # forward through every match
    assert positions[count] == positions[0]  # then from the top again


def test_enter_in_the_search_box_keeps_the_window_open(window, qtbot):
    window.show_page("export")
    qtbot.waitExposed(window)
    window.search.setFocus()
    window.search.setText("公文")
    for _ in range(3):
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
        qtbot.keyClick(window.search, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert shiboken6.isValid(window) and window.isVisible()
    assert window.browser.textCursor().selectedText() == "公文"


def test_no_page_shows_an_empty_pair_of_quotes(qapp):
    """A character the page cannot show (the picture placeholder U+FFFC) left “” on screen."""
    for name in PAGES:
        assert "“”" not in load_page(name).plain and "\ufffc" not in load_page(name).markdown, name


def test_no_match_empties_the_list_and_clearing_restores_it(window, qtbot):
    window.search.setText("没有这个词语的页面")
    assert visible_rows(window.page_list) == []
    assert "没有找到" in window.status.text()
    window.search.clear()
    assert len(visible_rows(window.page_list)) == len(PAGES)
    assert window.browser.toPlainText().startswith(window.current_page().title)


def test_show_page_selects_by_file_stem(window):
    for name in PAGES:
        window.show_page(name)
        assert window.current_page().name == name
        assert window.page_list.currentItem().text() == load_page(name).title
        assert window.browser.toPlainText().startswith(load_page(name).title)
    assert window.isVisible()
    window.search.setText("拼音首字母")
    window.show_page("export")  # a search in progress does not hide the page asked for
    assert window.current_page().name == "export"
    window.show_page("no-such-page")
    assert window.current_page().name == PAGES[0]


def test_no_visible_label_is_ascii_letters_only(window):
    window.show()
    texts = [window.windowTitle()]
    texts += [w.text() for w in window.findChildren(QAbstractButton)]
    texts += [w.text() for w in window.findChildren(QLabel)]
    texts += [w.placeholderText() for w in window.findChildren(QLineEdit)]
    for list_widget in window.findChildren(QListWidget):
        texts += [list_widget.item(i).text() for i in range(list_widget.count())]
    assert len(texts) > len(PAGES)
    english = [t for t in texts if re.search(r"[A-Za-z]", t) and not HAN.search(t)]
    assert not english, f"labels without Chinese: {english}"
