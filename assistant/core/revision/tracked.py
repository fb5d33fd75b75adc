"""Tracked changes in WordprocessingML: new text wrapped in w:ins, old text written back in w:del.

The new draft is the base. Its runs stay where they are; a run is cut only where a change
begins or ends, each half keeping the run's properties. Text only in the new draft is wrapped
in ``w:ins``; text only in the old draft is written back inside ``w:del`` as runs with the old
draft's run properties (``w:delText``). A paragraph only in one draft gets its paragraph mark
tracked (``w:pPr/w:rPr/w:ins|w:del``), so accepting or rejecting merges it away as Word does.
Nothing already tracked is removed or rewritten: someone else's w:ins/w:del stay, ours go
beside (or inside) them, each with its own id after the highest id already in the part.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from lxml import etree

from .. import ooxml as x
from ..docx_text import (OBJECT_CHAR, Atom, formatting_copy, paragraph_atoms, paragraph_format_copy,
                         split_run_before, text_elements)

INS, DEL = x.w("ins"), x.w("del")
TRACKING_CONTAINERS = {INS, x.w("moveTo")}
DELETED_NAMES = {x.T: x.w("delText"), x.w("instrText"): x.w("delInstrText")}
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Stamp:
    """Who made the revisions and when (Word shows both beside each change)."""

    author: str
    date: str  # ISO 8601, UTC, whole seconds: what Word writes

    @classmethod
    def now(cls, author: str) -> "Stamp":
        return cls(author, datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))


@dataclass(frozen=True)
class OldParagraph:
    """A paragraph of the old draft: its text and, from a .docx, its atoms (for run properties)
    and its w:p (for paragraph properties)."""

    text: str
    atoms: tuple[Atom, ...] | None = None
    element: etree._Element | None = None


class TrackWriter:
    """Writes one draft's revisions into the base's main document tree."""

    def __init__(self, root: etree._Element, stamp: Stamp, portable: Callable[[etree._Element], bool]):
        self.stamp = stamp
        self.portable = portable  # whether an old object (picture) may be copied into the base
        self._ids = itertools.count(_highest_id(root) + 1)
        self._one_sided: list[tuple[etree._Element, str]] = []

    def mark(self, tag: str) -> etree._Element:
        element = etree.Element(tag)
        element.set(x.w("id"), str(next(self._ids)))
        element.set(x.w("author"), self.stamp.author)
        element.set(x.w("date"), self.stamp.date)
        return element

    # -- inside a paragraph --------------------------------------------------------------------
    def insert_span(self, p: etree._Element, start: int, end: int) -> None:
        """Characters [start, end) of the base paragraph are new: wrap their runs in w:ins."""
        for group in _sibling_groups(_units(p, start, end)):
            wrapper = self.mark(INS)
            group[0].addprevious(wrapper)
            wrapper.extend(group)

    def delete_span(self, p: etree._Element, at: int, old: OldParagraph, start: int, end: int) -> None:
        """Old characters [start, end) go back, deleted, before base character ``at``."""
        runs = self._deleted_runs(old, start, end, _neighbour_format(p, at))
        if runs:
            wrapper = self.mark(DEL)
            wrapper.extend(runs)
            _place(p, at, wrapper)

    def _deleted_runs(self, old: OldParagraph, start: int, end: int,
                      fallback: etree._Element | None) -> list[etree._Element]:
        """Runs spelling old characters, each with its old run's properties (or ``fallback``'s
        for plain text). An old picture or equation is copied only if its references resolve
        in the base; an equation stands beside the runs, as in the old paragraph."""
        out: list[etree._Element] = []
        current, source, pending = None, None, ""
        for k in range(start, end):
            atom = old.atoms[k] if old.atoms is not None else None
            run = atom.element.getparent() if atom is not None else None
            if atom is not None and atom.char == OBJECT_CHAR and not self.portable(atom.element):
                continue
            if run is not None and run.tag != x.R:  # an equation
                out.append(copy.deepcopy(atom.element))
                current = None
                continue
            if current is None or run is not source:
                current, source = self._deleted_run(run, fallback), run
                out.append(current)
            if atom is not None and atom.char == OBJECT_CHAR:
                current.extend(_as_deleted(text_elements(pending)) + [copy.deepcopy(atom.element)])
                pending = ""
            else:
                pending += old.text[k]
            if k + 1 == end or _source_changes(old, k + 1, source):
                current.extend(_as_deleted(text_elements(pending)))
                pending = ""
        return out

    @staticmethod
    def _deleted_run(old_run: etree._Element | None, fallback: etree._Element | None) -> etree._Element:
        run = etree.Element(x.R)
        rpr = formatting_copy(old_run.find(x.RPR)) if old_run is not None else copy.deepcopy(fallback)
        if rpr is not None and len(rpr):
            run.append(rpr)
        return run

    # -- whole paragraphs ----------------------------------------------------------------------
    def insert_paragraph(self, p: etree._Element) -> None:
        """A base paragraph the old draft did not have."""
        self.insert_span(p, 0, len(paragraph_atoms(p)))
        self._one_sided.append((p, INS))

    def delete_paragraph(self, old: OldParagraph, model: etree._Element, after: bool) -> etree._Element:
        """An old paragraph the new draft dropped, placed after (or before) the base paragraph
        ``model``; it keeps its old paragraph properties when the old draft was a .docx."""
        p = etree.Element(x.P)
        ppr = paragraph_format_copy(old.element) if old.element is not None else None
        if ppr is not None:
            p.append(ppr)
        runs = self._deleted_runs(old, 0, len(old.text), _neighbour_format(model, 0))
        if runs:
            wrapper = self.mark(DEL)
            wrapper.extend(runs)
            p.append(wrapper)
        if after:
            model.addnext(p)
        else:
            model.addprevious(p)
        self._one_sided.append((p, DEL))
        return p

    def finish(self) -> None:
        """Track the paragraph marks of the one-sided paragraphs, once all are in place.

        A paragraph followed by another in its container has its own mark tracked (rejecting
        an insertion merges its emptied text into the next paragraph). At the end of a body or
        a cell the last mark cannot go, so a trailing run of one-sided paragraphs tracks the
        marks one paragraph earlier: the kept paragraph before them, and each other's.
        """
        kinds = {id(p): tag for p, tag in self._one_sided}
        for p, tag in self._one_sided:
            if _trailing(p, kinds):
                previous = _previous_paragraph(p)
                if previous is not None:
                    self._flag(previous, tag)
            else:
                self._flag(p, tag)

    def _flag(self, p: etree._Element, tag: str) -> None:
        ppr = p.find(x.PPR)
        if ppr is None:
            ppr = etree.Element(x.PPR)
            p.insert(0, ppr)
        mark = ppr.find(x.RPR)
        if mark is None:
            mark = etree.Element(x.RPR)
            later = [child for child in ppr if child.tag in (x.SECTPR, x.w("pPrChange"))]
            if later:
                later[0].addprevious(mark)
            else:
                ppr.append(mark)
        if mark.find(tag) is not None or mark.find(x.w("moveFrom")) is not None or mark.find(x.w("moveTo")) is not None:
            return  # already tracked so by someone else: theirs stays as it is
        theirs = mark.find(INS)  # the schema's order: w:ins, then w:del
        mark.insert(mark.index(theirs) + 1 if theirs is not None else 0, self.mark(tag))


def _highest_id(root: etree._Element) -> int:
    ids = [element.get(x.w("id")) for element in root.iter() if element.get(x.w("id")) is not None]
    return max((int(value) for value in ids if value.lstrip("-").isdigit()), default=0)


def _unit(atom: Atom) -> etree._Element:
    """The element a change moves: the run holding the atom (an equation stands alone)."""
    parent = atom.element.getparent()
    return parent if parent.tag == x.R else atom.element


def _units(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    split_run_before(p, start)
    split_run_before(p, end)
    units: list[etree._Element] = []
    for atom in paragraph_atoms(p)[start:end]:
        unit = _unit(atom)
        if not units or units[-1] is not unit:
            units.append(unit)
    return units


def _sibling_groups(units: list[etree._Element]) -> list[list[etree._Element]]:
    """Units that stand next to each other under one parent, each group wrapped as one change."""
    groups: list[list[etree._Element]] = []
    for unit in units:
        if groups and groups[-1][-1].getnext() is unit:
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return groups


def _place(p: etree._Element, at: int, element: etree._Element) -> None:
    """Put ``element`` before base character ``at`` (after the last one at the end), outside a
    tracked insertion it would otherwise open or close."""
    split_run_before(p, at)
    atoms = paragraph_atoms(p)
    if at < len(atoms):
        unit = _unit(atoms[at])
        while unit.getparent().tag in TRACKING_CONTAINERS and _first_content(unit.getparent()) is unit:
            unit = unit.getparent()
        unit.addprevious(element)
    elif atoms:
        unit = _unit(atoms[-1])
        while unit.getparent().tag in TRACKING_CONTAINERS and unit.getparent()[-1] is unit:
            unit = unit.getparent()
        unit.addnext(element)
    else:
        p.append(element)


def _first_content(container: etree._Element) -> etree._Element | None:
    return next((child for child in container if child.tag != x.RPR), None)


def _neighbour_format(p: etree._Element, at: int) -> etree._Element | None:
    """Run properties for old plain text written at ``at``: the character before it (as typing
    does), else the one after, else the paragraph mark's."""
    atoms = paragraph_atoms(p)
    for atom in (atoms[at - 1] if 0 < at <= len(atoms) else None, atoms[at] if at < len(atoms) else None):
        if atom is not None and atom.element.getparent().tag == x.R:
            return formatting_copy(atom.element.getparent().find(x.RPR))
    return formatting_copy(p.find(f"{x.PPR}/{x.RPR}"))


