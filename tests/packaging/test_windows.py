"""The Windows installer under Wine (issue 26), built from this checkout by packaging/build_windows.sh.

Installs it silently into a fresh Wine prefix, runs the installed app's self-test in an English-language
Windows (code page 1252) with its output redirected, compares the frozen `check`, `convert` and `export`
with `python main.py` on Linux, takes a picture of the main window under Qt's `windows` platform, and
uninstalls it silently, checking that no file or registry key is left behind.

Runs only where the Windows toolchain exists (`packaging/build_windows.sh --toolchain` makes .wintool/).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT, SAMPLE

TOOL = ROOT / ".wintool"
WINE_ENV = ROOT / "packaging" / "windows" / "wine_env.sh"
SCREENSHOT = ROOT / "build" / "windows" / "main-window.png"  # kept for a person to look at
CORPUS_TEXT = next(CORPUS.glob("004_*.txt"))
APP_FOLDER = "gongwen-assistant"

pytestmark = [
    pytest.mark.windows,
    pytest.mark.slow,
    pytest.mark.timeout(3600),
    pytest.mark.skipif(not (TOOL / ".stamp").is_file(),
                       reason="no Windows toolchain in .wintool/: run `packaging/build_windows.sh --toolchain` "
                              "once (Debian 12, as root) to test the Windows installer under Wine"),
]


def _wine_settings() -> tuple[dict[str, str], str, str]:
    """Wine's environment and programs as packaging/windows/wine_env.sh sets them (one copy of the quirks)."""
    script = 'source "$1" && printf "%s\\0%s\\0" "$WINE" "$WINESERVER" && env -0'
    out = subprocess.run(["bash", "-c", script, "_", str(WINE_ENV)], capture_output=True, check=True).stdout
    wine, server, *pairs = out.decode().split("\0")
    env = dict(pair.split("=", 1) for pair in pairs if "=" in pair)
    return {k: v for k, v in env.items() if not k.startswith("LC_")}, wine, server


@dataclass
class Prefix:
    """A Wine prefix: a Windows user's C: drive and registry."""

    path: Path
    before: tuple[set[str], dict[str, list[str]]] | None = None  # files and registry before the install

    def run(self, *command: str, cwd: Path, locale: str = "zh_CN.UTF-8", **extra: str) -> subprocess.CompletedProcess:
        """Stdin from /dev/null and output into pipes: Wine's programs die on a terminal or a plain file."""
        env, wine, _ = _wine_settings()
        env |= {"WINEPREFIX": str(self.path), "LANG": locale, **extra}
        # a frozen app that fails waits on PyInstaller's error box for a click: time out instead
        return subprocess.run([wine, *command], cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=300)

    def settle(self) -> None:
        """Wait until every program of the prefix has ended and the registry is written to disk."""
        _, _, server = _wine_settings()
        subprocess.run([server, "-w"], env={**os.environ, "WINEPREFIX": str(self.path)}, timeout=600)

    @property
    def user(self) -> Path:
        return next((self.path / "drive_c" / "users").glob(f"{os.environ.get('USER', 'root')}*"))

    @property
    def install_dir(self) -> Path:
        return self.user / "AppData" / "Local" / "Programs" / APP_FOLDER

    def files(self) -> set[str]:
        """Every file on C:, but the temp folder and the user data folder (kept on uninstall, like settings)."""
        drive = self.path / "drive_c"
        skip = (self.user / "Temp", self.user / "AppData" / "Local" / APP_FOLDER)
        return {str(p.relative_to(drive)) for p in drive.rglob("*")
                if not p.is_dir() and not any(p.is_relative_to(s) for s in skip)}

    def registry(self) -> dict[str, list[str]]:
        """The user's registry hive as key -> value lines (user.reg, written out by settle())."""
        keys: dict[str, list[str]] = {}
        current = None
        for line in (self.path / "user.reg").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("["):
                current = line[1:line.rindex("]")]
                keys[current] = []
            elif current is not None and line and not line.startswith("#"):
                keys[current].append(line)
        return keys


def _build_installer() -> Path:
    result = subprocess.run([str(ROOT / "packaging" / "build_windows.sh")], cwd=ROOT, capture_output=True,
                            text=True, timeout=3000)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    installer = max((ROOT / "dist").glob("gongwen-assistant-*-setup.exe"), key=lambda p: p.stat().st_mtime)
    assert installer.stat().st_size <= 60 * 1024 * 1024, f"installer is {installer.stat().st_size / 2**20:.0f} MB"
    return installer


