"""The 公文要素 of a plain draft (GB/T 9704-2012 clause 7): 版头, 主体 and 版记 parts recognised
from lines as people type them, so the export can lay each out by its own rule and the user can
confirm or correct them before the export.

The draft is read in three passes: the 版头 and 标题 from the top, the 版记, 附注, 成文日期,
署名 and 附件说明 from the bottom (anywhere after the last body line, not a fixed number of
lines), and what is left between them is the 正文 with its headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from ..text.dates import DOC_NUMBER, PRINTED, is_date, normalise_date, normalise_doc_number
from ..text.structure import heading_level

# 党政机关公文处理工作条例 (2012) 第八条: the 15 文种. Longest first so 复函 wins over 函.
DOC_TYPES = ("决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
             "议案", "复函", "纪要", "函", "令")
# 上行文 carry a 签发人 (GB/T 9704 7.2.6); the 文种 sent to superiors.
UPWARD_TYPES = {"请示", "报告"}
SIGNER = re.compile(r"签发人\s*[：:]\s*(?P<name>.+)$")
COPY_NUMBER = re.compile(r"^\d{6}$")
SECRECY = re.compile(r"^(绝密|机密|秘密)(★.*)?$")
URGENCY = re.compile(r"^(特急|加急)$")
CC = re.compile(r"^抄\s*送\s*[：:]\s*(?P<names>.+)$")
NOTE = re.compile(r"^[（(](?P<text>.+)[）)]$")
ATTACHMENT = re.compile(r"^附\s*件\s*[：:]\s*(?P<first>.*)$")
ATTACHMENT_ITEM = re.compile(r"^\s*\d+\s*[.．、]")
SENTENCE_END = re.compile(r"[。；，！？]")
TITLE_MAX_LINES = 3
TITLE_MAX_CHARS = 40
SIGNATURE_MAX_CHARS = 25


@dataclass
class Elements:
    """The 公文要素 the export lays out around the 正文 (empty string: absent)."""

    copy_number: str = ""  # 份号 (7.2.1)
    secrecy: str = ""  # 密级和保密期限 (7.2.2)
    urgency: str = ""  # 紧急程度 (7.2.3)
    issuer_mark: str = ""  # 发文机关标志 (7.2.4)
    doc_number: str = ""  # 发文字号 (7.2.5), with 〔〕
    signer: str = ""  # 签发人 (7.2.6)
    title: str = ""  # 标题 (7.3.1); lines joined by "\n"
    addressee: str = ""  # 主送机关 (7.3.2), with its colon
    attachments: list[str] = field(default_factory=list)  # 附件说明 (7.3.4), names without numbers
    signature: str = ""  # 发文机关署名 (7.3.5)
    date: str = ""  # 成文日期, Arabic numerals (7.3.5.4)
    note: str = ""  # 附注 (7.3.6), without brackets
    cc: str = ""  # 抄送机关 (7.4.2), names without 抄送： and the final 。
    printer: str = ""  # 印发机关 (7.4.3)
    print_date: str = ""  # 印发日期, Arabic numerals
    doc_type: str = ""  # 文种, from the title
    sealed: bool = True  # 加盖印章 (7.3.5.1) or not (7.3.5.2)

    @property
    def upward(self) -> bool:
        """上行文: the 发文字号 sits left and 签发人 right on one line (7.2.5, 7.2.6)."""
        return bool(self.signer) or self.doc_type in UPWARD_TYPES

    def updated(self, values: dict[str, str]) -> "Elements":
        """A copy with fields set from ``values`` keyed by their Chinese names (FIELD_NAMES)."""
        copy = Elements(**{f.name: getattr(self, f.name) for f in fields(self)})
        copy.attachments = list(self.attachments)
        for label, value in values.items():
            name = NAMES_TO_FIELDS.get(label)
            if name is None:
                raise KeyError(label)
            if name == "attachments":
                copy.attachments = [item.strip() for item in re.split(r"[\n；;]", value) if item.strip()]
            elif name == "sealed":
                copy.sealed = value.strip() not in ("", "否", "不", "0", "false")
            elif name in ("date", "print_date"):
                setattr(copy, name, normalise_date(value))
            elif name == "doc_number":
                copy.doc_number = normalise_doc_number(value)
            else:
                setattr(copy, name, value.strip())
        return copy


FIELD_NAMES = {"copy_number": "份号", "secrecy": "密级", "urgency": "紧急程度", "issuer_mark": "发文机关标志",
               "doc_number": "发文字号", "signer": "签发人", "title": "标题", "addressee": "主送机关",
               "attachments": "附件", "signature": "署名", "date": "成文日期", "note": "附注", "cc": "抄送",
               "printer": "印发机关", "print_date": "印发日期", "doc_type": "文种", "sealed": "加盖印章"}
NAMES_TO_FIELDS = {label: name for name, label in FIELD_NAMES.items()}


@dataclass
class Line:
    """One paragraph of the draft with the role recognition gave it."""

    text: str
    role: str = "body"  # body, heading, table, picture, annex; or the 要素 roles, which leave the body
    level: int = 0
    source: object = None  # what the layout copies (a w:tbl, a picture) for non-text lines


@dataclass
class Recognised:
    elements: Elements
    body: list[Line]  # the 正文 between 主送机关 and 附件说明/署名
    annex: list[Line]  # lines between the 成文日期 (and 附注) and the 版记: the 附件 themselves


def recognise(lines: list[Line]) -> Recognised:
    """Split the draft's lines into 要素 and 正文 (``lines`` of role body, table or picture)."""
    elements = Elements()
    start = _head(lines, elements)
    end, annex = _tail(lines, start, elements)
    body = lines[start:end]
    for line in body + annex:
        if line.role == "body":
            level = heading_level(line.text)
            if level is not None:
                line.role, line.level = "heading", level
    return Recognised(elements, body, annex)


