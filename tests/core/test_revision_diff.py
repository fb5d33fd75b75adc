"""Diffing two rounds of a draft (issue 15): words not characters, moves, punctuation grouping."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.core.text.align import align
from assistant.core.revision.diff import diff_drafts, diff_paragraph, word_opcodes


def apply(opcodes, a, b):
    """Rebuild ``b`` from ``a`` with the opcodes, checking they tile both sequences."""
    out, i, j = [], 0, 0
    for tag, i1, i2, j1, j2 in opcodes:
        assert (i1, j1) == (i, j) and i2 >= i1 and j2 >= j1
        assert (tag == "equal") == (a[i1:i2] == b[j1:j2] and i2 - i1 == j2 - j1)
        out.extend(a[i1:i2] if tag == "equal" else b[j1:j2])
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=60), st.lists(st.sampled_from("abcde"), max_size=60))
def test_alignment_rebuilds_the_new_sequence(a, b):
    assert apply(align(a, b), a, b) == b


def test_alignment_of_long_repetitive_sequences_keeps_the_unique_anchor():
    old = [""] * 3000 + ["甲"] + [""] * 3000
    new = [""] * 2999 + ["乙", "甲"] + [""] * 3000
    codes = align(old, new)
    assert apply(codes, old, new) == new
    assert codes == [("equal", 0, 2999, 0, 2999), ("replace", 2999, 3000, 2999, 3000), ("equal", 3000, 6001, 3000, 6001)]


CHINESE = st.text(alphabet="加强强化推动工作落实的要一二三。，,.；（） \t", max_size=40)


@settings(max_examples=300, deadline=None)
@given(CHINESE, CHINESE)
def test_word_opcodes_rebuild_the_new_text(old, new):
    assert "".join(apply(word_opcodes(old, new), old, new)) == new


def changes_as_text(old: str, new: str, **options) -> list[tuple[str, str]]:
    return [(old[c.old_start:c.old_end], new[c.new_start:c.new_end]) for c in diff_paragraph(old, new, **options)]


def test_a_replaced_word_is_one_replacement_not_characters():
    assert changes_as_text("我们要加强基层党建工作", "我们要强化基层党建工作") == [("加强", "强化")]


def test_a_word_that_grows_is_an_insertion():
    assert changes_as_text("有关工作要求", "有关工作人员要求") == [("", "人员")]


def test_a_moved_sentence_is_a_deletion_and_an_insertion():
    old = "第一句讲形势。第二句讲任务。第三句讲要求。"
    new = "第二句讲任务。第一句讲形势。第三句讲要求。"
    changes = changes_as_text(old, new)
    assert sorted(changes) == [("", "第一句讲形势。"), ("第一句讲形势。", "")]


def test_punctuation_fixes_are_one_revision_per_paragraph_unless_told_otherwise():
    old = "一是抓学习,二是抓落实,三是抓督查;四是抓考核."
    new = "一是抓学习，二是抓落实，三是抓督查；四是抓考核。"
    grouped = diff_paragraph(old, new)
    assert len(grouped) == 1 and grouped[0].punctuation
    assert (grouped[0].inserted, grouped[0].deleted) == (4, 4)
    assert len(diff_paragraph(old, new, group_punctuation=False)) == 4


def test_a_word_change_splits_the_punctuation_groups():
    old = "一是抓学习,二是加强落实,三是抓督查."
    new = "一是抓学习，二是强化落实，三是抓督查。"
    changes = diff_paragraph(old, new)
    assert [c.punctuation for c in changes] == [True, False, True, True] or \
        [c.punctuation for c in changes].count(False) == 1
    assert any(new[c.new_start:c.new_end] == "强化" for c in changes)


def test_paragraphs_pair_by_similarity_so_a_deleted_one_is_told_apart():
    old = ["开头一段保持不变。", "这一段整段删除，不再保留。", "这是会被修改的一段文字内容。"]
    new = ["开头一段保持不变。", "这是被修改过的一段文字内容。"]
    rows = [(row.old, row.new) for row in diff_drafts(old, new)]
    assert rows == [(0, 0), (1, None), (2, 1)]


def test_a_changed_number_is_one_replacement():
    assert changes_as_text("成文日期2025年3月1日", "成文日期2025年3月10日") == [("1", "10")]


def test_a_punctuation_fix_beside_a_word_change_is_its_own_revision():
    changes = diff_paragraph("工作,推动落实", "工作，推进落实")
    assert [(c.punctuation, "工作,推动落实"[c.old_start:c.old_end]) for c in changes] == [(True, ","), (False, "推动")]
