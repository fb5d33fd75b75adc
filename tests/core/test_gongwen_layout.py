"""The 公文 export of drafts holding every 要素, checked on the .docx XML: 版头, 附件说明, 落款
sealed and unsealed, 版记, page count; and .docx drafts lose nothing (numbering labels, pictures,
text boxes), or say what they could not carry."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from lxml import etree

from assistant import cli
from assistant.core.document import open_document
from assistant.core.docx_text import OBJECT_CHAR
from assistant.core.export.closing import closing, width
from assistant.core.text.dates import normalise_date, normalise_doc_number
from assistant.core.export.gongwen import Writer, export_gongwen
from assistant.core.gongwen_page import GongwenSettings
from assistant.core.export.numbering import chinese_counting
from assistant.core.export.paging import Pages, line_count
from assistant.core.export.title import title_lines
from assistant.core.export.remember import recognise_draft, to_remember, with_remembered
from tests.conftest import FILES, VENDORED_DOCX, W, peer_docx, table_draft_with_record

DRAFTS = FILES / "gongwen"
CHAR_TWIPS = round(GongwenSettings().char_pitch_pt * 20)


def export(tmp_path: Path, name: str, sealed: bool = True, **values):
    draft = open_document(DRAFTS / name).snapshot()
    elements = recognise_draft(draft).updated({"加盖印章": "是" if sealed else "否", **values})
    result = export_gongwen(draft, tmp_path / f"{name}.docx", elements=elements)
    with zipfile.ZipFile(result.path) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    return result, body.findall(f"{W}p")


def text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def find(paragraphs, start: str):
    return next(p for p in paragraphs if text(p).startswith(start))


def exact(paragraphs, wanted: str):
    return next(p for p in paragraphs if text(p) == wanted)


def ind(p, key: str) -> int:
    element = p.find(f"{W}pPr/{W}ind")
    return int(element.get(f"{W}{key}", "0")) if element is not None else 0


def border(p, edge: str):
    return p.find(f"{W}pPr/{W}pBdr/{W}{edge}")


def test_banner_red_mark_number_with_signer_and_red_separator(tmp_path):
    _, paragraphs = export(tmp_path, "upward.txt")
    mark = find(paragraphs, "某某县人民政府文件")
    assert mark.find(f".//{W}color").get(f"{W}val") == "FF0000" and mark.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    assert float(mark.find(f"{W}pPr/{W}spacing").get(f"{W}before")) >= 0
    number = find(paragraphs, "某政发〔2026〕12号")
    assert number.find(f".//{W}tab") is not None and "签发人：张三" in text(number)  # 上行文: one line
    assert ind(number, "left") == CHAR_TWIPS  # 居左空一字
    fonts = [r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for r in number.iter(f"{W}r")]
    assert fonts[-1] == "楷体_GB2312"  # the 签发人's name
    separator = border(number, "bottom")
    assert separator.get(f"{W}color") == "FF0000" and int(separator.get(f"{W}space")) == 11  # 4 mm
    top = [text(p) for p in paragraphs[:3]]
    assert top == ["000123", "机密★1年", "特急"]


def test_downward_number_centred_without_signer(tmp_path):
    _, paragraphs = export(tmp_path, "downward.txt")
    number = find(paragraphs, "某政办发〔2026〕8号")
    assert number.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center" and "签发人" not in text(number)


def test_blank_line_after_title_and_before_attachments(tmp_path):
    _, paragraphs = export(tmp_path, "upward.txt")
    title = paragraphs.index(find(paragraphs, "关于申请"))
    assert text(paragraphs[title + 1]) == "" and text(paragraphs[title + 2]) == "市人民政府："
    first = paragraphs.index(find(paragraphs, "附件："))
    assert text(paragraphs[first - 1]) == "" and text(paragraphs[first - 2]) == "妥否，请批示。"


def test_attachment_hanging_indents(tmp_path):
    _, paragraphs = export(tmp_path, "upward.txt")
    first, second = find(paragraphs, "附件：1."), find(paragraphs, "2.某某县")
    label, number = 3 * CHAR_TWIPS, round(width("1.") * CHAR_TWIPS)
    assert ind(first, "left") == ind(second, "left") == 2 * CHAR_TWIPS + label + number  # names aligned
    assert ind(first, "hanging") == label + number  # “附件：” starts 左空二字
    assert ind(second, "hanging") == number  # “2.” under “1.”


def test_sealed_closing_centres_the_signature_over_the_date(tmp_path):
    _, paragraphs = export(tmp_path, "upward.txt", sealed=True)
    signature, date = exact(paragraphs, "某某县人民政府"), exact(paragraphs, "2026年3月5日")
    assert ind(date, "right") == 4 * CHAR_TWIPS  # 右空四字
    centre = lambda p, t: ind(p, "right") + width(t) * CHAR_TWIPS / 2  # noqa: E731
    assert abs(centre(signature, "某某县人民政府") - centre(date, "2026年3月5日")) <= 1
    index = paragraphs.index(signature)
    assert [text(p) for p in paragraphs[index - 2:index]] == ["", ""]  # room for the seal


def test_unsealed_closing_steps_the_date_two_characters_right(tmp_path):
    _, paragraphs = export(tmp_path, "downward.txt", sealed=False)
    signature, date = exact(paragraphs, "某某县人民政府办公室"), exact(paragraphs, "2026年3月10日")
    assert ind(signature, "right") == 2 * CHAR_TWIPS  # 右空二字
    left = lambda p, t: -ind(p, "right") - width(t) * CHAR_TWIPS  # noqa: E731
    assert abs(left(date, "2026年3月10日") - left(signature, "某某县人民政府办公室") - 2 * CHAR_TWIPS) <= 1
    index = paragraphs.index(signature)
    assert text(paragraphs[index - 1]) == "" and text(paragraphs[index - 2]).startswith("附件：")


@pytest.mark.parametrize("signature, date, sealed, expected", [
    # a date's width: half a character a digit, one a hanzi, a quarter for each of its five gaps
    ("某局", "2026年1月2日", True, (2, 4 + (7.25 - 2) / 2, 4)),
    ("某某县人民政府办公室", "2026年3月10日", False, (1, 2, 2 + 10 - 2 - 7.75)),
    ("某局", "2026年12月31日", False, (1, 2 + 8.25 + 2 - 2, 2)),  # a date longer than the 署名
])
def test_closing_positions(signature, date, sealed, expected):
    place = closing(signature, date, sealed)
    assert (place.gap_lines, place.signature_right, place.date_right) == expected


def test_closing_kept_with_the_last_body_paragraph(tmp_path):
    _, paragraphs = export(tmp_path, "downward.txt")
    last = find(paragraphs, "县森林防火指挥部办公室要加强督导检查")
    assert last.find(f"{W}pPr/{W}keepNext") is not None
    chain = paragraphs[paragraphs.index(last):paragraphs.index(find(paragraphs, "2026年3月10日"))]
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in chain)


def test_record_lines_sizes_and_even_pages(tmp_path):
    result, paragraphs = export(tmp_path, "upward.txt")
    cc, printed = find(paragraphs, "抄送："), paragraphs[-1]
    assert text(cc) == "抄送：市交通运输局，市财政局。"
    assert (border(cc, "top").get(f"{W}sz"), border(cc, "bottom").get(f"{W}sz")) == ("8", "6")  # 0.35 / 0.25 mm
    assert border(printed, "bottom").get(f"{W}sz") == "8" and border(printed, "top") is None
    assert {s.get(f"{W}val") for p in (cc, printed) for s in p.iter(f"{W}sz")} == {"28"}  # 4号
    assert ind(cc, "left") == 4 * 280 and ind(cc, "hanging") == 3 * 280 and ind(cc, "right") == 280
    assert ind(printed, "left") == ind(printed, "right") == 280 and text(printed).endswith("2026年3月5日印发")
    assert result.pages % 2 == 0
    assert text(printed).startswith("某某县人民政府办公室")  # the last paragraph


def test_record_page_is_even_when_the_body_ends_on_an_odd_page(tmp_path):
    draft = tmp_path / "短.txt"
    draft.write_text("关于某事的通知\n各单位：\n正文。\n某局\n2026年1月2日\n抄送：甲。\n某局办公室    2026年1月2日印发\n",
                     encoding="utf-8")
    result = export_gongwen(open_document(draft).snapshot(), tmp_path / "短.docx")
    assert result.pages == 2
    with zipfile.ZipFile(result.path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    assert len(body.findall(f".//{W}pageBreakBefore")) == 1


def test_pages_model():
    pages = Pages(22)
    pages.add(20)
    start = pages.used
    pages.add(4)
    pages.keep_together(start)
    assert (pages.used, pages.last_page) == (26, 2)
    assert line_count("字" * 28, 28, 2) == 2 and line_count("字" * 26, 28, 2) == 1 and line_count("2026", 28) == 1


def test_chinese_dates_become_arabic_in_the_export(tmp_path):
    result, paragraphs = export(tmp_path, "upward.txt")
    assert "二〇二六年三月五日" not in [text(p) for p in paragraphs]
    assert normalise_date("二〇二六年三月五日") in [text(p) for p in paragraphs]


def test_remembered_defaults_fill_only_what_the_draft_lacks():
    draft = open_document(DRAFTS / "downward.txt").snapshot()
    remembered = to_remember(recognise_draft(draft).updated({"签发人": "赵六", "加盖印章": "否"}))
    assert remembered["signer"] == "赵六" and remembered["sealed"] is False
    filled = with_remembered(recognise_draft(draft).updated({"发文机关标志": ""}), remembered)
    assert filled.issuer_mark == "某某县人民政府办公室文件" and filled.signer == "赵六" and not filled.sealed


# -- .docx drafts: nothing lost ----------------------------------------------------------------

NUMBERING = ('<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
             'w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
             '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
             '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2">'
             '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum>')


def numbered_draft(path: Path) -> Path:
    """A .docx draft whose headings are numbered by Word (一、 （一） 1.), as many drafts are."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml('<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                               'w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        p = document.add_paragraph(text)._p
        p.get_or_add_pPr().append(parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    document.add_paragraph("关于某事的通知")
    document.add_paragraph("各单位：")
    document.add_paragraph("现将有关事项通知如下。")
    numbered("总体要求", 0)
    numbered("工作目标", 1)
    numbered("明确分工", 2)
    numbered("加强领导", 2)
    numbered("工作措施", 1)
    numbered("保障措施", 0)
    document.add_paragraph("某局")
    document.add_paragraph("2026年1月2日")
    document.save(path)
    return path


def exported_texts(path: Path) -> list[str]:
    return [p.text for p in open_document(path).paragraphs if p.text.strip()]


def test_numbering_labels_become_text_and_headings(tmp_path):
    source = numbered_draft(tmp_path / "编号.docx")
    result = export_gongwen(open_document(source).snapshot(), tmp_path / "out.docx")
    assert exported_texts(result.path) == ["关于某事的通知", "各单位：", "现将有关事项通知如下。", "一、总体要求",
                                          "（一）工作目标", "1.明确分工", "2.加强领导", "（二）工作措施", "二、保障措施",
                                          "某局", "2026年1月2日"]
    with zipfile.ZipFile(result.path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    heading = next(p for p in body.iter(f"{W}p") if text(p) == "一、总体要求")
    assert heading.find(f".//{W}rFonts").get(f"{W}eastAsia") == "黑体"


@pytest.mark.parametrize("value, expected", [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (35, "三十五"),
                                             (105, "一百零五"), (110, "一百一十")])
def test_chinese_counting(value, expected):
    assert chinese_counting(value) == expected


@pytest.mark.parametrize("path", [p for p in sorted(VENDORED_DOCX.glob("*.docx")) if "strict" not in p.name],
                         ids=lambda p: p.name)
def test_docx_drafts_lose_no_text(tmp_path, path):
    """Every paragraph of the draft (tables and text boxes included) is in the export's text."""
    document = open_document(path)
    result = export_gongwen(document.snapshot(), tmp_path / "out.docx")
    exported = "\n".join(p.text for p in open_document(result.path).paragraphs)
    for paragraph in document.paragraphs:
        wanted = normalise_date(paragraph.text.replace(OBJECT_CHAR, "").replace("\u2028", "").strip())
        assert wanted in exported, wanted


def test_footnotes_and_text_boxes_are_told(tmp_path):
    notes = export_gongwen(open_document(VENDORED_DOCX / "poi__form_footnotes.docx").snapshot(),
                           tmp_path / "a.docx").notes
    assert any(note.startswith("脚注") for note in notes)
    notes = export_gongwen(open_document(VENDORED_DOCX / "mammoth.js__text-box.docx").snapshot(),
                           tmp_path / "b.docx").notes
    assert any("文本框" in note for note in notes)


def one_pixel_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def test_pictures_are_carried(tmp_path):
    picture = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("关于某事的报告")
    document.add_paragraph("正文。")
    document.add_picture(io.BytesIO(one_pixel_png()))
    document.save(picture)
    source = tmp_path / "图.docx"
    source.write_bytes(picture.getvalue())
    result = export_gongwen(open_document(source).snapshot(), tmp_path / "out.docx")
    with zipfile.ZipFile(result.path) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())
        assert b"<a:blip" in archive.read("word/document.xml")
    assert result.notes == []


LABEL = re.compile(r"^[一二三四五六七八九十百〇\dA-Za-z（）()．.、]{1,8}\s?$")


def comparable(text: str) -> str:
    """A paragraph as the export writes it: dates in Arabic numerals, 〔〕 in 文号, spaces free."""
    text = text.replace(OBJECT_CHAR, "").replace("\u2028", "").strip()
    return re.sub(r"\s+", "", normalise_doc_number(normalise_date(text))) if text else ""


@pytest.mark.parametrize("path", [p for p in sorted(VENDORED_DOCX.glob("*.docx")) if "strict" not in p.name]
                         + [DRAFTS / "upward.txt", DRAFTS / "downward.txt", "numbered"],
                         ids=lambda p: getattr(p, "name", p))
def test_round_trip_text_of_the_export_is_the_draft_plus_labels(tmp_path, capsys, path):
    """`main.py text` of the export: the draft's paragraphs in order, each whole, a Word numbering
    label in front where the draft had one; nothing else added, nothing lost. A numbered paragraph
    without text (a table's 序号 cell) is its label alone, left out on both sides."""
    if path == "numbered":
        path = numbered_draft(tmp_path / "编号.docx")
    out = tmp_path / "out.docx"
    assert cli.main(["export", str(path), "-o", str(out)]) == 0
    capsys.readouterr()
    assert cli.main(["text", str(out)]) == 0
    exported = [comparable(t) for t in capsys.readouterr().out.split("\n")
                if comparable(t) and not LABEL.match(comparable(t))]  # not \u2028
    draft = [comparable(p.text) for p in open_document(path).paragraphs
             if comparable(p.text) and not LABEL.match(comparable(p.text))]
    assert len(exported) == len(draft)
    labelled = 0
    for mine, theirs in zip(exported, draft):
        assert mine.endswith(theirs) and LABEL.match(mine[:len(mine) - len(theirs)] or "一"), (mine, theirs)
        labelled += mine != theirs
    if path.name == "编号.docx":
        assert labelled == 6  # every numbered heading


def test_blank_page_before_the_record_page_and_neither_numbered(tmp_path):
    """Page 2 (even) is full, so the 版记 goes to page 4 after a blank page 3; 7.5: those two
    pages carry no page number."""
    paragraph = "字" * 54  # two full lines with the first-line indent
    draft = tmp_path / "满页.txt"
    draft.write_text("\n".join(["关于某事的通知", *[paragraph] * 21, "抄送：甲。", "某局办公室    2026年1月2日印发"]),
                     encoding="utf-8")
    result = export_gongwen(open_document(draft).snapshot(), tmp_path / "满页.docx")
    assert result.pages == 4
    document = docx.Document(str(result.path))
    numbered, unnumbered = document.sections
    assert "PAGE" in numbered.footer._element.xml and "PAGE" in numbered.even_page_footer._element.xml
    assert not unnumbered.footer.is_linked_to_previous and "PAGE" not in unnumbered.footer._element.xml
    assert "PAGE" not in unnumbered.even_page_footer._element.xml
    assert [p.text for p in document.paragraphs[-2:]] == ["抄送：甲。", "某局办公室\t2026年1月2日印发"]



LONG_CC = "抄送：市发展和改革委员会，市财政局，市自然资源和规划局，市生态环境局。"  # two lines in 4号


def record_draft(folder: Path, body_lines: int, cc: str) -> Path:
    """A title, ``body_lines`` one-line paragraphs (26 characters after the two-character indent)
    and a 版记 of ``cc`` and one 印发 line."""
    draft = folder / f"{body_lines}.txt"
    draft.write_text("\n".join(["关于某事的通知", *["字" * 26] * body_lines, cc, "某局办公室    2026年1月2日印发"]),
                     encoding="utf-8")
    return draft


@pytest.mark.parametrize("cc, needed", [("抄送：甲。", 2), (LONG_CC, 3)])
def test_the_record_moves_to_a_new_even_page_exactly_when_the_last_page_lacks_room(tmp_path, monkeypatch, cc, needed):
    """GB/T 9704 7.4: the 版记 sits on the bottom lines of the even last page. With needed + 1 or
    needed lines free on page 2 it goes there (filler lines above it); with needed - 1 free it
    goes to page 4 after a blank page 3. The free lines are read from the layout model as the
    版记 is placed."""
    free: list[tuple[int, int]] = []
    place_record = Writer.record

    def record(writer, elements):
        free.append((writer.pages.last_page, writer.pages.room_on_last_page))
        place_record(writer, elements)

    monkeypatch.setattr(Writer, "record", record)

    def export_with(body_lines: int):
        result = export_gongwen(open_document(record_draft(tmp_path, body_lines, cc)).snapshot(),
                                tmp_path / f"{body_lines}.docx")
        with zipfile.ZipFile(result.path) as archive:
            paragraphs = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body").findall(f"{W}p")
        return result, paragraphs, free[-1]

    *_, (page, room) = export_with(30)
    assert page == 2
    for room_wanted in (needed + 1, needed, needed - 1):
        result, paragraphs, placed = export_with(30 + room - room_wanted)
        assert placed == (2, room_wanted)
        last_body = max(i for i, p in enumerate(paragraphs) if text(p) == "字" * 26)
        breaks = [i for i, p in enumerate(paragraphs) if p.find(f"{W}pPr/{W}pageBreakBefore") is not None]
        sections = [p for p in paragraphs if p.find(f"{W}pPr/{W}sectPr") is not None]
        assert text(paragraphs[-2]) == cc
        if room_wanted >= needed:
            assert (result.pages, breaks, sections) == (2, [], [])
            filler = [text(p) for p in paragraphs[last_body + 1:-2]]
            assert filler == [""] * (room_wanted - needed)  # blank lines down to the bottom lines
        else:
            assert result.pages == 4 and sections == [paragraphs[last_body]]  # numbered pages end with the body
            assert len(breaks) == 1 and breaks[0] == last_body + 2  # a blank page 3, then the 版记 page
            assert len(paragraphs[breaks[0]:-2]) + needed == 22  # the 版记 on page 4's bottom lines

@pytest.mark.parametrize("title, lines", [
    ("关于申请2026年农村公路建设补助资金的请示", ["关于申请2026年农村", "公路建设补助资金的请示"]),
    ("某某县发展和改革局关于开展2026年度优化营商环境专项督查工作的通知",
     ["某某县发展和改革局关于开展2026年度", "优化营商环境专项督查工作的通知"]),
    ("关于做好春季森林防火工作的通知", ["关于做好春季森林防火工作的通知"]),
])
def test_long_titles_break_between_words_into_balanced_lines(title, lines):
    """7.3.1: 回行时词意完整, 排列对称; a line of 2号 holds 20 characters."""
    capacity = GongwenSettings().text_width_mm / 25.4 * 72 / (22 + GongwenSettings().char_pitch_pt - 16)
    assert title_lines(title, capacity) == lines


def test_cli_export_sets_elements_and_tells_what_it_left_out(tmp_path, capsys):
    out = tmp_path / "out.docx"
    assert cli.main(["export", str(VENDORED_DOCX / "poi__form_footnotes.docx"), "-o", str(out), "--no-sealed",
                     "--set", "发文机关标志=某某县人民政府文件", "--set", "发文字号=某政发[2026]7号"]) == 0
    err = capsys.readouterr().err
    assert "要素：发文字号：某政发〔2026〕7号" in err and "要素：加盖印章：否" in err
    assert any(line.startswith("注意：脚注") for line in err.splitlines())
    texts = [p.text for p in open_document(out).paragraphs if p.text]
    assert texts[:2] == ["某某县人民政府文件", "某政发〔2026〕7号"]


@pytest.mark.parametrize("argument", ["不存在=1", "发文字号"])
def test_cli_export_rejects_an_unknown_element_in_one_chinese_line(tmp_path, capsys, argument):
    assert cli.main(["export", str(DRAFTS / "upward.txt"), "-o", str(tmp_path / "x.docx"), "--set", argument]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("错误：") and not (tmp_path / "x.docx").exists()


def test_annex_starts_a_page_with_its_label_and_title(tmp_path):
    """7.3.7: “附件1” 黑体 顶格 on the first line of a new page, the title centred on the third."""
    draft = tmp_path / "附件.txt"
    draft.write_text("关于某事的通知\n各单位：\n正文。\n附件：名单\n某局\n2026年1月2日\n附件1\n参会人员名单\n张三，李四。\n",
                     encoding="utf-8")
    result = export_gongwen(open_document(draft).snapshot(), tmp_path / "附件.docx")
    with zipfile.ZipFile(result.path) as archive:
        paragraphs = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body").findall(f"{W}p")
    label = exact(paragraphs, "附件1")
    index = paragraphs.index(label)
    assert label.find(f"{W}pPr/{W}pageBreakBefore") is not None and ind(label, "firstLine") == 0
    assert label.find(f".//{W}rFonts").get(f"{W}eastAsia") == "黑体"
    title = paragraphs[index + 2]
    assert text(paragraphs[index + 1]) == "" and text(title) == "参会人员名单"
    assert title.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center" and title.find(f".//{W}sz").get(f"{W}val") == "44"
    assert text(paragraphs[index + 4]) == "张三，李四。" and result.pages == 2


@pytest.mark.parametrize("sample, expected", [("公文", 2), ("2026年", 3.25), ("概念,从", 3.25), ("机密★1年", 4.5 + 0.25 * 2),
                                              ("A4纸", 2.25)])
def test_character_widths(sample, expected):
    """As LibreOffice sets them (measured with pdftotext -bbox): digits and letters half a
    character, half-width punctuation a quarter, a quarter between Chinese and digits."""
    assert width(sample) == expected


def test_a_table_with_a_record_asks_to_check_the_last_page(tmp_path):
    """Table heights are estimated, so the even page count cannot be promised: the user is told."""
    source = table_draft_with_record(tmp_path)
    notes = export_gongwen(open_document(source).snapshot(), tmp_path / "out.docx").notes
    assert any("总页数为双数" in note for note in notes)
    assert not export_gongwen(open_document(DRAFTS / "upward.txt").snapshot(), tmp_path / "up.docx").notes


@pytest.mark.parametrize("name, told", [
    ("python-docx__hdr-header-footer.docx", "页眉、页脚"), ("python-docx__comments-rich-para.docx", "批注 4 处"),
    ("docx2python__example.docx", "尾注 2 处"), ("poi__WordWithAttachments.docx", "嵌入对象 5 处"),
    ("docx2python__equations.docx", "公式 3 处"),
])
def test_what_cannot_be_carried_is_told(tmp_path, name, told):
    notes = export_gongwen(open_document(peer_docx(name)).snapshot(), tmp_path / "out.docx").notes
    assert any(told in note for note in notes), notes


def test_pictures_of_a_real_draft_are_all_carried(tmp_path):
    result = export_gongwen(open_document(peer_docx("python-docx__having-images.docx")).snapshot(),
                            tmp_path / "out.docx")
    with zipfile.ZipFile(result.path) as archive:
        assert archive.read("word/document.xml").count(b"<a:blip ") == 5
    assert not any("图片" in note for note in result.notes)
