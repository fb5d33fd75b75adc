# Shared by build_windows.sh and the `windows` test (sourced, not run): where the Windows toolchain
# lives and how Wine is called. TOOL defaults to .wintool/ in the clone (ignored by git).
TOOL=${TOOL:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.wintool}
# No Mono/Gecko download prompts; no winemenubuilder, which copies Windows shortcuts and file
# associations into the Linux desktop (~/.local/share/applications, ~/.config/menus).
export WINEDEBUG=-all WINEARCH=win64 WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
WINE=/usr/lib/wine/wine64
WINESERVER=/usr/lib/wine/wineserver64
# Wine starts in the zh_CN.UTF-8 locale built into the toolchain (code page 936, UTF-8 file names)
# without touching /etc; the test switches to en_US for an English-language Windows.
export LOCPATH="$TOOL/locale"

# A Wine prefix ready for Qt: Wine's null display driver (with the default driver Qt's event loop
# spins at 100 % CPU and windows never settle) and the TEST-ONLY ICU stub in its system32 (Qt6Core.dll
# imports icuuc.dll, which Windows 10+ has and Wine 8 lacks; the stub is never bundled, see icustub/).
new_prefix() {
    local prefix="$1"
    WINEPREFIX="$prefix" $WINE wineboot -i </dev/null >/dev/null 2>&1 || true
    # Wine links Desktop, Documents… to the Linux home folder: make them the prefix's own folders,
    # so shortcuts and files the app writes stay inside the prefix.
    find "$prefix/drive_c/users" -mindepth 2 -maxdepth 2 -type l -exec sh -c 'rm "$1" && mkdir "$1"' _ {} \;
    WINEPREFIX="$prefix" $WINE reg add 'HKCU\Software\Wine\Drivers' /v Graphics /d null /f </dev/null >/dev/null
    WINEPREFIX="$prefix" $WINESERVER -w  # the first Qt run can hang while the prefix is still settling
    x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -shared -s -static-libgcc \
        -o "$prefix/drive_c/windows/system32/icuuc.dll" \
        "$(dirname "${BASH_SOURCE[0]}")/icustub/icuuc_stub.c" "$(dirname "${BASH_SOURCE[0]}")/icustub/icuuc.def"
}

# Run a Windows program: stdin from /dev/null and stdout/stderr into a pipe, because Python under
# Wine dies ("init_sys_streams … Invalid handle") when stdin is a terminal or stdout a regular file.
run_wine() {
    $WINE "$@" </dev/null 2>&1 | cat
    return "${PIPESTATUS[0]}"
}
