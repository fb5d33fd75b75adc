"""Where an example comes from, as a reader wants to see it: the text's title and the line, not a
file name with a hash; and how a phrase fits where it is inserted."""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from ..conversion import opencc_for
from ..resources import resource_path
from ..text.hanzi import hanzi_count
from ..text.sentences import CLAUSE_SEPARATORS, SENTENCE_END
from ..text.structure import heading_level

PUNCTUATION = CLAUSE_SEPARATORS + SENTENCE_END
MAX_TITLE = 40


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """File name → title: corpus-extra's MANIFEST, and each seed text's first line."""
    found: dict[str, str] = {}
    manifest = resource_path("corpus", "extra", "MANIFEST.tsv")
    if manifest.exists():
        with open(manifest, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                found[row["file"]] = row["title"]
    for path in sorted(resource_path("corpus").glob("*.txt")):
        title = _title_line(path.read_text(encoding="utf-8-sig").splitlines()[:TITLE_LINES])
        if title:
            found[path.name] = opencc_for("t2s").convert(title)  # some seed pages are traditional
    return found


TITLE_LINES = 3  # a title stands at the top, if anywhere
PAGE_MARK = re.compile(r"[（(]第\s*\d+\s*/\s*\d+\s*页[）)]$|^第[一二三四五六七八九十]+篇[:：]")


def _title_line(lines: list[str]) -> str:
    """The first line that reads as a title: short, Chinese, not a site banner (SUCAI198.COM ……)
    or a numbered heading (一、背景链接); page marks and 第一篇： are dropped. "" when none does."""
    for line in (line.strip() for line in lines):
        title = PAGE_MARK.sub("", line).strip()
        if (title and len(title) <= MAX_TITLE and not re.search("[A-Za-z]", title) and heading_level(title) is None
                and hanzi_count(title) >= len(title) / 2):
            return title
    return ""


def source_label(source: str) -> str:
    """"cpc_17.txt:95" → "《…（十七大）》第 95 行"; an unknown file keeps its name (the user's own)."""
    name, _, line = source.rpartition(":")
    title = titles().get(name)
    where = f"《{title}》" if title else name
    return f"{where} 第 {line} 行" if line.isdigit() else (where if name else source)


def fitted(phrase: str, before: str, after: str) -> str:
    """The phrase as inserted between ``before`` and ``after`` (the characters at the cursor):
    no punctuation doubled at either end."""
    if before and before[-1] in PUNCTUATION:
        phrase = phrase.lstrip(PUNCTUATION)
    if after and after[0] in PUNCTUATION:
        phrase = phrase.rstrip(PUNCTUATION)
    return phrase
