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

import copy
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import serialize_part_xml
from lxml import etree

from . import ooxml as x
from .docx_text import new_paragraph_like, paragraph_text, set_paragraph_text
from .errors import DocumentError
from .gongwen_page import base_layout

STRICT_NAMESPACE = b"purl.oclc.org/ooxml"
NOTE_AND_MARGIN_TYPES = {CT.WML_HEADER, CT.WML_FOOTER, CT.WML_FOOTNOTES, CT.WML_ENDNOTES}
FALLBACK_TEXT_BOX_PARAGRAPHS = etree.XPath(".//mc:Fallback//w:txbxContent//w:p",
                                           namespaces={"mc": x.MC_NS, "w": x.W_NS})


class DocxBackend:
    """Keeps the opened package and, per paragraph uid, its ``w:p`` element in the live tree.

    The live tree holds the file as opened plus conversions (``rewrite``); typed edits are applied
    to a copy each time the file is rendered, so rendering changes nothing.
    """

    format = "docx"

    def __init__(self, document, source: bytes):
        self.document = document
        self._source = source
        self._read_elements: list[etree._Element] = []
        self._element_of: dict[int, etree._Element] = {}
        self._changed_parts: dict[str, etree._Element] = {}

    @classmethod
    def read(cls, path: Path) -> tuple["DocxBackend", list[tuple[str, str]]]:
        """Return the backend and ``(text, location)`` for each paragraph (see ``adopt``)."""
        source = path.read_bytes()
        backend = cls(open_package(source, path.name), source)
        items = []
        for element, location in iter_paragraphs(backend.document.element.body):
            items.append((paragraph_text(element), location))
            backend._read_elements.append(element)
        return backend, items

    @classmethod
    def new(cls) -> "DocxBackend":
        """A backend for a document saved as a new .docx: python-docx's template laid out as a
        公文 page (A4, GB/T 9704 margins, 3号 仿宋_GB2312 body on a 28-pt line pitch)."""
        document = docx.Document()
        body = document.element.body
        for p in body.findall(x.P):
            body.remove(p)
        base_layout(document)
        out = io.BytesIO()
        document.save(out)
        return cls(document, out.getvalue())

    def adopt(self, paragraphs: list) -> None:
        """The paragraphs made from ``read``'s items, in order: each is bound to its element."""
        self._element_of = {p.uid: element for p, element in zip(paragraphs, self._read_elements)}
        self._read_elements = []

    def describe(self) -> str:
        return "Word 文档（.docx）"

    def original(self) -> bytes:
        """The file as it was opened (the version a 修订稿 is compared against)."""
        return self._source

    def render(self, paragraphs) -> bytes:
        root, _ = self._applied_copy(paragraphs)
        replacements = {}
        for name, part_root in self._changed_parts.items():
            original = self._original_member(name)
            data = _serialize_like(original, part_root)
            if _canonical(data) != _canonical(original):
                replacements[name] = data
        replacements[_member_name(self.document.part)] = serialize_part_xml(root)
        return _replace_members(self._source, replacements)

    def tables(self, paragraphs) -> dict[int, etree._Element]:
        """Each table paragraph's outermost ``w:tbl``, with the edits applied (a copy)."""
        _, twin = self._applied_copy(paragraphs)
        found = {}
        for paragraph in paragraphs:
            if paragraph.location == "table" and paragraph.uid in self._element_of:
                found[paragraph.uid] = _outermost(twin[self._element_of[paragraph.uid]], x.TBL)
        return found

    def elements(self, paragraphs) -> tuple[dict[int, etree._Element], object]:
        """Each paragraph's ``w:p`` with the edits applied (a copy), and the main document part
        (numbering, pictures and notes are reached through its relationships)."""
        _, twin = self._applied_copy(paragraphs)
        return {p.uid: twin[self._element_of[p.uid]] for p in paragraphs if p.uid in self._element_of}, \
            self.document.part

    def _applied_copy(self, paragraphs) -> tuple[etree._Element, dict]:
        """A copy of the main document part with ``paragraphs`` applied, and live → copy for w:p."""
        live = self.document.element
        root = copy.deepcopy(live)
        twin = dict(zip(live.iter(x.P), root.iter(x.P)))
        self._apply(paragraphs, root, twin)
        return root, twin

    def _original_member(self, name: str) -> bytes:
        with zipfile.ZipFile(io.BytesIO(self._source)) as archive:
            return archive.read(name)

    def rewrite(self, paragraphs: list, edits: list, align) -> None:
        """Apply machine edits (conversion) to the live tree, run by run, with ``align(old, new)``.

        Typed edits are first made part of the live tree, so the alignment starts from what the
        user sees. Unlike typing, these may touch read-only text-box paragraphs: the same
        conversion is applied to their VML fallback copies by ``convert_other_parts``.
        """
        self._apply(paragraphs, self.document.element, None)
        for index, new_text in edits:
            paragraph = paragraphs[index]
            set_paragraph_text(self._element_of[paragraph.uid], new_text, align(paragraph.text, new_text))
            paragraph.text = new_text

    def convert_other_parts(self, converter) -> None:
        """Convert headers, footers, footnotes, endnotes and text-box fallbacks in place."""
        for part in self.document.part.package.iter_parts():
            if part.content_type in NOTE_AND_MARGIN_TYPES:
                root = self._part_root(part)
                if _convert_paragraphs(list(root.iter(x.P)), converter):
                    self._changed_parts[_member_name(part)] = root
        _convert_paragraphs(FALLBACK_TEXT_BOX_PARAGRAPHS(self.document.element.body), converter)

    def _part_root(self, part) -> etree._Element:
        """Our own whitespace-keeping parse of a part's original bytes (see ``_serialize_like``)."""
        name = _member_name(part)
        if name not in self._changed_parts:
            self._changed_parts[name] = etree.fromstring(self._original_member(name))
        return self._changed_parts[name]

    def _apply(self, paragraphs, root: etree._Element, twin: dict | None) -> None:
        """Bring the tree under ``root`` in line with ``paragraphs``: deletions, edits, insertions.

        ``twin`` maps live elements to the copy being edited; None edits the live tree itself,
        and then new paragraphs are bound to their new elements.
        """
        target = (lambda element: element) if twin is None else twin.__getitem__
        bound = [self._element_of.get(p.uid) for p in paragraphs]
        alive = {id(element) for element in bound if element is not None}
        for uid, element in list(self._element_of.items()):
            if id(element) not in alive:
                remove_paragraph(target(element))
                if twin is None:
                    del self._element_of[uid]
        first = next((target(e) for e, p in zip(bound, paragraphs) if e is not None and p.location != "textbox"), None)
        previous = None
        for paragraph, element in zip(paragraphs, bound):
            if element is None:
                placed = new_paragraph_like(previous, paragraph.text)
                _place_new(placed, previous, first, root)
                if twin is None:
                    self._element_of[paragraph.uid] = placed
            else:
                placed = target(element)
                if paragraph_text(placed) != paragraph.text:
                    if not paragraph.editable:
                        raise DocumentError("文本框中的文字是只读的，本软件不能修改；请在 Word 中编辑文本框。")
                    set_paragraph_text(placed, paragraph.text)
            if paragraph.editable:
                previous = placed


