"""Simplified ⇄ traditional conversion: overrides, protected terms, Word formatting, script detection."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from assistant.core.conversion import CONFIGS, Converter, load_overrides, opencc_for
from assistant.core.settings import Settings
from assistant.core.document import open_document
from assistant.core.script import MIXED, SIMPLIFIED, TRADITIONAL, detect_script
from tests.conftest import CORPUS, ROOT, W, body_paragraphs, peer_copy

OVERRIDE_EXAMPLES = [(o.source, config, given, wanted)
                     for o in load_overrides() for config in o.configs for given, wanted in o.examples]


@pytest.mark.parametrize("source, config, given, wanted", OVERRIDE_EXAMPLES,
                         ids=[f"{c}:{s}" for s, c, _, _ in OVERRIDE_EXAMPLES])
def test_override_fixes_a_real_opencc_slip(source, config, given, wanted):
    assert Converter(config).convert(given) == wanted
    assert opencc_for(config).convert(given) != wanted, f"OpenCC now handles {source} itself: drop the override"


def test_every_offered_config_converts():
    for config in CONFIGS:
        assert Converter(config).convert("") == ""
    assert Converter("s2twp").convert("软件和鼠标") == "軟體和滑鼠"


def test_protected_terms_survive_both_directions():
    to_traditional = Converter("s2t", ["于谦", "乾安县"])
    assert to_traditional.convert("于谦纪念馆在乾安县以东") == "于谦紀念館在乾安县以東"
    assert Converter("s2t").convert("于谦纪念馆") != "于谦紀念館"
    to_simplified = Converter("t2s", ["鍾南山"])
    assert to_simplified.convert("鍾南山院士的講話") == "鍾南山院士的讲话"
    assert Converter("t2s").convert("鍾南山") == "钟南山"


def test_user_protected_terms_are_used_by_the_cli(tmp_path: Path):
    Settings(protected_terms=["于谦"]).save()
    source = tmp_path / "名单.txt"
    source.write_text("于谦同志\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    result = subprocess.run([sys.executable, "main.py", "convert", str(source), "--config", "s2t", "-o", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == "于谦同志\n"


def runs(p: etree._Element) -> list[tuple[str, bytes]]:
    found = []
    for run in p.iter(f"{W}r"):
        rpr = run.find(f"{W}rPr")
        found.append(("".join(t.text or "" for t in run.iter(f"{W}t")),
                      etree.tostring(rpr, method="c14n") if rpr is not None else b""))
    return found


def test_s2t_and_back_keeps_every_run_and_the_package(sample_copy: Path, tmp_path: Path):
    before = [runs(p) for p in body_paragraphs(sample_copy)]
    document = open_document(sample_copy)
    document.convert(Converter("s2t"))
    document.save(tmp_path / "繁体.docx")
    middle = [runs(p) for p in body_paragraphs(tmp_path / "繁体.docx")]
    assert [[rpr for _, rpr in p] for p in middle] == [[rpr for _, rpr in p] for p in before]
    assert [[len(text) for text, _ in p] for p in middle] == [[len(text) for text, _ in p] for p in before]
    assert "某某縣發展和改革局" in zipfile.ZipFile(tmp_path / "繁体.docx").read("word/header1.xml").decode()

    back = open_document(tmp_path / "繁体.docx")
    back.convert(Converter("t2s"))
    back.save(tmp_path / "简体.docx")
    assert [runs(p) for p in body_paragraphs(tmp_path / "简体.docx")] == before
    with zipfile.ZipFile(sample_copy) as a, zipfile.ZipFile(tmp_path / "简体.docx") as b:
        for name in a.namelist():
            if name.startswith(("word/media/", "word/header", "word/footer", "word/styles")):
                assert a.read(name) == b.read(name), name


@pytest.mark.parametrize("pieces, config, expected", [
    ((("我们使用云", True), ("计算和U盘", False)), "s2twp", ["我們使用雲端", "計算和隨身碟"]),
    ((("方便面", True), ("和互联网", False)), "s2twp", ["泡麵", "和網際網路"]),
    ((("雲端", True), ("計算", False)), "tw2sp", ["云", "计算"]),
])
def test_phrases_that_change_length_keep_formatting_on_their_characters(tmp_path: Path, pieces, config, expected):
    built = docx.Document()
    paragraph = built.add_paragraph()
    for text, bold in pieces:
        paragraph.add_run(text).bold = bold
    built.save(tmp_path / "in.docx")
    document = open_document(tmp_path / "in.docx")
    document.convert(Converter(config))
    document.save(tmp_path / "out.docx")
    saved = runs(body_paragraphs(tmp_path / "out.docx")[0])
    assert [text for text, _ in saved] == expected
    assert [rpr for _, rpr in saved] == [rpr for _, rpr in runs(body_paragraphs(tmp_path / "in.docx")[0])]


def test_a_symbol_that_converts_keeps_each_character_in_its_own_run(tmp_path: Path):
    """A w:sym cannot take its conversion in place, so the paragraph is rewritten through its
    characters: each converted character still lands in the run it came from."""
    built = docx.Document()
    paragraph = built.add_paragraph()
    paragraph.add_run("发").bold = True
    symbol = etree.SubElement(paragraph.add_run()._r, f"{W}sym")
    symbol.set(f"{W}font", "SimSun")
    symbol.set(f"{W}char", "53D1")  # 发
    paragraph.add_run("展").italic = True
    built.save(tmp_path / "in.docx")
    document = open_document(tmp_path / "in.docx")
    document.convert(Converter("s2t"))
    document.save(tmp_path / "out.docx")
    saved = runs(body_paragraphs(tmp_path / "out.docx")[0])
    assert [text for text, _ in saved] == ["發", "發", "展"]
    assert [rpr for _, rpr in saved] == [rpr for _, rpr in runs(body_paragraphs(tmp_path / "in.docx")[0])]


def test_text_boxes_and_their_fallback_copies_are_converted_alike(tmp_path: Path):
    source = peer_copy(tmp_path, "docx2python__libreoffice_conversion.docx")
    document = open_document(source)
    document.convert(Converter("s2t"))
    document.save()
    namespaces = {"mc": "http://schemas.openxmlformats.org/markup-compatibility/2006", "w": W[1:-1]}
    root = body_paragraphs(source)[0].getroottree()
    boxes = root.xpath("//mc:AlternateContent[.//w:txbxContent]", namespaces=namespaces)
    assert boxes
    for box in boxes:
        choice = "".join(box.xpath("mc:Choice//w:txbxContent//w:t/text()", namespaces=namespaces))
        fallback = "".join(box.xpath("mc:Fallback//w:txbxContent//w:t/text()", namespaces=namespaces))
        assert choice == fallback
    assert detect_script("".join(p.text for p in open_document(source).paragraphs)) == TRADITIONAL


def test_selection_only_converts_the_span(sample_copy: Path):
    document = open_document(sample_copy)
    text = document.paragraphs[0].text
    start = text.index("发展")
    changes = document.convert(Converter("s2t"), [(0, start, start + 4)])
    assert changes == [(0, text, text.replace("发展和改", "發展和改"))]
    assert document.paragraphs[1].text == open_document(sample_copy).paragraphs[1].text


def test_cli_preview_prints_a_diff_and_writes_nothing(sample_copy: Path):
    result = subprocess.run([sys.executable, "main.py", "convert", str(sample_copy), "--config", "s2hk", "--preview"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "@@ 第 1 段\n- 某某县发展和改革局2025年工作总结\n+ 某某縣發展和改革局2025年工作總結\n" in result.stdout
    assert sorted(p.name for p in sample_copy.parent.iterdir()) == [sample_copy.name]


def test_cli_converts_a_gbk_text_file_keeping_its_encoding(tmp_path: Path):
    source = tmp_path / "通知.txt"
    source.write_bytes("关于加强作风建设的通知\r\n".encode("gbk"))
    out = tmp_path / "通知-繁体.txt"
    subprocess.run([sys.executable, "main.py", "convert", str(source), "--config", "s2t", "-o", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    assert out.read_bytes() == "關於加強作風建設的通知\r\n".encode("gbk")


def test_script_detection():
    assert detect_script("关于进一步加强作风建设的通知") == SIMPLIFIED
    assert detect_script("關於進一步加強作風建設的通知") == TRADITIONAL
    assert detect_script("关于進一步加强作风建設的通知") == MIXED
    assert detect_script("若干意見") == TRADITIONAL  # 干 in 若干 is traditional too: no evidence
    assert detect_script("2025") == "neutral"


def test_corpus_scripts():
    corpus = CORPUS
    verdicts = {p.name: detect_script(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))}
    # One text is a web page machine-converted to traditional with simplified leftovers (干部、什么、善于).
    assert sorted(verdicts.values()) == [MIXED, SIMPLIFIED, SIMPLIFIED, SIMPLIFIED, SIMPLIFIED]


def apply_opcodes(old: str, new: str, opcodes) -> str:
    """Rebuild ``new`` from ``old`` using only the opcodes (unmentioned characters are kept)."""
    pieces, position = [], 0
    for tag, i1, i2, j1, j2 in sorted(opcodes, key=lambda op: (op[1], op[3])):
        if tag == "equal":
            continue
        pieces.append(old[position:i1])
        pieces.append(new[j1:j2])
        position = i2
    pieces.append(old[position:])
    return "".join(pieces)


@pytest.mark.parametrize("config", ["s2t", "s2twp", "tw2sp", "t2s", "s2hk"])
def test_alignment_is_a_valid_edit_script_on_corpus_paragraphs(config):
    corpus = CORPUS
    converter = Converter(config)
    paragraphs = [line for p in sorted(corpus.glob("*.txt"))
                  for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    for old in paragraphs + ["我们使用云计算和U盘，方便面和互联网。", "雲端計算、隨身碟和泡麵"]:
        new = converter.convert(old)
        assert apply_opcodes(old, new, converter.alignment(old, new)) == new, old


def test_script_marks_survive_a_nul_character():
    """OpenCC's s2tw and s2hk return nothing for text holding NUL; the marks still cover the text."""
    from assistant.core.script import script_marks

    assert len(script_marks("\x00豈")) == 2
