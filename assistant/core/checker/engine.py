"""Checker engine: runs the rules over a document, re-analysing only paragraphs whose text changed.

Each paragraph's analysis is cached by its text, and inside it each annotation (tokens, tags,
sentences, parallel words, word-list matches) and each rule's hits are computed only when a rule
asks, so after an edit only that paragraph is analysed again and disabled rules cost nothing;
document rules (overuse across the document, duplicate sentences, the majority script) combine the
cached per-paragraph figures. Hard-wrapped lines (copied from a PDF) are analysed joined.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from ..text.sentences import sentence_at
from ..text.wrapping import Unit, units
from .matcher import Matcher
from .model import ALTERNATIVES_FOR, Finding
from .rules import Hit, Rule, load_rules
from .settings import CheckSettings
from .text import Paragraph

CACHE_SIZE = 20000

__all__ = ["ALTERNATIVES_FOR", "Checker"]


class Checker:
    def __init__(self, rules: list[Rule] | None = None, settings: CheckSettings | None = None,
                 alternatives: Callable[[str], list[str]] | None = None):
        self.rules = rules if rules is not None else load_rules()
        self.settings = settings if settings is not None else CheckSettings()
        self.alternatives = alternatives
        self.matcher = Matcher()
        for rule in self.rules:
            for entry in rule.listed_entries:
                self.matcher.add(entry, rule)
        self._cache: OrderedDict[str, Paragraph] = OrderedDict()

    def analyse(self, text: str) -> Paragraph:
        cached = self._cache.get(text)
        if cached is not None:
            self._cache.move_to_end(text)
            return cached
        analysis = Paragraph.analyse(text, self.matcher)
        self._cache[text] = analysis
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return analysis

    def check(self, paragraphs: list[str], progress: Callable[[int, int], None] | None = None) -> list[Finding]:
        """Findings for a document given as its paragraph texts, in reading order."""
        pieces = units(paragraphs)
        enabled = [rule for rule in self.rules if self.settings.rule_enabled(rule)]
        paragraph_rules = tuple(rule for rule in enabled if not rule.document_level)
        located: list[tuple[Rule, int, Hit]] = []
        analyses = []
        for index, unit in enumerate(pieces):
            analysis = self.analyse(unit.text)
            analyses.append(analysis)
            located += ((rule, index, hit) for rule, hit in self._hits(paragraph_rules, analysis))
            if progress is not None and index % 50 == 0:
                progress(index, len(pieces))
        lines = [unit.first for unit in pieces]
        for rule in enabled:
            if rule.document_level:
                located += ((rule, index, hit) for index, hit in rule.document_hits(analyses, lines))
        findings = []
        for rule, index, hit in located:
            finding = self._finding(rule, pieces[index], paragraphs, hit)
            if not self._ignored(finding, paragraphs[finding.paragraph]):
                findings.append(finding)
        findings.sort(key=lambda f: (f.paragraph, f.start, f.end, f.rule))
        return findings

    @classmethod
    def _hits(cls, rules: tuple[Rule, ...], analysis: Paragraph) -> list[tuple[Rule, Hit]]:
        """Every paragraph rule's hits in one paragraph, kept per set of enabled rules."""
        return analysis.remember(rules, lambda: [(rule, hit) for rule in rules
                                                 for hit in cls._paragraph_hits(rule, analysis)])

    @staticmethod
    def _paragraph_hits(rule: Rule, analysis: Paragraph) -> list[Hit]:
        if analysis.role not in rule.scope:
            return []
        return analysis.remember(rule.id, lambda: list(rule.paragraph_hits(analysis)))

    def _finding(self, rule: Rule, unit: Unit, paragraphs: list[str], hit: Hit) -> Finding:
        index, start = unit.locate(hit.start)
        text = paragraphs[index]
        end = min(start + hit.end - hit.start, len(text))
        flagged = text[start:end]
        suggestions = list(hit.suggestions)
        if self.alternatives is not None and rule.category in ALTERNATIVES_FOR:
            suggestions += [s for s in self.alternatives(flagged) if s not in suggestions]
        return Finding(rule.id, rule.category, hit.severity or rule.severity, index, start, end, flagged,
                       rule.format_message(flagged, hit), tuple(suggestions))

    def _ignored(self, finding: Finding, text: str) -> bool:
        if finding.text in self.settings.ignored_words:
            return True
        return bool(self.settings.ignored_places) and self.settings.ignores(finding, sentence_at(text, finding.start))

