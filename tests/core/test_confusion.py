"""The statistical 错别字 detector, stage by stage, and the names it must never touch."""

from __future__ import annotations

from assistant.core.checker.confusion import attested_pairs, best_repair, candidate_pairs, confusables
from assistant.core.checker.engine import Checker
from assistant.core.checker.loading import load_rules
from assistant.core.checker.settings import CheckSettings
from assistant.core.checker.text import Paragraph

RULE = next(rule for rule in load_rules() if rule.id == "typo-confusable")


def flagged(text: str, settings: CheckSettings | None = None) -> list[tuple[str, str]]:
    return [(f.text, f.suggestions[0]) for f in Checker([RULE], settings).check([text])]


def test_confusion_sets_hold_sound_and_shape_neighbours():
    table = confusables()
    assert "组" in table["阻"] and "阻" in table["组"]  # same sound
    assert "未" in table["末"]  # same shape
    assert all(char not in others for char, others in table.items())


def test_candidates_are_made_up_pairs_and_single_neighbours_but_no_function_words():
    pairs = [pair for _, pair in candidate_pairs(Paragraph("要加强阻织领导，认真落实", None).tagged)]
    assert pairs == ["阻织"]
    assert not list(candidate_pairs(Paragraph("这是他的书。", None).tagged))


def test_pairs_that_edited_texts_use_are_not_slips():
    assert "发力" in attested_pairs() and "阻织" not in attested_pairs()
    assert best_repair("发力", 3000) is None


def test_the_commonest_repair_wins_above_the_threshold():
    assert best_repair("推近", 3000)[0] == "推进"
    assert best_repair("推近", 10 ** 9) is None
    assert best_repair("组织", 3000) is None  # a word is never repaired


def test_titles_and_quotes_are_never_slips():
    assert flagged("要加强阻织领导") == [("阻织", "组织")]
    for text in ("学习《阻织法》", "所谓“阻织”一说"):
        assert flagged(text) == [], text


def test_names_and_what_follows_them_are_never_slips():
    """jieba tags 兴国 a place name; the made-up pair after it (运兴) is left alone, as are people."""
    assert flagged("文化兴国运兴，文化强民族强。") == []
    for text in ("王晓明同志主持会议", "市委书记周强指出", "请刘思源同志发言"):
        assert flagged(text) == [], text


def test_an_accepted_word_is_never_flagged_again():
    assert flagged("加快推近项目建设", CheckSettings(ignored_words={"推近"})) == []
