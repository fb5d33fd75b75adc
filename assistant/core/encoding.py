"""Encoding detection for Chinese plain-text files.

Order: byte-order mark, then strict UTF-8, then the legacy Chinese encodings. Valid UTF-8 is
taken unless its non-ASCII characters are mostly not East Asian while a legacy reading is
clearly Chinese (four GBK bytes such as 通知 are also valid two-byte UTF-8). GB18030 and Big5
byte ranges overlap, so when both decode cleanly each reading is scored by how much of it is
everyday Chinese: the text is folded to simplified (OpenCC t2s) and we count the characters in
GB2312 level 1 (the 3,755 most frequent hanzi). Real text scores above 0.9; a text read in the
wrong encoding lands on rare characters and scores far lower. A close call is not hidden: the
result says it is uncertain and names the runner-up, and the user can reopen with another encoding.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import DocumentError
from .text.hanzi import hanzi_count, is_hanzi

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8（带 BOM）"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
LEGACY = (("gb18030", "GB18030"), ("cp950", "Big5"))
# Names a user or the CLI may pass to force an encoding, mapped to a codec and a label.
KNOWN = {
    "utf-8": ("utf-8", "UTF-8"), "utf8": ("utf-8", "UTF-8"),
    "utf-8-sig": ("utf-8", "UTF-8（带 BOM）"),
    "gbk": ("gb18030", "GB18030"), "gb2312": ("gb18030", "GB18030"), "gb18030": ("gb18030", "GB18030"),
    "big5": ("cp950", "Big5"), "cp950": ("cp950", "Big5"),
    "utf-16-le": ("utf-16-le", "UTF-16 LE"), "utf-16-be": ("utf-16-be", "UTF-16 BE"),
}
CONFIDENT_MARGIN = 0.25
PLAUSIBLE_CHINESE = 0.8
MIN_HANZI_FOR_CONFIDENCE = 8
# Non-ASCII characters below the CJK punctuation and letters (Latin, Greek, Cyrillic …): what short GBK
# text decoded as UTF-8 reads as.
BELOW_EAST_ASIAN = re.compile("[\u0080-\u1fff]")


@dataclass(frozen=True)
class Encoding:
    """How a text file's bytes map to text, and how sure we are about it."""

    codec: str
    label: str
    bom: bytes = b""
    confident: bool = True
    note: str = ""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


def utf8(bom: bool = False) -> Encoding:
    return Encoding("utf-8", "UTF-8（带 BOM）" if bom else "UTF-8", codecs.BOM_UTF8 if bom else b"")


def named(name: str) -> Encoding:
    """An encoding the user picked by name (``--encoding gbk``)."""
    try:
        codec, label = KNOWN[name.lower()]
    except KeyError:
        raise DocumentError(f"不认识的编码“{name}”。可用：{', '.join(sorted(KNOWN))}。") from None
    bom = codecs.BOM_UTF8 if name.lower() == "utf-8-sig" else b""
    return Encoding(codec, label, bom)


def detect(raw: bytes, file_name: str = "") -> tuple[Encoding, str]:
    """Return the encoding of ``raw`` and the decoded text, or raise DocumentError."""
    for bom, codec, label in BOMS:
        if raw.startswith(bom):
            try:
                return Encoding(codec, label, bom), raw[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"文件“{file_name}”标明为 {label} 编码，但内容已损坏，无法读取。") from exc
    _refuse_binary(raw, file_name)
    readings = _legacy_readings(raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _plausible_utf8(text) or not readings or readings[0][0] < PLAUSIBLE_CHINESE:
            return utf8(), text
        readings.append((0.0, "utf-8", "UTF-8"))
    if not readings:
        raise DocumentError(f"无法识别文件“{file_name}”的编码（不是 UTF-8、GB18030 或 Big5），可能不是文本文件。")
    score, codec, label = readings[0]
    text = raw.decode(codec)
    if len(readings) == 1:
        return Encoding(codec, label), text
    runner_up = readings[1]
    confident = (codec != "utf-8" and "utf-8" not in (r[1] for r in readings)
                 and score - runner_up[0] >= CONFIDENT_MARGIN and hanzi_count(text) >= MIN_HANZI_FOR_CONFIDENCE)
    note = "" if confident else (
        f"无法确定文件编码：已按 {label} 打开，也可能是 {runner_up[2]}。如果文字显示为乱码，请换用 {runner_up[2]} 重新打开。"
    )
    return Encoding(codec, label, confident=confident, note=note), text


def _legacy_readings(raw: bytes) -> list[tuple[float, str, str]]:
    """(Chinese score, codec, label) for each legacy encoding that decodes ``raw``, best first."""
    readings = []
    for codec, label in LEGACY:
        try:
            readings.append((chinese_score(raw.decode(codec)), codec, label))
        except UnicodeDecodeError:
            continue
    return sorted(readings, reverse=True)


def _plausible_utf8(text: str) -> bool:
    """Chinese UTF-8 is mostly three-byte characters; short GBK text can pass as two-byte UTF-8
    (characters below U+2000). Counted in C: a draft is read on a worker thread while the window is
    live, and a Python step per character (~60 ms for 640,000 characters, 4 ms now) competed with the
    window's thread for the interpreter lock (bench/ui_stall.py --trace)."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return True
    east_asian = non_ascii - len(BELOW_EAST_ASIAN.findall(text))
    return east_asian / non_ascii >= 0.5


def _refuse_binary(raw: bytes, file_name: str) -> None:
    """NUL bytes or many control characters mean this is not a text file (BOM-less UTF-16 included)."""
    head = raw[:65536]
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D))
    if b"\x00" in head or controls > len(head) // 100:
        raise DocumentError(f"文件“{file_name}”不是文本文件（含有二进制数据），无法作为 .txt 打开。")


def encodable(ch: str, codec: str) -> bool:
    """Can ``codec`` write ``ch``? (Saving in a legacy encoding, and spotting mojibake.)"""
    try:
        ch.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def chinese_score(text: str) -> float:
    """Share of the text's hanzi that are everyday characters (GB2312 level 1 after t2s)."""
    sample = "".join(ch for ch in text[:20000] if is_hanzi(ch))
    if not sample:
        return 0.0
    simplified = _t2s().convert(sample)
    common = sum(1 for ch in simplified if _is_level1(ch))
    return common / len(simplified)


def _is_level1(ch: str) -> bool:
    if not encodable(ch, "gb2312"):
        return False
    code = ch.encode("gb2312")
    return len(code) == 2 and 0xB0 <= code[0] <= 0xD7


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: only needed for the rare GB18030-versus-Big5 call

    return opencc.OpenCC("t2s")
