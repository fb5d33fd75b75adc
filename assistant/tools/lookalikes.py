"""Build resources/confusion/glyph_shape.tsv: characters that look alike, measured on their glyphs.

Why: the bundled shape tables (pycorrector's, ECSpell's) miss many slips a reviewer circles (白 for
自, 厂 for 广, 丙 for 内): on odw-dev most wrong characters in no confusion set are shape slips.
Drawing every character and comparing the pictures finds such pairs without a hand list and
without anyone's licence.

How: each character of the vocabulary (the hanzi edited 公文 use: the seed corpus and corpus-extra,
seen at least once) is drawn with a Song/Ming font (AR PL UMing, Debian's fonts-arphic-uming; 宋体
is what 公文 are printed in) in a SIZE × SIZE cell with Qt, offscreen. Each picture is shrunk to
GRID × GRID cells and blurred, so that a stroke a pixel or two away still counts (厂's bar sits three
pixels above 广's); two pictures are compared by their correlation (which, unlike an overlap of ink,
does not find every dense character like every other). A pair is kept when each character is among
the other's NEIGHBOURS closest pictures (mutual nearest neighbours) at a correlation of THRESHOLD or
more: 土 士 上 十 七 止, 己 已 巴, 人 入 大 太. Figures chosen on odw-dev's slips in no other table and by
reading the lists (resources/confusion/README.md).

Qt makes this a build tool, outside assistant/core. Run (a few minutes, one core):
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m assistant.tools.lookalikes [--font PATH]
"""

from __future__ import annotations

import argparse
import math
import operator
import sys
from collections import Counter
from pathlib import Path

from assistant.core.checker.calibrate import corpus_texts
from assistant.core.resources import resource_path
from assistant.core.text.hanzi import HANZI

FONT = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
SIZE = 32  # the bitmap's side, pixels
GRID = 16  # the compared picture's side, cells (two by two pixels)
THRESHOLD = 0.7  # the least correlation of two blurred pictures
NEIGHBOURS = 8  # how many closest pictures a look-alike must be among, both ways
MIN_USES = 1  # how often the corpora must use a character for it to be drawn
OUT = ("confusion", "glyph_shape.tsv")


def vocabulary() -> list[str]:
    """The hanzi edited 公文 use, most used first."""
    counts: Counter = Counter()
    for texts in (corpus_texts(resource_path("corpus")), corpus_texts(resource_path("corpus", "extra"))):
        for paragraphs in texts.values():
            for paragraph in paragraphs:
                counts.update(HANZI.findall(paragraph))
    return [char for char, count in counts.most_common() if count >= MIN_USES]


def glyphs(chars: list[str], font_path: Path) -> dict[str, int]:
    """Each character's bitmap, one bit a pixel, row by row (a Python int: AND and bit_count are
    the whole comparison)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need one
    font_id = QFontDatabase.addApplicationFont(str(font_path))
    if font_id < 0:
        raise SystemExit(f"cannot load the font {font_path}")
    font = QFont(QFontDatabase.applicationFontFamilies(font_id)[0])
    font.setPixelSize(SIZE - 2)
    found = {}
    for char in chars:
        image = QImage(SIZE, SIZE, QImage.Format.Format_Grayscale8)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(QRect(0, 0, SIZE, SIZE), Qt.AlignmentFlag.AlignCenter, char)
        painter.end()
        bits = 0
        for y in range(SIZE):
            for x in range(SIZE):
                bits = bits << 1 | (image.pixelColor(x, y).value() < 128)
        found[char] = bits
    return found


def features(bits: int) -> list[float]:
    """The glyph as a blurred GRID × GRID grey picture (ink per cell, then a 3 × 3 box blur), less
    its mean, of length one: the dot product of two is their correlation."""
    pixels = format(bits, f"0{SIZE * SIZE}b")
    cell = SIZE // GRID
    grid = [[sum(pixels[(y * cell + i) * SIZE + x * cell + j] == "1" for i in range(cell) for j in range(cell))
             for x in range(GRID)] for y in range(GRID)]
    blurred = [sum(grid[b][a] for b in range(max(0, y - 1), min(GRID, y + 2)) for a in range(max(0, x - 1), min(GRID, x + 2)))
               for y in range(GRID) for x in range(GRID)]
    mean = sum(blurred) / len(blurred)
    centred = [value - mean for value in blurred]
    norm = math.sqrt(sum(value * value for value in centred)) or 1.0
    return [value / norm for value in centred]


def lookalikes(bitmaps: dict[str, int]) -> dict[str, list[str]]:
    """Each character's look-alikes, closest first: the pairs each of which is among the other's
    NEIGHBOURS closest glyphs, correlated at least THRESHOLD (mutual nearest neighbours: 白 is
    among 借's closest pictures, but 借 not among 白's, so neither is kept)."""
    chars = sorted(bitmaps)
    vectors = [features(bitmaps[c]) for c in chars]
    near: dict[str, list[tuple[float, str]]] = {c: [] for c in chars}
    for i, (char, vector) in enumerate(zip(chars, vectors)):
        for other, other_vector in zip(chars[i + 1:], vectors[i + 1:]):
            similarity = sum(map(operator.mul, vector, other_vector))
            if similarity >= THRESHOLD:
                near[char].append((similarity, other))
                near[other].append((similarity, char))
    closest = {c: [other for _, other in sorted(pairs, reverse=True)[:NEIGHBOURS]] for c, pairs in near.items()}
    mutual = {c: [other for other in others if c in closest[other]] for c, others in closest.items()}
    return {c: others for c, others in mutual.items() if others}


def main() -> None:
    parser = argparse.ArgumentParser(description="build the look-alike table from glyph bitmaps")
    parser.add_argument("--font", type=Path, default=FONT)
    parser.add_argument("--out", type=Path, default=resource_path(*OUT))
    arguments = parser.parse_args()
    chars = vocabulary()
    table = lookalikes(glyphs(chars, arguments.font))
    lines = [f"# look-alike characters from glyph bitmaps: assistant/tools/lookalikes.py, font {arguments.font.name}, "
             f"{SIZE} px, {GRID} × {GRID} cells, correlation ≥ {THRESHOLD}, mutual among the {NEIGHBOURS} closest"]
    lines += [f"{char}\t{''.join(others)}" for char, others in table.items()]
    arguments.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{arguments.out}: {len(chars)} characters drawn, {len(table)} with look-alikes, "
          f"{sum(map(len, table.values()))} pairs")


if __name__ == "__main__":
    main()
