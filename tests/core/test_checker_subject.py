"""Overuse is about weak words, never the subject (issue 25): on a notice about one inspection
campaign (tests/_files/notice/), the campaign's own words, its title and the name of the office
that runs it are never reported, while a generic word said too often still is."""

from __future__ import annotations

from collections import Counter

import pytest

from assistant.core.checker.engine import Checker
from assistant.core.checker.repetition import series_positions
from assistant.core.checker.text import Paragraph, Token
from assistant.core.checker.wordclass import (BARE_TITLE, FIGURE, NAME_BREAK_TAGS, NAME_REACH, _bound, _is_body_ending,
                                               _measured, fixed_phrases, generic_uses, generic_words)
from assistant.core.phrasebank.clean import clean_folder
from assistant.core.resources import resource_path
from assistant.core.text.hanzi import HANZI
from assistant.core.text.segmenter import word_frequency
from assistant.core.text.structure import quoted_spans
from tests.conftest import FILES

NOTICE = (FILES / "notice" / "gas_inspection_notice.txt").read_text(encoding="utf-8").splitlines()
OFFICE = "市燃气安全专项检查办公室"
RENAMED = "市燃气安全整改落实办公室"
OVERUSE = {"document-overuse", "window-overuse", "sentence-repeat"}
CHECKER = Checker()


def overuse_in(lines: list[str]):
    return [f for f in CHECKER.check(lines) if f.rule in OVERUSE]


def inside(finding, lines: list[str], name: str) -> bool:
    text = lines[finding.paragraph]
    start = text.find(name)
    while start >= 0:
        if start <= finding.start < start + len(name):
            return True
        start = text.find(name, start + 1)
    return False


def test_a_clean_notice_has_no_overuse_finding_on_its_subject():
    assert overuse_in(NOTICE) == []


def with_pushes(lines: list[str], title: str) -> list[str]:
    """The notice with the office renamed 整改落实办公室 and 落实 said in every section: overused."""
    pushed = [line.replace(OFFICE, RENAMED) for line in lines]
    pushed[0] = title
    for index, line in enumerate(pushed):
        if line.startswith("（"):
            pushed[index] = line.replace("。", "，推进工作落实。", 1)
    return pushed


def test_a_generic_word_said_too_often_is_found_but_never_inside_a_name():
    lines = with_pushes(NOTICE, "关于开展全市燃气安全专项检查的通知")
    found = [f for f in overuse_in(lines) if f.text == "落实"]
    assert [f for f in found if f.rule == "document-overuse"], overuse_in(lines)
    assert not [f for f in found if inside(f, lines, RENAMED)]


def test_no_overuse_finding_on_a_word_of_the_title():
    lines = with_pushes(NOTICE, "关于抓好全市燃气安全专项检查落实工作的通知")
    assert [f.text for f in overuse_in(lines) if f.text in lines[0]] == []


@pytest.mark.parametrize("blank_lines", [0, 2])
def test_the_title_is_the_first_line_with_text_after_blank_lines(blank_lines):
    """A pasted draft or a .docx often opens with empty paragraphs: the title is still the title."""
    lines = [""] * blank_lines + with_pushes(NOTICE, "关于抓好全市燃气安全专项检查落实工作的通知")
    assert [f.text for f in overuse_in(lines) if f.text in lines[blank_lines]] == []


# 落实 inside the clauses, not leading them: clauses leading alike are a series, exempt anyway
KEY_TERM_TEXT = ["抓落实要有方法，把任务逐项落实。抓落实要有担当，把责任逐项落实。", "抓落实靠作风，把措施逐项落实。抓落实见成效，把政策逐项落实。",
                 "抓落实靠班子，把要求逐项落实。抓落实靠机制，把清单逐项落实。", "抓落实靠考核，把整改逐项落实。抓落实靠制度，把规划逐项落实。"]


def test_a_generic_word_inside_the_documents_key_term_is_its_subject():
    """落实 said eight times in a text on 抓落实 is the subject; in a text on 抓基层 it is overuse."""
    assert overuse_in(KEY_TERM_TEXT) == []
    elsewhere = [line.replace("抓落实", "抓基层") for line in KEY_TERM_TEXT]
    assert {f.text for f in overuse_in(elsewhere) if f.rule == "document-overuse"} == {"落实"}


def test_a_word_in_quotation_marks_is_not_the_writers_to_vary():
    """“进一步” quoted eight times is a slogan under discussion, not a habit of the writer's."""
    lines = ["“进一步”是要求。“进一步”是态度。“进一步”是方向。“进一步”是目标。",
             "“进一步”是标准。“进一步”是担当。“进一步”是作风。“进一步”是纪律。"]
    assert overuse_in(lines) == []
    assert [f.text for f in overuse_in([line.replace("“进一步”", "进一步") for line in lines])]


