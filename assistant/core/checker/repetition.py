"""Repetition rule kinds: a word echoed close by, written twice, used three times in one sentence,
crowding a stretch of text, opening sentence after sentence, or a sentence said twice.

Deliberate repetition is 公文 rhetoric and is never reported: words in parallel clauses (see
``text.parallel_positions``), enumerations (一是……二是……), the subject under discussion (the words
of a paragraph's heading or first sentence, and the document's theme words), and nouns repeated in
coordinations (经济体制和经济增长方式). Thresholds come from the rule files, calibrated on edited text
(calibrate.py).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import chain
from operator import attrgetter
from collections.abc import Iterator

from ..text.hanzi import HANZI
from ..text.segmenter import dictionary_total, word_frequency
from ..text.sentences import CLAUSE_SEPARATORS, SENTENCE_END, Span, sentences
from ..text.structure import ENUMERATION, quoted_spans
from .rules import DocumentRule, Hit, Rule, number_of
from .text import MODALS, Paragraph, Token
from .wordclass import generic_uses, generic_words, key_terms, title_of


class WordWatch(Rule):
    """Shared by repetition rules: the words worth watching — generic words (wordclass.py), the
    writer's own (not quoted, not part of a name), and not in the rule's ``ignore`` list."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        self.ignore = set(spec.get("ignore", []))

    def watched_tokens(self, paragraph: Paragraph) -> list[Token]:
        """Generic words, less those of a series across sentences (series_positions), worked out
        only in a paragraph that may hold one of these words in a series (a fifth of them)."""
        words = generic_uses(paragraph, self.ignore)
        if len(words) < 2 or not _may_lead_series(paragraph, words):
            return words
        series = series_positions(paragraph)
        return [token for token in words if token.start not in series] if series else words


# What may stand before the word that leads a sentence or clause of a series: adverbs, modals,
# conjunctions and pronouns (要突出, 必须坚持, 我们要继续, 同时要) — not a preposition: 在推进中,
# 通过推进改革 are phrases, not a series of directives.
SERIES_LEAD_SKIP_TAGS = frozenset({"d", "ad", "vd", "c", "r"})
# How many verbs and adverbs right after a clause's first word lead it with it (全面深入贯彻).
LEAD_CHAIN = 3
SERIES_LEAD_SKIP = frozenset({"要", "应", "须", "需", "将", "还要", "也要", "都要", "同时"})
# How many sentences in a row must lead alike to make a series (as for repeated openers).
SERIES_RUN = 3
SEMICOLONS = "；;"


def series_positions(paragraph: Paragraph) -> set[int]:
    """Starts of words that repeat because the sentences line up as a series (排比), which edited
    公文 does on purpose: a word leading, after adverbs and modals, three clauses of a sentence in a
    row (实现……，实现……，实现……), or three sentences or their second clauses in a row (突出闭环管理，完善……。突出攻坚破难，完善……。
    突出过程管理，完善……。), and a word in each of two
    parts of a semicolon series (必须……，不断提高……的能力；必须……，不断提高……的能力；)."""
    return paragraph.remember("series", lambda: _series_positions(paragraph))


def _may_lead_series(paragraph: Paragraph, words: list[Token]) -> bool:
    """Whether any of ``words`` may be in a series, by how often the paragraph says it: a word
    leading parts alike leads ``SERIES_RUN`` of them, and one shared by two parts of a semicolon
    series is said twice, with a semicolon."""
    most = max(paragraph.counts[token.text] for token in words)
    return most >= SERIES_RUN or most >= 2 and any(mark in paragraph.text for mark in SEMICOLONS)


def _series_positions(paragraph: Paragraph) -> set[int]:
    text, tagged, sentences = paragraph.text, paragraph.tagged, paragraph.sentences
    if len(sentences) < 2:
        return set()
    starts = [token.start for token, _ in tagged]
    found: set[int] = set()
    for sentence in sentences:  # clauses of one sentence leading alike (实现……，实现……; 加快完善……，完善……，完善……)
        parts = [part for part in paragraph.clauses(sentence) if text[part.start - 1:part.start] != "、"]  # items of a 顿号 list are inside their clause
        found.update(_runs([_leads(tagged, starts, part) for part in parts]))
    leads = [[_lead(tagged, starts, part) for part in paragraph.clauses(sentence)[:2]] for sentence in sentences]
    for place in range(2):  # the sentences' first clauses, then their second ones
        found.update(_runs([[sentence[place]] if len(sentence) > place and sentence[place] else [] for sentence in leads]))
    for first, second in zip(sentences, sentences[1:]):
        if text[first.end - 1] not in SEMICOLONS:
            continue
        words = list(_tagged_between(tagged, starts, first.start, second.end))
        in_first = {token.text for token, _ in words if token.start < first.end and token.is_word}
        in_second = {token.text for token, _ in words if token.start >= second.start and token.is_word}
        shared = in_first & in_second
        found.update(token.start for token, _ in words if token.text in shared)
    return found


