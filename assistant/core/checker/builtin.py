"""Rule kinds that need more than a word list or a regex: repetition, sentence length, paired
marks and mixed scripts. Their thresholds come from the rule files (calibrated on the corpus)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..conversion import opencc_for
from ..script import has_traditional, script_marks
from ..text.segmenter import dictionary_total, word_frequency
from .rules import Hit, Rule, RuleError
from ..text.hanzi import HANZI
from ..text.sentences import Span
from ..text.structure import ENUMERATION
from .text import Paragraph, Token


def _number(spec: dict, key: str, rule_id: str) -> int | float:
    value = spec.get(key)
    if not isinstance(value, (int, float)) or value <= 0:
        raise RuleError(f"rule {rule_id}: {key} must be a positive number")
    return value


class _WordRule(Rule):
    """Shared by repetition rules: which tokens count as words worth watching."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        self.ignore = set(spec.get("ignore", []))

    def watched(self, token: Token) -> bool:
        return token.is_word and token.text not in self.ignore


class EchoRule(_WordRule):
    """The same word again within ``window`` characters (parallel clauses excepted; a word
    written twice in a row is the stutter rule's, or the intensifier rule's, to report)."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.window = _number(spec, "window", self.id)

    def paragraph_hits(self, paragraph):
        parallel = paragraph.parallel
        last_seen: dict[str, int] = {}
        for token in paragraph.tokens:
            if not self.watched(token):
                continue
            previous = last_seen.get(token.text)
            last_seen[token.text] = token.start
            if previous is None or token.start in parallel or previous in parallel:
                continue
            distance = token.start - previous
            if len(token.text) < distance <= self.window:
                yield Hit(token.start, token.end, values=(("distance", distance),))


class StutterRule(_WordRule):
    """A word written twice in a row by mistake: 的的, 进一步进一步 (but not 天天, 层层)."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.single = set(spec.get("single", []))

    def watched(self, token: Token) -> bool:
        if token.text in self.ignore:
            return False
        return token.is_word or token.text in self.single

    def paragraph_hits(self, paragraph):
        tokens = paragraph.tokens
        for first, second in zip(tokens, tokens[1:]):
            if first.text == second.text and self.watched(first) and first.start not in paragraph.parallel:
                yield Hit(first.start, second.end, (first.text,))


class OpenerRule(_WordRule):
    """``run`` or more consecutive sentences opening with the same function word (我们, 同时 …).

    Content-word openers (提高…。提高…。) are sentence-level 排比 and are left alone; the rule
    file lists the openers whose repetition reads as monotony.
    """

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.run = _number(spec, "run", self.id)
        self.openers = set(spec.get("words", []))
        if not self.openers:
            raise RuleError(f"rule {self.id}: words (the openers to watch) must not be empty")

    def watched(self, token: Token) -> bool:
        return token.text in self.openers

    def paragraph_hits(self, paragraph):
        text = paragraph.text
        by_start = {token.start: token for token in paragraph.tokens}
        streak: list[Token] = []
        for sentence in paragraph.sentences:
            opener = by_start.get(sentence.start)
            if opener is None or not self.watched(opener) or ENUMERATION.match(text[sentence.start:]):
                streak = []
                continue
            streak = streak + [opener] if streak and streak[-1].text == opener.text else [opener]
            if len(streak) >= self.run:
                yield Hit(opener.start, opener.end, values=(("count", len(streak)),))


class ParagraphOveruseRule(_WordRule):
    """A word used more than ``max_count`` times in one paragraph (parallel uses not counted)."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.max_count = _number(spec, "max_count", self.id)

    def paragraph_hits(self, paragraph):
        tokens, parallel = paragraph.tokens, paragraph.parallel
        counts: Counter[str] = Counter()
        for token in tokens:
            if self.watched(token) and token.start not in parallel:
                counts[token.text] += 1
                if counts[token.text] == self.max_count + 1:
                    total = sum(1 for t in tokens if t.text == token.text and t.start not in parallel)
                    yield Hit(token.start, token.end, values=(("count", total),))


class LongSentenceRule(Rule):
    """A sentence longer than ``max_chars`` characters: too long to read aloud in one breath."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.max_chars = _number(spec, "max_chars", self.id)

    def paragraph_hits(self, paragraph):
        text = paragraph.text
        for sentence in paragraph.sentences:
            length = len(text[sentence.start:sentence.end].strip())
            if length > self.max_chars:
                yield Hit(sentence.start, sentence.end, values=(("length", length),))


class PairedMarksRule(Rule):
    """Quotation marks, brackets and 书名号 must open and close within the paragraph."""

    PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "〈": "〉", "「": "」"}

    def paragraph_hits(self, paragraph):
        text = paragraph.text
        closing = {close: open_ for open_, close in self.PAIRS.items()}
        stack: list[int] = []
        for i, ch in enumerate(text):
            if ch in self.PAIRS:
                stack.append(i)
            elif ch in closing:
                if stack and text[stack[-1]] == closing[ch]:
                    stack.pop()
                else:
                    yield Hit(i, i + 1, values=(("mark", closing[ch] + ch),))
        for i in stack:
            yield Hit(i, i + 1, values=(("mark", text[i] + self.PAIRS[text[i]]),))


