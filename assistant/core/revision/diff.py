"""What changed between two rounds of a draft: paragraphs, then words, then characters.

Paragraphs are aligned first (identical ones match whole and cost nothing more); a block of
changed paragraphs is paired by similarity, so a deleted paragraph next to an edited one is
told apart. Inside a pair the clauses and marks are aligned, then changed clauses on jieba words, so 加强 → 强化 is one
replacement rather than 加/化 around a kept 强; a replaced stretch is refined by characters where
that does not shred a word (工作 → 工作人员 is an insertion of 人员).
Numbers are not refined (1日 → 10日 is a changed number). Punctuation-only changes next to
each other (no word change between them) can be grouped into
one revision, so fixing 200 half-width commas gives one revision per paragraph, not 200.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..text.segmenter import cut
from ..text.align import Opcode, align

REFINE_MIN = 2  # characters in a row that must survive inside a replaced stretch to be kept
PAIR_LIMIT = 2_500  # paragraphs × paragraphs in one changed block paired by similarity
CLAUSE_ENDS = set("。；！？，、：!?;")
# A paragraph as clauses and single marks: each punctuation mark or space, or a run of anything else.
CLAUSE_PIECES = re.compile(r"[\s，。、；：？！,.;:?!（）()“”‘’《》〈〉【】「」\"'—…·]|[^\s，。、；：？！,.;:?!（）()“”‘’《》〈〉【】「」\"'—…·]+")
PAIR_SIMILARITY = 0.3  # bigram overlap (Dice) above which two paragraphs are one edited paragraph


@dataclass(frozen=True)
class Change:
    """old[old_start:old_end] became new[new_start:new_end] inside a pair of paragraphs.

    ``inserted``/``deleted`` count the characters (not spaces) that really came and went; a
    grouped punctuation revision spans the words between its marks without counting them.
    """

    old_start: int
    old_end: int
    new_start: int
    new_end: int
    punctuation: bool
    inserted: int
    deleted: int


@dataclass(frozen=True)
class ParagraphDiff:
    """One row of the comparison: a kept pair (``changes`` says how it changed), or a paragraph
    only in the old draft (``new`` is None) or only in the new one (``old`` is None)."""

    old: int | None
    new: int | None
    changes: tuple[Change, ...] = ()


def diff_drafts(old: list[str], new: list[str], *, group_punctuation: bool = True, progress=None,
                places: tuple[list[str], list[str]] | None = None) -> list[ParagraphDiff]:
    """Every paragraph of both drafts in reading order, paired where they correspond.
    ``places`` (where each paragraph stands: body, textbox, table:<cell>) keeps pairs within
    one place, so an empty table cell is not taken for an empty body paragraph or another
    cell. Identical paragraphs with text match across cells (a row added above shifts the cells'
    numbers); empty ones only within one.
    ``progress(done, total)`` is called as changed pairs are diffed (it may raise to cancel)."""
    old_places, new_places = places or (["body"] * len(old), ["body"] * len(new))
    old_keys = [(_kind(place, text), text) for place, text in zip(old_places, old)]
    new_keys = [(_kind(place, text), text) for place, text in zip(new_places, new)]
    old_placed, new_placed = list(zip(old_places, old)), list(zip(new_places, new))
    rows: list[ParagraphDiff] = []
    for tag, i1, i2, j1, j2 in align(old_keys, new_keys):
        if tag == "equal":
            rows.extend(ParagraphDiff(i, j) for i, j in zip(range(i1, i2), range(j1, j2)))
        else:
            rows.extend(_pair_block(old_placed, new_placed, i1, i2, j1, j2))
    pairs = [row for row in rows if row.old is not None and row.new is not None and old[row.old] != new[row.new]]
    changed = {}
    for done, row in enumerate(pairs):
        if progress is not None and done % 200 == 0:
            progress(done, len(pairs))
        changed[id(row)] = diff_paragraph(old[row.old], new[row.new], group_punctuation=group_punctuation)
    return [ParagraphDiff(row.old, row.new, tuple(changed[id(row)])) if id(row) in changed else row for row in rows]


def _kind(place: str, text: str) -> str:
    """What must agree for two identical paragraphs to match: the kind of place, or for an empty
    paragraph (one is much like another) the place itself."""
    return place.split(":", 1)[0] if text else place


def diff_paragraph(old: str, new: str, *, group_punctuation: bool = True) -> list[Change]:
    """The changes that turn one paragraph into the other, word-aligned."""
    codes = word_opcodes(old, new)
    changes = [_change(old, new, code) for code in codes if code[0] != "equal"]
    return _group_punctuation(changes, old, new) if group_punctuation else changes


def word_opcodes(old: str, new: str) -> list[Opcode]:
    """Character opcodes: clauses and punctuation marks aligned first (jieba only segments the
    clauses that changed: a fix-all of commas costs no segmentation), then jieba words, then
    characters inside a replaced stretch."""
    if old == new:
        return [("equal", 0, len(old), 0, len(new))] if old else []
    old_pieces, new_pieces = CLAUSE_PIECES.findall(old), CLAUSE_PIECES.findall(new)
    old_at, new_at = _starts(old_pieces), _starts(new_pieces)
    codes: list[Opcode] = []
    for tag, i1, i2, j1, j2 in align(old_pieces, new_pieces):
        o1, o2, n1, n2 = old_at[i1], old_at[i2], new_at[j1], new_at[j2]
        codes.extend([(tag, o1, o2, n1, n2)] if tag == "equal" else _word_codes(old, new, o1, o2, n1, n2))
    return _merged(_slid(_merged(codes, old, new), old, new), old, new)


def _word_codes(old: str, new: str, o1: int, o2: int, n1: int, n2: int) -> list[Opcode]:
    """old[o1:o2] against new[n1:n2], aligned on jieba words (a side may be empty)."""
    old_words, new_words = cut(old[o1:o2]), cut(new[n1:n2])
    old_at, new_at = _starts(old_words, o1), _starts(new_words, n1)
    codes: list[Opcode] = []
    for tag, i1, i2, j1, j2 in align(old_words, new_words):
        w1, w2, v1, v2 = old_at[i1], old_at[i2], new_at[j1], new_at[j2]
        codes.extend(_refined(old, new, w1, w2, v1, v2) if tag == "replace" else [(tag, w1, w2, v1, v2)])
    return codes


def _starts(words: list[str], first: int = 0) -> list[int]:
    starts = [first]
    for word in words:
        starts.append(starts[-1] + len(word))
    return starts


def _refined(old: str, new: str, o1: int, o2: int, n1: int, n2: int) -> list[Opcode]:
    """A replaced stretch aligned by characters. When it is only insertions (三 → 三改) or only
    deletions, every kept character stays; otherwise only runs of REFINE_MIN kept characters do,
    so a word is not shredded into a few letters kept between changes (加强 → 强化)."""
    if any(ch.isdigit() for ch in old[o1:o2] + new[n1:n2]):
        return [("replace", o1, o2, n1, n2)]  # 1日 → 10日 is a changed number, not an added 0
    codes = align(old[o1:o2], new[n1:n2])
    one_sided = {tag for tag, *_ in codes} - {"equal"} in ({"insert"}, {"delete"})
    out = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 < REFINE_MIN and not one_sided:
            tag = "replace"
        out.append((tag, o1 + i1, o1 + i2, n1 + j1, n1 + j2))
    return out


def _merged(codes: list[Opcode], old: str, new: str) -> list[Opcode]:
    """Neighbouring opcodes that both change something become one (replace, insert or delete),
    unless one changes only punctuation and the other words (，推动 → ,推进 are two revisions).
    A kept character that ``_refined`` marked as replaced joins either; left alone, it is kept."""
    out: list[Opcode] = []
    for code in codes:
        if code[1] == code[2] and code[3] == code[4]:
            continue
        if out and out[-1][0] != "equal" and code[0] != "equal" and _joinable(out[-1], code, old, new):
            tag, i1, _, j1, _ = out.pop()
            i2, j2 = code[2], code[4]
            code = ("replace" if i2 > i1 and j2 > j1 else "delete" if i2 > i1 else "insert", i1, i2, j1, j2)
        out.append(code)
    kept: list[Opcode] = []
    for code in out:
        if code[0] != "equal" and old[code[1]:code[2]] == new[code[3]:code[4]]:
            code = ("equal", *code[1:])
        if kept and kept[-1][0] == "equal" and code[0] == "equal":
            code = ("equal", kept[-1][1], code[2], kept.pop()[3], code[4])
        kept.append(code)
    return kept


def _joinable(left: Opcode, right: Opcode, old: str, new: str) -> bool:
    """Two changes of one kind join; a kept character joins a word change, not a punctuation one."""
    left_kept, right_kept = (old[c[1]:c[2]] == new[c[3]:c[4]] for c in (left, right))
    left_marks, right_marks = _punctuation_only(left, old, new), _punctuation_only(right, old, new)
    if left_kept or right_kept:
        return (left_kept and right_kept) or (left_kept and not right_marks) or (right_kept and not left_marks)
    return left_marks == right_marks


def _punctuation_only(code: Opcode, old: str, new: str) -> bool:
    return is_punctuation(old[code[1]:code[2]]) and is_punctuation(new[code[3]:code[4]])


def _slid(codes: list[Opcode], old: str, new: str) -> list[Opcode]:
    """Slide each pure insertion or deletion along the text around it, when the same characters
    repeat, so it ends at a clause end: a moved sentence shows as 第一句。 not as 。第一句."""
    codes = list(codes)
    for k in range(1, len(codes) - 1):
        tag = codes[k][0]
        if tag not in ("insert", "delete") or codes[k - 1][0] != "equal" or codes[k + 1][0] != "equal":
            continue
        side, lo, hi, floor, ceiling = ((new, codes[k][3], codes[k][4], codes[k - 1][3], codes[k + 1][4])
                                        if tag == "insert" else
                                        (old, codes[k][1], codes[k][2], codes[k - 1][1], codes[k + 1][2]))
        if side[hi - 1] in CLAUSE_ENDS:
            continue
        shift = _clause_end_shift(side, lo, hi, floor, ceiling)
        if shift:
            codes[k - 1:k + 2] = [_moved(code, shift, end, start) for code, end, start in
                                  ((codes[k - 1], True, False), (codes[k], True, True), (codes[k + 1], False, True))]
    return [code for code in codes if code[1] < code[2] or code[3] < code[4]]


def _clause_end_shift(side: str, lo: int, hi: int, floor: int, ceiling: int) -> int:
    shift = 0
    while hi + shift < ceiling and side[lo + shift] == side[hi + shift]:
        shift += 1
        if side[hi + shift - 1] in CLAUSE_ENDS:
            return shift
    shift = 0
    while lo - shift > floor and side[hi - shift - 1] == side[lo - shift - 1]:
        shift += 1
        if side[hi - shift - 1] in CLAUSE_ENDS:
            return -shift
    return 0


def _moved(code: Opcode, shift: int, end: bool, start: bool) -> Opcode:
    tag, i1, i2, j1, j2 = code
    if start:
        i1, j1 = i1 + shift, j1 + shift
    if end:
        i2, j2 = i2 + shift, j2 + shift
    return tag, i1, i2, j1, j2


def _change(old: str, new: str, code: Opcode) -> Change:
    _, i1, i2, j1, j2 = code
    removed, added = old[i1:i2], new[j1:j2]
    return Change(i1, i2, j1, j2, is_punctuation(removed) and is_punctuation(added),
                  counted(added), counted(removed))


def is_punctuation(text: str) -> bool:
    """Only punctuation, symbols and spaces (an empty side counts: adding a 。 is punctuation)."""
    return all(unicodedata.category(ch)[0] in "PSZ" or ch.isspace() for ch in text)


def counted(text: str) -> int:
    """Characters as a reader counts them: spaces and line ends are not counted."""
    return sum(1 for ch in text if not ch.isspace())


def _group_punctuation(changes: list[Change], old: str, new: str) -> list[Change]:
    """Runs of punctuation-only changes with no word change between them become one change."""
    out: list[Change] = []
    for change in changes:
        last = out[-1] if out else None
        if last is not None and last.punctuation and change.punctuation:
            out[-1] = Change(last.old_start, change.old_end, last.new_start, change.new_end, True,
                             last.inserted + change.inserted, last.deleted + change.deleted)
        else:
            out.append(change)
    return out


def _pair_block(old: list[str], new: list[str], i1: int, i2: int, j1: int, j2: int) -> list[ParagraphDiff]:
    """Rows for a block of changed paragraphs: similar ones paired in order; between two pairs,
    paragraphs standing in the same place are paired too (one old against one new is an edit,
    as in Word), and only the surplus is deleted or inserted. A very large block is paired by
    position."""
    olds, news = range(i1, i2), range(j1, j2)
    if len(olds) * len(news) > PAIR_LIMIT:
        matched = [(i, j) for i, j in zip(olds, news) if old[i][0] == new[j][0]]
    else:
        matched = _similar_pairs([old[i] for i in olds], [new[j] for j in news])
        matched = [(i1 + a, j1 + b) for a, b in matched]
    rows: list[ParagraphDiff] = []
    i, j = i1, j1
    for a, b in matched + [(i2, j2)]:
        rows.extend(_same_place_pairs(old, new, i, a, j, b))
        if a < i2:
            rows.append(ParagraphDiff(a, b))
        i, j = a + 1, b + 1
    return rows


def _same_place_pairs(old: list, new: list, i: int, a: int, j: int, b: int) -> list[ParagraphDiff]:
    """Between two pairs, old[i:a] against new[j:b]: paragraphs in the same kind of place are
    paired in order (what stands in the same place was edited there); the rest go or come."""
    rows: list[ParagraphDiff] = []
    while i < a and j < b:
        if old[i][0] == new[j][0]:
            rows.append(ParagraphDiff(i, j))
            i, j = i + 1, j + 1
        elif any(old[k][0] == new[j][0] for k in range(i, a)):
            rows.append(ParagraphDiff(i, None))
            i += 1
        else:
            rows.append(ParagraphDiff(None, j))
            j += 1
    rows.extend(ParagraphDiff(k, None) for k in range(i, a))
    rows.extend(ParagraphDiff(None, k) for k in range(j, b))
    return rows


def _similar_pairs(olds: list[tuple[str, str]], news: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """The order-keeping pairing with the greatest total similarity (a small dynamic programme);
    paragraphs in different kinds of place are never similar."""
    old_grams = [(place, _bigrams(text)) for place, text in olds]
    new_grams = [(place, _bigrams(text)) for place, text in news]
    rows, cols = len(olds), len(news)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for a in range(rows - 1, -1, -1):
        for b in range(cols - 1, -1, -1):
            score = _dice(old_grams[a], new_grams[b])
            paired = best[a + 1][b + 1] + score if score >= PAIR_SIMILARITY else -1.0
            best[a][b] = max(paired, best[a + 1][b], best[a][b + 1])
    pairs = []
    a = b = 0
    while a < rows and b < cols:
        score = _dice(old_grams[a], new_grams[b])
        if score >= PAIR_SIMILARITY and best[a][b] == best[a + 1][b + 1] + score:
            pairs.append((a, b))
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return pairs


def _bigrams(text: str) -> set[str]:
    return {text[k:k + 2] for k in range(len(text) - 1)} or {text}


def _dice(a: tuple[str, set[str]], b: tuple[str, set[str]]) -> float:
    if a[0] != b[0]:
        return 0.0
    return 2 * len(a[1] & b[1]) / (len(a[1]) + len(b[1]))