@pytest.fixture(scope="module")
def prefix(tmp_path_factory) -> Prefix:
    """A fresh prefix with the app installed silently; the files and registry before the install ride along."""
    installer = _build_installer()
    folder = tmp_path_factory.mktemp("wine")
    made = subprocess.run(["bash", "-c", 'source "$1" && new_prefix "$2"', "_", str(WINE_ENV), str(folder / "prefix")],
                          capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    prefix = Prefix(folder / "prefix")
    prefix.settle()
    prefix.before = (prefix.files(), prefix.registry())
    result = prefix.run(str(installer), "/S", cwd=folder)
    prefix.settle()
    assert result.returncode == 0, result.stdout + result.stderr
    yield prefix
    _, _, server = _wine_settings()
    subprocess.run([server, "-k"], env={**os.environ, "WINEPREFIX": str(prefix.path)})
    shutil.rmtree(folder, ignore_errors=True)  # about 700 MB


def test_installs_per_user_with_shortcuts_and_open_with_entries(prefix):
    exe = prefix.install_dir / "gongwen-assistant.exe"
    assert exe.is_file() and (prefix.install_dir / "uninstall.exe").is_file()
    size = sum(p.stat().st_size for p in prefix.install_dir.rglob("*") if p.is_file())
    assert size <= 150 * 1024 * 1024, f"installed size {size / 2**20:.0f} MB"
    start_menu = prefix.user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    assert (start_menu / "公文写作助手.lnk").is_file() and (prefix.user / "Desktop" / "公文写作助手.lnk").is_file()
    registry = prefix.registry()
    for suffix in ("docx", "txt"):
        assert '"GongwenAssistant.Document"=""' in registry[f"Software\\\\Classes\\\\.{suffix}\\\\OpenWithProgids"]
        assert not any(v.startswith("@=") for v in registry.get(f"Software\\\\Classes\\\\.{suffix}", [])), \
            "the default program for the file type must stay the user's choice"
    command = registry["Software\\\\Classes\\\\GongwenAssistant.Document\\\\shell\\\\open\\\\command"]
    assert any("gongwen-assistant.exe\\\" \\\"%1\\\"" in v for v in command)
    assert any(v.startswith('"UninstallString"') for v in
               registry["Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Uninstall\\\\gongwen-assistant"])


def test_self_test_passes_on_an_english_windows_with_output_redirected(prefix, tmp_path):
    """Code page 1252 and stdout into a pipe: the frozen app must still print its Chinese (as UTF-8)."""
    probe = prefix.run(str(TOOL / "py" / "python.exe"), "-c", "import locale; print(locale.getpreferredencoding())",
                       cwd=tmp_path, locale="en_US.UTF-8")
    assert probe.stdout.decode().strip() == "cp1252", "the prefix is not an English-language Windows"
    result = prefix.run(str(prefix.install_dir / "gongwen-assistant.exe"), "--self-test", cwd=tmp_path,
                        locale="en_US.UTF-8")
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0, out + result.stderr.decode("utf-8", "replace")
    assert "自检通过" in out and "导出公文格式" in out


def _linux(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "GONGWEN_DATA_DIR": str(cwd / "linux-data")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, env=env, capture_output=True,
                          timeout=600)


def _word_parts(path: Path) -> dict[str, bytes]:
    """A .docx's parts but its dated properties."""
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def test_frozen_check_convert_and_export_match_linux(prefix, tmp_path):
    shutil.copyfile(SAMPLE, tmp_path / "示例文稿.docx")
    shutil.copyfile(CORPUS_TEXT, tmp_path / "总结.txt")
    exe = str(prefix.install_dir / "gongwen-assistant.exe")
    runs = {
        "check": ("check", "示例文稿.docx", "--format", "json"),
        "convert-docx": ("convert", "示例文稿.docx", "--config", "s2t", "-o", "{}繁体.docx"),
        "convert-txt": ("convert", "总结.txt", "--config", "s2t", "-o", "{}繁体.txt"),
        "export": ("export", "总结.txt", "-o", "{}公文.docx"),
    }
    printed = {}
    for name, args in runs.items():
        windows = prefix.run(exe, *(a.format("windows-") for a in args), cwd=tmp_path)
        linux = _linux(*(a.format("linux-") for a in args), cwd=tmp_path)
        assert windows.returncode == 0 == linux.returncode, name + windows.stderr.decode("utf-8", "replace")
        printed[name] = windows.stdout.decode("utf-8").replace("\r\n", "\n")  # Windows ends text lines so
        assert printed[name] == linux.stdout.decode("utf-8"), name
    assert '"rule": ' in printed["check"]
    assert (tmp_path / "windows-繁体.txt").read_bytes() == (tmp_path / "linux-繁体.txt").read_bytes()
    assert "抓落實" in (tmp_path / "windows-繁体.txt").read_text(encoding="utf-8")
    for output in ("繁体.docx", "公文.docx"):
        assert _word_parts(tmp_path / f"windows-{output}") == _word_parts(tmp_path / f"linux-{output}"), output


def test_main_window_under_the_windows_platform(prefix, tmp_path):
    from PySide6.QtGui import QImage

    result = prefix.run(str(prefix.install_dir / "gongwen-assistant.exe"), "--self-test", "--screenshot", "窗口.png",
                        cwd=tmp_path, WINEQT_QPA_PLATFORM="windows")  # Wine passes WINEQT_* on as QT_*
    assert result.returncode == 0, result.stdout.decode("utf-8") + result.stderr.decode("utf-8", "replace")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tmp_path / "窗口.png", SCREENSHOT)
    image = QImage(str(SCREENSHOT))
    assert image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 50, "the window is nearly blank: nothing was drawn"


def test_silent_uninstall_leaves_no_file_and_no_registry_key(prefix, tmp_path):
    files_before, registry_before = prefix.before
    result = prefix.run(str(prefix.install_dir / "uninstall.exe"), "/S", cwd=tmp_path)
    prefix.settle()  # the uninstaller runs on from a copy in the temp folder
    assert result.returncode == 0
    assert not prefix.install_dir.exists()
    assert prefix.files() - files_before == set()
    registry = prefix.registry()
    # every Windows user has Software\Classes (their own file types); a fresh Wine prefix has not
    assert sorted(set(registry) - set(registry_before) - {"Software\\\\Classes"}) == []
    mentions = [k for k, values in registry.items() if re.search("gongwen", k + "".join(values), re.I)]
    assert mentions == []