def fixed_phrase_rows() -> list[tuple[str, str]]:
    text = resource_path("dict", "fixed_phrases.tsv").read_text(encoding="utf-8")
    return [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize("phrase, example", fixed_phrase_rows())
def test_a_fixed_formulation_binds_its_generic_words(phrase, example):
    """Every listed formulation holds a generic word, and in its example that word is not counted."""
    paragraph = Paragraph(example)
    start = example.index(phrase)
    inside = [t for t in paragraph.tokens if start <= t.start < start + len(phrase) and t.text in generic_words()]
    assert inside, f"{phrase}: no generic word in it, the entry could never change a finding"
    assert not {t.start for t in inside} & {t.start for t in generic_uses(paragraph, set())}


def counted(text: str) -> list[str]:
    """The generic words of ``text`` the overuse and repetition rules count."""
    return [token.text for token in generic_uses(Paragraph(text), set())]


@pytest.mark.parametrize("text, word", [("明确工作落实的责任", "落实"), ("矛盾比较突出。", "突出"),
                                        ("在这些转变中取得的成就", "转变"), ("重大项目", "重大")])
def test_a_generic_word_used_as_a_noun_or_predicate_is_not_counted(text, word):
    """The noun, predicate or attribute of the same characters is another word (wordclass._nominal)."""
    assert word not in counted(text)
    assert word in counted(text.replace("工作落实", "要落实").replace("比较", "要").replace("这些", "我们")
                           .replace("重大项目", "重大地推进"))


@pytest.mark.parametrize("text, word", [("降低贷款成本", "降低"), ("收入增加。", "增加"), ("预算外资金也大幅度增加。", "增加")])
def test_the_verb_of_a_measured_change_is_not_counted(text, word):
    """A report on costs and sums states each measure's change; the same verb without one counts."""
    assert word not in counted(text)
    assert word in counted(text.replace("贷款成本", "工作作风").replace("收入", "活力").replace("预算外资金", "活力"))


def test_a_documents_title_named_without_marks_binds_its_words():
    text = "作出了关于加强党同人民群众联系的决定，还要加强学习。"
    assert counted(text) == ["加强"]


@pytest.mark.parametrize("text, name_word, own", [("县推进办公室要加强督查。", "推进", ["加强"]),
                                                  ("市深化改革落实办要推进工作。", "落实", ["推进"])])
def test_the_word_right_before_a_bodys_ending_is_part_of_its_name(text, name_word, own):
    """县推进办公室: 推进 is the office's name, not the writer's verb; the writer's own still counts."""
    assert counted(text) == own, name_word


def every_bound_start(paragraph: Paragraph) -> set[int]:
    """The plain definition of wordclass._bound, over every token: what the generic words' own
    test must agree with."""
    tokens, tags, text = paragraph.tokens, paragraph.tags, paragraph.text
    spans = [(start + 1, end) for start, end in quoted_spans(text)]
    spans += [m.span() for pattern in (BARE_TITLE, fixed_phrases()) for m in pattern.finditer(text)]
    inside = {position for start, end in spans for position in range(start, end)}
    bound = {token.start for token in tokens if token.start in inside}
    for index, token in enumerate(tokens):
        if index and _is_body_ending(token, tags[index]):
            for back in range(index - 1, max(-1, index - 1 - NAME_REACH), -1):
                if HANZI.search(tokens[back].text) is None or tags[back] in NAME_BREAK_TAGS:
                    break
                bound.add(tokens[back].start)
    for index in range(1, len(tokens) - 1):
        if tokens[index].text == "和" and tags[index - 1] == "v" and tags[index + 1] == "v":
            bound.update((tokens[index - 1].start, tokens[index + 1].start))
    for first, second in zip(tokens, tokens[1:]):
        lengths = len(first.text), len(second.text)
        if sum(lengths) >= 3 and lengths != (2, 2) and word_frequency(first.text + second.text):
            bound.update((first.start, second.start))
        elif first.text == "可":
            bound.add(second.start)
    figures = {match.start() for match in FIGURE.finditer(text)}
    bound.update(token.start for token in tokens if token.end in figures or _measured(text, token))
    return bound


AWKWARD = ["推进", "加强和完善", "和完善", "建立和", "可持续推进", "推进可", "县推进办公室", "推进办", "推进推进办要推进",
           "“加强”", "“加强《推进》”加强", "《推进", "推进》“", "关于加强党同人民群众联系的决定加强", "增加", "增加422亿元",
           "增加到", "收入增加", "降低贷款成本降低", "坚持和完善加强", "科技创新推进", "，推进。进一步", "信访局推进信访局", "污水处理费"]


def bound_agrees(text: str) -> bool:
    paragraph = Paragraph(text)
    places = [index for index, token in enumerate(paragraph.tokens) if token.text in generic_words()]
    expected = {paragraph.tokens[index].start for index in places} & every_bound_start(paragraph)
    return _bound(paragraph, places) == expected


@pytest.mark.parametrize("text", AWKWARD)
def test_the_generic_words_bound_are_those_of_the_plain_definition(text):
    """_bound asks only about the generic words (one token in thirteen): on each of them it must
    answer as the definition over every token does, at a paragraph's edges too."""
    assert bound_agrees(text)


def test_the_generic_words_bound_in_the_corpora_are_those_of_the_plain_definition():
    assert [text for text in corpus_paragraphs() if not bound_agrees(text)] == []


WINDOWS = next(rule for rule in CHECKER.rules if rule.id == "window-overuse")


def plain_windows(paragraph: Paragraph) -> list[tuple[int, list[Token]]]:
    """The plain definition of each window's token count and watched words: every token walked."""
    groups: list[list] = [[]]
    for sentence in paragraph.sentences:
        groups[-1].append(sentence)
        if sentence.end - groups[-1][0].start >= WINDOWS.window_chars:
            groups.append([])
    tokens, watched = paragraph.tokens, {t.start for t in WINDOWS.watched_tokens(paragraph)}
    found, index = [], 0
    for group in filter(None, groups):
        size, members = 0, []
        while index < len(tokens) and tokens[index].start < group[-1].end:
            size += 1
            if tokens[index].start in watched:
                members.append(tokens[index])
            index += 1
        found.append((size, members))
    return found


def corpus_paragraphs() -> list[str]:
    return [p.text for folder in (resource_path("corpus"), resource_path("corpus", "extra"))
            for p in clean_folder(folder) if not p.title]


@pytest.mark.parametrize("text", ["", "  要加强管理，加强监督。  ", "加强管理，加强监督", "要加强。\n\n要加强", "。。加强加强。",
                                  "".join(corpus_paragraphs()[:40])])
def test_the_windows_tokens_and_watched_words_are_those_of_the_plain_definition(text):
    """WindowOveruseRule.windows finds each window's tokens by bisection and its watched words by a
    pointer: the same counts and words as walking every token, at the edges and across windows."""
    paragraph = Paragraph(text)
    raw = plain_windows(paragraph)
    parallel = paragraph.parallel if any(
        max(Counter(t.text for t in members).values(), default=0) >= WINDOWS.min_count for _, members in raw) else set()
    expected = [(size, Counter(t.text for t in members if t.start not in parallel)) for size, members in raw]
    assert [(size, counts) for size, counts, _, _ in WINDOWS.windows(paragraph)] == expected


@pytest.mark.parametrize("text", ["实现发展，实现稳定，实现安全。", "加强管理。加强监督。加强考核。", "要加强管理；要加强监督；",
                                  "推进改革，深化改革；推进开放，深化开放；", "加强“加强”加强，推进。", "推进改革，加强管理。",
                                  "深化改革;深化开放;", "不断提高能力。我们要不断提高水平；",
                                  "".join(corpus_paragraphs()[:60])])
def test_the_watched_words_are_those_of_the_plain_definition(text):
    """WordWatch.watched_tokens skips the series when no watched word is said twice: the same
    words as the generic uses less every series position."""
    paragraph = Paragraph(text)
    uses = generic_uses(paragraph, WINDOWS.ignore)
    series = series_positions(paragraph) if len(uses) >= 2 else set()
    assert WINDOWS.watched_tokens(paragraph) == [token for token in uses if token.start not in series]


def test_the_watched_words_of_the_corpora_are_those_of_the_plain_definition():
    for text in corpus_paragraphs():
        paragraph, fresh = Paragraph(text), Paragraph(text)
        uses = generic_uses(fresh, WINDOWS.ignore)
        series = series_positions(fresh) if len(uses) >= 2 else set()
        expected = [(token.start, token.text) for token in uses if token.start not in series]
        assert [(token.start, token.text) for token in WINDOWS.watched_tokens(paragraph)] == expected, text


OPENER = next(rule for rule in CHECKER.rules if rule.id == "repeated-opener")


@pytest.mark.parametrize("text", ["会议强调，要加强。会议强调，要推进。会议强调，要落实。", " 我们要加强。 我们要推进。我们要落实。",
                                  "。。会议指出。会议指出。", "一是加强。二是加强。", "".join(corpus_paragraphs()[:80])])
def test_the_openers_read_are_those_of_the_plain_definition(text):
    """OpenerRule.openings finds the token opening each sentence by bisection: the same words as a
    map from every token's start."""
    paragraph = Paragraph(text)
    index = {token.start: i for i, token in enumerate(paragraph.tokens)}
    plain = [OPENER._opening(paragraph, index.get(sentence.start), sentence) for sentence in paragraph.sentences]
    assert any(plain) and OPENER.openings(paragraph) == plain
