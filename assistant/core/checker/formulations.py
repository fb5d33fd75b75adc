"""The ``formulation-enum`` rule kind: fixed formulations (新发展理念 = 创新、协调、绿色、开放、共享)
quoted with a wrong, missing or misplaced member, or in an earlier form in a document dated after
the change (全面建成小康社会 became 全面建设社会主义现代化国家 in the 四个全面 in 2020). The table
is resources/lexicons/formulations.toml, each entry with the report it is quoted from."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ..resources import resource_path
from .dating import document_date, speaks_of_past
from .rules import DocumentRule, Example, Hit, RuleError

BREAK = re.compile(r"[、，,；;：:。！？!?（）()《》“”‘’「」\s]")
CONJUNCTION = re.compile(r"以及|和|及|与")
WRONG_MEMBER_SLACK = 4  # a wrong member is about as long as the right one
# A sentence that tells what an earlier congress or plenum said (党的十三大提出……) quotes history.
CONGRESS_SAID = re.compile(r"十[二三四五六七八九]大(?:报告)?(?:提出|明确|强调|指出|确定)"
                           r"|十[一二三四五六七八九]届[一二三四五六七]中全会(?:提出|明确|强调|指出|确定)")


@dataclass(frozen=True)
class Piece:
    """One item of an enumeration: text[start:end]."""

    start: int
    end: int
    text: str
    opens: bool = False  # follows a ，inside a grouped enumeration (倡导自由 opens its group)


@dataclass(frozen=True)
class Earlier:
    members: tuple[str, ...]
    until: date
    change: str


@dataclass(frozen=True)
class Formulation:
    name: str
    names: tuple[str, ...]
    members: tuple[str, ...]
    variants: dict[str, tuple[str, ...]]
    joiners: str
    tail: re.Pattern | None  # joined formulations: what follows the members
    tail_current: str  # … and its current wording (的社会主义现代化强国)
    earlier: tuple[Earlier, ...]
    since: date  # when the current form was first stated; a sentence naming an earlier year is history
    source: str
    source_file: str  # the corpus-extra report it is quoted from ("" when confirmed elsewhere)
    quote: str
    bad: tuple[Example, ...]
    good: tuple[str, ...]

    @cached_property
    def wordings(self) -> list[tuple[str, ...]]:
        """Each member's accepted and earlier wordings: a paragraph holding fewer than three of them
        cannot quote the formulation."""
        return [(member, *self.variants.get(member, ()), *(e.members[k] for e in self.earlier if k < len(e.members)))
                for k, member in enumerate(self.members)]

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Every wording of every member, one after another: a present wording has a present word
        here, so a paragraph holding fewer than three of these holds fewer than three wordings.
        Counted in one C loop (most paragraphs hold none), where a wording at a time took Python
        steps."""
        return tuple(word for words in self.wordings for word in words)

    @property
    def current(self) -> str:
        return "".join(self.members) + self.tail_current if self.tail else "、".join(self.members)


def load_formulations(name: str, rule_id: str) -> list[Formulation]:
    with open(resource_path("lexicons", name), "rb") as handle:
        entries = tomllib.load(handle)["formulation"]
    formulations = []
    for entry in entries:
        try:
            examples = entry["examples"]
            formulations.append(Formulation(
                entry["name"], tuple(entry["names"]), tuple(entry["members"]),
                {member: tuple(others) for member, others in entry.get("variants", {}).items()},
                entry.get("separators", "、"), re.compile(entry["tail"]) if entry.get("joined") else None,
                entry.get("tail_current", ""),
                tuple(Earlier(tuple(e["members"]), date.fromisoformat(e["until"]), e["change"])
                      for e in entry.get("earlier", [])),
                date.fromisoformat(entry["since"]), entry["source"], entry["file"], entry["quote"], tuple(Example(text, flagged) for text, flagged in examples["bad"]),
                tuple(examples["good"])))
        except (KeyError, ValueError, re.error) as problem:
            raise RuleError(f"rule {rule_id}: {name}: bad entry {entry.get('name', '?')} ({problem})") from None
    return formulations


