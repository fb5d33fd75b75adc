"""The user's checker choices: rules and categories turned off, the personal ignore list, and how
strict the statistical 错别字 guesses are (TYPO_LEVELS).

Kept with the other settings in ``core.settings``; this class only says what they mean."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.sentences import sentence_at
from ..userdata import Record
from .model import Finding

SHAPE = Record(optional={"disabled_rules": list[str], "disabled_categories": list[str],
                         "ignored_words": list[str], "ignored_places": list[list[str]], "typo_level": str})

# How many of the statistical 错别字 guesses are shown (a threshold each in typo.toml's
# typo-confusable): 稳妥 only those the model is sure of, for a document close to final (edited
# text has almost no slips left, so every unsure guess there is a false alarm); 全面 every guess
# past the recall threshold, for a first draft. The list rules are the same at both.
STANDARD, THOROUGH = TYPO_LEVELS = ("standard", "thorough")


@dataclass
class CheckSettings:
    """As stored: lists of strings, and each ignored place a list of three strings (see SHAPE)."""

    disabled_rules: set[str] = field(default_factory=set)
    disabled_categories: set[str] = field(default_factory=set)
    ignored_words: set[str] = field(default_factory=set)
    # A rule ignored at one place: (rule id, the sentence around it, the flagged text).
    ignored_places: set[tuple[str, str, str]] = field(default_factory=set)
    typo_level: str = STANDARD

    @classmethod
    def from_json(cls, data: dict) -> "CheckSettings":
        """An absent or unknown typo level (a later version's, a hand edit) reads as 稳妥."""
        level = data.get("typo_level")
        return cls(set(data.get("disabled_rules", [])), set(data.get("disabled_categories", [])),
                   set(data.get("ignored_words", [])), {tuple(p) for p in data.get("ignored_places", [])},
                   level if level in TYPO_LEVELS else STANDARD)

    def to_json(self) -> dict:
        return {
            "disabled_rules": sorted(self.disabled_rules),
            "disabled_categories": sorted(self.disabled_categories),
            "ignored_words": sorted(self.ignored_words),
            "ignored_places": sorted(list(p) for p in self.ignored_places),
            "typo_level": self.typo_level,
        }

    def rule_enabled(self, rule) -> bool:
        return rule.id not in self.disabled_rules and rule.category not in self.disabled_categories

    def ignore_at(self, finding: Finding, paragraph_text: str) -> None:
        """忽略此处: this rule, on this text, in this sentence, no longer reported."""
        self.ignored_places.add(_place(finding, paragraph_text))

    def ignores(self, finding: Finding, paragraph_text: str) -> bool:
        if finding.text in self.ignored_words:
            return True
        return bool(self.ignored_places) and _place(finding, paragraph_text) in self.ignored_places


def _place(finding: Finding, paragraph_text: str) -> tuple[str, str, str]:
    return finding.rule, sentence_at(paragraph_text, finding.start), finding.text