class DocumentRule(Rule):
    document_level = True

    def document_hits(self, paragraphs: list[Paragraph], lines: list[int]) -> Iterator[tuple[int, Hit]]:
        """Hits as (index into ``paragraphs``, hit); ``lines[i]`` is the document line where
        paragraphs[i] starts (wrapped lines are analysed joined), for messages that cite one."""
        raise NotImplementedError


class DuplicateSentenceRule(DocumentRule):
    """The same sentence (``min_chars`` or longer) a second time anywhere in the document."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.min_chars = _number(spec, "min_chars", self.id)

    def document_hits(self, paragraphs, lines):
        seen: dict[str, int] = {}
        for index, paragraph in enumerate(paragraphs):
            for key, sentence in paragraph.remember(self.id, lambda p=paragraph: self._keys(p)):
                if key in seen:
                    yield index, Hit(sentence.start, sentence.end, values=(("first", lines[seen[key]] + 1),))
                else:
                    seen[key] = index

    def _keys(self, paragraph: Paragraph) -> list[tuple[str, Span]]:
        keys = []
        for sentence in paragraph.sentences:
            key = paragraph.text[sentence.start:sentence.end].strip().rstrip("。！？；!?;…")
            if len(key) >= self.min_chars:
                keys.append((key, sentence))
        return keys


class DocumentOveruseRule(DocumentRule, _WordRule):
    """A word used ``min_count`` times or more and ``ratio`` times more often than in general
    Chinese (jieba's dictionary frequencies). Reported once, at its first use."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.min_count = _number(spec, "min_count", self.id)
        self.ratio = _number(spec, "ratio", self.id)

    def document_hits(self, paragraphs, lines):
        counts: Counter[str] = Counter()
        first: dict[str, tuple[int, Token]] = {}
        total_tokens = 0
        for index, paragraph in enumerate(paragraphs):
            total_tokens += len(paragraph.tokens)
            words, firsts = paragraph.remember(self.id, lambda p=paragraph: self._words(p))
            counts.update(words)
            for word, token in firsts.items():
                first.setdefault(word, (index, token))
        if not total_tokens:
            return
        for word, count in counts.items():
            if count < self.min_count:
                continue
            expected = max(word_frequency(word), 1) / dictionary_total() * total_tokens
            if count / expected >= self.ratio:
                index, token = first[word]
                yield index, Hit(token.start, token.end, values=(("count", count),))

    def _words(self, paragraph: Paragraph) -> tuple[Counter[str], dict[str, Token]]:
        watched = [token for token in paragraph.tokens if self.watched(token)]
        firsts: dict[str, Token] = {}
        for token in watched:
            firsts.setdefault(token.text, token)
        return Counter(token.text for token in watched), firsts


class MixedScriptRule(DocumentRule):
    """Characters of the minority script (traditional in a simplified document, or the reverse)."""

    def document_hits(self, paragraphs, lines):
        if not any(p.remember(f"{self.id}.any", lambda p=p: has_traditional(p.text)) for p in paragraphs):
            return  # the usual case, a simplified draft: no full marks needed
        marks = [paragraph.remember(self.id, lambda p=paragraph: _marks(p.text)) for paragraph in paragraphs]
        simplified = sum(m.simplified for m in marks)
        traditional = sum(m.traditional for m in marks)
        if not simplified or not traditional:
            return
        minority, config = ("T", "t2s") if simplified >= traditional else ("S", "s2t")
        for index, (paragraph, mark) in enumerate(zip(paragraphs, marks)):
            if not (mark.traditional if minority == "T" else mark.simplified):
                continue
            yield from ((index, hit) for hit in self._runs(paragraph.text, mark.marks, minority, config))

    def _runs(self, text: str, mark: str, minority: str, config: str) -> Iterator[Hit]:
        position = mark.find(minority)
        while position >= 0:
            end = position
            while end < len(mark) and mark[end] == minority:
                end += 1
            flagged = text[position:end]
            yield Hit(position, end, (opencc_for(config).convert(flagged),),
                      (("script", "繁体" if minority == "T" else "简体"),))
            position = mark.find(minority, end)


@dataclass(frozen=True)
class _Marks:
    marks: str
    simplified: int
    traditional: int


def _marks(text: str) -> _Marks:
    """Script marks of a paragraph; only paragraphs with hanzi need OpenCC at all."""
    if not HANZI.search(text):
        return _Marks("." * len(text), 0, 0)
    marks = script_marks(text)
    return _Marks(marks, marks.count("S"), marks.count("T"))


KINDS = {
    "echo": EchoRule,
    "stutter": StutterRule,
    "opener": OpenerRule,
    "paragraph-overuse": ParagraphOveruseRule,
    "long-sentence": LongSentenceRule,
    "paired-marks": PairedMarksRule,
    "duplicate-sentence": DuplicateSentenceRule,
    "document-overuse": DocumentOveruseRule,
    "mixed-script": MixedScriptRule,
}
