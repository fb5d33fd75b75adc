"""Which words the overuse rules may report: weak, replaceable words, never the document's subject.

An official repeats 推进, 进一步, 切实, 积极 out of habit, and a reviewer circles them; the subject's
own words (the industry, the facility, the office, the campaign) come back because the text is
about them, and varying them would blur it. So overuse is reported only on **generic** words, a
class decided by data (resources/dict/generic_words.tsv, made by ``calibrate.generic_words``):
verbs, adjectives and adverbs (jieba's part of speech) that most texts of the bundled corpus use
(the tuning part: corpus-extra's held-out fifth is never read) and that the phrase bank's meaning
groups can replace. Even those are left alone where they are the subject (a word of the title) or
not the writer's own wording: inside a 《title》 or a “quotation”, or part of a longer name or term
(推进 in 改革推进办, 检查 in 专项检查办公室) — replacing there would rewrite a name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from ..resources import resource_path
from ..text.hanzi import HANZI
from ..text.segmenter import word_frequency
from ..text.structure import quoted_spans
from .text import Paragraph, Token

GENERIC_FILE = ("dict", "generic_words.tsv")
# Parts of speech a weak, replaceable word has (jieba's tags): verbs, adjectives, adverbs, idioms.
GENERIC_TAGS = frozenset({"v", "vd", "a", "ad", "an", "d", "z", "l", "i"})
# A generic word is used by at least this share of the corpus texts: everyday 公文 wording, not a
# field's term (节能, 脱贫 are in half the texts or fewer).
GENERIC_SPREAD = 0.8
# The last character of the name of a body, when jieba cuts it off alone: 推进办, 推进会, 督导组.
BODY_ENDINGS = ("局", "委", "办", "厅", "室", "部", "院", "会", "处", "科", "所", "站", "队", "组")
# The heads of bodies' names that jieba keeps as words (专项检查办公室, 安全生产委员会); a word it
# tags as an organisation (nt: 安委会, 建设局) is one too.
BODY_HEADS = ("办公室", "委员会", "小组", "工作组", "中心", "指挥部", "管理局", "领导小组", "督查组", "检查组")
# How many words a body's name may run back from its ending (县安全生产专项检查办公室).
NAME_REACH = 4
# Tags that end a name when walking back from its ending: functions words, pronouns, numbers.
NAME_BREAK_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "d", "ad", "f"})
QUOTE_OPENERS = frozenset("《“「")
# Parts of speech of a key term: nouns, verbs and idioms (抓落实, 执行力, 安全检查), not names.
TERM_TAGS = frozenset({"n", "vn", "v", "l", "i", "j", "nz"})
# How often a document uses a word that is what it is about.
KEY_TERM_USES = 8
# A figure right after a word (到/了/至 between): 增加422亿元, 增加到四百三十二万吨.
FIGURE = re.compile(r"[到了至]?[0-9０-９一二三四五六七八九十百千万亿两半]")
PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})


@dataclass(frozen=True)
class GenericWords:
    """The generic words with their uses in the corpus, and the corpus size in words."""

    uses: dict[str, int]
    tokens: int

    def share(self, word: str) -> float:
        """How often ``word`` occurs per word in edited 公文 (the tuning corpus)."""
        return self.uses[word] / self.tokens

    def __contains__(self, word: str) -> bool:
        return word in self.uses


@lru_cache(maxsize=1)
def generic_words() -> GenericWords:
    uses, tokens = {}, 0
    for line in resource_path(*GENERIC_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("# tokens\t"):
            tokens = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            word, _tag, count, _documents = line.split("\t")
            uses[word] = int(count)
    return GenericWords(uses, tokens)


def is_generic(word: str, tag: str, document_share: float, replaceable: bool) -> bool:
    """The class, from the data the table is built with (calibrate.generic_words)."""
    return len(word) >= 2 and tag in GENERIC_TAGS and document_share >= GENERIC_SPREAD and replaceable


def generic_uses(paragraph: Paragraph, ignore: set[str]) -> list[Token]:
    """The paragraph's uses of generic words that are the writer's own (not bound), ``ignore``
    left out."""
    generic, bound = generic_words(), None
    found = []
    for token in paragraph.tokens:
        if token.text in generic and token.text not in ignore:
            bound = bound_positions(paragraph) if bound is None else bound
            if token.start not in bound:
                found.append(token)
    return found


def bound_positions(paragraph: Paragraph) -> set[int]:
    """Starts of the words that are not the writer's own to vary: inside a 《title》 or a
    “quotation”, part of a body's name (the words running back from 局, 办公室, 会 …), of a
    longer dictionary word jieba cut apart or of an adjective made with 可 (可持续), or the verb
    of a figure (增加422亿元)."""
    return paragraph.remember("bound", lambda: _bound(paragraph))


def _bound(paragraph: Paragraph) -> set[int]:
    tokens, tags = paragraph.tokens, paragraph.tags
    spans = quoted_spans(paragraph.text) if QUOTE_OPENERS.intersection(paragraph.text) else []
    bound = {token.start for token in tokens if _inside(token, spans)} if spans else set()
    for index, token in enumerate(tokens):
        if index and _is_body_ending(token, tags[index]):
            for back in range(index - 1, max(-1, index - 1 - NAME_REACH), -1):
                if HANZI.search(tokens[back].text) is None or tags[back] in NAME_BREAK_TAGS:
                    break
                bound.add(tokens[back].start)
    for first, second in zip(tokens, tokens[1:]):
        if _cut_apart(first.text, second.text):
            bound.update((first.start, second.start))  # a word jieba cut apart: 信访 + 局 in 信访局
        elif first.text == "可":
            bound.add(second.start)  # an adjective made with 可 (可持续, 可复制): one word
    text = paragraph.text
    for token in tokens:
        if FIGURE.match(text, token.end):
            bound.add(token.start)  # a figure reported (增加422亿元, 降低15%, 增加到四百万吨): its verb
    return bound


def _cut_apart(first: str, second: str) -> bool:
    """Two tokens that spell one dictionary word of three characters or more — but not a
    four-character compound of two words, which segmenter.cut splits on purpose (深入 调研)."""
    if len(first) + len(second) < 3 or (len(first) == 2 and len(second) == 2):
        return False
    return word_frequency(first + second) > 0


def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(start < token.start < end for start, end in spans)


def _is_body_ending(token: Token, tag: str) -> bool:
    """局, 办公室, 安委会 — or an ending jieba glued to the next word it did not know (推进办要)."""
    text = token.text
    if text in BODY_ENDINGS or text.endswith(BODY_HEADS) or tag == "nt":
        return True
    return text.startswith(BODY_ENDINGS) and word_frequency(text) == 0 and HANZI.match(text) is not None


def key_terms(paragraphs: list[Paragraph]) -> set[str]:
    """The document's key terms: words that are not generic and that it uses ``KEY_TERM_USES``
    times or more (抓落实, 执行力). A generic word inside one (落实, 执行) is the subject's word."""
    generic = generic_words()
    # Each paragraph's candidate words are listed once per text, so a re-check only counts them (in C).
    counts = Counter(chain.from_iterable(paragraph.remember("term-words", lambda p=paragraph: [
        token.text for token, tag in p.words if tag in TERM_TAGS and token.text not in generic]) for paragraph in paragraphs))
    return {word for word, count in counts.items() if count >= KEY_TERM_USES}


def title_of(paragraphs: list[Paragraph]) -> str:
    """The document's title: its first non-empty paragraph, when that is a heading (a line
    without a sentence in it). A word of the title is found in it as text: 落实 in 狠抓落实."""
    first = next((p for p in paragraphs if p.text.strip()), None)
    return first.text if first is not None and first.role == "heading" else ""
