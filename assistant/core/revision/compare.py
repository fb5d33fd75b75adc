"""Compare two rounds of a draft and write the 修订稿: the new draft with the changes tracked.

Both drafts are read the way the app reads any file (.docx or .txt in any of our encodings).
The 修订稿 is built on the new draft's own package (its styles, page, headers, pictures); a new
draft in plain text is first laid out as the app lays out a new document. Accepting every
revision gives the new draft's text, rejecting every one gives the old draft's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

from .. import ooxml as x
from ..atomic import atomic_write
from ..errors import DocumentError
from ..docx_io import DocxBackend, add_at_body_end, iter_paragraphs, open_package, with_main_part
from ..docx_text import OBJECT_CHAR, paragraph_atoms
from ..document import Paragraph, open_document
from .diff import ParagraphDiff, counted, diff_drafts, diff_paragraph
from .tracked import OldParagraph, Stamp, TrackWriter, relationship_check

QUOTE_LIMIT = 40  # characters of a change quoted in the revision list


@dataclass(frozen=True)
class Draft:
    """One round: its paragraphs as the app reads them and, for a .docx, the file's bytes."""

    name: str
    texts: tuple[str, ...]
    docx: bytes | None = None

    @cached_property
    def places(self) -> list[str]:
        """Where each paragraph stands: body, textbox, or table:<n> for the n-th table cell of
        the file (read from the package, on the worker thread that compares)."""
        if self.docx is None:
            return ["body"] * len(self.texts)
        root = open_package(self.docx, self.name).element
        cells = {cell: n for n, cell in enumerate(root.iter(x.TC))}
        places = []
        for p, location in iter_paragraphs(root.find(x.BODY)):
            cell = next(p.iterancestors(x.TC), None) if location == "table" else None
            places.append(f"table:{cells[cell]}" if cell is not None else location)
        return places


def read_draft(path: Path | str, encoding: str | None = None) -> Draft:
    """Open a round for comparing (DocumentError for a file the app cannot read). Plain text
    holds no pictures, so an object character in a .txt is not text."""
    document = open_document(path, encoding=encoding)
    texts = tuple(p.text for p in document.paragraphs)
    if document.format == "docx":
        return Draft(Path(path).name, texts, document.backend.original())
    return Draft(Path(path).name, tuple(text.replace(OBJECT_CHAR, "") for text in texts))


@dataclass(frozen=True)
class Revision:
    """One revision as a reader lists it (paragraph numbers count from 1; None: not in that draft)."""

    old_paragraph: int | None
    new_paragraph: int | None
    removed: str
    added: str
    punctuation: bool = False


@dataclass(frozen=True)
class Comparison:
    old: Draft
    new: Draft
    rows: tuple[ParagraphDiff, ...]

    @property
    def revisions(self) -> list[Revision]:
        found = []
        for row in self.rows:
            old_number = None if row.old is None else row.old + 1
            new_number = None if row.new is None else row.new + 1
            if row.new is None:
                found.append(Revision(old_number, None, self.old.texts[row.old], ""))
            elif row.old is None:
                found.append(Revision(None, new_number, "", self.new.texts[row.new]))
            else:
                old_text, new_text = self.old.texts[row.old], self.new.texts[row.new]
                found.extend(Revision(old_number, new_number, old_text[c.old_start:c.old_end],
                                      new_text[c.new_start:c.new_end], c.punctuation) for c in row.changes)
        return found

    @property
    def inserted(self) -> int:
        """增 N 字: characters that came, whole new paragraphs included."""
        return sum(counted(self.new.texts[row.new]) if row.old is None else sum(c.inserted for c in row.changes)
                   for row in self.rows if row.new is not None)

    @property
    def deleted(self) -> int:
        """删 M 字: characters that went."""
        return sum(counted(self.old.texts[row.old]) if row.new is None else sum(c.deleted for c in row.changes)
                   for row in self.rows if row.old is not None)

    def summary(self) -> str:
        return f"增 {self.inserted} 字、删 {self.deleted} 字、改 {len(self.revisions)} 处"


def compare(old: Draft, new: Draft, *, group_punctuation: bool = True, progress=None) -> Comparison:
    return Comparison(old, new, tuple(diff_drafts(list(old.texts), list(new.texts), group_punctuation=group_punctuation,
                                                  progress=progress, places=(old.places, new.places))))


