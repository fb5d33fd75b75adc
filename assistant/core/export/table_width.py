"""A copied table made to fit the 公文's text block (版心, 156 mm wide).

Drafts come from pages with narrower margins or in landscape: their tables, copied as they are,
ran past the right margin of the export (on the peer drafts, up to 5 000 words printed outside the
text block). A table wider than the block is narrowed in proportion, its columns, cells, nested
tables and pictures alike; one that fits but is indented past the right edge is moved left.
"""

from __future__ import annotations

from lxml import etree

from .. import ooxml as x

W_ATTR, TYPE = x.w("w"), x.w("type")
WIDTHS = (x.w("tcW"), x.w("tblW"), x.w("tblInd"))  # measured in twips when their type is dxa
PICTURE_SIZES = ("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent",
                 "{http://schemas.openxmlformats.org/drawingml/2006/main}ext")  # cx, cy in EMU


def fit_width(table: etree._Element, block_twips: float) -> None:
    columns = table.findall(f"{x.w('tblGrid')}/{x.w('gridCol')}")
    total = sum(_twips(column) for column in columns)
    indent = table.find(f"{x.w('tblPr')}/{x.w('tblInd')}")
    left = _twips(indent) if indent is not None and indent.get(TYPE, "dxa") == "dxa" else 0.0
    if total + max(left, 0.0) <= block_twips:
        return
    if total <= block_twips:
        indent.set(W_ATTR, str(round(block_twips - total)))
        return
    factor = block_twips / total
    for column in table.iter(x.w("gridCol")):
        column.set(W_ATTR, str(round(_twips(column) * factor)))
    for width in table.iter(*WIDTHS):
        if width.get(TYPE, "dxa") == "dxa" and width.get(W_ATTR) is not None:
            width.set(W_ATTR, str(round(_twips(width) * factor)))
    if indent is not None:
        indent.set(W_ATTR, "0")
    for size in table.iter(*PICTURE_SIZES):  # pictures in the cells keep their proportions
        if size.get("cx") is not None:  # not an a:ext of an extension list
            for key in ("cx", "cy"):
                size.set(key, str(round(_number(size, key) * factor)))


def _twips(element: etree._Element) -> float:
    return _number(element, W_ATTR)


def _number(element: etree._Element, key: str) -> float:
    try:
        return float(element.get(key, "0"))
    except ValueError:  # a percentage ("50%") where a measure was expected
        return 0.0
