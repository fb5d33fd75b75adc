"""Rule kinds that need more than a word list or a regex: sentence length, paired marks and mixed
scripts (repetition has its own module). Thresholds come from the rule files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..conversion import opencc_for
from ..script import has_traditional, script_marks
from ..text.hanzi import HANZI
from ..text.sentences import CLAUSE_BREAK, Span
from ..text.structure import quoted_spans
from .rules import DocumentRule, Hit, Rule, number_of
from .text import Paragraph


class LongSentenceRule(Rule):
    """A sentence longer than ``max_chars`` characters: too long to read aloud in one breath; a
    hint, and a warning beyond ``loud_chars``.
    A sentence of 排比 (``parallel_clauses`` or more clauses opening in parallel: 更加注重……，更加
    注重……) is long on purpose and reads well; words quoted as written (a quotation, a 《title》)
    are not the writer's to split and do not count; and a sentence that states a set formula
    (``formula``: the year's 总体要求, the closing call) is reproduced as decided."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.max_chars = number_of(spec, "max_chars", self.id)
        self.loud_chars = number_of(spec, "loud_chars", self.id)
        self.parallel_clauses = number_of(spec, "parallel_clauses", self.id)
        self.formula = re.compile(spec["formula"]) if "formula" in spec else None

    def paragraph_hits(self, paragraph):
        text = paragraph.text
        quoted = None
        for sentence in paragraph.sentences:
            said = text[sentence.start:sentence.end].strip()
            length = len(said)
            if length <= self.max_chars or self._parallel(paragraph, sentence):
                continue
            if self.formula is not None and self.formula.match(said):
                continue
            quoted = quoted_spans(text) if quoted is None else quoted
            if length - _quoted_length(quoted, sentence) > self.max_chars:
                yield Hit(sentence.start, sentence.end, values=(("length", length),),
                          severity="warning" if length > self.loud_chars else "info")

    def _parallel(self, paragraph: Paragraph, sentence: Span) -> bool:
        opening = sum(1 for clause in paragraph.clauses(sentence) if clause.start in paragraph.parallel)
        return opening >= self.parallel_clauses


def _quoted_length(quoted: list[tuple[int, int]], span: Span) -> int:
    """How many characters of ``span`` are inside the quotations and titles ``quoted``."""
    return sum(max(0, min(end, span.end) - max(start, span.start)) for start, end in quoted)


class LongClauseRule(Rule):
    """A stretch of more than ``max_chars`` characters with no pause in it (no comma, 顿号,
    semicolon or colon): too long to read without drawing breath, even in a sentence of
    acceptable length. Words quoted as written (a 《title》, a “slogan”) do not count: a law's long
    name needs no comma; nor do set names (``set_names``: 以毛泽东同志为核心的党的第一代中央领导集体)."""

    def __init__(self, spec, category):
        super().__init__(spec, category)
        self.max_chars = number_of(spec, "max_chars", self.id)
        self.set_names = re.compile(spec["set_names"]) if "set_names" in spec else None

    def paragraph_hits(self, paragraph):
        text = paragraph.text
        # A clause holds no pause of its own (clauses are cut at every one), so a paragraph without
        # a run of more than max_chars characters between pauses has none too long: one C split
        # spares cutting every sentence into clauses (7 paragraphs in 473 of the bench document
        # have such a run; a regex search for the run tried it again from each of its characters).
        if max(map(len, _between_breaks(text))) <= self.max_chars:
            return
        quoted = None
        for sentence in paragraph.sentences:
            for clause in paragraph.clauses(sentence):
                length = len(text[clause.start:clause.end].strip())
                if length <= self.max_chars:
                    continue
                if quoted is None:
                    quoted = quoted_spans(text)
                    if self.set_names is not None:
                        quoted += [match.span() for match in self.set_names.finditer(text)]
                length -= _quoted_length(quoted, clause)
                if length > self.max_chars:
                    yield Hit(clause.start, clause.end, values=(("length", length),))


_between_breaks = CLAUSE_BREAK.split  # the stretches no clause is cut in


class PairedMarksRule(Rule):
    """Quotation marks, brackets and 书名号 must open and close within the paragraph."""

    PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "〈": "〉", "「": "」"}

    def paragraph_hits(self, paragraph):
        text = paragraph.text
        closing = {close: open_ for open_, close in self.PAIRS.items()}
        stack: list[int] = []
        for match in MARKS.finditer(text):
            i, ch = match.start(), match.group()
            if ch in self.PAIRS:
                stack.append(i)
            elif stack and text[stack[-1]] == closing[ch]:
                stack.pop()
            else:
                yield Hit(i, i + 1, values=(("mark", closing[ch] + ch),))
        for i in stack:
            yield Hit(i, i + 1, values=(("mark", text[i] + self.PAIRS[text[i]]),))


MARKS = re.compile("[" + re.escape("".join(a + b for a, b in PairedMarksRule.PAIRS.items())) + "]")


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
    "long-sentence": LongSentenceRule,
    "long-clause": LongClauseRule,
    "paired-marks": PairedMarksRule,
    "mixed-script": MixedScriptRule,
}
