"""Rule kinds and the loader for the rule files in resources/rules/.

A rule file holds the rules of one category. Every rule has an id, a severity, a message
(``{text}`` is the flagged text; kinds add their own fields), examples that must and must not
be flagged, and a ``kind`` naming the class below that runs it. Paragraph rules see one
paragraph at a time; document rules see every paragraph's analysis at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..resources import resource_path
from ..text.hanzi import HANZI
from ..text.structure import quoted_spans
from .fixes import FIXES
from .model import CATEGORY_INFO, SEVERITIES
from .required import Required, required_text
from .text import Paragraph

SCOPES = frozenset({"body", "heading", "addressee"})
# Lexicon columns the matcher itself uses; the others are details for messages and tests.
CORE_COLUMNS = {"word", "replacements", "guard"}


class RuleError(ValueError):
    """A rule file is malformed; raised when rules are loaded, so a bad file fails the tests."""


@dataclass(frozen=True)
class Hit:
    """A match inside one paragraph, before it becomes a Finding."""

    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    values: tuple[tuple[str, object], ...] = ()
    severity: str | None = None  # when a rule grades its hits (a longer run is louder)
    certain: bool | None = None  # when a rule trusts some hits less than its others
    thorough_only: bool = False  # a guess shown only at the 全面 typo level (settings.TYPO_LEVELS)


@dataclass(frozen=True)
class Example:
    text: str
    flagged: str | None = None  # the exact text the finding must cover, when given


# What every rule file entry must say about itself, for the user: 工具 → 选项 → 检查规则 lists the
# rules by name with the description beside it (never by a fragment of the message).
LABELS = {"name": "a short Chinese name, e.g. 半角标点",
          "description": "one Chinese line saying what it flags, e.g. 中文里夹用的半角逗号、句号等，应改为全角标点。"}
NAME_CHARS = 12  # a name fits the first column of the 选项 tree


def _label(spec: dict, key: str) -> str:
    value = spec.get(key)
    if not isinstance(value, str) or not value.strip() or "\n" in value or not HANZI.search(value) or (
            key == "name" and len(value) > NAME_CHARS):
        limit = f", at most {NAME_CHARS} characters" if key == "name" else ""
        raise RuleError(f"rule {spec.get('id', '?')}: needs {key} = \"…\" ({LABELS[key]}; one line{limit})")
    return value


class Rule:
    """Common fields; subclasses implement ``paragraph_hits`` or ``document_hits``. ``source``
    names the standard a rule follows (GB/T 15834-2011 4.5.3); ``scope`` the paragraphs it reads
    (body text or headings: a heading has no sentence to be long)."""

    document_level = False
    # Whether a document rule's places make one document-wide finding (全文用了 40 次), underlined once.
    document_wide = False
    # Word-list rules register their entries in the checker's one shared matcher.
    listed_entries: dict[str, tuple] = {}
    # Whether a finding is dropped when its wording stands in another paragraph of the document too:
    # a guess that the wording is a slip, which the writer's own repetition answers (遗愿 … 遗愿).
    once_in_document = False

    def __init__(self, spec: dict, category: str):
        try:
            self.id: str = spec["id"]
            self.severity: str = spec["severity"]
            self.message: str = spec["message"]
        except KeyError as missing:
            raise RuleError(f"rule {spec.get('id', '?')} in {category}: missing {missing}") from None
        self.category = category
        self.name, self.description = (_label(spec, key) for key in LABELS)
        if self.severity not in SEVERITIES:
            raise RuleError(f"rule {self.id}: unknown severity {self.severity!r}")
        self.source: str = spec.get("source", "")
        self.raw: bool = spec.get("raw", False)  # reads the text with its invisible characters
        self.certain: bool = spec.get("certain", CATEGORY_INFO[category].certain and self.severity != "info")
        self.scope = frozenset(spec.get("scope", SCOPES))
        if not self.scope <= SCOPES:
            raise RuleError(f"rule {self.id}: scope must be among {sorted(SCOPES)}")
        examples = spec.get("examples", {})
        self.bad = [example_of(e) for e in examples.get("bad", [])]
        self.good = [example_of(e) for e in examples.get("good", [])]
        if not self.bad or not self.good:
            raise RuleError(f"rule {self.id}: needs examples.bad and examples.good")

    def paragraph_hits(self, paragraph: Paragraph) -> Iterator[Hit]:
        return iter(())

    def format_message(self, text: str, hit: Hit) -> str:
        return self.message.format_map({**dict(hit.values), "text": text})


class DocumentRule(Rule):
    """A rule that sees every paragraph's analysis at once (overuse, duplicates, the script)."""

    document_level = True
    document_wide = True

    def document_hits(self, paragraphs: list[Paragraph], lines: list[int]) -> Iterator[tuple[int, Hit]]:
        """Hits as (index into ``paragraphs``, hit); ``lines[i]`` is the document line where
        paragraphs[i] starts (wrapped lines are analysed joined), for messages that cite one."""
        raise NotImplementedError


