"""DraftSession without a window: text sync, per-paragraph check results, 全部修正 plans, ignores."""

from __future__ import annotations

import pytest

from assistant.core.checker.engine import Checker
from assistant.core.document import new_document
from assistant.core.session import DraftSession
from assistant.core.resources import resource_path
from assistant.core.settings import Settings

LINES = ["今年以来,各项工作推进顺利。", "要加强加强管理,抓好落实。", "咱们要好好干。"]


def session_with(lines: list[str]) -> DraftSession:
    session = DraftSession(new_document(), Settings(), Checker())
    session.sync(lines)
    assert session.apply_check(session.check_job()(lambda done, total: None))
    return session


def test_fix_plan_takes_only_certain_standing_and_non_overlapping_fixes():
    session = session_with(LINES)
    findings = session.findings
    assert any(not f.fixable for f in findings) and any(f.fixable for f in findings)
    plan = session.fix_plan(findings + [findings[0]])
    assert all(f.fixable for f in plan.findings) and len(set(plan.findings)) == len(plan.findings)
    assert dict((i, new) for i, _, new in plan.changes) == {0: "今年以来，各项工作推进顺利。", 1: "要加强管理，抓好落实。"}
    session.sync(["今年以来、各项工作推进顺利。"] + LINES[1:])  # the first comma was edited away
    assert 0 not in {i for i, _, _ in session.fix_plan(findings).changes}


def test_a_result_applies_only_to_paragraphs_unchanged_since_the_check():
    session = session_with(LINES)
    job = session.check_job()
    session.sync(LINES[:2] + ["我们要认真做好各项工作。"])
    assert session.apply_check(job(lambda done, total: None)) is False
    assert 2 not in {f.paragraph for f in session.findings}
    assert {0, 1} <= {f.paragraph for f in session.findings}


def test_the_count_of_findings_is_the_length_of_their_list_before_and_after_an_edit():
    """The status bar counts without making the list: the same number, whether the list stands or an
    edit (here a paragraph inserted, one changed, one deleted) has set it aside."""
    session = session_with(LINES)
    assert session.finding_count() == len(session.findings) > 3
    standing = len([f for f in session.findings if f.paragraph != 1])
    session.sync(["咱们今年要好好干。", LINES[0], "要加强管理，抓好落实。", LINES[2]])
    assert session._findings is None
    count = session.finding_count()
    assert session._findings is None  # counting made no list
    assert count == len(session.findings) == standing
    session = session_with(LINES)  # an ignore taken back after the paragraph it was in was deleted
    session.accept_word(next(f for f in session.findings if f.text == "咱们"))
    session.sync(LINES[:2])
    assert session.undo_ignore() and session.finding_count() == len(session.findings) > 0


@pytest.mark.parametrize("deleted", [0, 2])
def test_a_result_checked_before_a_paragraph_was_deleted_is_numbered_as_the_text_stands(deleted):
    """Every remaining paragraph is unchanged, so the result covers them all, but they moved up
    (or the last is gone): the findings follow today's positions, none of the deleted one stays."""
    session = session_with(LINES)
    job = session.check_job()
    session.sync(LINES[:deleted] + LINES[deleted + 1:])
    assert session.apply_check(job(lambda done, total: None))
    assert session.findings == session_with(LINES[:deleted] + LINES[deleted + 1:]).findings


def test_an_ignore_is_undone_with_its_findings():
    session = session_with(LINES)
    before = list(session.findings)
    zanmen = next(f for f in before if f.text == "咱们")
    session.accept_word(zanmen)
    assert "咱们" not in [f.text for f in session.findings] and "咱们" in Settings.load().checker.ignored_words
    assert session.undo_ignore() and session.findings == before
    assert "咱们" not in Settings.load().checker.ignored_words and not session.undo_ignore()


def test_fix_plan_leaves_read_only_paragraphs_alone():
    session = session_with(LINES)
    session.document.paragraphs[0].editable = False  # as a text box's paragraph is
    assert 0 not in {i for i, _, _ in session.fix_plan(session.findings).changes}
    assert 1 in {i for i, _, _ in session.fix_plan(session.findings).changes}


@pytest.mark.parametrize("name", sorted(path.name for path in resource_path("corpus").glob("*.txt")))
def test_fix_all_leaves_nothing_for_a_second_pass_on_the_seeds(name):
    """全部修正 in one pass: after it, the seed text (as a user opens it, web debris and all) has no
    certain fix left — half-width marks inside a half-width quotation are fixed with it."""
    lines = resource_path("corpus", name).read_text(encoding="utf-8").splitlines()
    session = session_with(lines)
    fixed = list(lines)
    for index, _, new in session.fix_plan(session.findings).changes:
        fixed[index] = new
    session.sync(fixed)
    assert session.apply_check(session.check_job()(lambda done, total: None))
    assert [(f.rule, f.text) for f in session.findings if f.fixable] == []
