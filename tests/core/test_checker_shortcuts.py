"""Shortcuts taken for speed (a cheap pre-test that skips a paragraph, the slots of a sequence tried
in another order, sentence ends searched for without ``|$``) give what the plain definition gives,
on awkward text and on the corpora."""

from __future__ import annotations

import re

import pytest

from assistant.core.checker import builtin, text as paragraph_text
from assistant.core.checker.engine import Checker
from assistant.core.checker.text import Paragraph
from assistant.core.text.sentences import CLOSING_MARKS, FULL_WIDTH_SENTENCE_END, SENTENCE_END, Span, sentences
from tests.core.test_checker_subject import corpus_paragraphs

CHECKER = Checker()
LONG_CLAUSE = next(rule for rule in CHECKER.rules if rule.id == "long-clause")
SEQUENCES = [rule for rule in CHECKER.rules if hasattr(rule, "tried")]
CLAUSE = "各地要在认真总结前一阶段燃气安全专项检查工作经验的基础上进一步加大排查整治的力度"  # 40 characters
AWKWARD_CLAUSES = [CLAUSE, CLAUSE + "和", "  " + CLAUSE + "  ", CLAUSE + "和。", "。" + CLAUSE + "和",
                   CLAUSE[:20] + "\n" + CLAUSE[20:] + "和", CLAUSE + "和，" + CLAUSE, CLAUSE + "和;" + CLAUSE + "和",
                   "《" + CLAUSE + "和》", CLAUSE + "和……", "“" + CLAUSE + "和”。", "", "。。。"]


def read_every_clause(text: str) -> list[str]:
    """A stand-in for the pre-test's split that never lets it skip a paragraph."""
    return ["x" * 1000]


def test_the_awkward_clause_is_as_long_as_the_threshold():
    assert len(CLAUSE) == LONG_CLAUSE.max_chars


@pytest.mark.parametrize("text", AWKWARD_CLAUSES)
def test_long_clauses_are_found_as_without_the_pre_test(text, monkeypatch):
    """A paragraph with no run of more than max_chars characters between pauses is skipped
    unread: the hits are those of reading every clause."""
    quick = list(LONG_CLAUSE.paragraph_hits(Paragraph(text)))
    monkeypatch.setattr(builtin, "_between_breaks", read_every_clause)
    assert quick == list(LONG_CLAUSE.paragraph_hits(Paragraph(text)))


def test_long_clauses_of_the_corpora_are_found_as_without_the_pre_test(monkeypatch):
    texts = corpus_paragraphs()
    quick = [list(LONG_CLAUSE.paragraph_hits(Paragraph(text))) for text in texts]
    monkeypatch.setattr(builtin, "_between_breaks", read_every_clause)
    assert quick == [list(LONG_CLAUSE.paragraph_hits(Paragraph(text))) for text in texts]
    assert sum(map(bool, quick)) >= 10  # the corpora hold long clauses: the comparison is not empty


SEQUENCE_TEXTS = ["认真的学习", "认真的", "的学习", "的的的", "要积极的参与", "扎扎实实的推进各项工作", "办理的很及时", "的很",
                  "认真 的 学习", "经过认真的研究", "广泛的征求意见", "发展的很多方面"]


def places_agree(text: str) -> bool:
    """Each sequence rule's match at every place of the text is that of all its slots in order."""
    tokens = Paragraph(text).tagged
    return all(rule._holds(tokens, i) == all(slot.matches(*tokens[i + k]) for k, slot in enumerate(rule.slots))
               for rule in SEQUENCES for i in range(len(tokens) - len(rule.slots) + 1))


@pytest.mark.parametrize("text", SEQUENCE_TEXTS)
def test_sequence_slots_tried_cheapest_first_match_as_in_order(text):
    assert places_agree(text)


def test_sequence_slots_of_the_corpora_tried_cheapest_first_match_as_in_order():
    assert len(SEQUENCES) >= 4
    assert [text for text in corpus_paragraphs()[:300] if not places_agree(text)] == []


