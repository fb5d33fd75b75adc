"""Reading the rule files: each rule's ``kind`` names the class that runs it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..resources import resource_path
from .bodies import KINDS as BODY_KINDS
from .builtin import KINDS as BUILTIN_KINDS
from .confusion import KINDS as CONFUSION_KINDS
from .formulations import KINDS as FORMULATION_KINDS
from .model import CATEGORIES
from .repetition import KINDS as REPETITION_KINDS
from .rules import LexiconRule, PatternRule, Rule, RuleError, WordsRule
from .sequence import SequenceRule


def load_rules(folder: Path | None = None, user_lexicons: Path | None = None) -> list[Rule]:
    """Every rule in the rule files, validated; each file's ``category`` must be a known id.
    ``user_lexicons``: a folder of the user's own additions to the lexicons (same file names)."""
    kinds = {"words": WordsRule, "lexicon": LexiconRule, "pattern": PatternRule, "sequence": SequenceRule,
             **BUILTIN_KINDS, **CONFUSION_KINDS, **REPETITION_KINDS,
             **BODY_KINDS, **FORMULATION_KINDS}
    folder = folder or resource_path("rules")
    rules: list[Rule] = []
    for path in sorted(folder.glob("[!_]*.toml")):
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
    if user_lexicons is not None:
        for rule in rules:
            if isinstance(rule, LexiconRule):
                rule.add_user_entries(user_lexicons)
    ids = [rule.id for rule in rules]
    if len(ids) != len(set(ids)):
        raise RuleError(f"duplicate rule ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    return rules
