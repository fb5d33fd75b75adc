"""The law text the character model reads: how its overlap with the benchmark is measured, and that
a paragraph holding a benchmark sentence or a sentence of the corpora is never trained on."""

from __future__ import annotations

from assistant.core.checker.calibrate import corpus_texts, held_out
from assistant.core.checker.law_text import decontaminated, overlap, paragraphs, protected_sentences
from assistant.core.checker.typo_model import typo_dev_folder
from assistant.core.resources import resource_path

DEV = ["各级人民政府应当加强对本行政区域内安全生产工作的领导", "县级以上人民政府统计机构负责本行政区域的统计工作"]


def test_overlap_counts_whole_sentences_and_mostly_found_ones():
    texts = ["第三条 各级人民政府应当加强对本行政区域内安全生产工作的领导，支持、督促各有关部门依法履行职责。",
             "县级以上地方人民政府统计机构负责本行政区域的统计工作。"]
    exact, loose = overlap(texts, DEV)
    assert (exact, loose) == (0.5, 0.5)  # the second differs by 地方: 13 of its 17 shingles, below 80 %
    assert overlap(["本条例自公布之日起施行。"], DEV) == (0.0, 0.0)


def test_a_paragraph_holding_a_benchmark_sentence_is_left_out():
    kept = ["本条例自公布之日起施行。", "乡镇人民政府应当配备专职统计人员。"]
    texts = [kept[0], "第三条 各级人民政府应当加强对本行政区域内安全生产工作的领导，支持各有关部门。", kept[1]]
    assert decontaminated(texts, DEV) == kept


def test_a_law_file_yields_its_title_and_articles_without_markup(tmp_path):
    (tmp_path / "_index.md").write_text("---\nbookCollapseSection: true\n---\n# 行政法\n", encoding="utf-8")
    (tmp_path / "某某条例.md").write_text(
        "# 某某条例\n\n2020年1月1日 某某市人民代表大会常务委员会通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了规范管理，制定本条例。\n",
        encoding="utf-8")
    assert list(paragraphs(tmp_path)) == ["某某条例", "2020年1月1日 某某市人民代表大会常务委员会通过", "第一章 总则",
                                          "第一条 为了规范管理，制定本条例。"]


def test_a_source_paragraph_quoting_the_held_out_fifth_is_left_out():
    """Corpus-extra's held-out fifth measures the false alarms on edited text no model read: a
    source paragraph that quotes one of its sentences is never trained on, whatever else it says."""
    extra = corpus_texts(resource_path("corpus", "extra"))
    name = next(name for name in sorted(extra) if held_out(name, list(extra)))
    quoted = max(extra[name], key=len)[:60]
    plain = "第十二条 县级以上人民政府应当建立健全工作协调机制。"
    texts = [plain, f"第十三条 前款规定，{quoted}", plain]
    assert decontaminated(texts, protected_sentences(typo_dev_folder())) == [plain, plain]
