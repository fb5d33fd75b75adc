"""Checker engine: runs the rules over a document, re-analysing only paragraphs whose text changed.

Each paragraph's analysis is cached by its text, and inside it each annotation (tokens, tags,
sentences, parallel words, word-list matches) and each rule's hits are computed only when a rule
asks, so after an edit only that paragraph is analysed again and disabled rules cost nothing;
document rules (overuse across the document, duplicate sentences, the majority script) combine the
cached per-paragraph figures. Hard-wrapped lines (copied from a PDF) are analysed joined.
"""

from __future__ import annotations

import gc
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from ..text.invisible import without_invisible
from ..text.wrapping import Unit, units
from .matcher import Matcher
from .model import ALTERNATIVES_FOR, Finding
from .loading import load_rules
from .rules import Hit, Rule
from .settings import THOROUGH, CheckSettings
from .text import Paragraph

CACHE_SIZE = 20000
# Characters of analyses kept beyond those of the last check (earlier versions of edited
# paragraphs, for an undo): a paragraph of 300,000 characters (a pasted text) is ~100 MB of
# analysis, and each edit in it made a new one that stayed.
STALE_CHARS = 200_000
FREE_STEP = 5000  # objects freed at a time when an analysis goes (see _let_go)
OWNED_LISTS = ("tagged", "words", "texts", "tokens", "tags")  # an analysis's largest lists, built by it (Paragraph)

