#!/usr/bin/env bash
# Wrap dist/gongwen-assistant into a .deb for UOS/Kylin/Debian: installed under /opt with a command,
# a desktop entry, an icon and .docx/.txt associations. Usage: packaging/make_deb.sh [ARCH]
# (ARCH defaults to this system's; build_deb.sh packs an arm64 bundle on the host, not under qemu.)
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(python3 -c 'import re;print(re.search(r"__version__ = \"(.+?)\"", open("assistant/__init__.py").read())[1])')
NAME=gongwen-assistant
ARCH=${1:-$(dpkg --print-architecture)}
ROOTFS=build/deb/${NAME}_${VERSION}_${ARCH}
rm -rf "$ROOTFS"
mkdir -p "$ROOTFS/DEBIAN" "$ROOTFS/opt" "$ROOTFS/usr/bin" "$ROOTFS/usr/share/applications" \
         "$ROOTFS/usr/share/icons/hicolor/scalable/apps"
cp -a dist/$NAME "$ROOTFS/opt/$NAME"
ln -s /opt/$NAME/$NAME "$ROOTFS/usr/bin/$NAME"
cp resources/icons/$NAME.svg "$ROOTFS/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
cat > "$ROOTFS/usr/share/applications/$NAME.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=公文写作助手
Name[zh_CN]=公文写作助手
Comment=Offline writing assistant for Chinese official documents
Comment[zh_CN]=公文写作检查、短语库、简繁转换与公文格式导出（离线）
Exec=/opt/$NAME/$NAME %f
Icon=$NAME
Terminal=false
Categories=Office;WordProcessor;
MimeType=application/vnd.openxmlformats-officedocument.wordprocessingml.document;text/plain;
StartupWMClass=$NAME
DESKTOP
SIZE=$(du -sk "$ROOTFS/opt" | cut -f1)
cat > "$ROOTFS/DEBIAN/control" <<CONTROL
Package: $NAME
Version: $VERSION
Section: editors
Priority: optional
Architecture: $ARCH
Installed-Size: $SIZE
Depends: libgl1, libegl1, libxkbcommon0, libfontconfig1, libglib2.0-0, libdbus-1-3, libxcb-cursor0, libxkbcommon-x11-0
Recommends: fonts-wqy-microhei | fonts-noto-cjk
Maintainer: 公文写作助手 <noreply@localhost>
Description: 公文写作助手 - offline writing assistant for Chinese official documents
 Checks drafts for weak and repetitive phrasing, offers stock phrases, converts
 between simplified and traditional Chinese and exports to GB/T 9704-2012.
 Needs no network connection.
CONTROL
cat > "$ROOTFS/DEBIAN/postinst" <<'POST'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
exit 0
POST
cp "$ROOTFS/DEBIAN/postinst" "$ROOTFS/DEBIAN/postrm"
chmod 755 "$ROOTFS/DEBIAN/postinst" "$ROOTFS/DEBIAN/postrm"
dpkg-deb --root-owner-group -Zxz --build "$ROOTFS" "dist/${NAME}_${VERSION}_${ARCH}.deb" >/dev/null
echo "    .deb: dist/${NAME}_${VERSION}_${ARCH}.deb $(du -m "dist/${NAME}_${VERSION}_${ARCH}.deb" | cut -f1) MB (target ≤ 60 MB)"
