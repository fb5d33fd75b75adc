"""Plain-text drafts: encoding and line endings detected, and kept byte for byte on save."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from assistant.cli import main as cli_main
from assistant.core.document import open_document
from assistant.core.encoding import _plausible_utf8
from assistant.core.errors import DocumentError
from tests.conftest import CORPUS

SIMPLIFIED = ["关于进一步加强作风建设的通知", "", "各科室：", "\t为深入贯彻落实中央八项规定精神，现将有关事项通知如下。", "一、提高认识，压实责任。"]
TRADITIONAL = ["關於進一步加強作風建設的通知", "", "各科室：", "為深入貫徹落實中央八項規定精神，現將有關事項通知如下。", "一、提高認識，壓實責任。"]

CASES = {
    "utf-8": (SIMPLIFIED, "utf-8", b"", "\n", "UTF-8"),
    "utf-8-bom": (SIMPLIFIED, "utf-8", codecs.BOM_UTF8, "\r\n", "UTF-8（带 BOM）"),
    "gbk": (SIMPLIFIED, "gbk", b"", "\r\n", "GB18030"),
    "gb18030-rare": (SIMPLIFIED + ["生僻字：𠀀䶮"], "gb18030", b"", "\r\n", "GB18030"),
    "utf-16-le": (SIMPLIFIED, "utf-16-le", codecs.BOM_UTF16_LE, "\r\n", "UTF-16 LE"),
    "utf-16-be": (SIMPLIFIED, "utf-16-be", codecs.BOM_UTF16_BE, "\n", "UTF-16 BE"),
    "big5": (TRADITIONAL, "cp950", b"", "\r\n", "Big5"),
}


def write(tmp_path: Path, lines: list[str], codec: str, bom: bytes, newline: str, final: bool = True) -> Path:
    path = tmp_path / "草稿.txt"
    text = newline.join(lines) + (newline if final else "")
    path.write_bytes(bom + text.encode(codec))
    return path


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_encoding_is_detected_and_roundtrips_byte_identically(case: str, tmp_path: Path):
    lines, codec, bom, newline, label = CASES[case]
    source = write(tmp_path, lines, codec, bom, newline)
    document = open_document(source)
    assert [p.text for p in document.paragraphs] == lines
    assert document.backend.encoding.label == label
    assert document.backend.encoding.confident
    target = tmp_path / "out.txt"
    assert cli_main(["roundtrip", str(source), str(target)]) == 0
    assert target.read_bytes() == source.read_bytes()


@pytest.mark.parametrize("final", [True, False])
def test_mixed_line_endings_and_missing_final_newline_are_kept(tmp_path: Path, final: bool):
    source = tmp_path / "mixed.txt"
    source.write_bytes("第一行\r\n第二行\n\n第四行\r\n第五行".encode() + (b"\r\n" if final else b""))
    document = open_document(source)
    assert [p.text for p in document.paragraphs] == ["第一行", "第二行", "", "第四行", "第五行"]
    document.save(tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_bytes() == source.read_bytes()


def test_edits_keep_encoding_and_line_endings(tmp_path: Path):
    source = write(tmp_path, SIMPLIFIED, "gbk", b"", "\r\n")
    document = open_document(source)
    document.set_text(2, "各科室、各单位：")
    document.insert_paragraph(3, "新增一行")
    document.save()
    expected = SIMPLIFIED[:2] + ["各科室、各单位：", "新增一行"] + SIMPLIFIED[3:]
    assert source.read_bytes() == ("\r\n".join(expected) + "\r\n").encode("gbk")


def test_characters_the_encoding_cannot_hold_are_refused_with_advice(tmp_path: Path):
    source = write(tmp_path, TRADITIONAL, "cp950", b"", "\r\n")
    document = open_document(source)
    document.set_text(0, "关于进一步加强作风建设的通知")  # simplified characters are not in Big5
    with pytest.raises(DocumentError, match="UTF-8"):
        document.save()
    assert source.read_bytes() == ("\r\n".join(TRADITIONAL) + "\r\n").encode("cp950")


def test_corpus_texts_are_detected_as_utf8():
    files = sorted(CORPUS.glob("*.txt"))
    assert files
    for path in files:
        assert open_document(path).backend.encoding.label == "UTF-8", path.name


def test_a_too_short_ambiguous_legacy_text_is_opened_with_a_visible_note(tmp_path: Path):
    source = tmp_path / "short.txt"
    source.write_bytes("通知".encode("gbk"))  # four bytes that are valid GB18030 and valid Big5
    document = open_document(source)
    assert document.paragraphs[0].text == "通知"
    assert not document.backend.encoding.confident
    assert document.notes and "Big5" in document.notes[0]


def test_forced_encoding_overrides_detection(tmp_path: Path):
    source = tmp_path / "short.txt"
    source.write_bytes("通知".encode("gbk"))
    assert open_document(source, encoding="big5").paragraphs[0].text == "通知".encode("gbk").decode("cp950")


def _plausible_by_definition(text: str) -> bool:
    """The plain definition: of the non-ASCII characters, half or more from U+2000 up."""
    non_ascii = [ch for ch in text if ch > "\x7f"]
    return not non_ascii or sum(ch >= "\u2000" for ch in non_ascii) / len(non_ascii) >= 0.5


PLAUSIBILITY_TEXTS = ["", "plain ascii", "通知", "é", "éé通", "é通", "Ωω 通知", "\u07ff\u0800\u1fff\u2000",
                      "\u1fff\u2000", "\u0080", "\x7f\x80", "𠀀é", "ÀÁÂ测试ÃÄ"]


@pytest.mark.parametrize("text", PLAUSIBILITY_TEXTS + ["关于".encode("gbk").decode("latin-1"),
                                                       "通知".encode("gbk").decode("utf-8")])
def test_utf8_plausibility_is_counted_as_its_definition(text: str):
    """_plausible_utf8 counts in C (a draft is read on a worker thread beside the live window); it
    answers as the per-character definition does, at the U+2000 edge too."""
    assert _plausible_utf8(text) == _plausible_by_definition(text)