def _runs(leads: list[list[Token]]) -> set[int]:
    """Starts of the words that lead ``SERIES_RUN`` or more consecutive parts alike, each part led
    by the words given for it (its first word, or that and the verbs right after it)."""
    found: set[int] = set()
    runs: dict[str, list[Token]] = {}  # each word's run so far: its first token in each part
    for part in leads + [[]]:
        firsts: dict[str, Token] = {}
        for token in part:
            firsts.setdefault(token.text, token)
        for word in [word for word in runs if word not in firsts]:  # runs this part ends
            run = runs.pop(word)
            if len(run) >= SERIES_RUN:
                found.update(token.start for token in run)
        for word, token in firsts.items():
            runs.setdefault(word, []).append(token)
    return found


_token_start = attrgetter("start")
NO_TOKEN = Token("", 0)  # what follows a paragraph's last token


def _tagged_start(pair: tuple[Token, str]) -> int:
    return pair[0].start


def _tagged_between(tagged: list[tuple[Token, str]], starts: list[int], start: int, end: int
                    ) -> Iterator[tuple[Token, str]]:
    """The tagged tokens starting in [start, end): found by bisection and read in place, never a
    copy of the rest of the paragraph (a pasted text of 300,000 characters is one paragraph)."""
    for index in range(bisect_left(starts, start), len(tagged)):
        if tagged[index][0].start >= end:
            return
        yield tagged[index]


def _lead(tagged: list[tuple[Token, str]], starts: list[int], part: Span) -> Token | None:
    """The word a clause leads with, after adverbs, modals, conjunctions and pronouns."""
    for token, tag in _tagged_between(tagged, starts, part.start, part.end):
        if tag in SERIES_LEAD_SKIP_TAGS or token.text in SERIES_LEAD_SKIP or token.text in MODALS:
            continue
        return token if token.is_word and tag != "p" else None
    return None


# What may stand before the verb of a directive: adverbs (必须, 切实, 更加).
DIRECTIVE_LEAD_TAGS = frozenset({"d", "ad", "vd"})

# How close two uses stand to be set against each other (对举 sits in one short stretch).
CONTRAST_REACH = 12
# Words that set a repeat against its first use (对举): 享有并且仍将享有, 不符合或不完全符合,
# 远未达到应该达到的水平.
CONTRAST_WORDS = ("还是", "并且", "并将", "仍", "或", "而", "但", "却", "不是", "而是", "没有", "不", "可以", "更", "又", "比",
                  "应该", "应当", "应有", "就是")


def _leads(tagged: list[tuple[Token, str]], starts: list[int], part: Span) -> list[Token]:
    """The clause's leading word and the verbs and adverbs right after it (深入贯彻, 全面深入贯彻)."""
    first = _lead(tagged, starts, part)
    if first is None:
        return []
    found, index = [first], bisect_right(starts, first.start)
    for token, tag in tagged[index:index + LEAD_CHAIN]:
        if token.start >= part.end or not token.is_word or tag[:1] not in "vd":
            break
        found.append(token)
    return found