FORMULATIONS = [formulation for rule in CHECKER.rules for formulation in getattr(rule, "formulations", ())]


def words_cover_wordings(text: str) -> bool:
    """The quick count of a formulation's words present is never below the count of its wordings
    present (the plain test): a paragraph it skips quotes no formulation."""
    return all(sum(map(text.__contains__, f.words)) >= sum(any(word in text for word in words) for words in f.wordings)
               for f in FORMULATIONS)


@pytest.mark.parametrize("variant", [0, -1])
def test_a_paragraph_quoting_any_wording_of_each_member_is_read(variant):
    """Each formulation written with each member's first, then last, wording (an earlier one)."""
    assert len(FORMULATIONS) >= 10
    for formulation in FORMULATIONS:
        text = "、".join(words[variant] for words in formulation.wordings)
        assert sum(map(text.__contains__, formulation.words)) >= 3, text
        assert words_cover_wordings(text)


def test_the_corpora_are_read_for_formulations_as_by_the_plain_test():
    assert [text for text in corpus_paragraphs() if not words_cover_wordings(text)] == []


PARALLEL_TEXTS = ["加强调度，加强协调", "深入基层，深入群众", "压实责任，责任到人", "要树立敢于负责、敢于碰硬的作风", "落实、落实、再落实",
                  "坚决压缩行政开支，压缩集团购买力", "竞争性支持和稳定支持", "在改革中发展，在发展中改革", "发展先进生产力、发展先进文化",
                  "按时完成任务，完成情况要报告", "加强，", "，加强", "", "。。", "加强加强，加强"]


def every_word_tried(a_words, b_at) -> set[str]:
    """The plain definition: every word of a part is tried against the next."""
    return {a.text for a in a_words}


@pytest.mark.parametrize("text", PARALLEL_TEXTS + ["".join(corpus_paragraphs()[:120])])
def test_parallel_words_are_found_as_when_every_word_is_tried(text, monkeypatch):
    """parallel_positions tries only the words two parts share: the positions are those of trying
    every word of every part."""
    quick = Paragraph(text).parallel
    monkeypatch.setattr(paragraph_text, "_shared_texts", every_word_tried)
    assert quick == Paragraph(text).parallel
    assert quick or text in PARALLEL_TEXTS  # the corpora's paragraphs hold parallel words: the comparison is not empty


def plain_sentences(text: str, ends: str = SENTENCE_END) -> list[Span]:
    """The plain definition: a sentence ends at each run of end marks (a closing mark with it) and
    where ``$`` matches, all found by one pattern."""
    spans, start = [], 0
    for match in re.finditer(rf"[{re.escape(ends)}]+[{CLOSING_MARKS}]?|$", text):
        while start < match.start() and text[start].isspace():
            start += 1
        if start < match.end() and text[start:match.end()].strip():
            spans.append(Span(start, match.end()))
        start = match.end()
    return spans


SENTENCE_TEXTS = ["", "\n", "\n\n", " ", "好。", "好。\n", "好\n", "好\n\n", "好。 \n", "“好。”\n", "好。”", "。。。", "……\n",
                  "好！？坏", "  好。  坏。  ", "好\r\n", "好。\r\n", "一\n二。三\n", "好;ok?yes!", "好。\n ", "\n好"]


@pytest.mark.parametrize("text", SENTENCE_TEXTS)
def test_sentences_end_where_the_plain_pattern_ends_them(text):
    assert sentences(text) == plain_sentences(text)
    assert sentences(text, FULL_WIDTH_SENTENCE_END) == plain_sentences(text, FULL_WIDTH_SENTENCE_END)


def test_sentences_of_the_corpora_end_where_the_plain_pattern_ends_them():
    texts = corpus_paragraphs()
    assert [text for text in texts + [text + "\n" for text in texts[:200]] if sentences(text) != plain_sentences(text)] == []
