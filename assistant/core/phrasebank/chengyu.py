"""The vetted 成语 dictionary (resources/phrasebank/chengyu.txt, from 新华字典's idiom list; see the
README there): jieba tags terms and policy names 成语 (差额选举, 以工代赈), so its tag alone does not
make a saying; this list does."""

from __future__ import annotations

from functools import lru_cache

from ..resources import resource_path


@lru_cache(maxsize=1)
def chengyu() -> frozenset[str]:
    return frozenset(resource_path("phrasebank", "chengyu.txt").read_text(encoding="utf-8").split())


def in_chengyu_dictionary(word: str) -> bool:
    return word in chengyu()
