"""The checker as the app and the CLI use it: the user's settings, and phrase-bank alternatives
as extra suggestions for repetitive and weak words."""

from __future__ import annotations

from pathlib import Path

from .phrasebank.bank import PhraseBank
from .settings import Settings
from .userdata import data_dir
from .checker.engine import Checker
from .checker.loading import load_rules
from .checker.rules import Rule

SUGGESTIONS_FROM_BANK = 5


def user_checker(rules: list[Rule] | None = None, bank: PhraseBank | None = None,
                 settings: Settings | None = None) -> tuple[Checker, list[str]]:
    """A checker for this user (``settings`` or those saved), and the notes (damaged settings
    or bank files) to show them."""
    settings = settings or Settings.load()
    bank = bank or PhraseBank.load()

    def alternatives(word: str) -> list[str]:
        return [phrase.text for phrase in bank.alternatives(word)[:SUGGESTIONS_FROM_BANK]]

    rules = rules if rules is not None else load_rules(user_lexicons=user_lexicon_folder())
    notes = [note for note in (settings.note, bank.note, *(getattr(r, "note", "") for r in rules)) if note]
    return Checker(rules, settings.checker, alternatives), notes


def user_lexicon_folder() -> Path:
    """Where a unit keeps its own typos, colloquial words …: files named like the bundled lexicons."""
    return data_dir() / "lexicons"
