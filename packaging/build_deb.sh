#!/usr/bin/env bash
# Build the .deb for one architecture inside a Debian 12 root of that architecture (arm64 through
# qemu-user-static), from the files git tracks in this checkout, so the result does not depend on the
# host. Also creates the Debian 11 root the xinchuang test installs the package into.
# Usage (as root): packaging/build_deb.sh --arch amd64|arm64      → dist/gongwen-assistant_*_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != --arch ] || [ -z "${2:-}" ]; then
    echo "usage: $0 --arch amd64|arm64" >&2; exit 2
fi
ARCH=$2
case "$ARCH" in amd64|arm64) ;; *) echo "!!  不支持的架构 / unsupported architecture: $ARCH" >&2; exit 2 ;; esac
[ "$(id -u)" -eq 0 ] || { echo "!!  需要 root（debootstrap、chroot、mount）/ run as root" >&2; exit 1; }
. packaging/chroot.sh
trap unmount_all EXIT

debian_root bullseye "$ARCH"
# Qt's own Debian libraries too: PyInstaller imports PySide6 to find the Qt plugins to bundle.
# shellcheck disable=SC2086
debian_root bookworm "$ARCH" python3 python3-venv libpython3.11 binutils $QT_OFFSCREEN_PACKAGES
ROOT=$DEBIAN_ROOT
SRC=$ROOT/build/src
echo "==> 源码 / tracked files → $SRC"
mkdir -p "$SRC"
find "$SRC" -mindepth 1 -maxdepth 1 ! -name build -exec rm -rf {} +   # build/ keeps the venv between runs
git ls-files -z | tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$SRC" -xf -
# pip inside the root trusts what the host trusts (a TLS-inspecting proxy's certificate, for one).
cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/build-host-ca.crt"
mount_system_dirs "$ROOT"
started=$(date +%s)
nice -n 10 chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    PIP_CERT=/etc/ssl/certs/build-host-ca.crt /bin/bash -c 'cd /build/src && packaging/build.sh --bundle-only'
echo "==> .deb ($ARCH, packed on the host: xz under qemu is slow)"
nice -n 10 "$SRC/packaging/make_deb.sh" "$ARCH"
mkdir -p dist
cp "$SRC"/dist/gongwen-assistant_*_"$ARCH".deb dist/
echo "==> dist/$(basename "$SRC"/dist/gongwen-assistant_*_"$ARCH".deb)（$ARCH，构建 $(( $(date +%s) - started )) 秒）"