def number_of(spec: dict, key: str, rule_id: str) -> int | float:
    """A rule's positive numeric parameter (a threshold), or a RuleError."""
    value = spec.get(key)
    if not isinstance(value, (int, float)) or value <= 0:
        raise RuleError(f"rule {rule_id}: {key} must be a positive number")
    return value


def example_of(entry) -> Example:
    """An example as a rule file writes it: a text, or [text, the exact text flagged]."""
    if isinstance(entry, str):
        return Example(entry)
    return Example(entry[0], entry[1])


class ListRule(Rule):
    """Entries of a word list found by the shared matcher; matched on jieba word boundaries (so 挺
    flags 挺好 but not 挺进) unless ``boundary = "none"``. A ``guard`` regex per entry vetoes a
    hit when it matches the text around it (six characters either side); a lookahead in it says
    “only before X” (反应(?!情况|问题) lets 反应 through only in 反应情况/反应问题). A guarded entry's
    hit rests on its context, so it is never applied by 全部修正. With ``outside_quotes = true`` a
    word inside a “quotation” or a 《title》 is left alone: said as written, not the writer's to
    reword (毛主席还多次指示：“把国民经济搞上去”). Messages may name the first fix as ``{fix}``."""

    GUARD_REACH = 6

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        self.on_boundaries = spec.get("boundary", "token") == "token"
        self.outside_quotes = spec.get("outside_quotes", False)
        self.listed_entries: dict[str, tuple[str, ...]] = {}
        self.details: dict[str, tuple[tuple[str, str], ...]] = {}
        self.guards: dict[str, re.Pattern] = {}

    def paragraph_hits(self, paragraph):
        found = paragraph.listed.get(self, ())
        if not found:
            return
        text = paragraph.text
        bounds = {t.start for t in paragraph.tokens} | {len(text)} if self.on_boundaries else None
        taken = -1
        quoted = quoted_spans(text) if self.outside_quotes else []
        for start, end, entry in found:
            if start < taken or (bounds is not None and not (start in bounds and end in bounds)):
                continue
            if any(left < start < right for left, right in quoted):
                continue
            guard = self.guards.get(entry)
            if guard is not None and guard.search(text[max(0, start - self.GUARD_REACH):end + self.GUARD_REACH]):
                continue
            taken = end
            fixes = self.listed_entries[entry]
            yield Hit(start, end, fixes, (("fix", fixes[0] if fixes else ""), *self.details.get(entry, ())),
                      certain=False if guard is not None else None)


