"""The phrase bank at run time: the bundled bank merged with the user's own, and fast queries.

Queries answer from in-memory indexes: a sorted list for prefixes, one joined string searched
with ``str.find`` for substrings, the same for pinyin initials, and a list per category. The
bundled file is read-only; the user's additions live in the per-user data folder.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..resources import resource_path
from ..userdata import Record, data_dir, load_json, save_json
from .alternatives import synonyms
from .extract import KINDS
from .pinyin import initials

MAX_CANDIDATES = 3000
# Ranking weights: set phrases and collocations are what a writer reuses most; pairs and quotes are
# whole clauses, to quote rather than to build with.
KIND_WEIGHT = {"idiom": 1.2, "collocation": 1.2, "pattern": 1.0, "pair": 0.8, "quote": 0.7}
SEED_WEIGHT = 2.5
LENGTH_PENALTY = 0.15
# phrasebank_user.json: what Phrase.from_json reads from each entry.
USER_ENTRY = Record(required={"text": str, "kind": str, "category": str, "frequency": int, "examples": list[dict]},
                    optional={"documents": int, "seed": bool, "function": str, "initials": str})
USER_BANK_SHAPE = Record(optional={"entries": list[USER_ENTRY]})
PREFIX_BONUS = 0.3


@dataclass
class Phrase:
    text: str
    kind: str
    category: str
    frequency: int
    examples: list[dict]
    user: bool = False
    reason: str = ""
    documents: int = 1
    seed: bool = True
    function: str = ""
    initials: str | None = None  # pinyin initials as the bank build stored them; None: worked out at load

    @classmethod
    def from_json(cls, data: dict, user: bool = False) -> "Phrase":
        return cls(data["text"], data["kind"], data["category"], data["frequency"], data["examples"], user,
                   documents=data.get("documents", 1), seed=data.get("seed", True), function=data.get("function", ""),
                   initials=data.get("initials"))

    def usefulness(self) -> float:
        """How likely an official wants this phrase: used across many texts (document frequency),
        seen in the primary corpus, of a reusable kind, short."""
        score = KIND_WEIGHT.get(self.kind, 1.0) * math.log1p(self.documents) * (SEED_WEIGHT if self.seed else 1.0)
        return score + 0.3 * math.log1p(self.frequency) - LENGTH_PENALTY * max(0, len(self.text) - 8)

    def to_json(self) -> dict:
        data = {"text": self.text, "kind": self.kind, "kind_name": KINDS.get(self.kind, self.kind),
                "category": self.category, "frequency": self.frequency, "documents": self.documents,
                "seed": self.seed, "function": self.function, "examples": self.examples}
        if self.user:
            data["user"] = True
        if self.reason:
            data["reason"] = self.reason
        return data


@dataclass
class PhraseBank:
    phrases: list[Phrase]
    word_examples: dict[str, dict] = field(default_factory=dict)
    slot_uses: dict[str, dict[str, int]] = field(default_factory=dict)
    note: str = ""

    def __post_init__(self) -> None:
        self._by_text = {p.text: p for p in self.phrases}
        self._sorted = sorted((p.text, i) for i, p in enumerate(self.phrases))
        self._sorted_texts = [text for text, _ in self._sorted]
        self._joined, self._starts = _joined([p.text for p in self.phrases])
        # the bundled bank's are read with it; a user's bank built before they were stored has none
        self._joined_initials, self._initial_starts = _joined([initials(p.text) if p.initials is None else p.initials
                                                               for p in self.phrases])
        # What an empty query lists (the panel's first view): ranked once here, on the thread that loads
        # the bank, instead of all phrases sorted on the UI thread at every empty search.
        self._ranked = sorted(range(len(self.phrases)), key=lambda i: self._rank(i, ""))

    @staticmethod
    def bundled_path() -> Path:
        return resource_path("phrasebank", "bank.json")

    @staticmethod
    def user_path() -> Path:
        return data_dir() / "phrasebank_user.json"

    @classmethod
    def load(cls) -> "PhraseBank":
        bundled = json.loads(cls.bundled_path().read_text(encoding="utf-8"), object_hook=each_object)
        user, note = load_json(cls.user_path(), USER_BANK_SHAPE)
        phrases = [Phrase.from_json(e) for e in bundled["entries"]]
        known = {p.text for p in phrases}
        phrases += [Phrase.from_json(e, user=True) for e in user.get("entries", []) if e["text"] not in known]
        return cls(phrases, bundled.get("word_examples", {}), bundled.get("slot_uses", {}), note)

    def get(self, text: str) -> Phrase | None:
        return self._by_text.get(text)

    def categories(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for phrase in self.phrases:
            counts[phrase.category] = counts.get(phrase.category, 0) + 1
        return sorted(counts.items(), key=lambda item: -item[1])

    def search(self, query: str, category: str | None = None, kind: str | None = None,
               limit: int = 50) -> list[Phrase]:
        """The exact phrase first, then every phrase that starts with, contains or has the pinyin
        initials of the query: the user's own first, then most useful first (a prefix match
        counts a little more)."""
        query = query.strip()
        if not query:
            ranked = (i for i in self._ranked if self._wanted(self.phrases[i], category, kind))
            return [self.phrases[i] for i in islice(ranked, limit)]
        prefixed = set(self._prefix(query))
        matches = list(prefixed) + _find_all(self._joined, self._starts, query)
        if query.isascii() and query.isalpha():
            matches += _find_all(self._joined_initials, self._initial_starts, query.lower())
        wanted = [i for i in dict.fromkeys(matches) if self._wanted(self.phrases[i], category, kind)]
        wanted.sort(key=lambda i: self._rank(i, query, i in prefixed))
        return [self.phrases[i] for i in wanted[:limit]]

    def _rank(self, index: int, query: str, prefixed: bool = False) -> tuple:
        """Sort key of a match: the exact phrase, the user's own, most useful (a prefix match a little
        more), then by text."""
        phrase = self.phrases[index]
        return (phrase.text != query, not phrase.user, -(phrase.usefulness() + PREFIX_BONUS * prefixed), phrase.text)

    def _prefix(self, query: str) -> list[int]:
        start = bisect_left(self._sorted_texts, query)
        found = []
        for text, index in self._sorted[start:start + MAX_CANDIDATES]:
            if not text.startswith(query):
                break
            found.append(index)
        return found

    @staticmethod
    def _wanted(phrase: Phrase, category: str | None, kind: str | None) -> bool:
        return (category is None or phrase.category == category) and (kind is None or phrase.kind == kind)

    def alternatives(self, word: str, limit: int = 10) -> list[Phrase]:
        """Words that mean nearly the same where ``word`` stands (synonyms.toml), those the corpus
        uses in the same slots first, each with its reason and, where the corpus has one, an example."""
        candidates = synonyms().candidates(word, self.slot_uses)
        return [self._as_phrase(text, reason) for text, reason in candidates][:limit]

    def _as_phrase(self, text: str, reason: str) -> Phrase:
        entry = self.get(text)
        if entry is not None:
            return Phrase(entry.text, entry.kind, entry.category, entry.frequency, entry.examples, entry.user, reason,
                          entry.documents, entry.seed, entry.function)
        example = self.word_examples.get(text)
        examples = [{"sentence": example["sentence"], "source": example["source"]}] if example else []
        return Phrase(text, "word", "", example["frequency"] if example else 0, examples, reason=reason)

    def save_user_phrase(self, text: str, category: str, example: str = "", replacing: str | None = None) -> None:
        """Add a phrase of the user's own to "我的短语", or change one (``replacing`` its old text)."""
        user, note = load_json(self.user_path(), USER_BANK_SHAPE)
        stored = [e for e in user.get("entries", []) if e["text"] not in (text, replacing)]
        examples = [{"sentence": example or text, "source": "我的短语"}]
        stored.append({"text": text, "kind": "idiom", "category": category or "我的短语", "frequency": 1,
                       "examples": examples})
        save_json(self.user_path(), {"entries": stored})
        self.note = note or self.note

    def delete_user_phrase(self, text: str) -> None:
        user, note = load_json(self.user_path(), USER_BANK_SHAPE)
        save_json(self.user_path(), {"entries": [e for e in user.get("entries", []) if e["text"] != text]})
        self.note = note or self.note

    def add_user_phrases(self, entries: list[dict]) -> int:
        """Add extracted entries to the user's bank (kept across restarts); returns how many were new."""
        user, note = load_json(self.user_path(), USER_BANK_SHAPE)
        stored = user.get("entries", [])
        known = {e["text"] for e in stored} | {p.text for p in self.phrases if not p.user}
        new = [e for e in entries if e["text"] not in known]
        save_json(self.user_path(), {"entries": stored + new})
        self.note = note or self.note
        return len(new)


def each_object(read: dict) -> dict:
    """json's ``object_hook`` for the bundled bank: a call into Python per object read, where the
    interpreter may hand its lock to another thread. The bank loads on a worker thread while the
    window is live, and its 1.8 MB in one C call held the lock 12–32 ms (bench/lock_holds.py)."""
    return read


def _joined(texts: list[str]) -> tuple[str, list[int]]:
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    return "\n".join(texts) + "\n", starts


def _find_all(joined: str, starts: list[int], query: str) -> list[int]:
    """Indexes of the texts that contain ``query``, found with C-speed ``str.find``."""
    found: list[int] = []
    position = joined.find(query)
    while position >= 0 and len(found) < MAX_CANDIDATES:
        index = bisect_left(starts, position + 1) - 1
        found.append(index)
        position = joined.find(query, starts[index + 1] if index + 1 < len(starts) else len(joined))
    return found
