"""Overuse is about weak words, never the subject (issue 25): on a notice about one inspection
campaign (tests/_files/notice/), the campaign's own words, its title and the name of the office
that runs it are never reported, while a generic word said too often still is."""

from __future__ import annotations

from assistant.core.checker.engine import Checker
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
