"""Word segmentation: one jieba tokenizer for the app, with the 公文 user dictionary.

The tokenizer is built from the precomputed word table (text/word_table.py) on first use, never
from jieba's dictionary file or a cache of it, and jieba itself is imported only then: a start
that does not segment yet (the window before its first check) pays for neither.
"""

from __future__ import annotations

import logging
import re
import sys
from functools import lru_cache
from typing import TYPE_CHECKING

from ..resources import resource_path
from . import word_table

if TYPE_CHECKING:
    import jieba

USER_DICTIONARY = ("dict", "gongwen_user_dict.txt")
# A four-character word this frequent in jieba's dictionary is one word, not a compound.
LEXICALISED = 100
SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """jieba's tokenizer over the word table, then the 公文 dictionary added by jieba's own
    ``load_userdict``: the same prefix dictionary and total as stock jieba's ``initialize``."""
    jieba = import_jieba()
    instance = jieba.Tokenizer()
    instance.FREQ, instance.total = _table().freq, _table().total
    instance.initialized = True
    instance.load_userdict(str(resource_path(*USER_DICTIONARY)))
    return instance


def import_jieba():
    """jieba, imported without pkg_resources: jieba only uses it to find its own files (and falls
    back to their paths without it), and importing it took 0.18 s of every start."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
        try:
            import jieba  # noqa: F401
        finally:
            del sys.modules["pkg_resources"]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=1)
def _table() -> word_table.WordTable:
    return word_table.load()


def cut(text: str) -> list[str]:
    """jieba's words, with four-character compounds of two dictionary words split in two
    (深入基层 → 深入 基层), so that a repeated word is seen inside a compound too. Entries of
    the 公文 dictionary (真抓实干, 压实责任) and lexicalised words (社会主义, 扎扎实实: common
    in jieba's dictionary) stay whole."""
    jieba = tokenizer()
    from .jieba_cut import lcut  # imports jieba's modules: only once the tokenizer has loaded them

    frequency, user_words = jieba.FREQ.get, _user_words()
    words: list[str] = []
    for word in lcut(jieba, without_surrogates(text)):
        if (len(word) == 4 and word not in user_words and frequency(word, 0) < LEXICALISED
                and frequency(word[:2], 0) > 0 and frequency(word[2:], 0) > 0):
            words += (word[:2], word[2:])
        else:
            words.append(word)
    return words


def without_surrogates(text: str) -> str:
    """Lone surrogates (never in a real document, but possible in a str) become U+FFFD, one for
    one, so offsets stay valid and C libraries that need UTF-8 do not fail."""
    return SURROGATE.sub("\ufffd", text)


@lru_cache(maxsize=1)
def _user_words() -> frozenset[str]:
    lines = resource_path(*USER_DICTIONARY).read_text(encoding="utf-8").splitlines()
    return frozenset(line.split()[0] for line in lines if line.strip())


def word_frequency(word: str) -> int:
    """jieba's dictionary frequency of ``word`` (0 if unknown): how common it is in general text."""
    return tokenizer().FREQ.get(word, 0)


def dictionary_total() -> int:
    return tokenizer().total


@lru_cache(maxsize=1)
def pos_table() -> dict[str, str]:
    """jieba's part-of-speech tag of every dictionary word and of the 公文 dictionary's words: a
    lookup, so tagging costs nothing beyond segmentation (jieba's own tagger gives known words these
    same tags). From the word table, then the 公文 dictionary's lines."""
    table = _table().tags
    with open(resource_path(*USER_DICTIONARY), encoding="utf-8") as user:
        for line in user:
            fields = line.split()
            if len(fields) == 3:
                table[fields[0]] = sys.intern(fields[2])
    return table
