"""Corpus cleaning: turn raw web texts into clean paragraphs that remember where they came from.

Every step is a small function, tested on the real quirks of the seed corpus:
broken HTML entities (``&ldqu;``), pinyin after characters (``網(wǎng)``), site boilerplate
(浏览次数, 上一篇, 微信扫码, 来源于 …, URLs), page markers (``-2-``), "第X篇" titles, mojibake (the
damaged sentence is dropped), hard line breaks inside sentences, half-width punctuation in Chinese
text, and traditional characters (folded to simplified for extraction; the source is kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..conversion import opencc_for
from ..encoding import encodable
from ..text.entities import fix_entities
from ..text.hanzi import HANZI
from ..text.sentences import FULL_WIDTH_SENTENCE_END, sentences
from ..text.structure import HEADING_START
from ..text.widths import CJK, full_width_in_chinese

PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\(([a-zü]*[\u00e0-\u01dc][a-zü\u00e0-\u01dc]*)\)")
PAGE_MARKER = re.compile(r"(?<![\d-])-\s?\d{1,3}\s?-(?![\d-])")
PIECE_TITLE = re.compile(r"^第[一二三四五六七八九十百\d]+篇\s*[:：]\s*")
TERMINAL = "。！？；…”』」）"
# A speaker's name on a line of its own right before the address (习近平 / 同志们：), as the
# transcriptions of reports print it: not text.
SPEAKER = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
ADDRESS = re.compile(r"^(同志们|各位代表)")
BOILERPLATE_LINE = re.compile(
    r"^(浏览次数|更新时间|时间\s*[:：]|發布時間|■?发布时间|上一篇|下一篇|网友评论|评论功能已关闭|相关公文|"
    r"微信扫码|领取福利|admin\s|文章标题|找文章到|导语\s*[:：]|\d+$)"
    r"|SUCAI198|xiexiebang|https?://|www\.|\.com|来源于网友上传|不代表本站观点",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CleanParagraph:
    """A cleaned paragraph (simplified), the file it came from and its first line there (1-based)."""

    text: str
    source: str
    line: int
    title: bool = False


def strip_pinyin(text: str) -> str:
    """``網(wǎng)友`` → ``網友``: tone-marked pinyin in brackets right after a character."""
    return PINYIN.sub("", text)


def strip_page_markers(text: str) -> str:
    return PAGE_MARKER.sub("", text)


def is_boilerplate(line: str) -> bool:
    return bool(BOILERPLATE_LINE.search(line.strip()))


def is_damaged(sentence: str) -> bool:
    """Mojibake: kana, replacement or private-use characters, or a hanzi that neither GB2312 nor
    Big5 knows (UTF-8 read as GBK gives such characters: 鋵崱; PDF extraction gives 臵 for 置)."""
    for ch in sentence:
        if "\u3040" <= ch <= "\u30ff" or ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff":
            return True
        if HANZI.match(ch) and not (encodable(ch, "gb2312") or encodable(ch, "cp950")):
            return True
    return False


def drop_damaged_sentences(text: str) -> str:
    kept, start = [], 0
    for span in sentences(text, FULL_WIDTH_SENTENCE_END):
        if not is_damaged(text[start:span.end]):
            kept.append(text[start:span.end])
        start = span.end
    return "".join(kept)


def normalize_punctuation(text: str) -> str:
    """Half-width ,:;?!() next to Chinese become full-width; ASCII quotes pair into “ ”."""
    text = full_width_in_chinese(text)
    text = re.sub(rf'"([^"\n]*{CJK}[^"\n]*)"', r"“\1”", text)
    return text.replace("“,", "“").replace("\u3000", "").strip()


def join_broken_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join a line with the next when a hard line break cut a sentence or a heading in two."""
    joined: list[tuple[int, str]] = []
    for number, line in lines:
        if joined and _continues(joined[-1][1], line):
            joined[-1] = (joined[-1][0], joined[-1][1] + line)
        else:
            joined.append((number, line))
    return joined


def _continues(previous: str, line: str) -> bool:
    if not previous or not line or previous[-1] in TERMINAL or HEADING_START.match(line):
        return False
    if not HANZI.match(line):
        return False
    if len(line) <= 6:
        return True  # a wrapped tail: 三、提高执行力的措施 / 和办法
    last_clause = re.split(r"[，,]", previous)[-1]
    if HEADING_START.match(previous):
        return len(last_clause) <= 3  # 3、……工作计划，年 / 终工作要有检查 (a heading line is complete)
    return "，" in previous or "," in previous or len(previous) >= 40


def to_simplified(text: str) -> str:
    return opencc_for("t2s").convert(text)


def clean_text(raw: str, source: str) -> list[CleanParagraph]:
    """All steps, in order, over one raw file."""
    lines = []
    for number, line in enumerate(raw.splitlines(), start=1):
        line = strip_page_markers(strip_pinyin(fix_entities(line))).strip()
        if line and not is_boilerplate(to_simplified(line)):
            lines.append((number, line))
    lines = [(n, line) for i, (n, line) in enumerate(lines)
             if not (SPEAKER.match(line) and i + 1 < len(lines) and ADDRESS.match(lines[i + 1][1]))]
    paragraphs = []
    for number, line in join_broken_lines(lines):
        title = bool(PIECE_TITLE.match(line))
        line = PIECE_TITLE.sub("", line)
        text = normalize_punctuation(to_simplified(drop_damaged_sentences(line)))
        if text:
            title = title or (len(text) <= 30 and text[-1] not in TERMINAL + "，：")
            paragraphs.append(CleanParagraph(text, source, number, title))
    return _without_repeated_titles(paragraphs)


def _without_repeated_titles(paragraphs: list[CleanParagraph]) -> list[CleanParagraph]:
    """Web pages repeat the title right below it, and sometimes at the start of the first paragraph."""
    kept: list[CleanParagraph] = []
    for paragraph in paragraphs:
        if kept and kept[-1].title and paragraph.text == kept[-1].text:
            continue
        if kept and kept[-1].title and paragraph.text.startswith(kept[-1].text + " "):
            paragraph = CleanParagraph(paragraph.text[len(kept[-1].text) + 1:].strip(), paragraph.source,
                                       paragraph.line, paragraph.title)
        kept.append(paragraph)
    return kept


def clean_file(path: Path) -> list[CleanParagraph]:
    return clean_text(path.read_text(encoding="utf-8-sig"), path.name)


def clean_folder(folder: Path) -> list[CleanParagraph]:
    paragraphs: list[CleanParagraph] = []
    for path in sorted(folder.glob("*.txt")):
        paragraphs += clean_file(path)
    return paragraphs