def _as_deleted(elements: list[etree._Element]) -> list[etree._Element]:
    for element in elements:
        if element.tag in DELETED_NAMES:
            element.tag = DELETED_NAMES[element.tag]
    return elements


def _source_changes(old: OldParagraph, k: int, source: etree._Element | None) -> bool:
    """Old character ``k`` lives in another run than ``source`` (plain text has one source)."""
    return old.atoms is not None and k < len(old.atoms) and old.atoms[k].element.getparent() is not source


def _trailing(p: etree._Element, kinds: dict[int, str]) -> bool:
    """No kept paragraph follows ``p`` in its container: only one-sided paragraphs, then the end."""
    following = _next_paragraph(p)
    while following is not None:
        if id(following) not in kinds:
            return False
        following = _next_paragraph(following)
    return True


def _next_paragraph(p: etree._Element) -> etree._Element | None:
    following = p.getnext()
    while following is not None and following.tag in x.RANGE_MARKERS:
        following = following.getnext()
    return following if following is not None and following.tag == x.P else None


def _previous_paragraph(p: etree._Element) -> etree._Element | None:
    previous = p.getprevious()
    while previous is not None and previous.tag in x.RANGE_MARKERS:
        previous = previous.getprevious()
    return previous if previous is not None and previous.tag == x.P else None


def relationship_check(old_part, new_part) -> Callable[[etree._Element], bool]:
    """Whether an old object's relationship ids (r:embed, r:id …) name the same targets in the
    base; only then can it be copied (a picture of another package would point nowhere)."""

    def portable(element: etree._Element) -> bool:
        for node in element.iter():
            for name, value in node.attrib.items():
                if not name.startswith(f"{{{R_NS}}}"):
                    continue
                old_rel, new_rel = old_part.rels.get(value), new_part.rels.get(value)
                if old_rel is None or new_rel is None or old_rel.reltype != new_rel.reltype \
                        or old_rel.target_ref != new_rel.target_ref:
                    return False
        return True

    return portable