class EchoRule(WordWatch):
    """The same word again within ``window`` characters of the same sentence, in the same clause
    or in one that goes on to a predicate of its own (parallel clauses and series excepted; a
    word written twice in a row is the stutter rule's, or the intensifier rule's, to report).
    Only generic words count (wordclass.py: 加强, 深入, 完成), outside quotations and
    names: a term said again is the subject (扩大国内需求特别是消费需求, 实行审计制度，审计机构),
    and so is a word of the paragraph's first sentence said again after it."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.window = number_of(spec, "window", self.id)

    def paragraph_hits(self, paragraph):
        text = paragraph.text
        last_seen: dict[str, int] = {}
        opening_end = paragraph.sentences[0].end if paragraph.sentences else 0
        words = self.watched_tokens(paragraph)
        topic = {token.text for token in words if token.start < opening_end}
        quoted = None  # worked out for a paragraph with a repeat to report
        set_against = _contrasted(text, words, self.window)
        for token in words:
            if token.start >= opening_end and token.text in topic:
                continue  # the subject the paragraph opened with comes back
            previous = last_seen.get(token.text)
            last_seen[token.text] = token.start
            if previous is None or not len(token.text) < token.start - previous <= self.window:
                continue
            if any(mark in text[previous:token.start] for mark in SENTENCE_END):
                continue  # across a sentence end: the next sentence takes up the word (顶真)
            # The parallel positions are only worked out for a paragraph that has a close repeat.
            if token.start in paragraph.parallel or previous in paragraph.parallel:
                continue
            if previous in set_against or token.start in set_against or _series(text, previous, token.start):
                continue  # 对举 (想解决而没有解决, 追查不落实的事加追究不落实的人等于落实)
            quoted = quoted_spans(text) if quoted is None else quoted
            if any(left <= previous < right or left <= token.start < right for left, right in quoted):
                continue  # a quoted slogan or title said as written (“双随机、一公开”，随机抽取)
            yield Hit(token.start, token.end, values=(("distance", token.start - previous),))



def _contrast(text: str, first: int, second: int) -> bool:
    """对举, said twice on purpose: 该牵头的要主动牵头, 执政的党还是没有执政的党, 团结一切可以
    团结的力量, 是重要的，更重要的是, 既希望加快发展又希望保持独立, 早解决比晚解决好, 没有达到过去
    曾经达到过的纪录."""
    before = text[max(0, first - 2):first]
    if "该" in before or before == "没有" or before[-1:] in ("不", "未"):
        return True
    between = text[first:second]
    return any(word in between for word in CONTRAST_WORDS)


def _contrasted(text: str, words: list[Token], reach: int) -> set[int]:
    """Starts of the uses set against the use before them, within ``reach`` characters, and of
    that use (想解决而没有解决, 享有并且仍将享有): both are rhetoric, not the writer's habit."""
    set_against: set[int] = set()
    last: dict[str, int] = {}
    for token in words:
        previous = last.get(token.text)
        if previous is not None and token.start - previous <= reach and _contrast(text, previous, token.start):
            set_against.update((previous, token.start))
        last[token.text] = token.start
    return set_against


def _without_contrasts(text: str, words: list[Token]) -> list[Token]:
    """The uses, less those set against each other (``_contrasted``)."""
    set_against = _contrasted(text, words, CONTRAST_REACH)
    return [token for token in words if token.start not in set_against] if set_against else words


# Modals that give a clause a predicate of its own (完成情况要报告): a word said again there is
# said twice; a clause without one carries on a series (坚持……，坚持……; 加强耕地保护，实施黑土地
# 保护工程; 深入贯彻……，贯彻……).
OWN_PREDICATE = ("要", "应", "须", "需", "必须", "可以", "能")
_CLAUSE_MARK = re.compile(f"[{re.escape(CLAUSE_SEPARATORS)}]")
_CLAUSE_END = re.compile(f"[{re.escape(CLAUSE_SEPARATORS + SENTENCE_END)}]")


def _series(text: str, first: int, second: int) -> bool:
    """The repeat stands in a later clause of the sentence that has no predicate of its own: the
    clauses line up as a series (edited 公文 does it on purpose), so only a repeat inside one
    clause, or in a clause that goes on to say something of its own, reads as an echo."""
    if _CLAUSE_MARK.search(text, first, second) is None:
        return False
    match = _CLAUSE_END.search(text, second)
    return not any(word in text[second:match.start() if match else len(text)] for word in OWN_PREDICATE)


# 一 and a measure word, doubled on purpose: one by one (一个一个, 一代一代, 一项一项).
REDUPLICATED_MEASURE = re.compile("一[^一]")


