"""Paragraph text in a .docx: how characters map onto runs, and how an edit changes only them.

A paragraph's text is a sequence of *atoms*: each character of a ``w:t`` is one atom, and so is
each run element that Word shows as one character (tab, line break, non-breaking hyphen, symbol,
and an inline object such as a picture, a text box anchor, an embedded object or an equation,
shown as U+FFFC). Field codes, deleted text and markers are not atoms: they stay where they are.

``set_paragraph_text`` diffs the old and new text and touches only the ``w:t`` elements that hold
changed characters; inserted text joins the run of its left neighbour (the run of the replaced
characters for a replacement), as typing in Word does.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import compress
from operator import ne

from lxml import etree

from . import ooxml as x

OBJECT_CHAR = "\ufffc"
LINE_BREAK = "\u2028"
SPECIAL_ELEMENTS = {
    x.w("tab"): "\t", x.w("ptab"): "\t",
    x.w("br"): LINE_BREAK, x.w("cr"): LINE_BREAK,
    x.w("noBreakHyphen"): "\u2011", x.w("softHyphen"): "\u00ad",
}
OBJECT_ELEMENTS = {x.w("drawing"), x.w("pict"), x.w("object"), x.ALTERNATE_CONTENT}
MATH_ELEMENTS = {x.m("oMath"), x.m("oMathPara")}
# What to create for a special character typed by the user (U+FFFC cannot create an object).
CREATE_FOR_CHAR = {"\t": "tab", LINE_BREAK: "br", "\u2011": "noBreakHyphen", "\u00ad": "softHyphen"}
NOT_PLAIN_TEXT = frozenset(CREATE_FOR_CHAR) | {OBJECT_CHAR}
TRACKING_IN_RPR = {x.w("ins"), x.w("del"), x.w("moveFrom"), x.w("moveTo"), x.w("rPrChange")}


@dataclass
class Atom:
    """One character of paragraph text and the element it lives in (``offset`` only for w:t)."""

    char: str
    element: etree._Element
    offset: int = -1


def paragraph_pieces(p: etree._Element) -> list[tuple[etree._Element, str]]:
    """The paragraph's text as (element, text) in reading order: a whole ``w:t`` is one piece, each
    one-character element (tab, break, symbol, object) another. Cheaper than atoms where a
    paragraph is only read."""
    pieces: list[tuple[etree._Element, str]] = []
    _collect_inline(p, pieces)
    return pieces


def paragraph_atoms(p: etree._Element) -> list[Atom]:
    atoms: list[Atom] = []
    for element, text in paragraph_pieces(p):
        if element.tag == x.T:
            atoms.extend(Atom(ch, element, i) for i, ch in enumerate(text))
        else:
            atoms.append(Atom(text, element))
    return atoms


def paragraph_text(p: etree._Element) -> str:
    return "".join(text for _, text in paragraph_pieces(p))


def _collect_inline(container: etree._Element, pieces: list) -> None:
    for child in container:
        tag = child.tag
        if tag == x.R:
            _collect_run(child, pieces)
        elif tag in MATH_ELEMENTS:
            pieces.append((child, OBJECT_CHAR))
        elif tag in x.TRANSPARENT:
            _collect_inline(child, pieces)
        elif tag == x.SDT:
            content = child.find(x.SDT_CONTENT)
            if content is not None:
                _collect_inline(content, pieces)
        elif tag == x.ALTERNATE_CONTENT:
            choice = child.find(x.CHOICE)
            if choice is not None:
                _collect_inline(choice, pieces)


def _collect_run(run: etree._Element, pieces: list) -> None:
    for child in run:
        tag = child.tag
        if tag == x.T:
            if child.text:
                pieces.append((child, child.text))
        elif tag in SPECIAL_ELEMENTS:
            pieces.append((child, SPECIAL_ELEMENTS[tag]))
        elif tag == x.w("sym"):
            pieces.append((child, _symbol_char(child)))
        elif tag in OBJECT_ELEMENTS:
            pieces.append((child, OBJECT_CHAR))


def _symbol_char(sym: etree._Element) -> str:
    """The character a w:sym stands for; a code no text may hold (a lone surrogate) is U+FFFD."""
    try:
        return x.xml_safe(chr(int(sym.get(x.w("char"), ""), 16)))
    except ValueError:
        return OBJECT_CHAR


def set_paragraph_text(p: etree._Element, new_text: str, opcodes: list | None = None) -> None:
    """Make ``p`` read ``new_text`` while changing only the runs that hold changed characters.

    ``opcodes`` (difflib's format) may say how old characters map to new ones; by default they
    come from a character diff, which is right for typing. Conversion passes its own alignment;
    where it only replaces characters in place, each ``w:t`` simply takes its new characters.
    """
    pieces = paragraph_pieces(p)
    old_text = "".join(text for _, text in pieces)
    if old_text == new_text:
        return
    if opcodes is not None and _character_for_character(opcodes, len(old_text), len(new_text)):
        if _rewrite_in_place(pieces, new_text):
            return
        # Character for character, each changed one in the place of its own (a conversion's
        # replacement of a whole paragraph is no retyping of it).
        opcodes = [("replace", k, k + 1, k, k + 1)
                   for k in compress(range(len(old_text)), map(ne, old_text, new_text))]
    atoms = paragraph_atoms(p)
    keep = [True] * len(atoms)
    before: dict[int, str] = {}
    after: dict[int, str] = {}
    orphan = ""
    if opcodes is None:
        opcodes = SequenceMatcher(None, old_text, new_text, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        for k in range(i1, i2):
            keep[k] = False
        inserted = new_text[j1:j2]
        if not inserted:
            continue
        if tag == "replace":
            before[i1] = before.get(i1, "") + inserted
        elif i1 > 0:
            after[i1 - 1] = after.get(i1 - 1, "") + inserted
        elif atoms:
            before[0] = before.get(0, "") + inserted
        else:
            orphan += inserted

    touched_runs: list[etree._Element] = []
    text_elements: dict[etree._Element, list[int]] = {}
    for k, atom in enumerate(atoms):
        if atom.element.tag == x.T:
            text_elements.setdefault(atom.element, []).append(k)
    for t, indexes in text_elements.items():
        if all(keep[k] and k not in before and k not in after for k in indexes):
            continue
        content = "".join(before.get(k, "") + (atoms[k].char if keep[k] else "") + after.get(k, "")
                          for k in indexes)
        touched_runs.append(t.getparent())
        _replace_with_text(t, content)
    for k, atom in enumerate(atoms):
        if atom.element.tag == x.T or (keep[k] and k not in before and k not in after):
            continue
        touched_runs.append(atom.element.getparent())
        _insert_text(atom.element, before.get(k, ""), before_element=True)
        _insert_text(atom.element, after.get(k, ""), before_element=False)
        if not keep[k]:
            atom.element.getparent().remove(atom.element)
    if orphan:
        _append_new_run(p, orphan)
    for run in touched_runs:
        _drop_if_empty(run)


def _character_for_character(opcodes: list, old_length: int, new_length: int) -> bool:
    """Whether ``opcodes`` only replace characters in place (the n-th old by the n-th new), as a
    simplified ⇄ traditional conversion mostly does."""
    return old_length == new_length and all(
        tag in ("equal", "replace") and i1 == j1 and i2 == j2 for tag, i1, i2, j1, j2 in opcodes)


def _rewrite_in_place(pieces: list[tuple[etree._Element, str]], new_text: str) -> bool:
    """Give each ``w:t`` the new characters of its own positions, so each keeps its run's formatting,
    in one pass over the runs. False (nothing changed) if a tab, break or object would change."""
    changed, position = [], 0
    for element, text in pieces:
        new = new_text[position:position + len(text)]
        position += len(text)
        if new != text:
            if element.tag != x.T or OBJECT_CHAR in new:
                return False
            changed.append((element, new))
    for element, new in changed:
        _replace_with_text(element, new)
    return True


def text_elements(text: str) -> list[etree._Element]:
    """Elements that spell ``text`` inside a run: w:t pieces with w:tab/w:br for special chars."""
    elements: list[etree._Element] = []
    pending = ""
    for ch in text:
        if ch in CREATE_FOR_CHAR:
            if pending:
                elements.append(_make_t(pending))
                pending = ""
            elements.append(etree.Element(x.w(CREATE_FOR_CHAR[ch])))
        elif ch != OBJECT_CHAR:
            pending += ch
    if pending:
        elements.append(_make_t(pending))
    return elements


def _make_t(text: str) -> etree._Element:
    t = etree.Element(x.T)
    _set_t_text(t, text)
    return t


def _set_t_text(t: etree._Element, text: str) -> None:
    """Word drops edge and repeated spaces unless told to keep them; say so only when needed."""
    text = x.xml_safe(text)
    t.text = text
    if text != text.strip() or "  " in text:
        t.set(x.XML_SPACE, "preserve")


def _replace_with_text(t: etree._Element, content: str) -> None:
    if content and NOT_PLAIN_TEXT.isdisjoint(content):  # the common case, without a pass per character
        _set_t_text(t, content)
        return
    parent = t.getparent()
    replacement = text_elements(content)
    if len(replacement) == 1 and replacement[0].tag == x.T:
        _set_t_text(t, content)
        return
    position = parent.index(t)
    parent.remove(t)
    for offset, element in enumerate(replacement):
        parent.insert(position + offset, element)


def _insert_text(anchor: etree._Element, text: str, *, before_element: bool) -> None:
    if not text:
        return
    parent = anchor.getparent()
    position = parent.index(anchor) + (0 if before_element else 1)
    for offset, element in enumerate(text_elements(text)):
        parent.insert(position + offset, element)


def _append_new_run(p: etree._Element, text: str) -> None:
    """Text typed into an empty paragraph takes the paragraph mark's formatting."""
    run = etree.SubElement(p, x.R)
    rpr = formatting_copy(p.find(f"{x.PPR}/{x.RPR}"))
    if rpr is not None and len(rpr):
        run.append(rpr)
    run.extend(text_elements(text))


def _drop_if_empty(run: etree._Element) -> None:
    if run.getparent() is None:
        return
    if all(child.tag == x.RPR for child in run):
        run.getparent().remove(run)


def new_paragraph_like(model: etree._Element | None, text: str) -> etree._Element:
    """A new w:p for an inserted paragraph: the paragraph and run formatting of ``model``.

    Section properties and tracked-change marks are not copied (a copied w:sectPr would
    create a section break the user never asked for; a copied paragraph-mark w:ins would say
    someone else inserted it).
    """
    p = etree.Element(x.P)
    ppr = paragraph_format_copy(model) if model is not None else None
    if ppr is not None:
        p.append(ppr)
    if text:
        run = etree.SubElement(p, x.R)
        run_format = _last_run_format(model) if model is not None else None
        if run_format is not None:
            run.append(run_format)
        run.extend(text_elements(text))
    return p


def paragraph_format_copy(p: etree._Element) -> etree._Element | None:
    """A copy of ``p``'s paragraph properties for another paragraph: no section break, no
    tracked changes (of the properties or of the paragraph mark)."""
    ppr = p.find(x.PPR)
    if ppr is None:
        return None
    ppr = copy.deepcopy(ppr)
    for child in list(ppr):
        if child.tag in (x.SECTPR, x.w("pPrChange")):
            ppr.remove(child)
    mark = ppr.find(x.RPR)
    if mark is not None:
        ppr.replace(mark, formatting_copy(mark))
    return ppr


def _last_run_format(p: etree._Element) -> etree._Element | None:
    atoms = paragraph_atoms(p)
    if atoms:
        return formatting_copy(atoms[-1].element.getparent().find(x.RPR))
    return formatting_copy(p.find(f"{x.PPR}/{x.RPR}"))


def formatting_copy(rpr: etree._Element | None) -> etree._Element | None:
    """A copy of run properties without tracked-change marks, for newly typed text."""
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    for child in list(rpr):
        if child.tag in TRACKING_IN_RPR:
            rpr.remove(child)
    return rpr


def split_run_before(p: etree._Element, index: int) -> None:
    """Make character ``index`` of ``p`` the first of its run: the run is cut in two, each half
    keeping the run's properties (a comment or a tracked change can then hold exactly its text)."""
    atoms = paragraph_atoms(p)
    if index <= 0 or index >= len(atoms):
        return
    atom, previous = atoms[index], atoms[index - 1]
    run = atom.element.getparent()
    if run.tag != x.R or previous.element.getparent() is not run:
        return  # already a run boundary
    right = etree.Element(x.R)
    rpr = run.find(x.RPR)
    if rpr is not None:
        right.append(copy.deepcopy(rpr))
    children = list(run)
    position = children.index(atom.element)
    if atom.element.tag == x.T and atom.offset > 0:
        tail = copy.deepcopy(atom.element)
        tail.text = atom.element.text[atom.offset:]
        atom.element.text = atom.element.text[:atom.offset]
        for t in (atom.element, tail):
            t.set(x.XML_SPACE, "preserve")
        right.append(tail)
        position += 1
    for child in children[position:]:
        right.append(child)
    run.addnext(right)