__all__ = ["ALTERNATIVES_FOR", "Checker"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector paused while a check builds its many small objects (tokens,
    hits): none of them form cycles, reference counting frees them, and the collector's passes
    would cost a sixth of the check."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Checker:
    """The rules, the user's settings and the caches: one per window or command; ``alternatives``
    adds phrase-bank suggestions to findings of the categories that offer them."""

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
        self._cached_chars = 0
        self._used: set[str] = set()  # the texts the running check has analysed: never evicted under it
        self._findings: dict[tuple[tuple[Rule, ...], Unit, bool], list[Finding]] = {}

    def analyse(self, text: str) -> Paragraph:
        self._used.add(text)
        cached = self._cache.get(text)
        if cached is not None:
            self._cache.move_to_end(text)
            return cached
        analysis = Paragraph(text, self.matcher)
        self._cache[text] = analysis
        self._cached_chars += len(text)
        if len(self._cache) > CACHE_SIZE:
            self._evict()
        return analysis

    def _evict(self) -> None:
        """The least recently used analysis goes, freed a slice at a time."""
        text, analysis = self._cache.popitem(last=False)
        self._cached_chars -= len(text)
        _let_go(analysis)

    def _trim(self) -> None:
        """After a check: analyses it did not use go, oldest first, down to STALE_CHARS characters
        (those it used were moved to the end of the cache as it read them)."""
        stale = self._cached_chars - sum(map(len, self._used))
        while stale > STALE_CHARS and next(iter(self._cache)) not in self._used:
            stale -= len(next(iter(self._cache)))
            self._evict()

    def check(self, paragraphs: list[str], progress: Callable[[int, int], None] | None = None) -> list[Finding]:
        """Findings for a document given as its paragraph texts, in reading order."""
        with gc_paused():
            try:
                return self._check(paragraphs, progress)
            finally:
                self._trim()
                self._used.clear()

    def _check(self, originals: list[str], progress: Callable[[int, int], None] | None) -> list[Finding]:
        """The rules read the paragraphs without invisible characters (text/invisible.py); what
        they find is mapped back to the characters the user sees, and the rules marked ``raw``
        (the invisible characters themselves) read the original text."""
        cleaned = [without_invisible(text) for text in originals]
        paragraphs = [text for text, _ in cleaned]
        pieces = units(paragraphs)
        enabled = [rule for rule in self.rules if self.settings.rule_enabled(rule)]
        paragraph_rules = tuple(rule for rule in enabled if not rule.document_level and not rule.raw)
        thorough = self.settings.typo_level == THOROUGH  # read once: the window may change it meanwhile
        located: list[tuple[Rule, int, Hit]] = []
        analyses: list[Paragraph] = []
        found: list[Finding] = []
        for index, unit in enumerate(pieces):
            analysis = self.analyse(unit.text)
            analyses.append(analysis)
            found += self._unit_findings(paragraph_rules, unit, paragraphs, analysis, thorough)
            if progress is not None and index % 50 == 0:
                progress(index, len(pieces))
        lines = [unit.first for unit in pieces]
        for rule in enabled:
            if rule.document_level:
                located += ((rule, index, hit) for index, hit in rule.document_hits(analyses, lines))
        found += (self._finding(rule, pieces[index], paragraphs, hit) for rule, index, hit in located)
        found = _without_wording_repeated(found, paragraphs, {rule.id for rule in enabled if rule.once_in_document})
        found = [_restored(f, originals[f.paragraph], cleaned[f.paragraph][1]) for f in found]
        raw_rules = tuple(rule for rule in enabled if rule.raw)
        for index, (original, (_, kept)) in enumerate(zip(originals, cleaned)):
            if kept is not None and raw_rules:
                found += self._unit_findings(raw_rules, Unit(original, index, (0,)), originals, self.analyse(original), thorough)
        findings = [f for f in found if not self.settings.ignores(f, originals[f.paragraph])]
        findings.sort(key=lambda f: (f.paragraph, f.start, -f.end, -SEVERITY_RANK[f.severity], f.rule))
        return _without_overused_suggestions(_outermost(_without_guesses_over_certain(findings)))

    def _unit_findings(self, rules: tuple[Rule, ...], unit: Unit, paragraphs: list[str],
                       analysis: Paragraph, thorough: bool) -> list[Finding]:
        """The paragraph rules' findings in one unit, kept while the unit stands at the same place
        with the same text and the same rules are on at the same typo level, so a re-check after
        one edit builds only that paragraph's findings again. The rules' hits are those of the
        全面 level (``thorough``: the user's), remembered whatever the level: switching it
        re-checks without re-scoring."""
        key = (rules, unit, thorough)
        cached = self._findings.get(key)
        if cached is None:
            role = analysis.role
            cached = [self._finding(rule, unit, paragraphs, hit) for rule in rules if role in rule.scope
                      for hit in analysis.remember(rule.id, lambda r=rule: list(r.paragraph_hits(analysis)))
                      if thorough or not hit.thorough_only]
            self._findings[key] = cached
            if len(self._findings) > CACHE_SIZE:
                self._findings.pop(next(iter(self._findings)))
        return cached

    def _finding(self, rule: Rule, unit: Unit, paragraphs: list[str], hit: Hit) -> Finding:
        index, start = unit.locate(hit.start)
        text = paragraphs[index]
        end = min(start + hit.end - hit.start, len(text))
        flagged = text[start:end]
        suggestions = list(hit.suggestions)
        if self.alternatives is not None and rule.category in ALTERNATIVES_FOR:
            suggestions += [s for s in self.alternatives(flagged) if s not in suggestions]
        return Finding(rule.id, rule.category, hit.severity or rule.severity, index, start, end, flagged,
                       rule.format_message(flagged, hit), tuple(suggestions),
                       rule.certain if hit.certain is None else hit.certain, rule.document_wide)


def _let_go(analysis: Paragraph) -> None:
    """Free an analysis a few thousand objects at a time. Freeing all of a long paragraph's tokens,
    tags and hits in one go held the interpreter lock ~100 ms on the check's thread (the window
    stalls meanwhile); between the slices the UI thread gets its turn. Only the lists the analysis
    built itself are emptied: nothing else holds them once it is out of the cache."""
    analysis.memo.clear()  # the rules' hits first: they hold tokens too
    for name in OWNED_LISTS:
        value = vars(analysis).pop(name, None)
        while value:
            del value[-FREE_STEP:]


def _restored(finding: Finding, original: str, kept: tuple[int, ...] | None) -> Finding:
    """A finding on the text without invisible characters, placed on the original characters."""
    if kept is None:
        return finding
    start = kept[finding.start] if finding.start < len(kept) else len(original)
    end = kept[finding.end - 1] + 1 if finding.end > finding.start else start
    return replace(finding, start=start, end=end, text=original[start:end])


def _without_wording_repeated(findings: list[Finding], paragraphs: list[str], rule_ids: set[str]) -> list[Finding]:
    """The findings of ``rule_ids`` whose wording the document holds only once: a word written in
    another paragraph too is what the writer means (the topic's own rare words recur), not a slip.
    Read from the whole document at every check, so a re-check of one paragraph leaves no stale
    finding elsewhere, and it costs one scan of the text per such finding."""
    if not any(f.rule in rule_ids for f in findings):
        return findings
    document = "\n".join(paragraphs)
    return [f for f in findings if f.rule not in rule_ids or document.count(f.text) < 2]


OVERUSE_RULES = {"document-overuse", "window-overuse"}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _without_overused_suggestions(findings: list[Finding]) -> list[Finding]:
    """A word the document already uses too often is never offered as a replacement."""
    overused = {f.text for f in findings if f.rule in OVERUSE_RULES}
    if not overused:
        return findings
    return [replace(f, suggestions=tuple(s for s in f.suggestions if s not in overused))
            if overused.intersection(f.suggestions) else f for f in findings]


def _without_guesses_over_certain(findings: list[Finding]) -> list[Finding]:
    """A guess (a finding 全部修正 never applies) over a certain finding of the same category says
    nothing more: the list's 惯彻 → 贯彻 stands, the model's 惯彻落实 → 贯彻落实 around it goes."""
    certain: dict[tuple[int, str], list[Finding]] = {}
    for finding in findings:
        if finding.certain:
            certain.setdefault((finding.paragraph, finding.category), []).append(finding)
    return [f for f in findings if f.certain or not any(
        g.start < f.end and f.start < g.end for g in certain.get((f.paragraph, f.category), ()))]


def _outermost(findings: list[Finding]) -> list[Finding]:
    """One problem, one finding: a finding inside another of the same category and at least its
    severity says nothing more (the ; of &ldquo; is part of the entity, 挺 is part of 挺好).
    ``findings`` come sorted by paragraph, start, longest first."""
    kept: list[Finding] = []
    covering: dict[str, Finding] = {}  # per category, the last kept finding that may still cover
    for finding in findings:
        outer = covering.get(finding.category)
        if (outer is not None and outer.paragraph == finding.paragraph and finding.end <= outer.end
                and SEVERITY_RANK[outer.severity] >= SEVERITY_RANK[finding.severity]):
            continue
        kept.append(finding)
        if outer is None or outer.paragraph != finding.paragraph or finding.end > outer.end:
            covering[finding.category] = finding
    kept.sort(key=lambda f: (f.paragraph, f.start, f.end, f.rule))
    return kept