class FormulationRule(DocumentRule):
    """``formulations``: the table file. The message gets ``{problem}`` and ``{source}``."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        self.formulations = load_formulations(spec.get("formulations", ""), self.id)

    document_wide = False  # each place is its own mistake, underlined on its own

    def document_hits(self, paragraphs, lines):
        yield from self.hits_at(paragraphs, document_date([p.text for p in paragraphs], date.today()))

    def hits_at(self, paragraphs, when: date):
        """Hits as (paragraph index, hit) in a document dated ``when``; each paragraph's are kept
        with its analysis, so a re-check reads only the paragraphs that changed."""
        for index, paragraph in enumerate(paragraphs):
            hits = paragraph.remember(f"{self.id}@{when}", lambda p=paragraph: list(self._paragraph_hits(p, when)))
            yield from ((index, hit) for hit in hits)

    def _paragraph_hits(self, paragraph, when: date):
        text = paragraph.text
        for formulation in self.formulations:
            if (sum(map(text.__contains__, formulation.words)) < 3
                    or sum(any(word in text for word in words) for words in formulation.wordings) < 3):
                continue
            for sentence in paragraph.sentences:
                for hit in self._sentence_hits(formulation, text[sentence.start:sentence.end], when):
                    yield Hit(hit.start + sentence.start, hit.end + sentence.start, hit.suggestions, hit.values)

    def _sentence_hits(self, formulation: Formulation, sentence: str, when: date):
        if formulation.tail is not None:
            yield from _joined_hits(formulation, sentence, when)
            return
        named = any(name in sentence for name in formulation.names)
        for run in runs(sentence, formulation.joiners):
            hit = _run_hit(formulation, run, sentence, named, when)
            if hit is not None:
                yield hit


def runs(sentence: str, joiners: str) -> list[list[Piece]]:
    """The enumerations of a sentence: items between ``joiners`` (、), a run ending at any other
    mark; an item 社会建设和生态文明建设 stays whole here (see ``_split_conjunctions``)."""
    found: list[list[Piece]] = []
    current: list[Piece] = []
    start, opens = 0, False
    for mark in [*BREAK.finditer(sentence), None]:
        end = mark.start() if mark is not None else len(sentence)
        if end > start:
            current.append(Piece(start, end, sentence[start:end], opens and bool(current)))
        if mark is None or mark.group() not in joiners or end == start:
            if current:
                found.append(current)
            current = []
        if mark is not None:
            start, opens = mark.end(), mark.group() != "、"
    return found


def _split_conjunctions(run: list[Piece], members: tuple[str, ...]) -> list[Piece]:
    """社会建设和生态文明建设 → 社会建设, 生态文明建设 where both sides hold members."""
    split: list[Piece] = []
    for piece in run:
        for conjunction in CONJUNCTION.finditer(piece.text):
            left, right = piece.text[:conjunction.start()], piece.text[conjunction.end():]
            if any(left.endswith(m) for m in members) and any(right.startswith(m) for m in members):
                middle = piece.start + conjunction.start()
                split += [Piece(piece.start, middle, left, piece.opens),
                          Piece(piece.start + conjunction.end(), piece.end, right)]
                break
        else:
            split.append(piece)
    return split


def _fit(piece: Piece, member: str, variants: tuple[str, ...], first: bool, last: bool) -> tuple[int, int] | None:
    """Where ``member`` (or a variant) stands in ``piece``: the whole item, or its end when the item
    opens the enumeration (贯彻创新), or its start when it closes it (共享的发展理念)."""
    for form in (member, *variants):
        if piece.text == form:
            return piece.start, piece.end
        if first and piece.text.endswith(form):
            return piece.end - len(form), piece.end
        if last and piece.text.startswith(form):
            return piece.start, piece.start + len(form)
    return None


def _fits(window: list[Piece], members: tuple[str, ...], variants: dict) -> list[tuple[int, int] | None]:
    last = len(window) - 1
    return [_fit(piece, member, variants.get(member, ()), k == 0 or piece.opens, k == last)
            for k, (piece, member) in enumerate(zip(window, members))]


def _run_hit(formulation: Formulation, run: list[Piece], sentence: str, named: bool, when: date) -> Hit | None:
    members, variants = formulation.members, formulation.variants
    run = _split_conjunctions(run, members)
    n = len(members)
    for i in range(len(run) - n + 1):
        window = run[i:i + n]
        fits = _fits(window, members, variants)
        if all(fits):
            return None
        for earlier in formulation.earlier:
            old = _fits(window, earlier.members, variants)
            if all(old) and earlier.until < when and not _past(sentence, sentence[:old[0][0]], earlier.until):
                return _hit(formulation, old[0][0], old[-1][1], earlier.change, (formulation.current,))
        hit = _misplaced(formulation, window) or _wrong_member(formulation, window, fits, named)
        if hit is not None and not _past(sentence, sentence[:hit.start], formulation.since):
            return hit
    if named:
        return _missing(formulation, run, sentence)
    return None


def _misplaced(formulation: Formulation, window: list[Piece]) -> Hit | None:
    """Every member there, in another order."""
    members, last = formulation.members, len(window) - 1
    spans, order = [], []
    for k, piece in enumerate(window):
        found = [(j, _fit(piece, m, formulation.variants.get(m, ()), k == 0 or piece.opens, k == last))
                 for j, m in enumerate(members)]
        found = [(j, span) for j, span in found if span is not None]
        if not found:
            return None
        order.append(found[0][0])
        spans.append(found[0][1])
    if sorted(order) != list(range(len(members))):
        return None
    return _hit(formulation, spans[0][0], spans[-1][1], f"{formulation.name}的顺序应为“{formulation.current}”",
                (formulation.current,))


def _wrong_member(formulation: Formulation, window: list[Piece], fits: list, named: bool) -> Hit | None:
    """One item differs from its member: flagged when the formulation is named in the sentence, or
    when the item is the member with one character off (开发 for 开放)."""
    wrong = [k for k, span in enumerate(fits) if span is None]
    if len(wrong) != 1:
        return None
    k = wrong[0]
    member, piece = formulation.members[k], window[k]
    if k == 0 and len(piece.text) > len(member):
        piece = Piece(piece.end - len(member), piece.end, piece.text[-len(member):])
    elif k == len(window) - 1 and len(piece.text) > len(member):
        piece = Piece(piece.start, piece.start + len(member), piece.text[:len(member)])
    if piece.text in formulation.members or len(piece.text) > len(member) + WRONG_MEMBER_SLACK:
        return None
    if not (named or _one_character_off(piece.text, member)):
        return None
    return _hit(formulation, piece.start, piece.end,
                f"“{piece.text}”应为“{member}”：{formulation.name}是“{formulation.current}”", (member,))


def _missing(formulation: Formulation, run: list[Piece], sentence: str) -> Hit | None:
    """All members but one, in order, with the formulation named."""
    members, n = formulation.members, len(formulation.members)
    run = _split_conjunctions(run, members)
    for i in range(len(run) - n + 2):
        window = run[i:i + n - 1]
        for skipped in range(n):
            rest = members[:skipped] + members[skipped + 1:]
            fits = _fits(window, rest, formulation.variants)
            if (len(window) == n - 1 and all(fits)
                    and not _past(sentence, sentence[:fits[0][0]], formulation.since)):
                return _hit(formulation, fits[0][0], fits[-1][1],
                            f"{formulation.name}缺少“{members[skipped]}”，应为“{formulation.current}”",
                            (formulation.current,))
    return None


def _joined_hits(formulation: Formulation, sentence: str, when: date):
    """Members written together before ``tail`` (富强民主文明和谐美丽的社会主义现代化强国); the
    finding covers both, since the tail changed too (国家 → 强国)."""
    word = "|".join(map(re.escape, formulation.members))
    for match in re.finditer(rf"((?:{word})(?:、?(?:{word})){{2,}}){formulation.tail.pattern}", sentence):
        found = tuple(re.findall(word, match.group(1)))
        if found == formulation.members:
            continue
        earlier = next((e for e in formulation.earlier if e.members == found), None)
        if (earlier is not None and earlier.until >= when) or _past(
                sentence, sentence[:match.start()], earlier.until if earlier is not None else formulation.since):
            continue
        problem = earlier.change if earlier is not None else f"{formulation.name}应为“{formulation.current}”"
        yield _hit(formulation, match.start(), match.end(), problem, (formulation.current,))


def _past(sentence: str, before: str, changed: date) -> bool:
    return speaks_of_past(sentence, before, changed) or CONGRESS_SAID.search(sentence) is not None


def _one_character_off(text: str, member: str) -> bool:
    return len(text) == len(member) >= 2 and sum(a != b for a, b in zip(text, member)) == 1


def _hit(formulation: Formulation, start: int, end: int, problem: str, suggestions: tuple[str, ...]) -> Hit:
    return Hit(start, end, suggestions, (("problem", problem), ("source", formulation.source)))


KINDS = {"formulation-enum": FormulationRule}
