"""Export to GB/T 9704-2012 and the reviewed copy with comments, checked on the produced XML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from assistant.core.checker.engine import Checker
from assistant.core.document import open_document
from assistant.core.export.fonts import check_fonts, font_names
from assistant.core.export.elements import normalise_date, recognise
from assistant.core.export.gongwen import export_gongwen
from assistant.core.export.source import read_draft
from assistant.core.gongwen_page import GongwenSettings
from assistant.core.export.review import export_reviewed
from tests.conftest import NS, ROOT, SAMPLE, W, peer_copy

CORPUS = ROOT / "resources" / "corpus"
TWIPS_PER_MM = 1440 / 25.4


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def paragraphs_with_text(root) -> list[tuple[str, etree._Element]]:
    return [("".join(p.itertext()), p) for p in root.iter(f"{W}p") if "".join(p.itertext()).strip()]


def run_fonts(p) -> set[str]:
    return {r.get(f"{W}eastAsia") for r in p.iter(f"{W}rFonts")}


def structure(snapshot):
    """The recognised draft, as the export reads it."""
    return recognise(read_draft(snapshot).lines)


def test_page_size_margins_grid_and_character_pitch(tmp_path: Path):
    out = export_gongwen(open_document(SAMPLE).snapshot(), tmp_path / "公文.docx").path
    document = part(out, "word/document.xml")
    size = document.find(f".//{W}pgSz")
    margins = document.find(f".//{W}pgMar")
    assert round(int(size.get(f"{W}w")) / TWIPS_PER_MM) == 210 and round(int(size.get(f"{W}h")) / TWIPS_PER_MM) == 297
    top, left, right, bottom = (int(margins.get(f"{W}{k}")) / TWIPS_PER_MM for k in ("top", "left", "right", "bottom"))
    assert round(top) == 37 and round(left) == 28
    assert round(210 - left - right) == 156 and round(297 - top - bottom) == 225
    grid = document.find(f".//{W}docGrid")
    pitch_pt = int(grid.get(f"{W}linePitch")) / 20
    text_height_pt = 225 / 25.4 * 72
    assert 22 * pitch_pt <= text_height_pt < 22 * pitch_pt + 1  # 22 lines fill the 225 mm block (5.2.3)
    styles = part(out, "word/styles.xml")
    normal = styles.xpath("//w:style[@w:styleId='Normal']", namespaces=NS)[0]
    spacing = int(normal.find(f".//{W}rPr/{W}spacing").get(f"{W}val"))
    pitch = 16 + spacing / 20
    assert int(156 / 25.4 * 72 // pitch) == 28
    assert normal.find(f".//{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
    assert normal.find(f".//{W}sz").get(f"{W}val") == "32"
    assert normal.find(f".//{W}pPr/{W}spacing").get(f"{W}lineRule") == "exact"


def test_title_body_headings_and_closing_on_the_sample(tmp_path: Path):
    out = export_gongwen(open_document(SAMPLE).snapshot(), tmp_path / "公文.docx").path
    found = dict(paragraphs_with_text(part(out, "word/document.xml")))
    title = found["某某县发展和改革局2025年工作总结"]
    assert title.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    assert run_fonts(title) == {"方正小标宋简体"} and title.find(f".//{W}sz").get(f"{W}val") == "44"
    assert run_fonts(found["一、主要工作情况"]) == {"黑体"}
    run_in = next(p for text, p in found.items() if text.startswith("（一）项目建设"))
    fonts = [r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for r in run_in.iter(f"{W}r")]
    assert fonts == ["楷体_GB2312", "仿宋_GB2312"]
    body = next(p for text, p in found.items() if text.startswith("今年以来"))
    assert body.find(f"{W}pPr/{W}ind").get(f"{W}firstLine") == "630"  # two characters of the 28-a-line pitch
    for closing in ("某某县发展和改革局", "2025年12月5日"):
        assert found[closing].find(f"{W}pPr/{W}jc").get(f"{W}val") == "right"
    assert not [b for b in part(out, "word/document.xml").iter(f"{W}b")
                if b.get(f"{W}val") not in ("0", "false")], "no bold anywhere"
    assert part(out, "word/document.xml").find(f".//{W}tbl") is not None


def test_heading_levels_detected_on_corpus_drafts():
    levels = {}
    for name in ("003", "004"):
        found = structure(open_document(next(CORPUS.glob(f"{name}_*.txt"))).snapshot())
        for block in found.body + found.annex:
            if block.role == "heading":
                levels.setdefault(block.level, block.text)
    assert levels[1].startswith(("一、", "二、", "三、"))
    assert levels[2].startswith(("（", "("))
    assert 3 in levels or 4 in levels


def test_title_lines_addressee_and_date(tmp_path: Path):
    draft = tmp_path / "通知.txt"
    draft.write_text("某某县人民政府办公室\n关于开展作风建设专项整治的通知\n各乡镇人民政府，县直各单位：\n"
                     "为深入贯彻落实……，现就有关事项通知如下。\n一、工作目标\n（一）总体要求。全面……\n"
                     "1.加强组织领导。\n（1）明确责任分工。\n某某县人民政府办公室\n2025-03-05\n", encoding="utf-8")
    found = structure(open_document(draft).snapshot())
    e = found.elements
    assert e.title == "某某县人民政府办公室\n关于开展作风建设专项整治的通知" and e.addressee == "各乡镇人民政府，县直各单位："
    assert [(b.role, b.level) for b in found.body] == [("body", 0), ("heading", 1), ("heading", 2), ("heading", 3),
                                                       ("heading", 4)]
    assert (e.signature, e.date) == ("某某县人民政府办公室", "2025年3月5日")
    assert normalise_date("2025年01月05日") == "2025年1月5日"
    out = export_gongwen(open_document(draft).snapshot(), tmp_path / "out.docx").path
    addressee = dict(paragraphs_with_text(part(out, "word/document.xml")))["各乡镇人民政府，县直各单位："]
    assert addressee.find(f"{W}pPr/{W}ind") is None and addressee.find(f"{W}pPr/{W}jc") is None


def test_explicit_title_replaces_the_detected_one(tmp_path: Path):
    out = export_gongwen(open_document(SAMPLE).snapshot(), tmp_path / "out.docx",
                         GongwenSettings(title="关于\n2025年工作的总结")).path
    texts = [t for t, _ in paragraphs_with_text(part(out, "word/document.xml"))]
    assert texts[:2] == ["关于", "2025年工作的总结"] and "某某县发展和改革局2025年工作总结" not in texts


def test_page_numbers_odd_right_even_left_with_dashes(tmp_path: Path):
    out = export_gongwen(open_document(SAMPLE).snapshot(), tmp_path / "out.docx").path
    document = part(out, "word/document.xml")
    assert part(out, "word/settings.xml").find(f"{W}evenAndOddHeaders") is not None
    rels = {r.get("Id"): r.get("Target") for r in part(out, "word/_rels/document.xml.rels")}
    placement = {}
    for reference in document.iter(f"{W}footerReference"):
        footer = part(out, "word/" + rels[reference.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")])
        paragraph = footer.find(f"{W}p")
        assert "PAGE" in "".join(t.text for t in paragraph.iter(f"{W}instrText"))
        assert "".join(t.text for t in paragraph.iter(f"{W}t")) == "— 1 —"
        assert run_fonts(paragraph) == {"宋体"} and paragraph.find(f".//{W}sz").get(f"{W}val") == "28"
        placement[reference.get(f"{W}type")] = paragraph.find(f"{W}pPr/{W}jc").get(f"{W}val")
    assert placement == {"default": "right", "even": "left"}


def test_font_check_reads_real_font_names(tmp_path: Path):
    fonts = sorted(Path("/usr/share/fonts").rglob("*.tt[fc]"))
    if not fonts:
        pytest.skip("no TrueType fonts on this machine")
    names = font_names(fonts[0])
    assert names
    statuses = check_fonts(["方正小标宋简体", next(iter(names))])
    assert statuses[1].installed and not statuses[0].installed and "宋体" in statuses[0].describe()


def test_reviewed_copy_anchors_comments_on_the_flagged_characters(tmp_path: Path):
    document = open_document(SAMPLE)
    findings = Checker().check([p.text for p in document.paragraphs])
    result = export_reviewed(document.snapshot(), findings, tmp_path / "批注版.docx")
    assert (result.placed, result.stale) == (len(findings), 0)
    out = result.path
    comments = part(out, "word/comments.xml")
    authors = {c.get(f"{W}author") for c in comments.iter(f"{W}comment")}
    assert authors == {"公文写作助手"} and len(list(comments.iter(f"{W}comment"))) == len(findings)
    body = part(out, "word/document.xml")
    anchored = {}
    for p in body.iter(f"{W}p"):
        inside: set[str] = set()
        for element in p.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t"):
            if element.tag == f"{W}commentRangeStart":
                inside.add(element.get(f"{W}id"))
                anchored.setdefault(element.get(f"{W}id"), "")
            elif element.tag == f"{W}commentRangeEnd":
                inside.discard(element.get(f"{W}id"))
            else:
                for comment_id in inside:
                    anchored[comment_id] += element.text or ""
    texts = {c.get(f"{W}id"): "".join(c.find(f"{W}p").itertext()) for c in comments.iter(f"{W}comment")}
    pairs = {(anchored[i], texts[i]) for i in anchored}
    for finding in findings:
        assert (finding.text, finding.message) in pairs, finding
    original = [p.text for p in open_document(SAMPLE).paragraphs]
    assert [p.text for p in open_document(out).paragraphs] == original


def test_reviewed_copy_leaves_out_findings_older_than_the_text(tmp_path: Path):
    """Findings computed before an edit never land on the words that stand there now."""
    document = open_document(SAMPLE)
    findings = Checker().check([p.text for p in document.paragraphs])
    edited = findings[0].paragraph
    document.set_text(edited, "我们要努力" + document.paragraphs[edited].text)
    result = export_reviewed(document.snapshot(), findings, tmp_path / "批注版.docx")
    moved = [f for f in findings if f.paragraph == edited]
    assert result.stale == len(moved) > 0 and result.placed == len(findings) - len(moved)
    comments = part(result.path, "word/comments.xml")
    assert len(list(comments.iter(f"{W}comment"))) == result.placed


def test_gongwen_export_carries_edited_table_text(tmp_path: Path):
    source = peer_copy(tmp_path, "python-docx__tbl-having-tables.docx", "tables.docx")
    document = open_document(source)
    index = next(i for i, p in enumerate(document.paragraphs) if p.location == "table")
    document.set_text(index, "表格里改过的字")
    out = export_gongwen(document.snapshot(), tmp_path / "out.docx").path
    assert "表格里改过的字" in "".join(part(out, "word/document.xml").itertext())


class Stop(Exception):
    pass


def stop_at(count: int):
    """A progress callback that cancels at its ``count``-th report (as 取消 does)."""
    reports = []

    def progress(done: int, total: int) -> None:
        reports.append(done)
        if len(reports) >= count:
            raise Stop()

    return progress


def test_cancelled_exports_write_nothing(tmp_path: Path):
    draft = open_document(SAMPLE).snapshot()
    findings = Checker().check(draft.texts)
    for export in (lambda target, progress: export_gongwen(draft, target, None, frozenset(), progress),
                   lambda target, progress: export_reviewed(draft, findings, target, progress)):
        target = tmp_path / "out.docx"
        with pytest.raises(Stop):
            export(target, stop_at(1))
        assert not target.exists()
