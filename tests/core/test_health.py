"""文稿体检: counts, overused words, sentence-length profile, before/after rows, the reviewed-copy page."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from assistant.core.checker.engine import Checker
from assistant.core.checker.model import CATEGORIES, Finding
from assistant.core.document import open_document
from assistant.core.export.review import export_reviewed
from assistant.core.health import (BIN_LABELS, CorpusNorm, build_report, compare, corpus_norm, histogram,
                                   overused_words)
from tests.conftest import SAMPLE, W

CHECKER = Checker()


def sample() -> tuple[list[str], list]:
    texts = [p.text for p in open_document(SAMPLE).paragraphs]
    return texts, CHECKER.check(texts)


def test_counts_are_the_findings_counts():
    texts, findings = sample()
    report = build_report(texts, findings)
    assert report.findings == len(findings) > 5
    assert report.by_category == Counter(f.category for f in findings)
    assert report.by_severity == Counter(f.severity for f in findings)
    assert len(report.by_category) > 3


def test_size_figures():
    report = build_report(["一、总体情况", "", "今年以来， 工作有序推进。各项任务完成较好！还要努力"], [])
    assert report.paragraphs == 2
    assert report.characters == len("一、总体情况今年以来，工作有序推进。各项任务完成较好！还要努力")
    assert report.sentences == 4  # the heading, two ended sentences and the unfinished one
    # lengths as the long-sentence rule measures them (a space inside a sentence counts): 6, 13, 9, 4
    assert report.average_sentence == 8.0


def test_a_word_repeated_thirty_times_tops_the_overused_words():
    draft = ["今年以来，我局认真履行职责，各项工作取得新进展。",
             "。".join(f"第{i}项工作要统筹" for i in range(30)) + "。",
             "下一步，我们将继续努力，推动高质量发展。"]
    report = build_report(draft, [])
    top = report.overused[0]
    assert (top.word, top.count) == ("统筹", 30)
    assert top.ratio > 10 and top.in_corpus
    assert all(word.count >= 3 for word in report.overused)


def test_only_content_words_count_as_overused():
    """Pronouns, adverbs and proper names repeated are not a word choice to vary."""
    report = build_report(["我们进一步到北京调研。" * 6, "要抓好落实。" * 4], [])
    words = {w.word for w in report.overused}
    assert "落实" in words and not words & {"我们", "进一步", "北京"}


def test_overused_ranks_by_ratio_to_the_corpus_and_ignores_rare_uses():
    norm = CorpusNorm({"发展": 1000, "谋划": 10, "一次": 1}, 100_000, tuple([0.0] * len(BIN_LABELS)))
    found = overused_words(Counter({"发展": 5, "谋划": 5, "稀见": 3, "一次": 2}), 100, norm)
    assert [w.word for w in found] == ["稀见", "谋划", "发展"]
    assert found[0].ratio == pytest.approx(3 / 100 / (0.5 / 100_000)) and not found[0].in_corpus
    assert found[1].ratio == pytest.approx(500) and found[2].ratio == pytest.approx(5)
    many = overused_words(Counter({f"词{i:02d}": 3 + i for i in range(30)}), 1000, norm)
    assert len(many) == 20 and many[0].word == "词29"


def test_histograms_are_shares_of_sentences():
    assert histogram([20, 21, 40, 150, 151, 151]) == (1 / 6, 2 / 6, 0, 0, 0, 1 / 6, 2 / 6)
    assert histogram([]) == (0.0,) * len(BIN_LABELS)
    report = build_report(*sample())
    assert sum(report.length_histogram) == pytest.approx(1)
    assert sum(report.norm_histogram) == pytest.approx(1)
    assert report.norm_histogram == corpus_norm().histogram
    assert max(report.norm_histogram[:3]) > 0.2  # edited 公文: most sentences under 60 characters


def test_compare_rows():
    texts, findings = sample()
    before = build_report(texts, findings)
    edited = texts + ["我们要进一步加强学习，进一步加强管理，进一步加强服务。"]
    after = build_report(edited, CHECKER.check(edited))
    rows = compare(before, after)
    assert rows[0] == ("问题总数", len(findings), after.findings)
    assert rows[-2] == ("字数", before.characters, after.characters)
    assert rows[-1] == ("平均句长（字）", before.average_sentence, after.average_sentence)
    categories = {label: (old, new) for label, old, new in rows[1:-2]}
    expected = {CATEGORIES[key] for key in before.by_category.keys() | after.by_category.keys()}
    assert set(categories) == expected
    for key, name in CATEGORIES.items():
        if name in categories:
            assert categories[name] == (before.by_category.get(key, 0), after.by_category.get(key, 0))


def test_compare_keeps_a_category_that_went_to_zero():
    finding = Finding("r", "typo", "error", 0, 0, 2, "今年", "错别字")
    before, after = build_report(["今年很好。"], [finding, finding]), build_report(["今年很好。"], [])
    assert (CATEGORIES["typo"], 2, 0) in compare(before, after)
    assert compare(before, after)[0] == ("问题总数", 2, 0)


def test_reviewed_copy_opens_with_the_health_page(tmp_path: Path):
    document = open_document(SAMPLE)
    texts = [p.text for p in document.paragraphs]
    findings = CHECKER.check(texts)
    report = build_report(texts, findings)
    result = export_reviewed(document.snapshot(), findings, tmp_path / "批注版.docx", health=report)
    assert (result.placed, result.stale) == (len(findings), 0)
    with zipfile.ZipFile(result.path) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
        comments = etree.fromstring(archive.read("word/comments.xml"))
    assert len(list(comments.iter(f"{W}comment"))) == len(findings)
    children = list(body)
    text = ["".join(child.itertext()) for child in children]
    assert text[0] == "文稿体检"
    assert children[0].find(f".//{W}rFonts").get(f"{W}eastAsia") == "黑体"
    assert str(report.findings) in text[1] and f"{report.characters:,}" in text[1]
    breaks = [i for i, child in enumerate(children) if child.find(f".//{W}br[@{W}type='page']") is not None]
    assert breaks, "a page break ends the 体检 page"
    page, draft = children[:breaks[0]], children[breaks[0] + 1:]
    tables = [child for child in page if child.tag == f"{W}tbl"]
    assert len(tables) == 2
    rows = [["".join(c.itertext()) for c in row.iter(f"{W}tc")] for row in tables[0].iter(f"{W}tr")]
    assert rows[0] == ["类别", "处数"]
    assert {name: int(count) for name, count in rows[1:]} == {CATEGORIES[k]: n for k, n in report.by_category.items()}
    words = [["".join(c.itertext()) for c in row.iter(f"{W}tc")] for row in tables[1].iter(f"{W}tr")]
    assert [row[:2] for row in words[1:]] == [[w.word, str(w.count)] for w in report.overused]
    first_draft_text = next(t for t in ("".join(c.itertext()) for c in draft) if t.strip())
    assert first_draft_text == next(t for t in texts if t.strip())
    assert not any("commentRangeStart" in child.tag for p in page for child in p.iter())


def test_the_shipped_corpus_figures_are_what_the_corpus_gives():
    """resources/phrasebank/corpus-norm.tsv is written by `phrasebank build`; rebuilt, it is the same."""
    from assistant.core.health import NORM_FILE, norm_file
    from assistant.core.phrasebank.build import read_corpus
    from assistant.core.resources import resource_path

    paragraphs, _ = read_corpus(resource_path("corpus"))
    assert norm_file([p.text for p in paragraphs]) == resource_path("phrasebank", NORM_FILE).read_bytes()


def test_a_health_report_reads_the_shipped_figures_and_segments_no_corpus(monkeypatch):
    """The first 体检 after start must not segment the corpus (that took 4–10 s)."""
    import assistant.core.health as health

    segmented = []
    counting = health.word_counts
    monkeypatch.setattr(health, "word_counts", lambda texts: segmented.append(len(list(texts))) or counting([]))
    corpus_norm.cache_clear()
    try:
        norm = corpus_norm()
    finally:
        corpus_norm.cache_clear()
    assert not segmented
    assert norm.words > 500_000 and norm.counts["发展"] > 5_000 and sum(norm.histogram) == pytest.approx(1)
