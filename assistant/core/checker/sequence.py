"""The ``sequence`` rule kind: a pattern over consecutive tokens, each slot a word list, a
part-of-speech tag list or a regex (like Vale's ``sequence``), for mistakes of structure such as
的地得 (adverbial + 的 + verb: 尽量的配合; verb + 的 + degree adverb: 处理的很妥当)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import Hit, Rule, RuleError
from .text import Token


@dataclass(frozen=True)
class Slot:
    """One token's condition: in ``words`` or tagged one of ``tags`` or matching ``pattern``
    (any of those given), and neither in ``not_words`` nor tagged one of ``not_tags``."""

    words: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    pattern: re.Pattern | None = None
    not_words: frozenset[str] = frozenset()
    not_tags: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, spec: dict, rule_id: str) -> "Slot":
        unknown = set(spec) - {"word", "tag", "pattern", "not_word", "not_tag"}
        if unknown:
            raise RuleError(f"rule {rule_id}: unknown slot keys {sorted(unknown)}")
        try:
            pattern = re.compile(spec["pattern"]) if "pattern" in spec else None
        except re.error as problem:
            raise RuleError(f"rule {rule_id}: bad slot pattern ({problem})") from None
        return cls(frozenset(spec.get("word", ())), frozenset(spec.get("tag", ())), pattern,
                   frozenset(spec.get("not_word", ())), frozenset(spec.get("not_tag", ())))

    def matches(self, token: Token, tag: str) -> bool:
        if token.text in self.not_words or tag in self.not_tags:
            return False
        if not (self.words or self.tags or self.pattern):
            return True
        return (token.text in self.words or tag in self.tags
                or (self.pattern is not None and self.pattern.fullmatch(token.text) is not None))


class SequenceRule(Rule):
    """``tokens``: the slots, in order; ``flag``: the index of the slot to mark; ``replace``: its
    fix. ``not_before``/``not_after``: a slot the token right before/after must not match (经过
    认真的研究 is a noun phrase, not an adverbial); looking back, tokens matching ``skip_before``
    are passed over (有了比较深入的了解: 比较 and 了 stand between the verb and the phrase)."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        slots = spec.get("tokens")
        if not isinstance(slots, list) or not slots:
            raise RuleError(f"rule {self.id}: tokens must be a list of slots")
        self.slots = [Slot.parse(slot, self.id) for slot in slots]
        self.flag = spec.get("flag", 0)
        if not 0 <= self.flag < len(self.slots):
            raise RuleError(f"rule {self.id}: flag must index a slot")
        self.replace = spec.get("replace")
        # A slot of plain words (的) anchors the search: only its tokens are tried.
        self.anchor = next((k for k, slot in enumerate(self.slots)
                            if slot.words and not slot.tags and slot.pattern is None), None)
        self.not_before = Slot.parse(spec["not_before"], self.id) if "not_before" in spec else None
        self.skip_before = Slot.parse(spec["skip_before"], self.id) if "skip_before" in spec else None
        self.not_after = Slot.parse(spec["not_after"], self.id) if "not_after" in spec else None
        # The slots in the order they are tried at a place: those of word and tag sets first, one
        # with a pattern (a regex call per token) after them, the anchor (its word is known to be
        # there) last. Most places fail on the word after 的, so its adverbial is rarely matched.
        self.tried = sorted(enumerate(self.slots), key=lambda pair: (pair[0] == self.anchor, pair[1].pattern is not None))

    def paragraph_hits(self, paragraph):
        if self.anchor is not None and not any(word in paragraph.text for word in self.slots[self.anchor].words):
            return  # a paragraph without 的 never needs its tokens tagged for a 的 rule
        # Tokens that are spaces are skipped: 认真 的 学习 typed with spaces is the same mistake.
        tokens = paragraph.tagged
        width = len(self.slots)
        if self.anchor is None:
            starts = range(len(tokens) - width + 1)
        else:
            starts = sorted(i - self.anchor for word in self.slots[self.anchor].words for i in paragraph.places_of(word)
                            if 0 <= i - self.anchor <= len(tokens) - width)
        for i in starts:
            if not self._holds(tokens, i):
                continue
            if self.not_before is not None and self._vetoed_before(tokens, i):
                continue
            after = i + width
            if self.not_after is not None and after < len(tokens) and self.not_after.matches(*tokens[after]):
                continue
            token = tokens[i + self.flag][0]
            yield Hit(token.start, token.end, (self.replace,) if self.replace else ())

    def _holds(self, tokens: list[tuple[Token, str]], i: int) -> bool:
        """Whether every slot matches its token from place ``i`` on."""
        for k, slot in self.tried:
            if not slot.matches(*tokens[i + k]):
                return False
        return True

    def _vetoed_before(self, tokens: list[tuple[Token, str]], i: int) -> bool:
        i -= 1
        while i >= 0 and self.skip_before is not None and self.skip_before.matches(*tokens[i]):
            i -= 1
        return i >= 0 and self.not_before.matches(*tokens[i])
