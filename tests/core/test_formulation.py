"""规范提法: every reformed body and every formulation fires on its example and not on its
counter-example, dates decide (the day before a change is quiet, the day after is not), history is
left alone, the tables' sources are in the corpus, and the held-out sentences and corpus-extra (each
report at its own date) come out as expected."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.core.checker.dating import document_date
from assistant.core.checker.engine import Checker
from assistant.core.checker.loading import load_rules
from assistant.core.resources import resource_path

RULES = {rule.id: rule for rule in load_rules() if rule.category == "formulation"}
BODIES = RULES["formulation"]
FORMULATIONS = RULES["formulation-enum"]
CHECKERS = {rule_id: Checker([rule]) for rule_id, rule in RULES.items()}
FILES = Path(__file__).parent.parent / "_files" / "formulation"
CONGRESS_DATES = {12: date(1982, 9, 1), 13: date(1987, 10, 25), 14: date(1992, 10, 12), 15: date(1997, 9, 12),
                  16: date(2002, 11, 8), 17: date(2007, 10, 15), 18: date(2012, 11, 8), 19: date(2017, 10, 18),
                  20: date(2022, 10, 16)}


def flagged(text: str, rule_ids=tuple(RULES)) -> list[str]:
    return [f.text for rule_id in rule_ids for f in CHECKERS[rule_id].check(text.split("\n"))]


def hits_at(rule, lines: list[str], when: date) -> list[str]:
    analyses = [CHECKERS[rule.id].analyse(line) for line in lines]
    return [analyses[i].text[hit.start:hit.end] for i, hit in rule.hits_at(analyses, when)]


@pytest.mark.parametrize("body", BODIES.bodies.values(), ids=lambda b: b.word)
def test_every_body_fires_on_its_example_and_not_on_its_counter(body):
    assert body.word in flagged(body.example, ["formulation"]), body.example
    assert not flagged(body.counter, ["formulation"]), body.counter


# The sourced events (see the header of resources/lexicons/reformed-bodies.tsv): the NPC's approval
# of the 2018 and 2023 国务院机构改革方案, the 2021 国家乡村振兴局 plaque, the 2023 党和国家机构改革方案.
EVENTS = {date(2018, 3, 17), date(2021, 2, 25), date(2023, 3, 10), date(2023, 3, 16)}


def test_every_change_is_dated_by_one_of_the_sourced_events():
    assert {body.changed for body in BODIES.bodies.values()} == EVENTS
    assert all(body.source.startswith(str(body.changed.year)) or "电" in body.source for body in BODIES.bodies.values())


@pytest.mark.parametrize("body", BODIES.bodies.values(), ids=lambda b: b.word)
def test_a_body_is_flagged_only_after_its_change(body):
    lines = [body.example]
    assert not hits_at(BODIES, lines, body.changed - timedelta(days=1))
    assert body.word in hits_at(BODIES, lines, body.changed + timedelta(days=1))


def test_a_successor_reformed_again_is_followed_to_the_current_name():
    between = BODIES.history(BODIES.bodies["银监会"], date(2020, 1, 1))
    after = BODIES.history(BODIES.bodies["银监会"], date(2024, 1, 1))
    assert between[1] == ("中国银行保险监督管理委员会",)
    assert after[1][0] == "国家金融监督管理总局" and "2023年" in after[0]


@pytest.mark.parametrize("formulation", FORMULATIONS.formulations, ids=lambda f: f.name)
def test_every_formulation_fires_on_its_bad_examples_and_not_on_its_good(formulation):
    for example in formulation.bad:
        assert example.flagged in flagged(example.text, ["formulation-enum"]), example.text
    for text in formulation.good:
        assert not flagged(text, ["formulation-enum"]), text


CORPUS = resource_path("corpus", "extra")


@pytest.mark.parametrize("formulation", [f for f in FORMULATIONS.formulations if f.source_file],
                         ids=lambda f: f.name)
def test_every_formulation_is_quoted_from_its_report_with_its_members_in_order(formulation):
    """The quote stands verbatim in the corpus-extra report, holds the members as listed, and is
    not flagged at the report's date."""
    text = (CORPUS / formulation.source_file).read_text(encoding="utf-8")
    assert formulation.quote in text
    joined = "".join(formulation.quote.split("倡导")).replace("，", "、")
    assert formulation.current in joined
    assert not hits_at(FORMULATIONS, [formulation.quote], report_date(formulation.source_file))


