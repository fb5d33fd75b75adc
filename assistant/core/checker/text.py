"""A paragraph as the rules see it: tokens with offsets, its sentences, and the words in parallel
clauses (deliberate repetition)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from contextlib import suppress
from functools import cached_property
from itertools import compress, repeat
from operator import attrgetter, itemgetter, not_

from ..text.hanzi import HANZI, UNIFIED_FIRST, UNIFIED_LAST
from ..text.segmenter import cut, pos_table
from ..text.sentences import SENTENCE_END, Span, clauses, sentences
from ..text.structure import heading_level, is_addressee_line
from .matcher import Matcher


_has_hanzi = HANZI.search
# The annotations read off every token run as C loops (map, compress) with these: no Python code
# per token.
_text_of, _is_word, _first = attrgetter("text"), attrgetter("is_word"), itemgetter(0)
# Tokens per C loop. A pasted 360,000-character paragraph (or hard-wrapped lines joined) has ~150,000:
# one loop over all of them held the interpreter lock 25–80 ms on the check's thread, the window frozen
# meanwhile (bench/lock_holds.py); 8,192 take ~2 ms.
TOKEN_SLICE = 8192
HEADING_MAX_CHARS = 40
# A heading may end in a mark, but holds no sentence before its end.
SENTENCE_INSIDE = re.compile(f"[{SENTENCE_END}].")


class Token:
    """A jieba word at ``start``; ``is_word`` marks content-bearing words (two or more
    characters, at least one a hanzi), the ones repetition rules watch."""

    __slots__ = ("text", "start", "end", "is_word")

    def __init__(self, text: str, start: int):
        self.text = text
        self.start = start
        self.end = start + len(text)
        # Most words open with a common hanzi: that comparison spares the regex search, a fifth of a
        # token's making.
        self.is_word = len(text) >= 2 and (UNIFIED_FIRST <= text[0] <= UNIFIED_LAST or _has_hanzi(text) is not None)

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start})"


class Paragraph:
    """Everything rules need about one paragraph, computed once per distinct text and only when a
    rule asks (annotators): tokens, their part-of-speech tags, sentences and parallel positions.
    ``memo`` keeps each rule's hits and what document rules need, so a re-check recomputes none."""

    def __init__(self, text: str, matcher: Matcher | None = None):
        self.text = text
        self.memo: dict = {}
        self._matcher = matcher

    @cached_property
    def listed(self) -> dict[object, list[tuple[int, int, str]]]:
        """Word-list entries found in the text, per rule (one scan for all lists)."""
        found: dict[object, list[tuple[int, int, str]]] = {}
        if self._matcher is not None:
            for start, end, entry, owners in self._matcher.scan(self.text):
                for owner in owners:
                    found.setdefault(owner, []).append((start, end, entry))
        return found

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def tags(self) -> list[str]:
        """jieba's dictionary part-of-speech tag of each token ("x" when it has none)."""
        tokens, tag_of = self.tokens, pos_table().get
        return sliced(len(tokens), lambda a, b: map(tag_of, map(_text_of, tokens[a:b]), repeat("x")))

    @cached_property
    def tagged(self) -> list[tuple[Token, str]]:
        """Tokens other than spaces, each with its tag: what sequence rules walk."""
        tokens, tags = self.tokens, self.tags
        return sliced(len(tokens), lambda a, b: compress(zip(tokens[a:b], tags[a:b]),
                                                         map(not_, map(str.isspace, map(_text_of, tokens[a:b])))))

    @cached_property
    def texts(self) -> list[str]:
        """The text of each token of ``tagged``."""
        tagged = self.tagged
        return sliced(len(tagged), lambda a, b: map(_text_of, map(_first, tagged[a:b])))

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each token text stands in ``tagged`` (counted in C)."""
        return Counter(self.texts)

    def places_of(self, word: str) -> list[int]:
        """Where ``word`` stands in ``tagged``: a sequence rule anchored on 的 tries only those
        places instead of walking every token. Found by C scans, a Python step per place only, and
        only for the words asked about (a map of every token's places was a Python step a token);
        most words asked about are not in the text at all."""
        if word not in self.text:
            return []
        key = ("places", word)
        found = self.memo.get(key)
        if found is None:
            texts, found, at = self.texts, [], -1
            with suppress(ValueError):
                while True:
                    at = texts.index(word, at + 1)
                    found.append(at)
            self.memo[key] = found
        return found

    @cached_property
    def words(self) -> list[tuple[Token, str]]:
        """Content words (``Token.is_word``) with their tags: what repetition rules watch."""
        tokens, tags = self.tokens, self.tags
        return sliced(len(tokens), lambda a, b: compress(zip(tokens[a:b], tags[a:b]), map(_is_word, tokens[a:b])))

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text)

    def clauses(self, sentence: Span) -> list[Span]:
        """The clauses of one of its sentences (sentences.clauses), cut once for all the rules that
        read them (three rules and the parallel words read each sentence's). Not to be changed."""
        return self.remember(("clauses", sentence.start, sentence.end), lambda: clauses(self.text, sentence))

    @cached_property
    def role(self) -> str:
        """``heading`` for a numbered heading or a short line without a sentence in it (a title, a
        list item); ``addressee`` for a 主送机关 or 抄送 line; ``body`` otherwise. Rule scopes use it."""
        text = self.text.strip()
        if is_addressee_line(text):
            return "addressee"
        if heading_level(text) is not None and len(text) <= HEADING_MAX_CHARS and not SENTENCE_INSIDE.search(text):
            return "heading"
        if len(text) <= HEADING_MAX_CHARS and not any(mark in text for mark in SENTENCE_END + "，,"):
            return "heading"
        return "body"

    @cached_property
    def parallel(self) -> set[int]:
        return parallel_positions(self.text, self.tokens, self.sentences,
                                  {token.start: tag for token, tag in zip(self.tokens, self.tags)})

    def remember(self, key: Hashable, compute):
        try:
            return self.memo[key]  # one lookup in the usual case, a re-check
        except KeyError:
            value = self.memo[key] = compute()
            return value


def sliced(count: int, part: Callable[[int, int], Iterable]) -> list:
    """``list(part(0, count))``, made TOKEN_SLICE items at a time (``part(start, end)`` gives those
    from start to end): between two slices the interpreter may hand its lock to another thread."""
    found: list = []
    for start in range(0, count, TOKEN_SLICE):
        found += part(start, start + TOKEN_SLICE)
    return found


def tokenize(text: str) -> list[Token]:
    tokens, position = [], 0
    append = tokens.append
    for piece in cut(text):
        append(Token(piece, position))
        position += len(piece)
    return tokens


def parallel_positions(text: str, tokens: list[Token], spans: list[Span] | None = None,
                       tags: dict[int, str] | None = None) -> set[int]:
    """Start offsets of words used in parallel or for emphasis, which repetition rules leave alone.

    Clauses are cut at every comma, 顿号, semicolon, colon and sentence end, and at 和/与/及/或.
    A word is parallel when it stands at the same offset from the start, or the same distance
    from the end, of two consecutive clauses (加强调度，加强协调 / 深入基层，深入群众 / 非常具体、
    非常明确); when a clause opens with the word the previous clause closed with (顶真: 压实责任，
    责任到人); when a conjunct after 、 or 和 opens with a word of the one before (要树立敢于负责、
    敢于碰硬的作风), or after a comma opens with the verb the one before led with and is only that
    verb and its object (坚决压缩行政开支，压缩集团购买力; ``tags``: part-of-speech tag by token
    start); when a clause is only that word (落实、落实、再落实); and when the word comes back after
    one linking character (落实再落实, 落实不落实, 该调整的调整, 讨论来讨论去, 僵化半僵化); when
    conjuncts share their head (竞争性支持和稳定支持); and in 回环 (在改革中发展，在发展中改革).
    """
    spans = sentences(text) if spans is None else spans
    parts = [part for sentence in spans for part in _coordinated(text, clauses(text, sentence))]
    members = _words_by_part(tokens, parts)
    parallel: set[int] = set()
    for (a_part, a_words), (b_part, b_words) in zip(zip(parts, members), zip(parts[1:], members[1:])):
        b_at = {b.start: b.text for b in b_words}
        shared = _shared_texts(a_words, b_at)
        if not shared:
            continue
        # A conjunct after 、 or 和 that opens with a word of the one before lines up from there:
        # 发展先进生产力、发展先进文化 (先进 is parallel too).
        anchor = a_part.start
        if b_words and b_words[0].start == b_part.start and text[b_part.start - 1] in CONJUNCT_MARKS:
            anchor = next((a.start for a in a_words if a.text == b_words[0].text), anchor)
        elif b_words and b_words[0].start == b_part.start and tags is not None:
            anchor = _shared_verb(a_words, b_words, b_part.end, tags) or anchor
        for a in a_words:
            if a.text not in shared:
                continue
            # Where the same word would stand in the next part if the two were parallel.
            places = (b_part.start + a.start - a_part.start, b_part.start + a.start - anchor,
                      b_part.end - (a_part.end - a.end) - len(a.text))
            if a.end == a_part.end:
                places += (b_part.start,)  # chained (顶真)
                if text[b_part.start - 1] in CONJUNCT_MARKS:
                    # a shared head after a modifier: 竞争性支持和稳定支持
                    places += tuple(range(b_part.start + 1, min(b_part.start + HEAD_REACH, b_part.end)))
            for place in places:
                if b_at.get(place) == a.text:
                    parallel.update((a.start, place))
    for (a_part, a_words), (b_part, b_words) in zip(zip(parts, members), zip(parts[1:], members[1:])):
        parallel.update(_chiasmus(text, a_part, b_part, a_words, b_words))
    for part, words in zip(parts, members):
        body = text[part.start:part.end]
        if len(words) == 1 and body.removeprefix("再") == words[0].text:
            parallel.add(words[0].start)
    for first, link, second in zip(tokens, tokens[1:], tokens[2:]):
        if first.text == second.text and link.text in LINKS:
            parallel.update((first.start, second.start))
    for first, second, link in zip(tokens, tokens[1:], tokens[2:]):
        if first.text == second.text and link.text == "再":
            parallel.update((first.start, second.start))
    return parallel


def _shared_texts(a_words: list[Token], b_at: dict[int, str]) -> set[str]:
    """The texts of part A's words that the next part holds too (``b_at``: its words by start):
    only those can line up, and most pairs of parts share none."""
    return {a.text for a in a_words}.intersection(b_at.values())


def _chiasmus(text: str, a_part: Span, b_part: Span, a_words: list[Token], b_words: list[Token]) -> set[int]:
    """回环: two words in one clause, in the reverse order in the next (在改革中发展，在发展中改革).
    Found in the clauses' text, not their tokens: jieba often glues one of the words to a neighbour
    (在改革中, 促发展)."""
    a_texts, b_texts = {t.text for t in a_words}, {t.text for t in b_words}
    if a_texts.isdisjoint(b_texts):
        return set()  # no word of one clause stands as a word in the other: no 回环 (and no cost)
    a_text, b_text = text[a_part.start:a_part.end], text[b_part.start:b_part.end]
    candidates = a_texts | b_texts
    placed = sorted((a_text.find(w), b_text.find(w), w) for w in candidates if w in a_text and w in b_text)
    for (_, b_first, x), (_, b_second, y) in zip(placed, placed[1:]):
        if b_first > b_second and x not in y and y not in x:
            return {t.start for t in a_words + b_words if t.text in (x, y)}
    return set()


# Words that may lead a clause before its verb: 要坚决压缩, 必须切实加强.
LEADING_TAGS = {"d", "ad", "c", "p", "r", "vd"}
MODALS = {"必须", "需要", "应当", "应该", "可以", "能够", "务必", "继续", "进一步"}


def _shared_verb(a_words: list[Token], b_words: list[Token], b_end: int, tags: dict[int, str]) -> int | None:
    """Where clause A's leading verb stands, when clause B is that same verb with only its object
    after it (B has no other verb): the verb is shared, as in 坚决压缩开支，压缩购买力 — but not in
    按时完成任务，完成情况要报告, whose second clause goes on to a verb of its own."""
    lead = next((a for a in a_words if tags.get(a.start) not in LEADING_TAGS and a.text not in MODALS), None)
    if lead is None or lead.text != b_words[0].text or not tags.get(lead.start, "").startswith("v"):
        return None
    if any(tags.get(position, "").startswith("v") for position in range(b_words[0].end, b_end)):
        return None
    return lead.start


def _words_by_part(tokens: list[Token], parts: list[Span]) -> list[list[Token]]:
    """The words lying wholly inside each part, in one pass over both (both are in text order)."""
    members: list[list[Token]] = [[] for _ in parts]
    index = 0
    for token in tokens:
        while index < len(parts) and parts[index].end <= token.start:
            index += 1
        if index == len(parts):
            break
        if token.is_word and parts[index].start <= token.start and token.end <= parts[index].end:
            members[index].append(token)
    return members


LINKS = {"再", "不", "没", "的", "又", "和", "与", "或", "及", "还是", "来", "了", "半"}
COORDINATORS = "和与及或"
# A conjunct opening with a word of the one before it is coordination: 敢于负责、敢于碰硬;
# 具体部门和具体人.
CONJUNCT_MARKS = "、" + COORDINATORS
# How far into a conjunct its head may stand after a modifier (竞争性支持和稳定支持).
HEAD_REACH = 6


def _coordinated(text: str, parts: list[Span]) -> list[Span]:
    """Clauses cut again at 和/与/及/或, so coordinated phrases line up as parallel parts."""
    pieces = []
    for part in parts:
        start = part.start
        for match in _COORDINATOR.finditer(text, part.start, part.end):
            if match.start() > start:
                pieces.append(Span(start, match.start()))
                start = match.start() + 1
        pieces.append(Span(start, part.end))
    return [piece for piece in pieces if piece.end > piece.start]


_COORDINATOR = re.compile(f"[{COORDINATORS}]")
