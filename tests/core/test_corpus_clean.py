"""Corpus cleaning, step by step, on the real quirks of resources/corpus (issue 3)."""

from __future__ import annotations


import pytest

from assistant.core.phrasebank import clean
from tests.conftest import ROOT

CORPUS = ROOT / "resources" / "corpus"


def raw(name_prefix: str) -> str:
    return next(CORPUS.glob(f"{name_prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaned() -> list[clean.CleanParagraph]:
    return clean.clean_folder(CORPUS)


def test_broken_and_proper_entities():
    assert "&ldqu;" in raw("000")
    assert clean.fix_entities("&ldqu;一分部署&rdqu;") == "“一分部署”"
    assert clean.fix_entities("&ldquo;落实&rdquo;&amp;&#21333;") == "“落实”&单"
    assert clean.fix_entities("R&D 部门") == "R&D 部门"


def test_pinyin_annotations():
    assert "網(wǎng)友" in raw("001")
    assert clean.strip_pinyin("來源于網(wǎng)友上傳,若需要原創(chuàng)文章") == "來源于網友上傳,若需要原創文章"
    assert clean.strip_pinyin("座谈会情况(第7期)") == "座谈会情况(第7期)"


def test_boilerplate_lines():
    for line in ["浏览次数:  更新时间:2018-11-25 13:01:50", "上一篇:改革开放四十年往事回忆原创征文6篇",
                 "微信扫码领取福利", "221381", "SUCAI198.COM —— 专注党建行政公文写作范文",
                 "找文章到xiexiebang.com更多原创-(http://www.xiexiebang.com/)", "时间:2022-07-19 06:06:00",
                 "《浅谈如何强化干部抓落实的执行力》来源于xiexiebang.com,欢迎阅读浅谈如何强化干部抓落实的执行力。"]:
        assert clean.is_boilerplate(line), line
    assert not clean.is_boilerplate("一要事无巨细抓具体。")


def test_page_markers():
    assert "理想信念,-2-" in raw("003")
    assert clean.strip_page_markers("共产党人有着坚定的理想信念,-2-") == "共产党人有着坚定的理想信念,"
    assert clean.strip_page_markers("2018-11-25") == "2018-11-25"


def test_mojibake_sentences_are_dropped_not_learned():
    assert "?!白ヂ鋵崱闭f來簡單" in raw("001") and "布臵当前工作" in raw("003")
    text = "第三，抓落實應當成為一種意志?!白ヂ鋵崱闭f來簡單,但真正要以實際行動加以實踐。需要有堅持不懈的韌勁。"
    assert clean.drop_damaged_sentences(text) == "需要有堅持不懈的韌勁。"
    assert clean.is_damaged("学习会议文件，布臵当前工作。")
    assert not clean.is_damaged("加快转型蹚新路、全方位推动高质量发展。")


def test_hard_line_breaks_are_joined_but_headings_are_not():
    lines = [(1, "3、各级党委要认真制定今年党建工作计划,年"), (2, "终工作要有检查、有总结。"),
             (3, "三、提高执行力的措施"), (4, "和办法"), (5, "二、围绕全市发展,着力提升执行效果"),
             (6, "树勇书记讲话中强调:对提升执行力要高度重视。")]
    assert clean.join_broken_lines(lines) == [
        (1, "3、各级党委要认真制定今年党建工作计划,年终工作要有检查、有总结。"),
        (3, "三、提高执行力的措施和办法"), (5, "二、围绕全市发展,着力提升执行效果"),
        (6, "树勇书记讲话中强调:对提升执行力要高度重视。")]


def test_half_width_punctuation_in_chinese_context():
    assert clean.normalize_punctuation('发扬"三事精神",抓具体、抓深入:一要(试行)') == "发扬“三事精神”，抓具体、抓深入：一要（试行）"
    assert clean.normalize_punctuation("时间 13:01:50, version 1.5") == "时间 13:01:50, version 1.5"


def test_the_whole_corpus(cleaned):
    text = "\n".join(p.text for p in cleaned)
    for residue in ["&ldqu", "wǎng", "浏览次数", "上一篇", "微信扫码", "xiexiebang", "-2-", "ヂ", "臵", "挆", "鋵"]:
        assert residue not in text, residue
    assert not any(ch in text for ch in ",;?!()"), "ASCII punctuation left in Chinese text"
    assert "狠抓落实" in text and "狠抓落實" not in text  # traditional folded to simplified
    titles = [p.text for p in cleaned if p.title]
    assert "执行力就是抓落实" in titles and "第一篇:执行力就是抓落实" not in text
    assert "三、提高执行力的措施和办法" in titles


def test_source_locations_point_at_the_raw_line(cleaned):
    for paragraph in cleaned:
        raw_lines = (CORPUS / paragraph.source).read_text(encoding="utf-8").splitlines()
        start = clean.to_simplified(clean.strip_pinyin(clean.fix_entities(raw_lines[paragraph.line - 1])))
        probe = paragraph.text[:4]
        assert any(ch in start for ch in probe), (paragraph.source, paragraph.line, paragraph.text[:20])


def test_a_speakers_name_before_the_address_is_not_text():
    texts = [p.text for p in clean.clean_text("（2022年10月16日）\n习近平\n同志们：\n现在，我代表第十九届中央委员会向大会作报告。\n", "r.txt")]
    assert "习近平" not in texts and "同志们：" in texts
    assert "李强" in [p.text for p in clean.clean_text("李强\n国务院总理。\n", "r.txt")][0]