class StutterRule(WordWatch):
    """A word written twice in a row by mistake: 的的, 进一步进一步 (but not 天天, 层层, 一代一代)."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.single = set(spec.get("single", []))

    def watched(self, token: Token) -> bool:
        if token.text in self.ignore or REDUPLICATED_MEASURE.fullmatch(token.text):
            return False
        return token.is_word or token.text in self.single

    def paragraph_hits(self, paragraph):
        tokens = paragraph.tokens
        for first, second in zip(tokens, tokens[1:]):
            if first.text == second.text and self.watched(first) and first.start not in paragraph.parallel:
                yield Hit(first.start, second.end, (first.text,))


# A word leading this many clauses of a sentence is a series there, its other uses with it
# (最根本的是坚持……，坚持……，坚持……).
SERIES_CLAUSES = 2
# What may stand before the word that leads a clause of a series (必须坚持……，坚持……).
SERIES_MODALS = tuple(sorted(MODALS | {"要", "应"}, key=len, reverse=True))


class SentenceRepeatRule(WordWatch):
    """One generic word (wordclass.py: 认真, 加强, 推进) ``min_count`` or more times in one
    sentence, parallel uses not counted, nor uses inside quotations and names, nor in later
    sentences the words of the paragraph's first sentence (its subject); the subject's own words
    (安全 in a notice on safety) are not generic and never count. Reported at the ``min_count``-th
    use, as a warning from ``loud_count`` uses on and a hint below."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.min_count = number_of(spec, "min_count", self.id)
        self.loud_count = number_of(spec, "loud_count", self.id)

    def paragraph_hits(self, paragraph):
        sentences = paragraph.sentences
        if not sentences:
            return
        ends = [sentence.end for sentence in sentences]
        by_sentence: list[list[Token]] = [[] for _ in sentences]
        for token in self.watched_tokens(paragraph):
            index = bisect_right(ends, token.start)
            if index < len(sentences):
                by_sentence[index].append(token)
        if not any(_repeats(words, self.min_count) for words in by_sentence):
            return  # no word used min_count times in a sentence: no need for the parallel positions
        parallel = paragraph.parallel
        by_sentence = [_without_contrasts(paragraph.text, self._without_series(
                           paragraph, sentence, [t for t in words if t.start not in parallel]))
                       for sentence, words in zip(sentences, by_sentence)]
        topic = {token.text for token in by_sentence[0]}
        yield from self._sentence_hits(by_sentence[0])
        for words in by_sentence[1:]:
            yield from self._sentence_hits([t for t in words if t.text not in topic])

    def _without_series(self, paragraph: Paragraph, sentence: Span, words: list[Token]) -> list[Token]:
        """The words, less those that lead two or more clauses of the sentence (排比:
        更加重视……，更加重视……，更加重视……; 坚持……，坚持……，坚持……; 深入贯彻……，贯彻……，全面深入
        贯彻……). A word leads a clause when nothing but a few characters (要, 必须), or adverbs,
        modals and a subject (我们要深入), stand before it there."""
        leading: dict[str, set[int]] = {}
        text, tagged = paragraph.text, paragraph.tagged
        starts = [token.start for token, _ in tagged]
        for clause in paragraph.clauses(sentence):
            start = clause.start + next((len(m) for m in SERIES_MODALS if text.startswith(m, clause.start)), 0)
            for token in words:
                if token.start == start and clause.start <= token.start < clause.end:
                    leading.setdefault(token.text, set()).add(token.start)
                    start = token.end  # the word right after it leads too (更加重视)
            for lead in _leads(tagged, starts, clause):  # the verbs after adverbs and a subject (全面深入贯彻)
                leading.setdefault(lead.text, set()).add(lead.start)
        series = {start for starts in leading.values() if len(starts) >= SERIES_CLAUSES for start in starts}
        return [token for token in words if token.start not in series] if series else words

    def _sentence_hits(self, words: list[Token]) -> Iterator[Hit]:
        counts: Counter[str] = Counter(t.text for t in words)
        seen: Counter[str] = Counter()
        for token in words:
            seen[token.text] += 1
            if seen[token.text] == self.min_count:
                count = counts[token.text]
                yield Hit(token.start, token.end, values=(("count", count),),
                          severity="warning" if count >= self.loud_count else "info")


