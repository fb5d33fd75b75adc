"""Font files for the font check's tests: the smallest file a font reader accepts, declaring only
its family name (an OpenType ``name`` table), so a test can say which fonts a PC has."""

from __future__ import annotations

import struct
from pathlib import Path


def write_font(folder: Path, family: str) -> Path:
    """A .ttf in ``folder`` whose name table gives ``family`` (Windows platform, UTF-16BE)."""
    name = family.encode("utf-16-be")
    records = struct.pack(">HHHHHH", 3, 1, 0x0804, 1, len(name), 0)
    table = struct.pack(">HHH", 0, 1, 6 + len(records)) + records + name
    header = struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0) + struct.pack(">4sIII", b"name", 0, 28, len(table))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{len(list(folder.iterdir()))}.ttf"
    path.write_bytes(header + table)
    return path
