"""Simplified ⇄ traditional conversion over the official OpenCC binding, data-driven like OpenCC.

``Converter`` adds two things to bare OpenCC: protected terms (never converted) and the bundled
overrides for OpenCC slips (resources/conversion/overrides.toml). Both are applied by cutting
the text at those phrases and converting the pieces between them.

``Converter.alignment`` says which characters of the old text became which characters of the
new one, so a .docx paragraph can be rewritten run by run (each character keeps its formatting).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import ne
from pathlib import Path

import opencc

from .errors import DocumentError
from .resources import resource_path
from .text.diff import Opcode, diff, linear_diff


CONFIGS = {
    "s2t": "简体 → 繁体（古籍通用标准字形）",
    "t2s": "繁体 → 简体",
    "s2tw": "简体 → 繁体（台湾用字）",
    "tw2s": "繁体（台湾用字）→ 简体",
    "s2twp": "简体 → 繁体（台湾用字和用词）",
    "tw2sp": "繁体（台湾用字和用词）→ 简体",
    "s2hk": "简体 → 繁体（香港用字）",
    "hk2s": "繁体（香港用字）→ 简体",
    "t2tw": "繁体 → 台湾用字",
    "t2hk": "繁体 → 香港用字",
}


@dataclass(frozen=True)
class Override:
    source: str
    target: str
    configs: tuple[str, ...]
    note: str
    examples: tuple[tuple[str, str], ...]


# Every config the OpenCC package ships; CONFIGS above are the ones the app offers by name.
OPENCC_CONFIGS = tuple(sorted(name.removesuffix(".json") for name in opencc.CONFIGS))


@lru_cache(maxsize=None)
def opencc_for(config: str) -> opencc.OpenCC:
    """OpenCC with its data from the installed package (or the frozen bundle); never downloaded."""
    if config not in OPENCC_CONFIGS:
        raise DocumentError(f"不支持的转换方式“{config}”。可用：{', '.join(CONFIGS)}。")
    return opencc.OpenCC(config)


def load_overrides(path: Path | None = None) -> list[Override]:
    path = path or resource_path("conversion", "overrides.toml")
    with open(path, "rb") as handle:
        entries = tomllib.load(handle)["override"]
    return [Override(e["source"], e["target"], tuple(e["configs"]), e["note"],
                     tuple(tuple(pair) for pair in e["examples"])) for e in entries]


class Converter:
    """Converts text with one OpenCC config, honouring protected terms and the bundled overrides."""

    def __init__(self, config: str, protected: list[str] | tuple[str, ...] = (),
                 overrides: list[Override] | None = None):
        self.config = config
        self._opencc = opencc_for(config)
        fixed = {o.source: o.target for o in (load_overrides() if overrides is None else overrides)
                 if config in o.configs}
        fixed.update({term: term for term in protected if term})
        self._fixed = fixed
        self._characters: dict[str, str] = {}  # character → its conversion alone
        self._table: dict[int, str] = {}  # the same for str.translate

    def convert(self, text: str) -> str:
        pattern = self._pattern_for(text)
        if pattern is None:
            return self._opencc.convert(text)
        pieces, position = [], 0
        for match in pattern.finditer(text):
            pieces.append(self._opencc.convert(text[position:match.start()]))
            pieces.append(self._fixed[match.group()])
            position = match.end()
        pieces.append(self._opencc.convert(text[position:]))
        return "".join(pieces)

    def convert_many(self, texts: list[str]) -> list[str]:
        """Convert paragraphs in one OpenCC call (a newline never lies inside an OpenCC phrase)."""
        if any("\n" in text for text in texts):
            return [self.convert(text) for text in texts]
        converted = self.convert("\n".join(texts)).split("\n")
        return converted if len(converted) == len(texts) else [self.convert(text) for text in texts]

    def _pattern_for(self, text: str) -> re.Pattern | None:
        present = [term for term in self._fixed if term in text]
        if not present:
            return None
        return re.compile("|".join(re.escape(term) for term in sorted(present, key=len, reverse=True)))

    def alignment(self, old: str, new: str) -> list[Opcode]:
        """Edit operations from ``old`` to its conversion ``new`` that pair each character with its
        own conversion, so formatting follows the characters.

        Converting character by character gives a string that lines up with ``old``. Diffing it
        with the phrase conversion, in one linear pass (the phrases that differ are short and
        local), isolates the phrases that differ (软件 → 軟體, or 云计算 → 雲端計算 which changes
        length). Where none changes length (most paragraphs), the whole paragraph is one
        character-for-character replacement, each character taking its own conversion's place
        (docx_text rewrites each run's text in place); otherwise each changed character between
        those phrases is replaced in place. Equal total length is not enough: 方便面和互联网 →
        泡麵和網際網路 shrinks one phrase and grows another.
        """
        if old == new:
            return []
        guide = self._one_by_one(old)
        if guide is None:
            return diff(old, new)
        blocks = [] if guide == new else linear_diff(guide, new)
        if all(i1 == j1 and i2 == j2 for _, i1, i2, j1, j2 in blocks):
            return [("replace", 0, len(old), 0, len(new))]  # character for character throughout
        opcodes: list[Opcode] = []
        for tag, i1, i2, j1, j2 in blocks:
            if tag == "equal":
                shift = j1 - i1
                opcodes += [("replace", k, k + 1, k + shift, k + shift + 1)
                            for k in compress(range(i1, i2), map(ne, old[i1:i2], new[j1:j2]))]
            else:
                opcodes.append((tag, i1, i2, j1, j2))
        return opcodes

    def _one_by_one(self, text: str) -> str | None:
        """``text`` converted character by character (None if a character becomes several). Each
        character is converted once per converter and remembered: a document costs one OpenCC call."""
        missing = sorted(set(text).difference(self._characters))
        if missing:
            converted = self._opencc.convert("\n".join(missing)).split("\n")
            if len(converted) != len(missing):
                return None
            self._characters.update(zip(missing, converted))
            self._table.update(zip(map(ord, missing), converted))
        guide = text.translate(self._table)
        return guide if len(guide) == len(text) else None


def convert(text: str, config: str) -> str:
    """Convert ``text`` with ``config`` and the bundled overrides (no user terms)."""
    return Converter(config).convert(text)