class OpenerRule(Rule):
    """``run`` or more consecutive sentences of a paragraph opening with the same words (``min_chars``
    characters or more, opening with a hanzi and saying something: 会议强调, 各地要, 我们要). Enumerations (一是, 第一, 首先) never count, nor
    排比: runs of short sentences (at most ``short`` characters each), or of sentences whose second
    clauses open alike too. A run of
    ``loud_run`` or more is a warning, a shorter one a hint."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.run = number_of(spec, "run", self.id)
        self.loud_run = number_of(spec, "loud_run", self.id)
        self.short = number_of(spec, "short", self.id)
        self.min_chars = number_of(spec, "min_chars", self.id)
        self.ignore = set(spec.get("ignore", []))

    def paragraph_hits(self, paragraph):
        for opener, run in self.runs(paragraph):
            if len(run) < self.run or not _predicating(paragraph, run[0], opener) or self._parallel(paragraph, run):
                continue
            if any(len(paragraph.text[s.start:s.end]) > self.short for s in run):
                severity = "warning" if len(run) >= self.loud_run else "info"
                for sentence in run[int(self.run) - 1:]:
                    yield Hit(sentence.start, sentence.start + len(opener),
                              values=(("count", len(run)),), severity=severity)

    @staticmethod
    def _parallel(paragraph: Paragraph, run: list[Span]) -> bool:
        """排比: sentences joined by semicolons (分号 separates parallel clauses, GB/T 15834-2011
        4.6), a series of directives opening with the same verb (坚持……。坚持……。), or sentences
        that also open their second clause with one same content word (突出同向同频，完善……。突出
        全程跟进，完善……). A subject said again (会议强调, 各地要, 我们) is what reads as monotony."""
        if all(paragraph.text[s.end - 1] in "；;" for s in run[:-1]):
            return True
        if OpenerRule._verb_led(paragraph, run[0]):
            return True  # directives in a row (坚持……。必须坚持……。): the report's 排比
        seconds = set()
        for sentence in run:
            parts = paragraph.clauses(sentence)
            if len(parts) < 2:
                return False
            seconds.add(paragraph.text[parts[1].start:parts[1].start + 2])
        return len(seconds) == 1 and seconds.pop() in {t.text[:2] for t in paragraph.tokens if t.is_word}

    @staticmethod
    def _verb_led(paragraph: Paragraph, sentence: Span) -> bool:
        """Does the sentence open with a verb, after adverbs, modals and adverbials (必须坚持,
        进一步加强, 必须更加自觉地把)?"""
        tagged = paragraph.tagged
        for index in range(bisect_left(tagged, sentence.start, key=_tagged_start), len(tagged)):
            token, tag = tagged[index]
            following = tagged[index + 1][0] if index + 1 < len(tagged) else NO_TOKEN
            if tag in DIRECTIVE_LEAD_TAGS or token.text in MODALS or following.text == "地" or token.text == "地":
                continue  # adverbs, modals and adverbials (更加自觉地)
            return tag.startswith("v")
        return False

    def runs(self, paragraph: Paragraph) -> Iterator[tuple[str, list[Span]]]:
        """Each maximal run of consecutive sentences sharing an opening of two characters or more."""
        text = paragraph.text
        prefix: list[str] = []
        run: list[Span] = []
        for sentence, words in zip(paragraph.sentences, self.openings(paragraph)):
            shared = _common(prefix, words) if run else []
            if run and len("".join(shared)) >= self.min_chars and _hanzi(shared) and "".join(shared) not in self.ignore:
                prefix = shared
                run.append(sentence)
                continue
            if len(run) >= 2:
                yield "".join(prefix), run
            prefix, run = words, ([sentence] if words and not ENUMERATION.match(text[sentence.start:]) else [])
        if len(run) >= 2:
            yield "".join(prefix), run

    def openings(self, paragraph: Paragraph) -> list[list[str]]:
        """Each sentence's opening words; the token a sentence opens with is found by bisection (a
        few sentences: no map of every token's start)."""
        tokens, found = paragraph.tokens, []
        for sentence in paragraph.sentences:
            first = bisect_left(tokens, sentence.start, key=_token_start)
            found.append(self._opening(paragraph, first if first < len(tokens) and tokens[first].start == sentence.start
                                       else None, sentence))
        return found

    @staticmethod
    def _opening(paragraph: Paragraph, first: int | None, sentence: Span) -> list[str]:
        """The first few words of a sentence (those before its first punctuation)."""
        if first is None:
            return []
        words = []
        for token in paragraph.tokens[first:first + 4]:
            if token.end > sentence.end or not token.text.strip() or not token.text[0].isalnum():
                break
            words.append(token.text)
        return words


