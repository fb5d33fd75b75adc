#!/usr/bin/env bash
# Give the bundle the C library and loader of the system it was built on, and a launcher that uses
# them only when the system's own C library is older than the bundle needs (UOS 20, Kylin V10: see
# packaging/README.md). The system's graphics libraries (libGL, libxcb, fontconfig) are older than
# the bundled glibc and load fine with it; on a newer system the system's loader runs the program,
# so its newer libraries never meet an older C library.
# Usage: packaging/bundle_glibc.sh BUNDLE GLIBC_FLOOR      (BUNDLE = dist/gongwen-assistant)
set -euo pipefail
BUNDLE="$1"
FLOOR="$2"
NAME=gongwen-assistant
GLIBC_DIR="$BUNDLE/_internal/glibc"

rm -rf "$GLIBC_DIR"
mkdir -p "$GLIBC_DIR"
# The shared objects of Debian's libc6 (libc, libm, libpthread, the NSS modules, the loader), not
# its debugging and profiling helpers, not gconv (UTF-8/16/32 are built into libc).
dpkg -L libc6 | grep -E '/(ld-linux[^/]*\.so\.[0-9]+|lib[^/]+\.so\.[0-9]+)$' \
    | grep -vE '/(libc_malloc_debug|libthread_db|libmemusage|libpcprofile)\.' \
    | while read -r path; do [ -e "$path" ] && cp -L "$path" "$GLIBC_DIR/"; done
LOADER=$(cd "$GLIBC_DIR" && ls ld-linux*)
BUILT_WITH=$(getconf GNU_LIBC_VERSION | cut -d' ' -f2)

mv "$BUNDLE/$NAME" "$BUNDLE/$NAME-bin"
cat > "$BUNDLE/$NAME" <<LAUNCHER
#!/bin/sh
# 公文写作助手. The program needs glibc >= $FLOOR. On an older system it runs through the glibc $BUILT_WITH
# and loader in _internal/glibc (GONGWEN_BUNDLED_GLIBC=1 forces that, for tests).
here=\$(dirname "\$(readlink -f "\$0")")
system=\$(getconf GNU_LIBC_VERSION 2>/dev/null | cut -d' ' -f2)
oldest=\$(printf '%s\n%s\n' "$FLOOR" "\${system:-0}" | sort -V | head -n 1)
if [ "\${GONGWEN_BUNDLED_GLIBC:-0}" != 1 ] && [ "\$oldest" = "$FLOOR" ]; then
    exec "\$here/$NAME-bin" "\$@"
fi
# An environment variable, not --library-path: the bootloader re-executes itself (through this loader)
# with _internal prepended to LD_LIBRARY_PATH, and the C library must still be found then.
export LD_LIBRARY_PATH="\$here/_internal/glibc\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
exec "\$here/_internal/glibc/$LOADER" "\$here/$NAME-bin" "\$@"
LAUNCHER
chmod 755 "$BUNDLE/$NAME"
echo "    glibc $BUILT_WITH bundled ($(du -sm "$GLIBC_DIR" | cut -f1) MB); the program needs glibc ≥ $FLOOR"
