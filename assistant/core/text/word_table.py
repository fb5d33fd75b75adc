"""jieba's dictionary as one compact precomputed table: words (with the prefixes jieba's route search
needs), frequencies and part-of-speech tags, loaded with one read.

Stock jieba builds its prefix dictionary from dict.txt (seconds) or unmarshals a cache of it (0.7 s,
one call that holds the interpreter lock), and the tags were read from dict.txt again line by line
(0.5 s). The table holds the same prefix dictionary, in the same order, and each key's tag: loading
it is a decompression and a split, then the dictionary is filled a slice at a time so that a load
on a background thread never pauses the window for long. The 公文 user dictionary is not in the
table: it is applied at load, by jieba itself, so editing it needs no rebuild.

Build (from the installed jieba's dict.txt; writes resources/dict/jieba-words.bin):
    .venv/bin/python -m assistant.core.text.word_table
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from dataclasses import dataclass
from itertools import compress
from pathlib import Path

from ..atomic import atomic_write
from ..resources import resource_path

TABLE_FILE = ("dict", "jieba-words.bin")
MAGIC = b"gongwen-jieba-words 1\n"
SLICE = 40_000  # keys added to the dictionary per step: each step holds the interpreter lock ~5 ms
INFLATE_STEP = 1 << 18  # compressed bytes inflated per step
SPLIT_STEP = 1 << 18  # characters of the word list split per step


@dataclass
class WordTable:
    """jieba's ``FREQ`` (every word and word prefix → its count, 0 for a prefix only), ``total``
    (the sum of the words' counts) and each dictionary word's tag."""

    freq: dict[str, int]
    total: int
    tags: dict[str, str]


def dictionary_entries(lines) -> tuple[dict[str, int], int, dict[str, str]]:
    """The prefix dictionary, total and tags from dict.txt's lines (``word count tag``), exactly as
    jieba's ``Tokenizer.gen_pfdict`` builds the first two (a repeated word: the last count, both
    added to the total)."""
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    for line in lines:
        fields = line.strip().split(" ")
        word, count = fields[0], int(fields[1])
        freq[word] = count
        total += count
        if len(fields) == 3:
            tags[word] = fields[2]
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    return freq, total, tags


def serialise(freq: dict[str, int], total: int, tags: dict[str, str]) -> bytes:
    keys = list(freq)
    names = sorted(set(tags.values()))
    number = {name: i + 1 for i, name in enumerate(names)}  # 0: no tag
    words = "\n".join(keys).encode("utf-16-le")
    counts = array("I", freq.values())
    if sys.byteorder == "big":
        counts.byteswap()
    tag_numbers = bytes(number.get(tags.get(key), 0) for key in keys)
    header = {"total": total, "keys": len(keys), "tags": names, "words_bytes": len(words)}
    body = zlib.compress(words + counts.tobytes() + tag_numbers, 9)
    return MAGIC + json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n" + body


def load(path: Path | None = None) -> WordTable:
    """Read the table; between steps other threads run (see SLICE)."""
    raw = (path or resource_path(*TABLE_FILE)).read_bytes()
    if not raw.startswith(MAGIC):
        raise ValueError(f"not a word table: {path}")
    header_end = raw.index(b"\n", len(MAGIC))
    header = json.loads(raw[len(MAGIC):header_end])
    body = _inflate(memoryview(raw)[header_end + 1:])
    count, words_bytes = header["keys"], header["words_bytes"]
    keys = _split_lines(body[:words_bytes].decode("utf-16-le"))
    counts = array("I")
    counts.frombytes(body[words_bytes:words_bytes + 4 * count])
    if sys.byteorder == "big":
        counts.byteswap()
    tag_numbers = body[words_bytes + 4 * count:]
    names = [""] + [sys.intern(name) for name in header["tags"]]
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    for start in range(0, count, SLICE):
        end = start + SLICE
        freq.update(zip(keys[start:end], counts[start:end]))
        numbers = tag_numbers[start:end]
        tags.update(zip(compress(keys[start:end], numbers), map(names.__getitem__, filter(None, numbers))))
    return WordTable(freq, header["total"], tags)


def _split_lines(text: str) -> list[str]:
    """``text.split("\\n")`` a piece at a time (one split of the whole text holds the lock ~40 ms)."""
    lines: list[str] = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start + SPLIT_STEP)
        end = len(text) if end < 0 else end
        lines += text[start:end].split("\n")
        start = end + 1
    return lines


def _inflate(data: memoryview) -> bytes:
    inflater = zlib.decompressobj()
    parts = [inflater.decompress(data[start:start + INFLATE_STEP]) for start in range(0, len(data), INFLATE_STEP)]
    parts.append(inflater.flush())
    return b"".join(parts)


def build() -> bytes:
    """The table from the installed jieba's dict.txt."""
    from jieba import Tokenizer

    with Tokenizer().get_dict_file() as raw:
        lines = raw.read().decode("utf-8").splitlines()
    return serialise(*dictionary_entries(line for line in lines if line.strip()))


def main() -> None:
    target = resource_path(*TABLE_FILE)
    atomic_write(target, build())
    print(f"{target}: {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