def _text(lines: list[Line], index: int) -> str | None:
    return lines[index].text if 0 <= index < len(lines) and lines[index].role == "body" else None


def _head(lines: list[Line], elements: Elements) -> int:
    """版头 (份号, 密级, 紧急程度, 标志, 字号, 签发人), 标题 and 主送机关 from the top; returns
    the index of the first 正文 line."""
    index = 0
    for pattern, name in ((COPY_NUMBER, "copy_number"), (SECRECY, "secrecy"), (URGENCY, "urgency")):
        text = _text(lines, index)
        if text is not None and pattern.match(text.strip()):
            setattr(elements, name, text.strip())
            index += 1
    number_at = next((i for i in range(index, min(index + 4, len(lines)))
                      if _text(lines, i) is not None and DOC_NUMBER.match(lines[i].text.strip())), None)
    if number_at is not None:
        marks = [lines[i].text.strip() for i in range(index, number_at) if lines[i].text.strip()]
        elements.issuer_mark = "".join(marks)
        line = lines[number_at].text.strip()
        elements.doc_number = normalise_doc_number(line)
        signer = SIGNER.search(line)
        index = number_at + 1
        if signer is None and _text(lines, index) is not None:
            signer = SIGNER.match(lines[index].text.strip())
            index += 1 if signer else 0
        if signer:
            elements.signer = signer.group("name").strip()
    else:
        text = _text(lines, index)
        if text is not None and text.strip().endswith("文件") and _title_like(text.strip()):
            elements.issuer_mark = text.strip()
            index += 1
    title = []
    while (len(title) < TITLE_MAX_LINES and _text(lines, index) is not None
           and _title_like(lines[index].text.strip()) and not _addressee_like(lines[index].text.strip())):
        title.append(lines[index].text.strip())
        index += 1
    elements.title = "\n".join(title)
    elements.doc_type = doc_type("".join(title))
    text = _text(lines, index)
    if text is not None and _addressee_like(text.strip()):
        elements.addressee = text.strip()
        index += 1
    return index


