"""The 信创 packaging tools (issue 27) on small stand-in bundles, in seconds, so a regression in them shows
without the xinchuang build: the glibc launcher (bundle_glibc.sh), the bundle's glibc floor and the
trimming of unlinked libraries (bundle_elf.py), and make_deb.sh's architecture argument.

The stand-ins are copies of this Debian system's own programs and libraries (the launcher runs `cat`
in place of the app, which prints the files its process has mapped: which loader and which libc.so.6).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"
SYSTEM_GLIBC = os.confstr("CS_GNU_LIBC_VERSION").split()[1]  # "glibc 2.36" → "2.36"
LIBRARY_DIRS = [Path(prefix) / str(sysconfig.get_config_var("MULTIARCH")) for prefix in ("/usr/lib", "/lib")]

_spec = importlib.util.spec_from_file_location("bundle_elf", PACKAGING / "bundle_elf.py")  # a script, not a package
bundle_elf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle_elf)


def _system_library(soname: str) -> Path:
    for folder in LIBRARY_DIRS:
        if (folder / soname).exists():
            return (folder / soname).resolve()
    pytest.skip(f"this system has no {soname}")


def _require(*programs: str) -> None:
    missing = [program for program in programs if not shutil.which(program)]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian's dpkg, binutils)")


@pytest.fixture(scope="module")
def launcher(tmp_path_factory) -> tuple[Path, Path]:
    """A bundle whose program is `cat`, given glibc and the launcher by bundle_glibc.sh, installed as the
    .deb does: under opt/ with a command symlink in usr/bin/. Returns (command, bundle)."""
    _require("dpkg", "getconf")
    root = tmp_path_factory.mktemp("installed")
    bundle = root / "opt" / "gongwen-assistant"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy(shutil.which("cat"), bundle / "gongwen-assistant")
    made = subprocess.run([str(PACKAGING / "bundle_glibc.sh"), str(bundle), SYSTEM_GLIBC],
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    command = root / "usr" / "bin" / "gongwen-assistant"
    command.parent.mkdir(parents=True)
    command.symlink_to(bundle / "gongwen-assistant")
    return command, bundle


def _mapped_c_library(command: Path, system_glibc: str | None, tmp_path: Path, **env: str) -> tuple[Path, Path]:
    """Runs the launcher (the system's getconf made to report SYSTEM_GLIBC); returns the loader and the
    libc.so.6 the started program has mapped."""
    path = os.environ["PATH"]
    if system_glibc:
        fake = tmp_path / "fake-bin"
        fake.mkdir()
        (fake / "getconf").write_text(f"#!/bin/sh\necho 'glibc {system_glibc}'\n", encoding="utf-8")
        (fake / "getconf").chmod(0o755)
        path = f"{fake}:{path}"
    clean = {key: value for key, value in os.environ.items() if key not in ("LD_LIBRARY_PATH", "GONGWEN_BUNDLED_GLIBC")}
    result = subprocess.run([str(command), "/proc/self/maps"], capture_output=True, text=True, timeout=30,
                            env={**clean, "PATH": path, **env})
    assert result.returncode == 0, result.stderr
    mapped = {Path(line.split()[-1]) for line in result.stdout.splitlines() if line.split()[-1].startswith("/")}
    loader = next(p for p in mapped if p.name.startswith("ld-linux"))
    libc = next(p for p in mapped if p.name == "libc.so.6")
    return loader, libc


def test_on_a_system_older_than_the_floor_the_program_runs_on_the_bundled_glibc(launcher, tmp_path):
    command, bundle = launcher
    loader, libc = _mapped_c_library(command, "2.28", tmp_path)  # UOS 20
    assert loader.parent == libc.parent == bundle / "_internal" / "glibc", (loader, libc)


def test_on_a_system_as_new_as_the_floor_the_program_runs_on_the_systems_glibc(launcher, tmp_path):
    command, bundle = launcher
    loader, libc = _mapped_c_library(command, None, tmp_path)
    assert bundle not in loader.parents and bundle not in libc.parents, (loader, libc)
    loader, libc = _mapped_c_library(command, None, tmp_path, GONGWEN_BUNDLED_GLIBC="1")
    assert loader.parent == libc.parent == bundle / "_internal" / "glibc", (loader, libc)


def test_the_glibc_floor_is_the_newest_version_a_binary_asks_for(tmp_path):
    _require("objdump")
    bundle = tmp_path / "bundle"  # (a folder named like this test, "…glibc…", would be skipped as the bundled glibc)
    bundle.mkdir()
    shutil.copy(shutil.which("cat"), bundle / "program")
    shutil.copy(_system_library("libc.so.6"), bundle / "libc.so.6")  # defines every version up to its own
    assert bundle_elf.glibc_floor(bundle) == SYSTEM_GLIBC


def test_unlinked_lists_only_libraries_nothing_reaches(tmp_path):
    """freetype (a plugin) needs brotlidec, which needs brotlicommon; libpython is dlopen'ed; bz2 nobody needs."""
    _require("objdump")
    internal = tmp_path / "_internal"
    (internal / "PySide6").mkdir(parents=True)
    shutil.copy(_system_library("libfreetype.so.6"), internal / "PySide6" / "plugin.so")
    for name in ("libbrotlidec.so.1", "libbrotlicommon.so.1", "libbz2.so.1.0"):
        shutil.copy(_system_library(name), internal / name)
    shutil.copy(_system_library("libexpat.so.1"), internal / "libpython3.11.so.1.0")
    assert bundle_elf.unlinked(internal) == [internal / "libbz2.so.1.0"]


@pytest.mark.parametrize("arch", ["arm64", None])
def test_make_deb_labels_the_package_with_the_architecture_asked_for(arch, tmp_path):
    """build_deb.sh packs the arm64 bundle on the amd64 host: the argument, not the host, names it."""
    _require("dpkg", "dpkg-deb")
    for part in ("packaging/make_deb.sh", "assistant/__init__.py", "resources/icons/gongwen-assistant.svg"):
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / part, tmp_path / part)
    (tmp_path / "dist" / "gongwen-assistant").mkdir(parents=True)
    (tmp_path / "dist" / "gongwen-assistant" / "gongwen-assistant").write_text("#!/bin/sh\n", encoding="utf-8")
    host = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    made = subprocess.run([str(tmp_path / "packaging" / "make_deb.sh"), *([arch] if arch else [])],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    deb = next((tmp_path / "dist").glob(f"gongwen-assistant_*_{arch or host}.deb"))
    field = subprocess.run(["dpkg-deb", "-f", str(deb), "Architecture"], capture_output=True, text=True)
    assert field.stdout.strip() == (arch or host)
