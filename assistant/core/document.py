"""Document model: an ordered list of paragraphs over a format backend (.docx or .txt).

The model is what every other part of the app works on (checker, conversion, the editor). It
never touches file formats itself: each backend keeps, privately and keyed by a paragraph's
``uid``, what it needs to write the file back with only the edited paragraphs changed (the
``w:p`` element, the line ending). ``save`` is atomic; background work (export, review) reads an
immutable ``snapshot()`` instead of the live model.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .atomic import atomic_write
from .docx_io import DocxBackend
from .docx_text import LINE_BREAK, OBJECT_CHAR
from .errors import DocumentError
from .limits import check_text_size
from .ooxml import XML_ILLEGAL, xml_safe
from .text.align import SMALL_GAP, align
from .sniff import FileKind, sniff
from .txt_io import TxtBackend

LOCATION_NAMES = {"body": "正文", "table": "表格", "textbox": "文本框"}
CONVERSION_BATCH = 200  # paragraphs converted between two progress reports
MAX_DIFFED_LINES = 2000  # changed lines beyond this are paired by position (see line_opcodes)


_uids = itertools.count(1)


@dataclass(eq=False)
class Paragraph:
    """One paragraph. ``uid`` names it for the life of the session (backends key on it)."""

    text: str
    location: str = "body"
    editable: bool = True
    uid: int = field(default_factory=lambda: next(_uids))


@dataclass(frozen=True)
class ParagraphState:
    """A paragraph as it stood when a snapshot was taken."""

    uid: int
    text: str
    location: str
    editable: bool


class Backend(Protocol):
    format: str

    def describe(self) -> str: ...

    def adopt(self, paragraphs: list[Paragraph]) -> None: ...

    def render(self, paragraphs) -> bytes: ...

    def tables(self, paragraphs) -> dict[int, object]: ...

    def elements(self, paragraphs) -> tuple[dict[int, object], object]: ...

    def rewrite(self, paragraphs: list[Paragraph], edits: list[tuple[int, str]], align) -> None: ...

    def convert_other_parts(self, converter) -> None: ...


@dataclass(frozen=True)
class DocumentSnapshot:
    """The document's text at one moment, for work on another thread while the user types on.

    ``render`` writes the file as it would be saved; it leaves the backend unchanged, so only a
    conversion applied meanwhile (the window is modal during exports) could change the result.
    """

    paragraphs: tuple[ParagraphState, ...]
    path: Path | None
    format: str
    backend: Backend

    @property
    def texts(self) -> list[str]:
        return [paragraph.text for paragraph in self.paragraphs]

    def render(self) -> bytes:
        return self.backend.render(self.paragraphs)

    def tables(self) -> dict[int, object]:
        """For each table paragraph (by uid), its outermost table as it would be saved."""
        return self.backend.tables(self.paragraphs)

    def elements(self) -> tuple[dict[int, object], object]:
        """Each paragraph's element as it would be saved (by uid) and the part that owns them
        (.docx only; a text file gives nothing): what the 公文 export reads beyond the text."""
        return self.backend.elements(self.paragraphs)


@dataclass(eq=False)
class Document:
    backend: Backend
    paragraphs: list[Paragraph]
    path: Path | None = None
    notes: list[str] = field(default_factory=list)
    modified: bool = False
    _backed_up: bool = False

    @property
    def format(self) -> str:
        return self.backend.format

    @property
    def text(self) -> str:
        return "\n".join(paragraph.text for paragraph in self.paragraphs)

    def describe(self) -> str:
        """Format and encoding as shown in the status bar."""
        return self.backend.describe()

    def snapshot(self) -> DocumentSnapshot:
        states = tuple(ParagraphState(p.uid, p.text, p.location, p.editable) for p in self.paragraphs)
        return DocumentSnapshot(states, self.path, self.format, self.backend)

    def set_text(self, index: int, text: str) -> None:
        paragraph = self.paragraphs[index]
        if paragraph.text == text:
            return
        if not paragraph.editable:
            raise DocumentError(f"第 {index + 1} 段位于{LOCATION_NAMES[paragraph.location]}中，是只读的。")
        paragraph.text = text
        self.modified = True

    def insert_paragraph(self, index: int, text: str = "") -> Paragraph:
        """Insert a new paragraph before ``index``; it takes the style of the one before it."""
        previous = self.paragraphs[index - 1] if index > 0 else None
        location = previous.location if previous is not None and previous.editable else "body"
        paragraph = Paragraph(text, location)
        self.paragraphs.insert(index, paragraph)
        self.modified = True
        return paragraph

    def delete_paragraph(self, index: int) -> None:
        paragraph = self.paragraphs[index]
        if not paragraph.editable:
            raise DocumentError(f"第 {index + 1} 段位于{LOCATION_NAMES[paragraph.location]}中，是只读的，不能删除。")
        del self.paragraphs[index]
        self.modified = True

    def replace_lines(self, lines: list[str]) -> tuple[list[Paragraph], list[Paragraph]]:
        """Make the paragraphs read ``lines`` with the fewest paragraph edits (plain-text editors).

        Unchanged paragraphs keep their identity (and so their formatting); changed runs of lines
        are edited pairwise, the surplus inserted or deleted. Read-only paragraphs must not change.
        Returns the paragraphs whose text changed or that were inserted, and those deleted: the
        session learns what an edit touched without walking 20,000 paragraphs again.
        """
        old = [paragraph.text for paragraph in self.paragraphs]
        opcodes = line_opcodes(old, lines)
        for tag, i1, i2, _, _ in opcodes:
            if tag != "equal":
                for paragraph in self.paragraphs[i1:i2]:
                    if not paragraph.editable:
                        raise DocumentError("文本框中的文字是只读的，本软件不能修改；请在 Word 中编辑文本框。")
        changed: list[Paragraph] = []
        deleted: list[Paragraph] = []
        for tag, i1, i2, j1, j2 in reversed(opcodes):
            if tag == "equal":
                continue
            paired = min(i2 - i1, j2 - j1)
            for offset in range(paired):
                if old[i1 + offset] != lines[j1 + offset]:
                    self.set_text(i1 + offset, lines[j1 + offset])
                    changed.append(self.paragraphs[i1 + offset])
            for index in range(i2 - 1, i1 + paired - 1, -1):
                deleted.append(self.paragraphs[index])
                self.delete_paragraph(index)
            for offset, line in enumerate(lines[j1 + paired:j2]):
                changed.append(self.insert_paragraph(i1 + paired + offset, line))
        return changed, deleted

    def plan_conversion(self, converter, spans: list[tuple[int, int, int]] | None = None,
                        progress=None) -> list[tuple[int, str, str]]:
        """What ``convert`` would change, without changing anything (the preview):
        (paragraph index, old text, new text) for every paragraph that would change.
        ``spans`` of (paragraph, start, end) limit it to a selection; read-only ones are refused.
        ``progress(done, total)`` is called between batches of paragraphs (it may raise to cancel)."""
        if spans is None:
            spans = [(i, 0, len(p.text)) for i, p in enumerate(self.paragraphs)]
        else:
            for index, _, _ in spans:
                if not self.paragraphs[index].editable:
                    raise DocumentError(f"第 {index + 1} 段位于{LOCATION_NAMES[self.paragraphs[index].location]}中，是只读的。")
        olds = [self.paragraphs[i].text for i, _, _ in spans]
        pieces: list[str] = []
        for first in range(0, len(spans), CONVERSION_BATCH):
            if progress is not None:
                progress(first, len(spans))
            batch = zip(olds[first:first + CONVERSION_BATCH], spans[first:first + CONVERSION_BATCH])
            pieces += converter.convert_many([old[start:end] for old, (_, start, end) in batch])
        changes = []
        for old, piece, (index, start, end) in zip(olds, pieces, spans):
            new = old[:start] + piece + old[end:]
            if new != old:
                changes.append((index, old, new))
        return changes

    def convert(self, converter, spans: list[tuple[int, int, int]] | None = None) -> list[tuple[int, str, str]]:
        """Convert the whole document, or only ``spans`` of (paragraph, start, end), in place.

        The whole document includes tables, text boxes, headers, footers and notes. Each
        character keeps its formatting (the converter's alignment maps old characters to new).
        Returns the changes, as ``plan_conversion`` does.
        """
        changes = self.plan_conversion(converter, spans)
        self.apply_conversion(converter, changes, whole_document=spans is None)
        return changes

    def apply_conversion(self, converter, changes: list[tuple[int, str, str]], *, whole_document: bool) -> None:
        """Apply ``changes`` planned by ``plan_conversion`` on this same text (the preview accepted)."""
        self.backend.rewrite(self.paragraphs, [(i, new) for i, _, new in changes], converter.alignment)
        if whole_document:
            self.backend.convert_other_parts(converter)
        if changes or whole_document:
            self.modified = True

    def save(self, path: Path | str | None = None, *, backup: bool = True, overwrite_read_only: bool = False) -> Path:
        """Write the document atomically; the first overwrite of the opened file keeps a .bak copy.

        Saving to a path with another suffix (.txt ↔ .docx) converts the format; the opened file
        itself is never overwritten in another format (a Word file named .txt stays Word).
        A read-only file is overwritten only with ``overwrite_read_only`` (ReadOnlyFile otherwise).
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise DocumentError("请先选择保存位置。")
        wanted = _format_for(target)
        overwriting_original = self.path is not None and target.resolve() == self.path.resolve()
        if wanted != self.format:
            if overwriting_original:
                names = {"docx": "Word 文档", "txt": "纯文本"}
                raise DocumentError(f"文件“{target.name}”实际是{names[self.format]}，扩展名却是“{target.suffix}”；"
                                    f"为免丢失内容，没有按{names[wanted]}覆盖它。请用“另存为”选择正确的扩展名。")
            self._switch_backend(wanted)
        data = self.backend.render(self.paragraphs)
        atomic_write(target, data, backup=backup and overwriting_original and not self._backed_up,
                     overwrite_read_only=overwrite_read_only)
        if overwriting_original and backup:
            self._backed_up = True
        if target != self.path:
            self._backed_up = False
        self.path = target
        self.modified = False
        return target

    def _switch_backend(self, wanted: str) -> None:
        """Saving as another format: the new file is built from the text alone.

        Plain text cannot hold pictures or soft line breaks: object characters are dropped and
        a line break inside a paragraph becomes a space, so the model says what the file holds.
        """
        self.backend = DocxBackend.new() if wanted == "docx" else TxtBackend.new()
        for paragraph in self.paragraphs:
            if wanted == "txt":
                paragraph.text = paragraph.text.replace(OBJECT_CHAR, "").replace(LINE_BREAK, " ")
            paragraph.editable = True


def line_opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The edits from ``old`` lines to ``new`` ones (on the UI thread, at every sync). An edit
    touches a few lines in one place: the common head and tail are matched in one pass, and only
    the middle is aligned (text.align: unique lines as anchors, never an unbounded difflib).
    A middle of thousands of lines (a paste, a replace-all), or a stretch with nothing to anchor
    on (many blank lines), is paired line by line."""
    head = _common_head(old, new)
    tail = _common_head(old[head:][::-1], new[head:][::-1])
    old_middle, new_middle = old[head:len(old) - tail], new[head:len(new) - tail]
    if max(len(old_middle), len(new_middle)) <= MAX_DIFFED_LINES:
        middle = []
        for tag, i1, i2, j1, j2 in align(old_middle, new_middle):
            if tag == "replace" and (i2 - i1) * (j2 - j1) > SMALL_GAP:  # no anchor to align on: by position
                middle += [(t, a1 + i1, a2 + i1, b1 + j1, b2 + j1)
                           for t, a1, a2, b1, b2 in _paired_by_position(old_middle[i1:i2], new_middle[j1:j2])]
            else:
                middle.append((tag, i1, i2, j1, j2))
    else:
        middle = _paired_by_position(old_middle, new_middle)
    shifted = [(tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in middle
               if i1 != i2 or j1 != j2]
    equal_head = [("equal", 0, head, 0, head)] if head else []
    equal_tail = [("equal", len(old) - tail, len(old), len(new) - tail, len(new))] if tail else []
    return equal_head + shifted + equal_tail


def _common_head(old: list[str], new: list[str]) -> int:
    """How many leading lines ``old`` and ``new`` share: a binary search comparing slices, which
    Python compares in C (20,000 lines in well under a millisecond; a loop over them took 4 ms)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _paired_by_position(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    paired = min(len(old), len(new))
    opcodes = [("equal" if old[k] == new[k] else "replace", k, k + 1, k, k + 1) for k in range(paired)]
    if len(old) > paired:
        opcodes.append(("delete", paired, len(old), paired, paired))
    if len(new) > paired:
        opcodes.append(("insert", paired, paired, paired, len(new)))
    return opcodes


def _format_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return "docx"
    if suffix in (".txt", ".text", ""):
        return "txt"
    raise DocumentError(f"不能保存为“{suffix}”格式，请选择 .docx 或 .txt。")


def open_document(path: Path | str, *, encoding: str | None = None, progress=None) -> Document:
    """Open a .docx or .txt draft; raise DocumentError with a user-facing message otherwise.
    ``progress(done, total)`` is called before and after reading (it may raise to cancel)."""
    path = Path(path)
    if progress is not None:
        progress(0, 2)
    kind = sniff(path)
    if kind is FileKind.DOCX:
        backend, items = DocxBackend.read(path)
        check_text_size([text for text, _ in items], path.name)
        paragraphs = [Paragraph(text, location, location != "textbox") for text, location in items]
        notes = []
    else:
        backend, lines = TxtBackend.read(path, encoding)
        check_text_size(lines, path.name)
        unusable = sum(len(XML_ILLEGAL.findall(line)) for line in lines)
        paragraphs = [Paragraph(xml_safe(text)) for text in lines]
        notes = [backend.encoding.note] if backend.encoding.note else []
        if unusable:
            notes.append(f"文件中有 {unusable} 个不能用于文档的控制字符，已换成“\ufffd”，保存时也将这样写入。")
    if progress is not None:
        progress(1, 2)
    backend.adopt(paragraphs)
    return Document(backend, paragraphs, path, notes)


def new_document(lines: tuple[str, ...] | list[str] = ("",)) -> Document:
    """An unsaved draft (文件 → 新建), every line editable. A Word document, as the people who write
    公文 in WPS or Word expect (the status bar says so, 保存 suggests .docx); saved as .txt it
    becomes UTF-8 with BOM and CRLF line ends, which Notepad and WPS on Windows read without
    guessing."""
    return Document(DocxBackend.new(), [Paragraph(line) for line in lines], None)