def _tail(lines: list[Line], start: int, elements: Elements) -> tuple[int, list[Line]]:
    """版记, 附注, 成文日期, 署名 and 附件说明 from the bottom; returns where the 正文 ends
    and the lines between the 落款 and the 版记 (the 附件 themselves)."""
    end = len(lines)
    while end > start and _text(lines, end - 1) is not None:
        text = lines[end - 1].text.strip()
        printed = PRINTED.match(text)
        cc_at = _cc_start(lines, start, end) if not elements.cc else None
        if printed and not elements.printer:
            elements.printer, elements.print_date = printed.group("org").strip(), normalise_date(printed.group("date"))
            end -= 1
        elif cc_at is not None:
            names = CC.match(lines[cc_at].text.strip()).group("names") + "".join(
                line.text.strip() for line in lines[cc_at + 1:end])
            elements.cc = names.strip().rstrip("。.")
            end = cc_at
        else:
            break
    date_at = next((i for i in range(end - 1, start - 1, -1)
                    if _text(lines, i) is not None and is_date(lines[i].text)), None)
    if date_at is None:
        return end, []
    elements.date = normalise_date(lines[date_at].text)
    after = date_at + 1
    if after < end and _text(lines, after) is not None and NOTE.match(lines[after].text.strip()):
        elements.note = NOTE.match(lines[after].text.strip()).group("text")
        after += 1
    annex = lines[after:end]
    stop = date_at
    above = _text(lines, stop - 1)
    if stop - 1 >= start and above is not None and _signature_like(above.strip()):
        elements.signature = above.strip()
        stop -= 1
    first = next((i for i in range(stop - 1, start - 1, -1)
                  if _text(lines, i) is not None and ATTACHMENT.match(lines[i].text.strip())), None)
    if first is not None and all(_text(lines, i) is not None for i in range(first, stop)):
        elements.attachments = attachment_names([lines[i].text.strip() for i in range(first, stop)])
        stop = first
    return stop, annex


def _cc_start(lines: list[Line], start: int, end: int) -> int | None:
    """Where the 抄送 line ending at ``end`` starts: the line itself, or up to two lines above
    when its list of names was wrapped (the lines between continue it, ending in 。 at most)."""
    for at in range(end - 1, max(start, end - 3) - 1, -1):
        if _text(lines, at) is None:
            return None
        text = lines[at].text.strip()
        if CC.match(text):
            return at
        if (at < end - 1 and text.endswith("。")) or is_date(text) or ATTACHMENT.match(text):
            return None
    return None


def attachment_names(texts: list[str]) -> list[str]:
    """附件：1.甲 / 2.乙 / a wrapped name's second line → [甲, 乙…], numbers dropped (the layout adds them)."""
    names: list[str] = []
    for number, text in enumerate(texts):
        if number == 0:
            text = ATTACHMENT.match(text).group("first")
        item = ATTACHMENT_ITEM.match(text)
        if item or not names:
            names.append(text[item.end():].strip() if item else text.strip())
        else:
            names[-1] += text.strip()
    return [name for name in names if name]


def _title_like(text: str) -> bool:
    return (0 < len(text) <= TITLE_MAX_CHARS and text[-1] not in "。；：，！？:" and heading_level(text) is None
            and not is_date(text))


def _addressee_like(text: str) -> bool:
    return text.endswith(("：", ":")) and len(text) <= 60 and "。" not in text


def _signature_like(text: str) -> bool:
    return 0 < len(text) <= SIGNATURE_MAX_CHARS and not SENTENCE_END.search(text) and not ATTACHMENT.match(text)


def doc_type(title: str) -> str:
    """The 文种 a title ends with (关于……的通知 → 通知; 复函 counts as 函)."""
    title = title.strip()
    for name in DOC_TYPES:
        if title.endswith(name):
            return "函" if name == "复函" else name
    return ""


