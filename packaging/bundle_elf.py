"""What the frozen bundle's binaries need from the system, read with objdump (build.sh calls it).

  bundle_elf.py glibc-floor BUNDLE   the newest GLIBC_x.y symbol version any binary in it asks for:
                                     a system with an older C library cannot start it unaided.
  bundle_elf.py unlinked INTERNAL    libraries in _internal/ that no remaining binary links to
                                     (left behind by plugins build.sh deletes, e.g. the GTK theme's
                                     cairo/pango/gio), one path a line, for deletion.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

GLIBC_VERSION = re.compile(rb"GLIBC_(\d+)\.(\d+)")
NEEDED = re.compile(r"NEEDED\s+(\S+)")
# Loaded by the bootloader with dlopen, so nothing lists it as NEEDED.
DLOPENED = ("libpython",)


def elf_files(folder: Path) -> list[Path]:
    files = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    files.append(path)
    return files


def glibc_floor(bundle: Path) -> str:
    versions = set()
    for path in elf_files(bundle):
        if "glibc" in path.parent.name:  # the bundled C library itself
            continue
        dynamic = subprocess.run(["objdump", "-T", str(path)], capture_output=True, check=False).stdout
        versions.update((int(major), int(minor)) for major, minor in GLIBC_VERSION.findall(dynamic))
    major, minor = max(versions)
    return f"{major}.{minor}"


def needed(path: Path) -> list[str]:
    headers = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=False).stdout
    return NEEDED.findall(headers)


def unlinked(internal: Path) -> list[Path]:
    libraries = {path.name: path for path in elf_files(internal) if path.parent == internal}
    roots = [path for path in elf_files(internal.parent) if path.parent != internal]
    roots += [path for name, path in libraries.items() if name.startswith(DLOPENED)]
    reached = {path.name for path in roots}
    pending = list(roots)
    while pending:
        for name in needed(pending.pop()):
            if name in libraries and name not in reached:
                reached.add(name)
                pending.append(libraries[name])
    return [path for name, path in sorted(libraries.items()) if name not in reached]


def main(argv: list[str]) -> int:
    command, folder = argv[1], Path(argv[2])
    if command == "glibc-floor":
        print(glibc_floor(folder))
    elif command == "unlinked":
        print("\n".join(str(path) for path in unlinked(folder)))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