def revision_lines(comparison: Comparison) -> list[str]:
    """The revision list, one line per revision, in reading order."""
    lines = []
    for revision in comparison.revisions:
        if revision.new_paragraph is None:
            lines.append(f"删除原第 {revision.old_paragraph} 段：“{_quoted(revision.removed)}”")
        elif revision.old_paragraph is None:
            lines.append(f"新增第 {revision.new_paragraph} 段：“{_quoted(revision.added)}”")
        else:
            place = f"第 {revision.new_paragraph} 段"
            if revision.punctuation:
                marks = [(revision.removed[c.old_start:c.old_end], revision.added[c.new_start:c.new_end])
                         for c in diff_paragraph(revision.removed, revision.added, group_punctuation=False)]
                what = f"标点 {len(marks)} 处：" + "、".join(f"“{a}”→“{b}”" for a, b in marks[:QUOTE_LIMIT // 4])
            elif not revision.added:
                what = f"删“{_quoted(revision.removed)}”"
            elif not revision.removed:
                what = f"增“{_quoted(revision.added)}”"
            else:
                what = f"改“{_quoted(revision.removed)}”为“{_quoted(revision.added)}”"
            lines.append(f"{place}：{what}")
    return lines


def _quoted(text: str) -> str:
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT - 1] + "…"


def save_revised(comparison: Comparison, path: Path | str, stamp: Stamp, *, backup: bool = False) -> Path:
    """Write the 修订稿 atomically (DocumentError when it cannot be written); with ``backup`` an
    existing file is kept as <name>.bak first."""
    if Path(path).suffix.lower() != ".docx":
        raise DocumentError("修订稿须保存为 .docx 文件。")
    atomic_write(Path(path), revised_docx(comparison, stamp), backup=backup)
    return Path(path)


def revised_docx(comparison: Comparison, stamp: Stamp) -> bytes:
    """The 修订稿 as .docx bytes: the new draft with every revision tracked."""
    new = comparison.new
    base = new.docx or DocxBackend.new().render([Paragraph(text) for text in new.texts])
    document = open_package(base, new.name)
    root = document.element
    elements = [p for p, _ in iter_paragraphs(root.find(x.BODY))]
    olds, portable = _old_paragraphs(comparison.old, document)
    writer = TrackWriter(root, stamp, portable)
    anchor, after = _first_anchor(root, elements)
    carried = _carried(olds, comparison.rows, portable)
    for row in comparison.rows:
        if row.new is None:
            if row.old not in carried:
                anchor = writer.delete_paragraph(olds[row.old], anchor, after)
            after = True
            continue
        p = elements[row.new]
        if row.old is None:
            writer.insert_paragraph(p)
        else:
            for change in row.changes:
                if change.new_end > change.new_start:
                    writer.insert_span(p, change.new_start, change.new_end)
                if change.old_end > change.old_start:
                    writer.delete_span(p, change.new_start, olds[row.old], change.old_start, change.old_end)
        if not _in_text_box(p):
            anchor, after = p, True
    writer.finish()
    return with_main_part(base, document, root)


def _carried(olds: list[OldParagraph], rows, portable) -> set[int]:
    """Old text-box paragraphs that go back with the copy of their deleted drawing (its anchor
    paragraph deleted, or the drawing's character in a deleted span): no paragraph of their own."""
    index_of = {id(old.element): k for k, old in enumerate(olds) if old.element is not None}
    row_of = {row.old: row for row in rows if row.old is not None}
    carried = set()
    for row in rows:
        element = olds[row.old].element if row.new is None else None
        if element is None or not _in_text_box(element):
            continue
        drawing, run = None, element
        while run is not None and run.tag != x.R:
            drawing, run = run, run.getparent()
        anchor = next(run.iterancestors(x.P), None) if run is not None else None
        owner = row_of.get(index_of.get(id(anchor)))
        if owner is None or not portable(drawing):
            continue
        at = next((k for k, atom in enumerate(olds[owner.old].atoms or ()) if atom.element is drawing), None)
        if owner.new is None or any(c.old_start <= (at if at is not None else -1) < c.old_end for c in owner.changes):
            carried.add(row.old)
    return carried


def _old_paragraphs(old: Draft, base_document) -> tuple[list[OldParagraph], object]:
    if old.docx is None:
        return [OldParagraph(text) for text in old.texts], lambda element: False
    document = open_package(old.docx, old.name)
    elements = [p for p, _ in iter_paragraphs(document.element.find(x.BODY))]
    return ([OldParagraph(text, tuple(paragraph_atoms(p)), p) for text, p in zip(old.texts, elements)],
            relationship_check(document.part, base_document.part))


def _first_anchor(root: etree._Element, elements: list[etree._Element]) -> tuple[etree._Element, bool]:
    """Where a paragraph deleted before any kept one goes: before the first body paragraph (one
    is made when the base has none)."""
    first = next((p for p in elements if not _in_text_box(p)), None)
    if first is None:
        first = etree.Element(x.P)
        add_at_body_end(root, first)
    return first, False


def _in_text_box(p: etree._Element) -> bool:
    return any(ancestor.tag == x.TXBX_CONTENT for ancestor in p.iterancestors())
