"""Checker engine: runs the rules over a document, re-analysing only paragraphs whose text changed.

Each paragraph's analysis (tokens, sentences, parallel words, paragraph-rule hits, and what
document rules remember about it) is cached by its text, so after an edit only that paragraph is
analysed again; document rules (overuse across the document, duplicate sentences, the majority
script) then combine the cached per-paragraph figures.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from ..text.sentences import sentence_at
from .model import Finding
from .rules import Hit, Rule, load_rules
from .settings import CheckSettings
from .text import Paragraph

CACHE_SIZE = 20000
# Categories whose findings also get alternatives from the phrase bank.
ALTERNATIVES_FOR = {"repetition", "colloquial", "vague"}


class Checker:
    def __init__(self, rules: list[Rule] | None = None, settings: CheckSettings | None = None,
                 alternatives: Callable[[str], list[str]] | None = None):
        self.rules = rules if rules is not None else load_rules()
        self.settings = settings if settings is not None else CheckSettings()
        self.alternatives = alternatives
        self._cache: OrderedDict[str, Paragraph] = OrderedDict()

    def analyse(self, text: str) -> Paragraph:
        cached = self._cache.get(text)
        if cached is not None:
            self._cache.move_to_end(text)
            return cached
        analysis = Paragraph.analyse(text)
        for rule in self.rules:
            if not rule.document_level:
                analysis.memo[rule.id] = list(rule.paragraph_hits(analysis))
        self._cache[text] = analysis
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return analysis

    def check(self, paragraphs: list[str], progress: Callable[[int, int], None] | None = None) -> list[Finding]:
        """Findings for a document given as its paragraph texts, in reading order."""
        analyses = []
        for index, text in enumerate(paragraphs):
            analyses.append(self.analyse(text))
            if progress is not None and index % 50 == 0:
                progress(index, len(paragraphs))
        findings: list[Finding] = []
        for rule in self.rules:
            if not self.settings.rule_enabled(rule):
                continue
            if rule.document_level:
                located = rule.document_hits(analyses)
            else:
                located = ((i, hit) for i, analysis in enumerate(analyses) for hit in analysis.memo[rule.id])
            for index, hit in located:
                finding = self._finding(rule, index, analyses[index].text, hit)
                if not self._ignored(finding, analyses[index]):
                    findings.append(finding)
        findings.sort(key=lambda f: (f.paragraph, f.start, f.end, f.rule))
        return findings

    def _finding(self, rule: Rule, index: int, text: str, hit: Hit) -> Finding:
        flagged = text[hit.start:hit.end]
        suggestions = list(hit.suggestions)
        if self.alternatives is not None and rule.category in ALTERNATIVES_FOR:
            suggestions += [s for s in self.alternatives(flagged) if s not in suggestions]
        return Finding(rule.id, rule.category, rule.severity, index, hit.start, hit.end, flagged,
                       rule.format_message(flagged, hit), tuple(suggestions))


    def _ignored(self, finding: Finding, paragraph: Paragraph) -> bool:
        if finding.text in self.settings.ignored_words:
            return True
        return bool(self.settings.ignored_places) and self.settings.ignores(
            finding, sentence_at(paragraph.text, finding.start))