def _place_new(element: etree._Element, previous: etree._Element | None, first: etree._Element | None,
               root: etree._Element) -> None:
    """After the paragraph before it; at the very start, before the first paragraph or section."""
    if previous is not None:
        previous.addnext(element)
    elif first is not None:
        first.addprevious(element)
    else:
        add_at_body_end(root, element)


def add_at_body_end(root: etree._Element, element: etree._Element) -> None:
    """After the last block of the body, before its closing section properties (w:sectPr)."""
    body = root.find(x.BODY)
    section = body.find(x.SECTPR)
    if section is not None:
        section.addprevious(element)
    else:
        body.append(element)


def _outermost(element: etree._Element, tag: str) -> etree._Element | None:
    found = None
    while element is not None:
        if element.tag == tag:
            found = element
        element = element.getparent()
    return found


def _convert_paragraphs(paragraphs: list[etree._Element], converter) -> bool:
    olds = [paragraph_text(p) for p in paragraphs]
    news = converter.convert_many(olds)
    changed = False
    for p, old, new in zip(paragraphs, olds, news):
        if new != old:
            set_paragraph_text(p, new, converter.alignment(old, new))
            changed = True
    return changed


def _serialize_like(original: bytes, root: etree._Element) -> bytes:
    """Serialise ``root`` with the original part's own prolog (declaration, BOM, line break).

    Parsed without dropping whitespace, an unchanged tree comes out as the bytes it came from,
    so a header converted s2t and back t2s, even through a saved file, is the original again.
    """
    end = original.find(b"?>")
    if end < 0 or b"UTF-8" not in original[:end].upper():
        return serialize_part_xml(root)
    end += 2
    while original[end:end + 1] in (b"\r", b"\n", b" ", b"\t"):
        end += 1
    return original[:end] + etree.tostring(root, encoding="UTF-8")


def _canonical(xml: bytes) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(xml, parser), method="c14n2")


def _member_name(part) -> str:
    return str(part.partname).lstrip("/")


def with_main_part(source: bytes, document, root: etree._Element) -> bytes:
    """The package ``source`` (opened as ``document``) with its main part replaced by ``root``;
    every other member is copied byte for byte."""
    return _replace_members(source, {_member_name(document.part): serialize_part_xml(root)})


def open_package(source: bytes, name: str):
    try:
        return docx.Document(io.BytesIO(source))
    except KeyError as exc:
        if _is_strict(source):
            raise DocumentError(
                f"文件“{name}”是“严格 Open XML（Strict）”格式，本软件暂不支持。"
                "请在 Word 中打开，另存为“Word 文档（*.docx）”后再打开。"
            ) from exc
        raise DocumentError(f"文件“{name}”不是 Word 文档，或内部结构已损坏（缺少必需的部件）。"
                            "可尝试用 Word 的“打开并修复”功能恢复。") from exc
    except ValueError as exc:  # python-docx: "file '<_io.BytesIO …>' is not a Word file, content type is …"
        raise DocumentError(f"文件“{name}”不是 Word 文档（它的正文部件是别的格式，可能是 Excel 或 PowerPoint 文件改了扩展名）。") from exc
    except Exception as exc:  # noqa: BLE001 - a malformed package can fail anywhere inside python-docx
        raise DocumentError(f"文件“{name}”不是 Word 文档或已损坏，无法读取。可尝试用 Word 的“打开并修复”功能恢复。") from exc


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

