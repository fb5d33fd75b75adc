"""Where an example comes from, as a reader wants to see it: the text's title and the line, not a
file name with a hash; and how a phrase fits where it is inserted."""

from __future__ import annotations

import csv
from functools import lru_cache

from ..conversion import opencc_for
from ..resources import resource_path
from ..text.sentences import CLAUSE_SEPARATORS, SENTENCE_END

PUNCTUATION = CLAUSE_SEPARATORS + SENTENCE_END


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
        first = next((line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()), "")
        found[path.name] = opencc_for("t2s").convert(first[:40])  # some seed pages are traditional
    return found


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
