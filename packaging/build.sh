#!/usr/bin/env bash
# Build the Linux onedir bundle (dist/gongwen-assistant/) and the .deb (dist/*.deb) from a clean
# clone. Creates its own virtualenv in build/venv; needs Python 3.11, binutils (strip, objdump) and
# dpkg-deb. packaging/build_deb.sh runs it (--bundle-only) inside a Debian 12 root of the target
# architecture.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=build/venv
BUNDLE=dist/gongwen-assistant

if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then   # missing, or left half-made
    echo "==> 创建打包用虚拟环境 $VENV"
    rm -rf "$VENV"
    python3.11 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q . -r packaging/pyinstaller.txt

echo "==> PyInstaller (onedir)"
rm -rf "$BUNDLE"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/gongwen.spec

echo "==> 精简 / trimming what the app never loads"
QT="$BUNDLE/_internal/PySide6/Qt"
[ -e "$QT/plugins/platforms/libqoffscreen.so" ] || { echo "!!  PyInstaller collected no Qt plugins (could it import PySide6?)" >&2; exit 1; }
# Platform plugins: keep xcb (X11, UOS/Kylin desktops), wayland and offscreen (tests, self-test).
find "$QT/plugins/platforms" -type f ! -name 'libqxcb.so' ! -name 'libqoffscreen.so' ! -name 'libqwayland*.so' -delete 2>/dev/null || true
# GTK platform theme pulls in GTK; input contexts (fcitx/ibus) stay: users type Chinese.
rm -rf "$QT/plugins/platformthemes" "$QT/plugins/generic" "$QT/plugins/egldeviceintegrations" \
       "$QT/plugins/networkinformation" "$QT/plugins/tls" "$QT/plugins/qmltooling" "$QT/qml"
find "$QT/plugins/imageformats" -type f ! -name 'libqsvg.so' ! -name 'libqjpeg.so' ! -name 'libqico.so' -delete 2>/dev/null || true
# Translations: only Chinese dialogs (standard buttons, file dialogs) are needed.
find "$QT/translations" -type f ! -name 'qtbase_zh_CN.qm' ! -name 'qt_zh_CN.qm' -delete 2>/dev/null || true
find "$BUNDLE" -name '*.a' -delete
# OpenCC's command-line tools, headers and static libraries (the Python binding needs only its .so and share/).
rm -rf "$BUNDLE/_internal/opencc/clib/bin" "$BUNDLE/_internal/opencc/clib/include"
# Libraries only the deleted plugins linked to (the GTK theme's cairo, pango, gio, krb5…).
"$VENV/bin/python" packaging/bundle_elf.py unlinked "$BUNDLE/_internal" | xargs -r rm -f

echo "==> glibc (信创: UOS/Kylin ship an older C library than the build system)"
packaging/bundle_glibc.sh "$BUNDLE" "$("$VENV/bin/python" packaging/bundle_elf.py glibc-floor "$BUNDLE")"
echo "    bundle size: $(du -sm "$BUNDLE" | cut -f1) MB (target ≤ 150 MB)"

[ "${1:-}" = --bundle-only ] && exit 0
echo "==> .deb"
packaging/make_deb.sh
