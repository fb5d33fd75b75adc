"""The user's checker choices: rules and categories turned off, and the personal ignore list."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..userdata import data_dir, load_json, save_json
from .model import Finding


@dataclass
class CheckSettings:
    disabled_rules: set[str] = field(default_factory=set)
    disabled_categories: set[str] = field(default_factory=set)
    ignored_words: set[str] = field(default_factory=set)
    # A rule ignored at one place: (rule id, the sentence around it, the flagged text).
    ignored_places: set[tuple[str, str, str]] = field(default_factory=set)
    note: str = ""

    @staticmethod
    def path() -> Path:
        return data_dir() / "checker.json"

    @classmethod
    def load(cls) -> "CheckSettings":
        data, note = load_json(cls.path())
        return cls(set(data.get("disabled_rules", [])), set(data.get("disabled_categories", [])),
                   set(data.get("ignored_words", [])), {tuple(p) for p in data.get("ignored_places", [])}, note)

    def save(self) -> None:
        save_json(self.path(), {
            "disabled_rules": sorted(self.disabled_rules),
            "disabled_categories": sorted(self.disabled_categories),
            "ignored_words": sorted(self.ignored_words),
            "ignored_places": sorted(list(p) for p in self.ignored_places),
        })

    def rule_enabled(self, rule) -> bool:
        return rule.id not in self.disabled_rules and rule.category not in self.disabled_categories

    def ignores(self, finding: Finding, sentence: str) -> bool:
        return finding.text in self.ignored_words or (finding.rule, sentence, finding.text) in self.ignored_places
