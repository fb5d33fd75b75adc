"""Rule kinds that need more than a word list or a regex: repetition, sentence length, paired
marks and mixed scripts. Their thresholds come from the rule files (calibrated on the corpus)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..conversion import opencc_for
from ..script import script_marks
from ..segmenter import dictionary_total, word_frequency
from .rules import Hit, Rule, RuleError
from .text import ENUMERATION, Token, sentences


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
    """The same word again within ``window`` characters (parallel clauses excepted)."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.window = _number(spec, "window", self.id)

    def paragraph_hits(self, text, tokens, parallel):
        last_seen: dict[str, int] = {}
        for token in tokens:
            if not self.watched(token):
                continue
            previous = last_seen.get(token.text)
            last_seen[token.text] = token.start
            if previous is None or token.start in parallel or previous in parallel:
                continue
            distance = token.start - previous
            if distance <= self.window:
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

    def paragraph_hits(self, text, tokens, parallel):
        for first, second in zip(tokens, tokens[1:]):
            if first.text == second.text and self.watched(first) and first.start not in parallel:
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

    def paragraph_hits(self, text, tokens, parallel):
        by_start = {token.start: token for token in tokens}
        streak: list[Token] = []
        for sentence in sentences(text):
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

    def paragraph_hits(self, text, tokens, parallel):
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

    def paragraph_hits(self, text, tokens, parallel):
        for sentence in sentences(text):
            length = len(text[sentence.start:sentence.end].strip())
            if length > self.max_chars:
                yield Hit(sentence.start, sentence.end, values=(("length", length),))


class PairedMarksRule(Rule):
    """Quotation marks, brackets and 书名号 must open and close within the paragraph."""

    PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "〈": "〉", "「": "」"}

    def paragraph_hits(self, text, tokens, parallel):
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

    def document_hits(self, analyses: list) -> Iterator[tuple[int, Hit]]:
        raise NotImplementedError


class DuplicateSentenceRule(DocumentRule):
    """The same sentence (``min_chars`` or longer) a second time anywhere in the document."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.min_chars = _number(spec, "min_chars", self.id)

    def document_hits(self, analyses):
        seen: dict[str, int] = {}
        for index, analysis in enumerate(analyses):
            for sentence in sentences(analysis.text):
                key = analysis.text[sentence.start:sentence.end].strip().rstrip("。！？；!?;…")
                if len(key) < self.min_chars:
                    continue
                if key in seen:
                    yield index, Hit(sentence.start, sentence.end, values=(("first", seen[key] + 1),))
                else:
                    seen[key] = index


class DocumentOveruseRule(DocumentRule, _WordRule):
    """A word used ``min_count`` times or more and ``ratio`` times more often than in general
    Chinese (jieba's dictionary frequencies). Reported once, at its first use."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.min_count = _number(spec, "min_count", self.id)
        self.ratio = _number(spec, "ratio", self.id)

    def document_hits(self, analyses):
        counts: Counter[str] = Counter()
        first: dict[str, tuple[int, Token]] = {}
        total_tokens = 0
        for index, analysis in enumerate(analyses):
            total_tokens += len(analysis.tokens)
            for token in analysis.tokens:
                if self.watched(token):
                    counts[token.text] += 1
                    first.setdefault(token.text, (index, token))
        if not total_tokens:
            return
        for word, count in counts.items():
            if count < self.min_count:
                continue
            expected = max(word_frequency(word), 1) / dictionary_total() * total_tokens
            if count / expected >= self.ratio:
                index, token = first[word]
                yield index, Hit(token.start, token.end, values=(("count", count),))


class MixedScriptRule(DocumentRule):
    """Characters of the minority script (traditional in a simplified document, or the reverse)."""

    def document_hits(self, analyses):
        marks = [script_marks(analysis.text) for analysis in analyses]
        simplified = sum(m.count("S") for m in marks)
        traditional = sum(m.count("T") for m in marks)
        if not simplified or not traditional:
            return
        minority, config = ("T", "t2s") if simplified >= traditional else ("S", "s2t")
        for index, (analysis, mark) in enumerate(zip(analyses, marks)):
            position = mark.find(minority)
            while position >= 0:
                end = position
                while end < len(mark) and mark[end] == minority:
                    end += 1
                flagged = analysis.text[position:end]
                yield index, Hit(position, end, (opencc_for(config).convert(flagged),),
                                 (("script", "繁体" if minority == "T" else "简体"),))
                position = mark.find(minority, end)


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
