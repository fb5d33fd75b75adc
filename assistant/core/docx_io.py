"""Word backend: reads paragraphs in reading order and saves without touching what did not change.

Opening goes through python-docx. Saving does not use ``Document.save``: every zip member except
the main document part is copied from the original file byte for byte (styles, numbering,
headers, footers, footnotes, comments, media, custom XML), in the original order. Only
``word/document.xml`` is serialised again, after the model's edits have been applied to it.

Model decisions, per construct python-docx's ``Paragraph.text`` does not show:
- paragraphs in tables (nested too) are editable, each cell once, in row order: a horizontal
  merge is one ``w:tc``, and the empty continuation cells of a vertical merge are skipped;
- content controls (``w:sdt``), smart tags, custom XML, hyperlinks, simple fields and tracked
  insertions (``w:ins``) are read through: their text is part of the paragraph and editable;
- tracked deletions (``w:del``) are not text (the view is "changes accepted");
- text boxes follow the paragraph that anchors them as read-only paragraphs (location
  ``textbox``); only the DrawingML choice is read, not the VML fallback copy of the same text;
- pictures, objects, equations and text-box anchors are one U+FFFC character each.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.oxml import serialize_part_xml
from lxml import etree

from . import ooxml as x
from .docx_text import new_paragraph_like, paragraph_text, set_paragraph_text
from .errors import DocumentError

STRICT_NAMESPACE = b"purl.oclc.org/ooxml"


class DocxBackend:
    format = "docx"

    def __init__(self, document, source: bytes | None):
        self.document = document
        self._source = source
        self._elements: list[etree._Element] = []

    @classmethod
    def read(cls, path: Path) -> tuple["DocxBackend", list[tuple[str, str, etree._Element]]]:
        """Return the backend and ``(text, location, w:p element)`` for each paragraph."""
        source = path.read_bytes()
        document = _open_with_python_docx(source, path.name)
        backend = cls(document, source)
        paragraphs = []
        for element, location in iter_paragraphs(document.element.body):
            paragraphs.append((paragraph_text(element), location, element))
            if location != "textbox":
                backend._elements.append(element)
        return backend, paragraphs

    @classmethod
    def new(cls) -> "DocxBackend":
        """A backend for a document saved as a new .docx (python-docx's default template)."""
        document = docx.Document()
        body = document.element.body
        for p in body.findall(x.P):
            body.remove(p)
        return cls(document, None)

    def describe(self) -> str:
        return "Word 文档（.docx）"

    def render(self, paragraphs: list) -> bytes:
        self._apply(paragraphs)
        if self._source is None:
            out = io.BytesIO()
            self.document.save(out)
            return out.getvalue()
        return _replace_members(self._source, {self._part_name(): serialize_part_xml(self.document.element)})

    def _part_name(self) -> str:
        return str(self.document.part.partname).lstrip("/")

    def _apply(self, paragraphs: list) -> None:
        """Bring the XML in line with the model: deletions, edits, then insertions in order."""
        alive = {par.anchor for par in paragraphs if par.anchor is not None}
        for element in self._elements:
            if element not in alive:
                remove_paragraph(element)
        self._elements = [element for element in self._elements if element in alive]
        previous = None
        for par in paragraphs:
            if par.anchor is None:
                par.anchor = new_paragraph_like(previous, par.text)
                self._place_new(par.anchor, previous)
                self._elements.append(par.anchor)
            elif par.text != par.saved_text:
                if not par.editable:
                    raise DocumentError("文本框中的文字是只读的，本软件不能修改；请在 Word 中编辑文本框。")
                set_paragraph_text(par.anchor, par.text)
            if par.editable:
                previous = par.anchor

    def _place_new(self, element: etree._Element, previous: etree._Element | None) -> None:
        if previous is not None:
            previous.addnext(element)
            return
        if self._elements:
            self._elements[0].addprevious(element)
            return
        body = self.document.element.body
        section = body.find(x.SECTPR)
        if section is not None:
            section.addprevious(element)
        else:
            body.append(element)


def _open_with_python_docx(source: bytes, name: str):
    try:
        return docx.Document(io.BytesIO(source))
    except KeyError as exc:
        if _is_strict(source):
            raise DocumentError(
                f"文件“{name}”是“严格 Open XML（Strict）”格式，本软件暂不支持。"
                "请在 Word 中打开，另存为“Word 文档（*.docx）”后再打开。"
            ) from exc
        raise DocumentError(f"文件“{name}”不是 Word 文档，或内部结构已损坏（缺少 {exc}）。") from exc
    except ValueError as exc:
        raise DocumentError(f"文件“{name}”不是 Word 文档（{exc}）。") from exc
    except Exception as exc:  # noqa: BLE001 - a malformed package can fail anywhere inside python-docx
        raise DocumentError(f"文件“{name}”不是 Word 文档或已损坏，无法读取（{type(exc).__name__}: {exc}）。"
                            "可尝试用 Word 的“打开并修复”功能恢复。") from exc


def _is_strict(source: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(source)) as archive:
            return STRICT_NAMESPACE in archive.read("_rels/.rels")
    except (KeyError, zipfile.BadZipFile):
        return False


def _replace_members(source: bytes, replacements: dict[str, bytes]) -> bytes:
    """Copy the zip ``source`` member by member, swapping in ``replacements`` by name."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(out, "w") as copy:
        for info in original.infolist():
            data = replacements.get(info.filename)
            if data is None:
                data = original.read(info)
            member = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            member.compress_type = info.compress_type
            member.external_attr = info.external_attr
            member.create_system = info.create_system
            copy.writestr(member, data)
    return out.getvalue()


def iter_paragraphs(body: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Every paragraph of the body in reading order with its location (body/table/textbox)."""
    yield from _blocks(body, "body")


def _blocks(container: etree._Element, location: str) -> Iterator[tuple[etree._Element, str]]:
    for child in _read_through(container):
        if child.tag == x.P:
            yield child, location
            for box in _text_boxes(child):
                yield from _blocks(box, "textbox")
        elif child.tag == x.TBL:
            cell_location = "textbox" if location == "textbox" else "table"
            for row in _read_through(child):
                if row.tag != x.TR:
                    continue
                for cell in _read_through(row):
                    if cell.tag == x.TC and not _hidden_by_merge(cell):
                        yield from _blocks(cell, cell_location)


def _read_through(container: etree._Element) -> Iterator[etree._Element]:
    """Children of ``container``, looking through content controls, custom XML and mc:Choice."""
    for child in container:
        tag = child.tag
        if tag == x.SDT:
            content = child.find(x.SDT_CONTENT)
            if content is not None:
                yield from _read_through(content)
        elif tag == x.CUSTOM_XML:
            yield from _read_through(child)
        elif tag == x.ALTERNATE_CONTENT:
            choice = child.find(x.CHOICE)
            if choice is not None:
                yield from _read_through(choice)
        else:
            yield child


def _hidden_by_merge(cell: etree._Element) -> bool:
    """An empty continuation cell of a vertical merge: Word shows the merged cell once, above it."""
    merge = cell.find(f"{x.w('tcPr')}/{x.w('vMerge')}")
    if merge is None or merge.get(x.w("val"), "continue") != "continue":
        return False
    return not any(paragraph_text(p) for p in cell.iter(x.P))


def _text_boxes(p: etree._Element) -> Iterator[etree._Element]:
    """Text-box contents anchored in ``p`` itself, skipping VML fallbacks that repeat them."""
    for box in p.iter(x.TXBX_CONTENT):
        ancestor = box.getparent()
        while ancestor is not p:
            if ancestor.tag in (x.FALLBACK, x.P):
                break
            ancestor = ancestor.getparent()
        else:
            yield box


def remove_paragraph(p: etree._Element) -> None:
    """Delete ``p`` from the document, keeping the document valid and its anchors alive.

    A paragraph carrying section properties, or the last paragraph of a table cell, cannot be
    removed without damaging the layout; it is emptied instead. Bookmarks, comment ranges and
    comment references move to a neighbouring paragraph so comments stay anchored.
    """
    parent = p.getparent()
    if parent is None:
        return
    holds_section = p.find(f"{x.PPR}/{x.SECTPR}") is not None
    last_in_cell = parent.tag == x.TC and len(parent.findall(x.P)) == 1
    if holds_section or last_in_cell:
        set_paragraph_text(p, "")
        return
    _move_markers(p)
    parent.remove(p)


def _move_markers(p: etree._Element) -> None:
    markers = [el for el in p.iter() if el.tag in x.RANGE_MARKERS]
    markers += [run for run in p.iter(x.R) if run.find(x.w("commentReference")) is not None]
    if not markers:
        return
    following = p.getnext()
    if following is not None and following.tag == x.P:
        position = 1 if following.find(x.PPR) is not None else 0
        for offset, marker in enumerate(markers):
            following.insert(position + offset, marker)
        return
    preceding = p.getprevious()
    if preceding is not None and preceding.tag == x.P:
        preceding.extend(markers)

