"""公文要素 recognised from plain drafts: each 要素 alone, drafts that lack some, and the full examples."""

from __future__ import annotations

import pytest

from assistant.core.export.elements import Elements, Line, attachment_names, doc_type, recognise
from assistant.core.text.dates import normalise_date, normalise_doc_number
from tests.conftest import FILES

GONGWEN = FILES / "gongwen"


def lines(text: str) -> list[Line]:
    return [Line(t) for t in text.strip().splitlines() if t.strip()]


def read(name: str):
    return recognise(lines((GONGWEN / name).read_text(encoding="utf-8")))


def test_upward_draft_every_element():
    found = read("upward.txt")
    e = found.elements
    assert (e.copy_number, e.secrecy, e.urgency) == ("000123", "机密★1年", "特急")
    assert e.issuer_mark == "某某县人民政府文件"
    assert e.doc_number == "某政发〔2026〕12号" and e.signer == "张三"
    assert e.title == "关于申请2026年农村公路建设补助资金的请示" and e.doc_type == "请示" and e.upward
    assert e.addressee == "市人民政府："
    assert e.attachments == ["某某县2026年农村公路提档升级项目清单",
                             "某某县2026年农村公路提档升级项目资金筹措方案及县级财政配套资金承诺书"]
    assert e.signature == "某某县人民政府" and e.date == "2026年3月5日"
    assert e.note == "联系人：李四，电话：12345678"
    assert e.cc == "市交通运输局，市财政局"
    assert (e.printer, e.print_date) == ("某某县人民政府办公室", "2026年3月5日")
    assert found.body[0].text.startswith("为加快") and found.body[-1].text == "妥否，请批示。"
    assert [b.level for b in found.body if b.role == "heading"] == [1, 2, 2, 1, 2, 2, 1]
    assert found.annex == []


def test_downward_draft_without_signer_note_or_secrecy():
    e = read("downward.txt").elements
    assert e.issuer_mark == "某某县人民政府办公室文件" and e.doc_number == "某政办发〔2026〕8号"
    assert (e.signer, e.note, e.secrecy, e.copy_number) == ("", "", "", "")
    assert e.doc_type == "通知" and not e.upward
    assert e.attachments == ["春季森林防火重点区域及检查站设置一览表"]
    assert e.cc.startswith("县委办公室") and e.date == "2026年3月10日"


def test_the_closing_is_found_however_many_lines_follow_the_date():
    """The old export searched only the last three paragraphs for 署名 and 成文日期."""
    found = recognise(lines("关于某事的通知\n各单位：\n正文。\n某局\n2026年1月2日\n（此件公开发布）\n"
                            "抄送：甲，乙。\n某局办公室    2026年1月2日印发"))
    assert (found.elements.signature, found.elements.date) == ("某局", "2026年1月2日")
    assert found.elements.note == "此件公开发布" and [b.text for b in found.body] == ["正文。"]


def test_draft_with_body_only():
    found = recognise(lines("今年以来，我们做了很多工作。\n明年要继续努力。"))
    assert found.elements == Elements() and len(found.body) == 2


def test_title_without_header_and_no_closing():
    found = recognise(lines("关于召开工作会议的通知\n各科室：\n定于下周一开会。"))
    e = found.elements
    assert (e.issuer_mark, e.doc_number, e.title, e.addressee) == ("", "", "关于召开工作会议的通知", "各科室：")
    assert (e.signature, e.date, e.attachments) == ("", "", [])


def test_signer_on_its_own_line_and_mark_on_two_lines():
    e = recognise(lines("某某县人民政府\n某某县财政局\n某政发（2026）3号\n签发人：王五\n关于某事的报告\n市政府：\n正文。")).elements
    assert e.issuer_mark == "某某县人民政府某某县财政局" and e.doc_number == "某政发〔2026〕3号"
    assert e.signer == "王五" and e.doc_type == "报告"


@pytest.mark.parametrize("raw", ["某政办发[2026]12号", "某政办发（2026）12号", "某政办发【2026】12号",
                                 "某政办发〔2026〕12号", "某政办发(2026)12号"])
def test_doc_number_brackets(raw):
    assert normalise_doc_number(raw) == "某政办发〔2026〕12号"


@pytest.mark.parametrize("raw, arabic", [("二〇二六年三月五日", "2026年3月5日"), ("二○二五年十二月三十一日", "2025年12月31日"),
                                         ("二〇二六年十月二十日", "2026年10月20日"), ("2026-03-05", "2026年3月5日"),
                                         ("2026年03月05日", "2026年3月5日")])
def test_dates_become_arabic_without_padding(raw, arabic):
    assert normalise_date(raw) == arabic


def test_attachment_names_numbered_and_wrapped():
    assert attachment_names(["附件：1.甲表", "2.乙方案的", "补充说明", "3.丙"]) == ["甲表", "乙方案的补充说明", "丙"]
    assert attachment_names(["附件：一览表"]) == ["一览表"]


@pytest.mark.parametrize("title, kind", [("关于某事的请示", "请示"), ("关于某事的复函", "函"), ("某局关于某事的函", "函"),
                                         ("某会议纪要", "纪要"), ("关于某事的批复", "批复"), ("2025年工作总结", "")])
def test_doc_type_from_the_title(title, kind):
    assert doc_type(title) == kind


def test_lines_after_the_date_are_the_annex_not_lost():
    found = recognise(lines("关于某事的通知\n各单位：\n正文。\n附件：名单\n某局\n2026年1月2日\n附件\n名单\n张三"))
    assert [line.text for line in found.annex] == ["附件", "名单", "张三"]
    assert found.elements.attachments == ["名单"]


def test_overrides_by_chinese_names():
    e = Elements(doc_number="甲〔2026〕1号").updated({"发文机关标志": "某局文件", "发文字号": "乙[2026]2号",
                                                      "成文日期": "二〇二六年一月二日", "加盖印章": "否"})
    assert (e.issuer_mark, e.doc_number, e.date, e.sealed) == ("某局文件", "乙〔2026〕2号", "2026年1月2日", False)
    with pytest.raises(KeyError):
        e.updated({"不存在": "x"})


@pytest.mark.parametrize("line, org, date", [("某局办公室    2026年1月2日印发", "某局办公室", "2026年1月2日"),
                                             ("某局办公室2026年1月2日印发", "某局办公室", "2026年1月2日"),
                                             ("某局办公室 二〇二六年一月二日印发", "某局办公室", "2026年1月2日")])
def test_printer_and_print_date_with_or_without_spaces(line, org, date):
    e = recognise(lines(f"关于某事的通知\n正文。\n{line}")).elements
    assert (e.printer, e.print_date) == (org, date)


def test_a_wrapped_cc_list():
    found = recognise(lines("关于某事的通知\n正文。\n某局\n2026年1月2日\n抄送：甲局，乙局，\n丙局，丁局。\n某局办公室 2026年1月2日印发"))
    assert found.elements.cc == "甲局，乙局，丙局，丁局" and found.annex == []
    assert found.elements.date == "2026年1月2日"
