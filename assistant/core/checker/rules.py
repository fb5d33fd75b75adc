"""Rule kinds and the loader for the rule files in resources/rules/.

A rule file holds the rules of one category. Every rule has an id, a severity, a message
(``{text}`` is the flagged text; kinds add their own fields), examples that must and must not
be flagged, and a ``kind`` naming the class below that runs it. Paragraph rules see one
paragraph at a time; document rules see every paragraph's analysis at once.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..resources import resource_path
from .model import CATEGORIES, SEVERITIES
from .text import Paragraph


class RuleError(ValueError):
    """A rule file is malformed; raised when rules are loaded, so a bad file fails the tests."""


@dataclass(frozen=True)
class Hit:
    """A match inside one paragraph, before it becomes a Finding."""

    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    values: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class Example:
    text: str
    flagged: str | None = None  # the exact text the finding must cover, when given


class Rule:
    """Common fields; subclasses implement ``paragraph_hits`` or ``document_hits``."""

    document_level = False

    def __init__(self, spec: dict, category: str):
        try:
            self.id: str = spec["id"]
            self.severity: str = spec["severity"]
            self.message: str = spec["message"]
        except KeyError as missing:
            raise RuleError(f"rule {spec.get('id', '?')} in {category}: missing {missing}") from None
        self.category = category
        if self.severity not in SEVERITIES:
            raise RuleError(f"rule {self.id}: unknown severity {self.severity!r}")
        examples = spec.get("examples", {})
        self.bad = [_example(e) for e in examples.get("bad", [])]
        self.good = [_example(e) for e in examples.get("good", [])]
        if not self.bad or not self.good:
            raise RuleError(f"rule {self.id}: needs examples.bad and examples.good")

    def paragraph_hits(self, paragraph: Paragraph) -> Iterator[Hit]:
        return iter(())

    def format_message(self, text: str, hit: Hit) -> str:
        return self.message.format(text=text, **dict(hit.values))


def _example(entry) -> Example:
    if isinstance(entry, str):
        return Example(entry)
    return Example(entry[0], entry[1])


class WordsRule(Rule):
    """Words or phrases to flag, each with its replacements; matched on jieba word boundaries
    (so 挺 flags 挺好 but not 挺进), unless ``boundary = "none"``."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        words = spec.get("words")
        if not isinstance(words, dict) or not words:
            raise RuleError(f"rule {self.id}: words must be a table of word → [replacements]")
        self.words = {word: tuple(replacements) for word, replacements in words.items()}
        self.on_boundaries = spec.get("boundary", "token") == "token"
        self.pattern = re.compile("|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True)))

    def paragraph_hits(self, paragraph):
        text = paragraph.text
        starts = {token.start for token in paragraph.tokens} | {len(text)}
        for match in self.pattern.finditer(text):
            if self.on_boundaries and not (match.start() in starts and match.end() in starts):
                continue
            yield Hit(match.start(), match.end(), self.words[match.group()])


class PatternRule(Rule):
    """A regular expression; ``flag`` names the group to mark, ``replace`` is the suggestion for
    that group (``\\g<name>`` references allowed) or ``map`` a table from the flagged text to its
    replacement; ``exclude`` is a regex that vetoes a match."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        try:
            self.pattern = re.compile(spec["pattern"])
            self.exclude = re.compile(spec["exclude"]) if "exclude" in spec else None
        except (KeyError, re.error) as problem:
            raise RuleError(f"rule {self.id}: bad pattern ({problem})") from None
        self.flag = spec.get("flag", 0)
        self.replace = spec.get("replace")
        self.map = spec.get("map", {})

    def paragraph_hits(self, paragraph):
        text = paragraph.text
        for match in self.pattern.finditer(text):
            if self.exclude is not None and self.exclude.search(match.group()):
                continue
            start, end = match.span(self.flag)
            if self.replace is not None:
                suggestions = (match.expand(self.replace),)
            else:
                suggestions = (self.map[text[start:end]],) if text[start:end] in self.map else ()
            yield Hit(start, end, suggestions)


def load_rules(folder: Path | None = None) -> list[Rule]:
    """Every rule in the rule files, validated; each file's ``category`` must be a known id."""
    from .builtin import KINDS as BUILTIN_KINDS

    kinds = {"words": WordsRule, "pattern": PatternRule, **BUILTIN_KINDS}
    folder = folder or resource_path("rules")
    rules: list[Rule] = []
    for path in sorted(folder.glob("*.toml")):
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        category = data.get("category")
        if category not in CATEGORIES:
            raise RuleError(f"{path.name}: unknown category {category!r}")
        for spec in data.get("rule", []):
            kind = kinds.get(spec.get("kind"))
            if kind is None:
                raise RuleError(f"{path.name}: rule {spec.get('id')} has unknown kind {spec.get('kind')!r}")
            rules.append(kind(spec, category))
    ids = [rule.id for rule in rules]
    if len(ids) != len(set(ids)):
        raise RuleError(f"duplicate rule ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    return rules
