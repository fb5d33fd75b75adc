"""Word segmentation: one jieba tokenizer for the app, with the 公文 user dictionary.

jieba's cache goes to the per-user data folder (never the shared temp folder or the install
folder); the tokenizer loads once, on first use.
"""

from __future__ import annotations

import io
import logging
import re
import sys
from functools import lru_cache

import jieba

from ..resources import resource_path
from ..userdata import data_dir
from .jieba_cut import lcut

USER_DICTIONARY = ("dict", "gongwen_user_dict.txt")
# A four-character word this frequent in jieba's dictionary is one word, not a compound.
LEXICALISED = 100
SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    cache = data_dir() / "cache"
    cache.mkdir(exist_ok=True)
    instance = jieba.Tokenizer()
    instance.tmp_dir = str(cache)
    instance.initialize()
    instance.load_userdict(str(resource_path(*USER_DICTIONARY)))
    return instance


def cut(text: str) -> list[str]:
    """jieba's words, with four-character compounds of two dictionary words split in two
    (深入基层 → 深入 基层), so that a repeated word is seen inside a compound too. Entries of
    the 公文 dictionary (真抓实干, 压实责任) and lexicalised words (社会主义, 扎扎实实: common
    in jieba's dictionary) stay whole."""
    jieba = tokenizer()
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
    same tags). Read from the dictionary file line by line, tags interned: about 40 MB."""
    table: dict[str, str] = {}
    with tokenizer().get_dict_file() as raw:
        _read_tags(io.TextIOWrapper(raw, encoding="utf-8"), table)
    with open(resource_path(*USER_DICTIONARY), encoding="utf-8") as user:
        _read_tags(user, table)
    return table


def _read_tags(lines, table: dict[str, str]) -> None:
    for line in lines:
        fields = line.split()
        if len(fields) == 3:
            table[fields[0]] = sys.intern(fields[2])