class ParagraphOpenerRule(DocumentRule, OpenerRule):
    """``run`` or more consecutive body paragraphs opening with the same words (会议强调，… in
    minutes written paragraph by paragraph; a phrase of ``min_chars`` or more, not a subject such
    as 我们 or 我国 that paragraphs of a report take up in turn): their first sentences are judged as the sentences of
    one paragraph are, with the same exemptions (enumerations, 排比 of directives or of short
    sentences, semicolons). Headings and other lines break a run."""

    def document_hits(self, paragraphs, lines):
        stretch: list[int] = []
        for index, paragraph in enumerate(paragraphs):
            if paragraph.role == "body" and paragraph.sentences:
                stretch.append(index)
                continue
            yield from self._stretch_hits(paragraphs, stretch)
            stretch = []
        yield from self._stretch_hits(paragraphs, stretch)

    def _stretch_hits(self, paragraphs: list[Paragraph], stretch: list[int]) -> Iterator[tuple[int, Hit]]:
        """The runs among the first sentences of a stretch of body paragraphs, joined into one text."""
        if len(stretch) < self.run:
            return
        joined, places = "", []  # places: (offset in joined, paragraph index, offset in paragraph)
        for index in stretch:
            first = paragraphs[index].sentences[0]
            sentence = paragraphs[index].text[first.start:first.end]
            places.append((len(joined), index, first.start))
            joined += sentence
            if sentence.rstrip()[-1:] not in SENTENCE_END:
                joined += "。"
        if not self._may_run(joined):
            return
        tokens: list[Token] = []  # each paragraph's own words, moved: the joined text is never segmented again
        for offset, index, start in places:
            paragraph, first = paragraphs[index], paragraphs[index].sentences[0]
            for token in paragraph.tokens:
                if token.end > first.end:
                    break
                if token.start >= first.start:
                    tokens.append(Token(token.text, token.start - first.start + offset))
            if paragraph.text[first.start:first.end].rstrip()[-1:] not in SENTENCE_END:
                tokens.append(Token("。", offset + first.end - first.start))
        offsets = [place[0] for place in places]
        stretch_text = Paragraph(joined)
        stretch_text.tokens = tokens
        for hit in OpenerRule.paragraph_hits(self, stretch_text):
            offset, index, start = places[bisect_right(offsets, hit.start) - 1]
            moved = start - offset
            yield index, Hit(hit.start + moved, hit.end + moved, hit.suggestions, hit.values, hit.severity)


    def _may_run(self, text: str) -> bool:
        """Whether ``run`` sentences in a row open with the same ``min_chars`` characters: a shared
        opening is words from each sentence's start, so without that no run can be found and the
        words need not be moved (a re-check of a long draft costs a slice per paragraph)."""
        width, streak = math.ceil(self.min_chars), 1
        openings = [text[sentence.start:sentence.start + width] for sentence in sentences(text)]
        for previous, current in zip(openings, openings[1:]):
            streak = streak + 1 if len(current) == width and current == previous else 1
            if streak >= self.run:
                return True
        return False


def _predicating(paragraph: Paragraph, sentence: Span, opener: str) -> bool:
    """Does the shared opening say something (a verb, a modal or an adverb: 会议强调, 我们要, 我们
    将)? One that only names the subject (重工业, 科学发展观, 在社会主义……问题上) is a text taking up
    its topics one by one."""
    end = sentence.start + len(opener)
    return any(tag[:1] in "vd" for token, tag in paragraph.tagged if sentence.start <= token.start < end)


def _hanzi(words: list[str]) -> bool:
    """Does the shared opening start with a hanzi (not a year or a number: 1979年, 2023年)?"""
    return bool(words) and HANZI.match(words[0]) is not None


def _repeats(words: list[Token], count: int) -> bool:
    """Is any word used ``count`` times or more?"""
    return bool(words) and Counter(t.text for t in words).most_common(1)[0][1] >= count


def _common(a: list[str], b: list[str]) -> list[str]:
    shared = []
    for x, y in zip(a, b):
        if x != y:
            break
        shared.append(x)
    return shared


def expected_share(word: str) -> float:
    """How often ``word`` occurs per token in general text (jieba's dictionary frequencies)."""
    return max(word_frequency(word), 1) / dictionary_total()


class RunningCounts:
    """Counts summed over a document's paragraphs and kept from one check to the next: after an
    edit only the paragraphs that changed are counted (a cached analysis is the same object while
    its text is unchanged), so a re-check of a long draft does not count every word again."""

    def __init__(self):
        self.total: Counter[str] = Counter()
        self._known: dict[int, tuple[object, Counter[str]]] = {}  # id → (analysis kept alive, its counts)
        self._times: dict[int, int] = {}  # how often each analysis is in the total (duplicate paragraphs)

    def over(self, paragraphs, count) -> Counter[str]:
        present = Counter(id(paragraph) for paragraph in paragraphs)
        for paragraph in paragraphs:
            if id(paragraph) not in self._known:
                self._known[id(paragraph)] = (paragraph, count(paragraph))
                self._times[id(paragraph)] = 0
        for key in list(self._times):
            change = present.get(key, 0) - self._times[key]
            counts = self._known[key][1]
            for _ in range(abs(change)):
                (self.total.update if change > 0 else self.total.subtract)(counts)
            if present.get(key, 0):
                self._times[key] = present[key]
            else:
                del self._times[key], self._known[key]
        return self.total


