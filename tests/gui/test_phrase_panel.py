"""The phrase panel (issue 31): the search box and the list agree, whatever filled the list."""

from __future__ import annotations

from assistant.core.phrasebank.bank import PhraseBank
from assistant.gui.panels import PhrasePanel


def test_alternatives_for_a_flagged_word_put_the_word_in_the_search_box(qtbot):
    panel = PhrasePanel(PhraseBank.load())
    qtbot.addWidget(panel)
    panel.query.setText("狠抓落实")
    panel.show_alternatives("加强")
    assert panel.query.text() == "加强"
    shown = [p.text for p in panel.shown]
    assert "强化" in shown and all(p.reason or "加强" in p.text for p in panel.shown), shown
    panel.search()  # what the box holds gives the same phrases containing the word
    assert [p.text for p in panel.shown][:5] == [p.text for p in PhraseBank.load().search("加强", limit=5)]


def test_a_flagged_word_is_not_offered_as_its_own_replacement(qtbot):
    """拖拖拉拉 is flagged as 口语 and is also a bank entry: the list offers other phrases, not it."""
    bank = PhraseBank.load()
    assert bank.get("拖拖拉拉") is not None  # the case this guards: the flagged word is in the bank
    panel = PhrasePanel(bank)
    qtbot.addWidget(panel)
    panel.show_alternatives("拖拖拉拉")
    assert "拖拖拉拉" not in [p.text for p in panel.shown]
