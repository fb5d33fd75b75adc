"""The bounded diffs: character opcodes (conversion alignment, change previews) and line opcodes
(the editor's lines onto the document's paragraphs) are complete and consistent on any input,
and take the linear path where difflib would blow up."""

from __future__ import annotations

import random

import pytest

from assistant.core.document import MAX_DIFFED_LINES, line_opcodes, new_document
from assistant.core.text import diff as diff_module
from assistant.core.text.diff import LONG_TEXT, diff


def rebuilt(a, b, opcodes):
    """``b`` from ``a`` by the opcodes, checking they tile both sides in order."""
    i = j = 0
    out = []
    for tag, i1, i2, j1, j2 in opcodes:
        assert (i1, j1) == (i, j)
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
        out += list(b[j1:j2])
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))
    return out


@pytest.mark.parametrize("length", [20, LONG_TEXT * 3])
def test_character_opcodes_rebuild_the_new_text(length: int):
    rng = random.Random(length)
    for _ in range(200):
        a = "".join(rng.choice("头发软件云") for _ in range(rng.randint(0, length)))
        b = list(a)
        for _ in range(rng.randint(0, 6)):
            k = rng.randint(0, len(b))
            b[k:k + rng.randint(0, 4)] = rng.choices("頭髮軟體雲", k=rng.randint(0, 4))
        assert rebuilt(a, "".join(b), diff(a, "".join(b))) == b


def test_a_long_repetitive_text_takes_the_linear_path(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("difflib on a long text")

    monkeypatch.setattr(diff_module, "SequenceMatcher", refuse)
    old, new = "頭發" * 4000, "頭髮" * 4000  # a character-by-character guide against the phrase conversion
    opcodes = diff(old, new)
    assert rebuilt(old, new, opcodes) == list(new)
    assert all(i2 - i1 == 1 and j2 - j1 == 1 for tag, i1, i2, j1, j2 in opcodes if tag != "equal")


def test_line_opcodes_rebuild_the_new_lines():
    rng = random.Random(7)
    for _ in range(300):
        old = rng.choices("abcd", k=rng.randint(0, 40))
        new = list(old)
        for _ in range(rng.randint(0, 4)):
            k = rng.randint(0, len(new))
            new[k:k + rng.randint(0, 3)] = rng.choices("abcde", k=rng.randint(0, 3))
        assert rebuilt(old, new, line_opcodes(old, new)) == new


def test_one_edit_among_many_identical_lines_is_found_by_head_and_tail():
    old = [""] * 50_000 + ["x"] + [""] * 50_000
    new = [""] * 50_000 + ["y", "z"] + [""] * 50_000
    assert line_opcodes(old, new) == [("equal", 0, 50_000, 0, 50_000), ("replace", 50_000, 50_001, 50_000, 50_002),
                                      ("equal", 50_001, 100_001, 50_002, 100_002)]


def test_beyond_the_bound_lines_are_paired_by_position_not_searched():
    """A line inserted at the top and another removed at the end of 3,000 changed lines: difflib would
    find the shift; the bounded matcher pairs line by line (linear, whatever the lines hold)."""
    old = ["新增的第一行"] + [f"第{i}行" for i in range(MAX_DIFFED_LINES + 1000)]
    new = [f"第{i}行" for i in range(MAX_DIFFED_LINES + 1000)] + ["最后一行"]
    opcodes = line_opcodes(old, new)
    assert rebuilt(old, new, opcodes) == new
    assert all(tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1 for tag, i1, i2, j1, j2 in opcodes)


def test_a_huge_changed_middle_is_paired_by_position_keeping_unchanged_lines():
    old = ["a", "keep"] * MAX_DIFFED_LINES
    new = ["b", "keep"] * MAX_DIFFED_LINES + ["c"]
    opcodes = line_opcodes(old, new)
    assert rebuilt(old, new, opcodes) == new
    assert ("equal", 1, 2, 1, 2) in opcodes  # a read-only paragraph among them is left alone


def test_a_stretch_with_nothing_to_anchor_on_is_paired_by_position():
    """Blank lines shifted by one (difflib took 0.65 s over this on the UI thread): no line is unique, so
    lines pair by position and each unchanged one stays itself."""
    old = [""] * 1999 + ["末行"]
    new = ["首行"] + [""] * 1999
    opcodes = line_opcodes(old, new)
    assert rebuilt(old, new, opcodes) == new
    assert all(i2 - i1 == 1 and j2 - j1 == 1 for tag, i1, i2, j1, j2 in opcodes)
    assert sum(tag == "equal" for tag, *_ in opcodes) == 1998


def test_replace_lines_names_the_paragraphs_it_changed_inserted_and_deleted():
    """The session learns from these what an edit touched (it walked 20,000 paragraphs for it)."""
    document = new_document()
    document.replace_lines(["甲", "乙", "丙", "丁"])
    first, second, third, fourth = document.paragraphs
    changed, deleted = document.replace_lines(["甲", "乙改", "丁", "戊"])
    assert [p.text for p in document.paragraphs] == ["甲", "乙改", "丁", "戊"]
    assert document.paragraphs[:3] == [first, second, fourth] and document.paragraphs[1] is second
    assert sorted(p.uid for p in changed) == [second.uid, document.paragraphs[3].uid]
    assert [p.uid for p in deleted] == [third.uid]
    assert document.replace_lines(["甲", "乙改", "丁", "戊"]) == ([], [])