class WindowOveruseRule(DocumentRule, WordWatch):
    """A generic word (wordclass.py: 加强, 提高, 推进) crowding a stretch of text: in a window of
    sentences of about ``window_chars`` characters, used ``min_count`` times or more and ``ratio``
    times more often than in general text. Only generic words are watched, so the subject's own
    words (a field's terms, names, the facility) never count, nor uses inside quotations and names;
    the subject is exempt too where a generic word is it: a word of the title, of the paragraph's
    heading and first sentence and of the window's first sentence (a pasted text has no paragraphs
    to open), the document's theme words (in at least ``theme_share`` of its windows) and a word
    inside one of its key terms (wordclass.key_terms). One
    finding per word per window, so one long pasted paragraph is judged like the paragraphs it was
    made of."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.window_chars = number_of(spec, "window_chars", self.id)
        self.min_count = number_of(spec, "min_count", self.id)
        self.ratio = number_of(spec, "ratio", self.id)
        self.theme_share = number_of(spec, "theme_share", self.id)
        self._presence = RunningCounts()

    def document_hits(self, paragraphs, lines):
        for index, token, count, ratio in self.candidates(paragraphs):
            if ratio >= self.ratio:
                yield index, Hit(token.start, token.end, values=(("count", count),))

    def candidates(self, paragraphs: list[Paragraph], min_count: int | None = None
                   ) -> Iterator[tuple[int, Token, int, float]]:
        """(paragraph index, first use in the window, count, observed/expected) of every word
        used ``min_count`` (by default the rule's) times or more in a window, the subject left out."""
        min_count = min_count or self.min_count
        windows = [self._windows_of(paragraph) for paragraph in paragraphs]
        window_count = sum(len(found) for found in windows)
        presence = self._presence.over(paragraphs, lambda p: Counter(chain.from_iterable(w[1] for w in self._windows_of(p))))
        themes = {word for word, n in presence.items() if window_count >= 3 and n >= self.theme_share * window_count}
        heading: set[str] = set()
        title, terms = title_of(paragraphs), None
        for index, (paragraph, found) in enumerate(zip(paragraphs, windows)):
            if paragraph.role == "heading":
                heading = paragraph.remember("words", lambda p=paragraph: {t.text for t in p.tokens})
                continue
            topic = heading | (found[0][3] if found else set())
            for size, counts, firsts, opening in found:
                if max(counts.values(), default=0) < min_count:
                    continue  # most windows: nothing comes back often enough (found without a loop in Python)
                here = topic | opening
                for word, count in counts.items():
                    if count < min_count or word in here or word in themes or word in title:
                        continue
                    terms = key_terms(paragraphs) if terms is None else terms
                    if any(word in term for term in terms):
                        continue  # a word of the subject (执行 in a text on 执行力)
                    yield index, firsts[word], count, count / (expected_share(word) * size)

    def _windows_of(self, paragraph: Paragraph):
        return paragraph.remember(self.id, lambda p=paragraph: self.windows(p))

    def windows(self, paragraph: Paragraph) -> list[tuple[int, Counter[str], dict[str, Token], set[str]]]:
        """(tokens in the window, counts of watched non-parallel words, first use of each, the
        words of the window's first sentence) for consecutive windows of whole sentences; the first
        window's first sentence is the paragraph's. In a paragraph where no word comes back
        ``min_count`` times in a window, parallel uses are counted too: nothing there can be
        flagged, and working out the parallel positions is the costly part."""
        groups: list[list[Span]] = [[]]
        for sentence in paragraph.sentences:
            groups[-1].append(sentence)
            if sentence.end - groups[-1][0].start >= self.window_chars:
                groups.append([])
        tokens, watched = paragraph.tokens, self.watched_tokens(paragraph)
        raw, index, member = [], 0, 0
        for group in filter(None, groups):
            # The window's tokens by bisection and its watched ones (a few, in text order) by a
            # pointer: no Python code per token.
            end = group[-1].end
            stop = bisect_left(tokens, end, lo=index, key=_token_start)
            first = member
            while member < len(watched) and watched[member].start < end:
                member += 1
            raw.append((stop - index, watched[first:member], self.topic(paragraph, group[0])))
            index = stop
        # Parallel uses only matter in a window where some word comes back min_count times.
        needed = any(_repeats(members, self.min_count) for _, members, _ in raw)
        parallel = paragraph.parallel if needed else set()
        result = []
        for size, members, opening in raw:
            counts, firsts = Counter(), {}
            for token in members:
                if token.start not in parallel:
                    counts[token.text] += 1
                    firsts.setdefault(token.text, token)
            result.append((size, counts, firsts, opening))
        return result

    @staticmethod
    def topic(paragraph: Paragraph, sentence: Span) -> set[str]:
        """The words of a sentence that opens a paragraph or a window: what the text is about."""
        tokens = paragraph.tokens
        first = bisect_left(tokens, sentence.start, key=_token_start)
        return {t.text for t in tokens[first:bisect_left(tokens, sentence.end, lo=first, key=_token_start)]}


# A pause a run-in heading never holds (it may hold 顿号: 加大简政放权、放管结合改革力度。).
RUN_IN_PAUSE = re.compile("[，,；;：:]")


class DuplicateSentenceRule(DocumentRule):
    """The same sentence (``min_chars`` or longer) a second time anywhere in the document."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.min_chars = number_of(spec, "min_chars", self.id)

    def document_hits(self, paragraphs, lines):
        seen: dict[str, int] = {}
        for index, paragraph in enumerate(paragraphs):
            for key, sentence in paragraph.remember(self.id, lambda p=paragraph: self._keys(p)):
                if key in seen:
                    yield index, Hit(sentence.start, sentence.end, values=(("first", lines[seen[key]] + 1),))
                else:
                    seen[key] = index

    def _keys(self, paragraph: Paragraph) -> list[tuple[str, Span]]:
        """A heading said again (in an outline and in the body, a running title) is structure, and
        so is a run-in heading: the first sentence of a paragraph that goes on, with no pause but
        顿号 in it (加强社会保障体系建设。今年中央财政…: a report's review and its tasks open
        paragraphs with the same one)."""
        keys = []
        if paragraph.role == "heading":
            return keys
        sentences = paragraph.sentences
        for index, sentence in enumerate(sentences):
            key = paragraph.text[sentence.start:sentence.end].strip().rstrip("。！？；!?;…")
            if index == 0 and len(sentences) > 1 and RUN_IN_PAUSE.search(key) is None:
                continue
            if len(key) >= self.min_chars:
                keys.append((key, sentence))
        return keys


class DocumentOveruseRule(DocumentRule, WordWatch):
    """A generic word (wordclass.py: 推进, 进一步, 切实) used ``min_count`` times or more and
    ``ratio`` times more often than edited 公文 uses it (the tuning corpus). The subject is never
    reported: a word of the title, a use inside a quotation or a name, any word that is not
    generic (the industry, the facility, the body the text is about), and a generic word inside
    one of the document's key terms (落实 in a text on 抓落实, 执行 in one on 执行力). Reported at every use, with one message,
    so the panel lists all its places and the writer picks which to change."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.min_count = number_of(spec, "min_count", self.id)
        self.ratio = number_of(spec, "ratio", self.id)
        self._counts = RunningCounts()

    def document_hits(self, paragraphs, lines):
        for index, token, count, _ratio in self.candidates(paragraphs, self.ratio):
            yield index, Hit(token.start, token.end, values=(("count", count),))

    def candidates(self, paragraphs: list[Paragraph], ratio: float) -> Iterator[tuple[int, Token, int, float]]:
        """(paragraph index, use, count, observed/expected) of every use of each overused word."""
        watched = [paragraph.remember(self.id, lambda p=paragraph: _tokens_and_words(self.watched_tokens(p)))
                   for paragraph in paragraphs]
        total_tokens = sum(len(paragraph.tokens) for paragraph in paragraphs)
        counts = self._counts.over(paragraphs, lambda p: Counter(p.remember(self.id, None)[1]))
        generic, title = generic_words(), title_of(paragraphs)
        overused = {}
        for word, count in counts.items():
            if count >= self.min_count and word not in title:
                observed = count / (generic.share(word) * total_tokens)
                if observed >= ratio:
                    overused[word] = (count, observed)
        if overused:
            terms = key_terms(paragraphs)
            overused = {word: found for word, found in overused.items() if not any(word in term for term in terms)}
        if not overused:
            return
        for index, (tokens, words) in enumerate(watched):
            if not overused.keys().isdisjoint(words):
                for token in tokens:
                    if token.text in overused:
                        yield index, token, *overused[token.text]



def _tokens_and_words(tokens) -> tuple[list, list[str]]:
    """A paragraph's watched tokens, and their texts for counting at C speed."""
    tokens = list(tokens)
    return tokens, [token.text for token in tokens]


KINDS = {
    "echo": EchoRule,
    "stutter": StutterRule,
    "sentence-repeat": SentenceRepeatRule,
    "opener": OpenerRule,
    "paragraph-opener": ParagraphOpenerRule,
    "window-overuse": WindowOveruseRule,
    "duplicate-sentence": DuplicateSentenceRule,
    "document-overuse": DocumentOveruseRule,
}
