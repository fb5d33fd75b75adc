"""The checker as the app and the CLI use it: the user's settings, and phrase-bank alternatives
as extra suggestions for repetitive and weak words."""

from __future__ import annotations

from ..phrasebank.bank import PhraseBank
from .engine import Checker
from .rules import Rule, load_rules
from .settings import CheckSettings

SUGGESTIONS_FROM_BANK = 5


def user_checker(rules: list[Rule] | None = None, bank: PhraseBank | None = None) -> tuple[Checker, list[str]]:
    """A checker for this user, and the notes (damaged settings or bank files) to show them."""
    settings = CheckSettings.load()
    bank = bank or PhraseBank.load()

    def alternatives(word: str) -> list[str]:
        return [phrase.text for phrase in bank.alternatives(word)[:SUGGESTIONS_FROM_BANK]]

    notes = [note for note in (settings.note, bank.note) if note]
    return Checker(rules if rules is not None else load_rules(), settings, alternatives), notes
