"""Plain-text backend: one line is one paragraph; encoding and line endings are kept on save."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from . import encoding as enc
from .errors import DocumentError

LINE_BREAK = re.compile(r"\r\n|\n|\r")
ENDING_NAMES = {"\r\n": "CRLF（Windows）", "\n": "LF（Unix）", "\r": "CR（旧 Mac）"}


class TxtBackend:
    """Remembers how the file was written so that an unchanged save is byte-identical.

    Each line ending that followed a paragraph in the file is kept, by the paragraph's uid; new
    paragraphs use the file's dominant line ending.
    """

    format = "txt"

    def __init__(self, encoding: enc.Encoding, newline: str, final_newline: bool):
        self.encoding = encoding
        self.newline = newline
        self.final_newline = final_newline
        self._read_endings: list[str] = []
        self._ending_of: dict[int, str] = {}

    @classmethod
    def read(cls, path: Path, forced_encoding: str | None = None) -> tuple["TxtBackend", list[str]]:
        """Return the backend and the text of each line of ``path`` (see ``adopt``)."""
        raw = path.read_bytes()
        if forced_encoding:
            encoding = enc.named(forced_encoding)
            body = raw[len(encoding.bom):] if raw.startswith(encoding.bom) else raw
            try:
                text = body.decode(encoding.codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"文件“{path.name}”不是 {encoding.label} 编码，按此编码无法读取。") from exc
        else:
            encoding, text = enc.detect(raw, path.name)
        lines = _split_lines(text)
        endings = Counter(ending for _, ending in lines if ending)
        newline = endings.most_common(1)[0][0] if endings else "\r\n"
        final_newline = bool(lines) and bool(lines[-1][1])
        if not lines:
            lines = [("", "")]
        backend = cls(encoding, newline, final_newline)
        backend._read_endings = [ending for _, ending in lines]
        return backend, [text for text, _ in lines]

    def adopt(self, paragraphs: list) -> None:
        """The paragraphs made from ``read``'s lines, in order: they keep their line endings."""
        self._ending_of = {p.uid: ending for p, ending in zip(paragraphs, self._read_endings) if ending}
        self._read_endings = []

    @classmethod
    def new(cls) -> "TxtBackend":
        """A backend for saving a document as a new .txt: UTF-8 with BOM and CRLF, as Notepad expects."""
        return cls(enc.utf8(bom=True), "\r\n", True)

    def describe(self) -> str:
        return f"{self.encoding.label} · {ENDING_NAMES.get(self.newline, '')}"

    def rewrite(self, paragraphs: list, edits: list, align) -> None:
        """Plain text has no runs: the new text is all there is."""
        for index, new_text in edits:
            paragraphs[index].text = new_text

    def tables(self, paragraphs) -> dict[int, object]:
        return {}

    def elements(self, paragraphs) -> tuple[dict[int, object], object]:
        """A text file has no paragraph elements (see DocxBackend.elements)."""
        return {}, None

    def convert_other_parts(self, converter) -> None:
        """A text file has no headers, footers or notes."""

    def render(self, paragraphs: list) -> bytes:
        parts = []
        last = len(paragraphs) - 1
        for index, paragraph in enumerate(paragraphs):
            parts.append(paragraph.text)
            if index < last or self.final_newline:
                parts.append(self._ending_of.get(paragraph.uid, self.newline))
        text = "".join(parts)
        try:
            return self.encoding.encode(text)
        except UnicodeEncodeError as exc:
            bad = sorted(set(ch for ch in text if not enc.encodable(ch, self.encoding.codec)))
            shown = "".join(bad[:10])
            raise DocumentError(
                f"有 {len(bad)} 个字符无法用 {self.encoding.label} 编码保存（如“{shown}”）。"
                "请改用“另存为”并选择 UTF-8 编码，或删除这些字符。"
            ) from exc


def _split_lines(text: str) -> list[tuple[str, str]]:
    lines = []
    start = 0
    for match in LINE_BREAK.finditer(text):
        lines.append((text[start:match.start()], match.group()))
        start = match.end()
    if start < len(text):
        lines.append((text[start:], ""))
    return lines
