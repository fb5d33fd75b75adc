#!/usr/bin/env bash
# Install a .deb into a fresh copy of the cached Debian 11 root of its architecture (glibc 2.31, no
# Python, no Qt; apt pulls the Depends from Debian) and run the installed program there: --self-test,
# then check/convert/export on SAMPLE, outputs written to OUT/ for the test to compare with the host's.
# Usage (as root): packaging/xinchuang_check.sh DEB SAMPLE OUT      (tests/packaging/test_xinchuang.py)
set -euo pipefail
DEB=$(readlink -f "$1")
SAMPLE=$(readlink -f "$2")
OUT=$(readlink -f "$3")
cd "$(dirname "$0")/.."
. packaging/chroot.sh
ARCH=$(dpkg-deb -f "$DEB" Architecture)
BASE="$CHROOTS/bullseye-$ARCH"
[ -d "$BASE" ] || { echo "!!  没有 $BASE：先运行 packaging/build_deb.sh --arch $ARCH" >&2; exit 3; }
ROOT=$(mktemp -d "$CHROOTS/.check-$ARCH.XXXXXX")
APT_CACHE="$CHROOTS/apt-cache-bullseye-$ARCH"
trap 'unmount_all; rm -rf "$ROOT"' EXIT

enable_foreign_arch "$ARCH"
cp -a "$BASE/." "$ROOT/"
mkdir -p "$APT_CACHE/partial" "$OUT" "$ROOT/check"
mount_system_dirs "$ROOT"
mount_recorded "$ROOT/var/cache/apt/archives" --bind "$APT_CACHE"   # Qt's Debian libraries, fetched once
cp "$DEB" "$SAMPLE" "$ROOT/check/"
in_root() {
    chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
        QT_QPA_PLATFORM=offscreen GONGWEN_DATA_DIR=/check/data "$@"
}

{
    echo "glibc: $(in_root getconf GNU_LIBC_VERSION | cut -d' ' -f2)"
    echo "python before install: $(in_root sh -c 'ls /usr/bin/python* 2>/dev/null || echo none')"
    echo "qt before install: $(in_root sh -c 'ls /usr/lib/*/libQt* 2>/dev/null || echo none')"
} > "$OUT/system.txt"
in_root apt-get update -q >/dev/null
in_root apt-get install -y -q --no-install-recommends "/check/$(basename "$DEB")" >/dev/null
name=$(basename "$SAMPLE")
TIMEFORMAT="self-test wall seconds: %R"
{ time in_root gongwen-assistant --self-test > "$OUT/self-test.txt" 2>&1 || echo "exit status $?" >> "$OUT/self-test.txt"; } 2>> "$OUT/system.txt"
in_root gongwen-assistant check "/check/$name" --format json > "$OUT/check.json"
in_root gongwen-assistant convert "/check/$name" --config s2t -o /check/converted.txt
in_root gongwen-assistant export "/check/$name" -o /check/exported.docx
cp "$ROOT/check/converted.txt" "$ROOT/check/exported.docx" "$OUT/"
in_root dpkg-query -W -f='${Package} ${Version} ${Architecture}\n' gongwen-assistant > "$OUT/installed.txt"