class WordsRule(ListRule):
    """A word list written in the rule file: a table of word → [replacements]."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        words = spec.get("words")
        if not isinstance(words, dict) or not words:
            raise RuleError(f"rule {self.id}: words must be a table of word → [replacements]")
        self.listed_entries = {word: tuple(replacements) for word, replacements in words.items()}


class LexiconRule(ListRule):
    """A word list kept in its own file under resources/lexicons/ (tab-separated, ``#`` comments):
    columns ``word``, ``replacements`` (fixes separated by 、) and optionally ``guard`` (a veto
    regex); ``select`` keeps rows whose columns have these values,
    so one file can feed rules of different severity. Other columns (a reason, an example, a
    source) are available to the message as ``{reason}``; an ``example`` column holds a sentence
    the entry must be found in (the tests run them all)."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        try:
            columns: list[str] = spec["columns"]
            self.lexicon: str = spec["lexicon"]
        except KeyError as missing:
            raise RuleError(f"rule {self.id}: missing {missing}") from None
        if columns[0] != "word" or "replacements" not in columns:
            raise RuleError(f"rule {self.id}: columns must start with word and hold replacements")
        self.columns = columns
        self.select = spec.get("select", {})
        self.note = ""
        for row in read_lexicon(self.lexicon, columns, self.id):
            try:
                duplicate = self._add(row)
            except re.error as problem:
                raise RuleError(f"rule {self.id}: bad guard for {row['word']} ({problem})") from None
            if duplicate:
                raise RuleError(f"rule {self.id}: {row['word']} listed twice in {self.lexicon}")
        if not self.listed_entries:
            raise RuleError(f"rule {self.id}: no entries in {self.lexicon}")

    def add_user_entries(self, folder: Path) -> None:
        """A unit's own entries, in a file of the same name in ``folder`` (the user data folder):
        added to the bundled ones; a line that cannot be read is skipped and counted in ``note``."""
        path = folder / self.lexicon
        if not path.exists():
            return
        skipped = 0
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            values = line.split("\t")
            row = dict(zip(self.columns, values + [""] * (len(self.columns) - len(values))))
            try:
                if len(values) > len(self.columns) or not row["word"]:
                    raise RuleError(line)
                self._add(row)
            except (RuleError, re.error):
                skipped += 1
        if skipped:
            self.note = f"{path} 中有 {skipped} 行格式不对，已跳过。"

    def _add(self, row: dict[str, str]) -> bool:
        """Add a row if ``select`` keeps it; True when the word was already there (kept as it was)."""
        if any(row.get(key) != value for key, value in self.select.items()):
            return False
        word = row["word"]
        if word in self.listed_entries:
            return True
        guard = re.compile(row["guard"]) if row.get("guard") else None
        fixes = row.get("replacements", "")
        self.listed_entries[word] = tuple(f for f in fixes.split("、") if f)
        self.details[word] = tuple((key, value) for key, value in row.items() if key not in CORE_COLUMNS)
        if guard is not None:
            self.guards[word] = guard
        return False


def read_lexicon(name: str, columns: list[str], rule_id: str = "?", folder: Path | None = None) -> list[dict[str, str]]:
    """Rows of a lexicon file as column → value (missing trailing columns are empty)."""
    path = (folder or resource_path("lexicons")) / name
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        values = line.split("\t")
        if len(values) > len(columns) or not values[0]:
            raise RuleError(f"rule {rule_id}: {name} line {number}: expected columns {columns}")
        rows.append(dict(zip(columns, values + [""] * (len(columns) - len(values)))))
    return rows


class PatternRule(Rule):
    """A regular expression; ``flag`` names the group to mark, ``replace`` is the suggestion for
    that group (``\\g<name>`` references allowed), ``map`` a table from the flagged text to its
    replacement, or ``fix`` names a conversion (Chinese numerals → Arabic); ``exclude`` is a regex
    that vetoes a match."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        try:
            self.pattern = re.compile(spec["pattern"])
            self.exclude = re.compile(spec["exclude"]) if "exclude" in spec else None
        except (KeyError, re.error) as problem:
            raise RuleError(f"rule {self.id}: bad pattern ({problem})") from None
        self.required = Required(required_text(self.pattern))
        self.flag = spec.get("flag", 0)
        self.replace = spec.get("replace")
        self.map = spec.get("map", {})
        self.fix = spec.get("fix")
        if self.fix is not None and self.fix not in FIXES:
            raise RuleError(f"rule {self.id}: unknown fix {self.fix!r} (known: {sorted(FIXES)})")

    def paragraph_hits(self, paragraph):
        text = paragraph.text
        if not self.required.met(text):
            return
        for match in self.pattern.finditer(text):
            if self.exclude is not None and self.exclude.search(match.group()):
                continue
            start, end = match.span(self.flag)
            if self.fix is not None:
                suggestions = (FIXES[self.fix](match),)
            elif self.replace is not None:
                suggestions = (match.expand(self.replace),)
            else:
                suggestions = (self.map[text[start:end]],) if text[start:end] in self.map else ()
            yield Hit(start, end, suggestions)
