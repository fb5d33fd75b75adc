"""A pattern rule skips a paragraph without the text its expression needs: that text must really be
needed (no finding is lost), and specific enough to skip most paragraphs."""

from __future__ import annotations

import re

import pytest

from assistant.core.checker.loading import load_rules
from assistant.core.checker.required import Required, required_text
from assistant.core.checker.rules import PatternRule
from assistant.core.phrasebank.clean import clean_folder
from tests.conftest import CORPUS

PATTERN_RULES = [rule for rule in load_rules() if isinstance(rule, PatternRule)]


def holds(needs, text: str) -> bool:
    """The plain definition: one string of each need is in the text."""
    return all(any(piece in text for piece in need) for need in needs)


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    return [p.text for folder in (CORPUS, CORPUS / "extra") for p in clean_folder(folder)]


@pytest.mark.parametrize("rule", PATTERN_RULES, ids=lambda rule: rule.id)
def test_what_a_pattern_needs_is_in_every_text_it_matches(rule, paragraphs):
    examples = [example.text for example in rule.bad + rule.good]
    matched = [text for text in paragraphs + examples if rule.pattern.search(text)]
    assert all(holds(rule.required.needs, text) for text in matched)


def test_literals_lookarounds_repeats_and_alternatives_are_read():
    assert required_text(re.compile(r"(?<!…)…(?!…)|(?<=[一-龥])\.{3,}|。{3,}")) == (frozenset({"…", "...", "。。。"}),)
    assert required_text(re.compile(r"(?<![\d.])[’'‘]?(?P<y>[5-9]\d)年(?=\d{1,2}月)")) == (frozenset("年"), frozenset("月"))
    # Python factors out the common 大 of the alternatives: each part is still needed.
    assert required_text(re.compile(r"(?:大约|大概)\d+(?:个|名)?左右")) == (
        frozenset("大"), frozenset({"约", "概"}), frozenset({"左右"}))
    assert required_text(re.compile(r"a(?!b)c")) == (frozenset("a"), frozenset("c"))  # never what must be absent
    assert required_text(re.compile(r"x?\d+")) == ()
    assert required_text(re.compile(r"(?i)abc")) == ()


def test_most_paragraphs_are_skipped_by_most_pattern_rules(paragraphs):
    skipped = sum(not holds(rule.required.needs, text) for rule in PATTERN_RULES for text in paragraphs)
    assert skipped > 0.6 * len(PATTERN_RULES) * len(paragraphs)


AWKWARD = ["", "约", "大约左右", "大约5人左右", "。。", "。。。", "……", "...", "2019-2020年", "2019—2020年", "（2019）号", "十分很",
           "一二三年", "百分之五", "有关部门", "相", "关", "年月号"]


def test_the_quick_test_of_what_a_pattern_needs_is_the_plain_definition(paragraphs):
    """Required.met searches each need's strings in one C loop: it says what the plain definition
    says, on every corpus paragraph, each example and awkward text."""
    examples = [example.text for rule in PATTERN_RULES for example in rule.bad + rule.good]
    texts = paragraphs + examples + AWKWARD
    assert [(rule.id, text) for rule in PATTERN_RULES for text in texts
            if rule.required.met(text) != holds(rule.required.needs, text)] == []


def test_a_need_of_characters_and_strings_together_is_met_by_either():
    required = Required((frozenset({"年", "19"}), frozenset({"月"})))
    assert [required.met(text) for text in ("19月", "年月", "1月", "19年", "")] == [True, True, False, False, False]
