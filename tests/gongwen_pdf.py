"""Measuring a 公文 export as printed: LibreOffice renders it to PDF, poppler gives word boxes
(pdftotext -bbox) and pixels (pdftoppm), and these helpers turn them into the figures of
GB/T 9704-2012 (lines a page, characters a line, where the red 标志 and separator stand).
Shared by tests/render_gongwen.py (prints the figures, keeps PNGs) and the PDF test."""

from __future__ import annotations

import atexit
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

MM = 72 / 25.4  # points per millimetre
TOP_PT = 37 * MM  # the text block (版心) starts 37 mm down …
LEFT_PT = 28 * MM  # … and 28 mm in,
WIDTH_PT, HEIGHT_PT = 156 * MM, 225 * MM  # 156 mm × 225 mm.


def have_libreoffice() -> bool:
    return bool(shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdftoppm"))


@lru_cache(maxsize=1)
def _profile() -> str:
    """A LibreOffice user profile of this process's own: a soffice already running with the
    shared profile (another session, the desktop) would take the conversion over or refuse it."""
    folder = tempfile.mkdtemp(prefix="gongwen-lo-")
    atexit.register(shutil.rmtree, folder, True)
    return Path(folder).as_uri()


def to_pdf(*docx: Path) -> Path:
    """LibreOffice's PDF of each ``docx`` (one run for all), beside it; returns the first's."""
    subprocess.run(["soffice", f"-env:UserInstallation={_profile()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(docx[0].parent), *map(str, docx)], check=True, capture_output=True, timeout=600)
    return docx[0].with_suffix(".pdf")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def pages(pdf: Path) -> list[list[Word]]:
    """Word boxes (points, from the page's top left) of every page."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True).stdout
    root = etree.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xml), etree.XMLParser(recover=True))
    found = []
    for page in root.iter("{*}page"):
        found.append([Word(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                      for w in page.iter("{*}word")])
    return found


def text_lines(words: list[Word]) -> list[list[Word]]:
    """The words inside the text block grouped into printed lines (by their box bottom)."""
    inside = [w for w in words if TOP_PT - 1 <= w.y0 and w.y1 <= TOP_PT + HEIGHT_PT + 1]
    lines: dict[int, list[Word]] = {}
    for word in inside:
        lines.setdefault(round(word.y1), []).append(word)
    return [sorted(lines[key], key=lambda w: w.x0) for key in sorted(lines)]


def characters(line: list[Word]) -> int:
    return sum(len(w.text) for w in line)


def full_lines(lines: list[list[Word]]) -> list[list[Word]]:
    """Lines of only full-width characters that start at the left edge and reach the right one
    (a paragraph's inner lines)."""
    return [line for line in lines
            if abs(line[0].x0 - LEFT_PT) < 2 and line[-1].x1 > LEFT_PT + WIDTH_PT - 16
            and all(ord(c) > 0x2e80 for w in line for c in w.text)]


def red_rows(pdf: Path, page: int, dpi: int = 150) -> list[tuple[int, int]]:
    """(row in points × 10, red pixels in it) for every row with red pixels on ``page`` (1-based)."""
    raw = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
                         check=True, capture_output=True).stdout
    width, height, pixels = _ppm(raw)
    rows = []
    for y in range(height):
        row = pixels[y * width * 3:(y + 1) * width * 3]
        red = sum(1 for x in range(0, len(row), 3) if row[x] > 180 and row[x + 1] < 90 and row[x + 2] < 90)
        if red:
            rows.append((round(y * 72 / dpi * 10), red))
    return rows


def _ppm(data: bytes) -> tuple[int, int, bytes]:
    """A binary PPM (P6) as (width, height, RGB bytes)."""
    fields, position = [], 2
    while len(fields) < 3:
        match = re.compile(rb"\s*(#[^\n]*\n\s*)*(\d+)").match(data, position)
        fields.append(int(match.group(2)))
        position = match.end()
    width, height, _ = fields
    return width, height, data[position + 1:]


def red_figures(pdf: Path, dpi: int = 150) -> tuple[float, float]:
    """On page 1: the top of the red 标志 below the text block's top, and the red separator
    line's position below the text block's top (mm). The separator is the red row wider than
    nine tenths of the text block."""
    rows = red_rows(pdf, 1, dpi)
    wide = WIDTH_PT * 0.9 * dpi / 72
    separator = next(row for row, count in rows if count > wide) / 10
    mark_top = rows[0][0] / 10
    return (mark_top - TOP_PT) / MM, (separator - TOP_PT) / MM


def png(pdf: Path, page: int, out: Path, dpi: int = 60) -> Path:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                    str(out.with_suffix(""))], check=True, capture_output=True)
    return out