def test_every_formulation_dates_its_form_by_the_first_report_that_states_it():
    texts = {path.name: path.read_text(encoding="utf-8").replace("倡导", "").replace("，", "、")
             for path in CORPUS.glob("*_*.txt")}
    for formulation in FORMULATIONS.formulations:
        if formulation.source_file:
            stated = [report_date(name) for name, text in texts.items() if formulation.current in text]
            assert formulation.since == min(stated), formulation.name


def report_date(name: str) -> date:
    kind, number = Path(name).stem.split("_")
    return CONGRESS_DATES[int(number)] if kind == "cpc" else date(int(number), 3, 5)


def test_corpus_extra_at_its_own_dates_has_no_findings():
    found = []
    for path in sorted(CORPUS.glob("*_*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for rule in RULES.values():
            found += [(path.name, hit) for hit in hits_at(rule, lines, report_date(path.name))]
    assert not found


def test_corpus_extra_read_today_flags_the_superseded_goal():
    """The same texts read as today's drafts: the 2007–2016 form of the 现代化 goal is out of date."""
    lines = (CORPUS / "gwr_2016.txt").read_text(encoding="utf-8").splitlines()
    assert "富强民主文明和谐的社会主义现代化国家" in hits_at(FORMULATIONS, lines, date(2026, 1, 1))


def cases(name: str) -> list[list[str]]:
    rows = (FILES / name).read_text(encoding="utf-8").splitlines()
    return [row.replace("\\n", "\n").split("\t") for row in rows if row.strip() and not row.startswith("#")]


MUST_FLAG = cases("must_flag.tsv")
MUST_NOT_FLAG = cases("must_not_flag.tsv")


def test_held_out_sets_are_large_enough():
    assert len(MUST_FLAG) >= 30 and len(MUST_NOT_FLAG) >= 30


@pytest.mark.parametrize("case", MUST_FLAG, ids=lambda c: c[0][:20])
def test_held_out_must_flag(case):
    text, expected = case
    assert expected in flagged(text)


@pytest.mark.parametrize("case", MUST_NOT_FLAG, ids=lambda c: c[0][:20])
def test_held_out_must_not_flag(case):
    assert not flagged(case[0])


@pytest.mark.parametrize("lines, expected", [
    (["正文。", "某某市人民政府", "2026年3月1日"], date(2026, 3, 1)),
    (["正文。", "二〇一九年五月四日", "抄送：某某。"], date(2019, 5, 4)),
    (["正文。", "某某市人民政府办公室 2019年5月6日印发"], date(2019, 5, 6)),
    (["某政发〔2019〕3号", "关于做好春耕工作的通知", "正文。"], date(2019, 1, 1)),
    # A full 版头: 份号, 密级, 紧急程度 and 发文机关标志 stand above the 发文字号.
    (["000001", "机密★1年", "特急", "某某市人民政府文件", "某政发〔2019〕3号", "关于做好春耕工作的通知", "正文。"],
     date(2019, 1, 1)),
    (["2019年工作要点", "正文。"], date(2019, 1, 1)),
    (["关于印发国土资源“十三五”规划（2016—2020年）的通知", "正文。"], date(2016, 1, 1)),
    (["关于做好春耕工作的通知", "正文里提到2015年的事。"], date(2030, 1, 1)),
])
def test_document_date(lines, expected):
    assert document_date(lines, date(2030, 1, 1)) == expected


def test_the_message_names_the_change_and_its_source():
    finding = CHECKERS["formulation"].check(["请国土资源部牵头制定实施细则。"])[0]
    assert finding.suggestions[0] == "自然资源部" and not finding.fixable
    assert "2018年" in finding.message and "国务院机构改革方案" in finding.message


def test_every_place_of_an_old_name_is_underlined_on_its_own():
    """Each place is a mistake to correct (not one document-wide finding underlined once)."""
    found = CHECKERS["formulation"].check(["请国土资源部牵头。", "国土资源部要加强指导。"])
    assert [f.paragraph for f in found] == [0, 1] and not any(f.document_level for f in found)
