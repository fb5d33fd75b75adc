"""Font check: which of the 公文 fonts this PC lacks, and what Word will show instead.

Font names are read from the font files themselves (the OpenType ``name`` table, Chinese names
included), so no font library is needed and the answer is the same on Windows and Linux.
"""

from __future__ import annotations

import os
import struct
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}
# What Word on a typical Chinese Windows PC substitutes when a 公文 font is missing.
WORD_SUBSTITUTES = {"方正小标宋简体": "宋体", "仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "黑体": "等线",
                    "宋体": "等线", "仿宋": "宋体", "楷体": "宋体"}


@dataclass(frozen=True)
class FontStatus:
    name: str
    installed: bool
    substitute: str

    def describe(self) -> str:
        if self.installed:
            return f"{self.name}：已安装"
        return f"{self.name}：未安装，Word 将用“{self.substitute}”代替，打印效果与标准不同"


def check_fonts(names: list[str], folders: list[Path] | None = None) -> list[FontStatus]:
    installed = installed_families(tuple(folders or font_folders()))
    return [FontStatus(name, name in installed, WORD_SUBSTITUTES.get(name, "宋体")) for name in names]


def usable_fallbacks(statuses: list[FontStatus], fallbacks: dict[str, str],
                     folders: list[Path] | None = None) -> dict[str, str]:
    """What 改用替代字体 can write instead of each missing standard font: its fallback, when this
    PC has it and it is another font (a missing 宋体 has no 宋体 to fall back on)."""
    wanted = {s.name: fallbacks[s.name] for s in statuses if not s.installed and fallbacks.get(s.name, s.name) != s.name}
    have = {s.name for s in check_fonts(sorted(set(wanted.values())), folders) if s.installed}
    return {name: other for name, other in wanted.items() if other in have}


def font_folders() -> list[Path]:
    if sys.platform.startswith("win"):
        windows = Path(os.environ.get("WINDIR", r"C:\\Windows")) / "Fonts"
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [windows, local]
    home = Path.home()
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", home / ".local/share/fonts"]


@lru_cache(maxsize=4)
def installed_families(folders: tuple[Path, ...]) -> frozenset[str]:
    names: set[str] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.suffix.lower() in FONT_SUFFIXES:
                names |= font_names(path)
    return frozenset(names)


def font_names(path: Path) -> set[str]:
    """Family and full names (name IDs 1, 4, 16) in every language a font file declares."""
    try:
        data = path.read_bytes()
    except OSError:
        return set()
    offsets = [0]
    if data[:4] == b"ttcf":
        count = struct.unpack(">I", data[8:12])[0]
        offsets = list(struct.unpack(f">{count}I", data[12:12 + 4 * count]))
    names: set[str] = set()
    for offset in offsets:
        try:
            names |= _names_in(data, offset)
        except (struct.error, UnicodeDecodeError, IndexError):
            continue
    return names


def _names_in(data: bytes, offset: int) -> set[str]:
    tables = struct.unpack(">H", data[offset + 4:offset + 6])[0]
    for i in range(tables):
        record = offset + 12 + 16 * i
        tag, _, table_offset, _ = struct.unpack(">4sIII", data[record:record + 16])
        if tag != b"name":
            continue
        _, count, strings = struct.unpack(">HHH", data[table_offset:table_offset + 6])
        found = set()
        for j in range(count):
            entry = table_offset + 6 + 12 * j
            platform, _, _, name_id, length, start = struct.unpack(">HHHHHH", data[entry:entry + 12])
            if name_id not in (1, 4, 16):
                continue
            raw = data[table_offset + strings + start:table_offset + strings + start + length]
            found.add(raw.decode("utf-16-be") if platform in (0, 3) else raw.decode("latin-1"))
        return {name.strip() for name in found if name.strip()}
    return set()
