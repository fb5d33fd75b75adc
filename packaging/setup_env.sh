# Shared set-up for run.sh and test.sh (sourced, not run): system libraries, then .venv/.
# Usage: setup_env <offscreen|desktop>
# On a fresh Debian machine we run as root; missing Debian packages are installed with apt-get and
# named on the screen. The virtualenv is refreshed only when pyproject.toml changed.

QT_OFFSCREEN_PACKAGES="libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3"
QT_X11_PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-xfixes0"
CJK_FONT_PACKAGES="fonts-wqy-microhei"

install_missing_debs() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> 安装系统库 / installing Debian packages: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "!!  请先以管理员身份安装 / please install as root: apt-get install ${missing[*]}" >&2
        return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
}

find_python311() {
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
            echo "$candidate"; return 0
        fi
    done
    echo "!!  需要 Python 3.11 / Python 3.11 is required" >&2
    return 1
}

setup_env() {
    local mode="$1"
    if command -v dpkg-query >/dev/null; then
        # shellcheck disable=SC2086
        install_missing_debs $QT_OFFSCREEN_PACKAGES
        # shellcheck disable=SC2086
        [ "$mode" = desktop ] && install_missing_debs $QT_X11_PACKAGES $CJK_FONT_PACKAGES
    fi
    local python stamp wanted
    python=$(find_python311)
    [ -x .venv/bin/python ] || { echo "==> 创建虚拟环境 .venv"; "$python" -m venv .venv; }
    stamp=.venv/.installed-pyproject
    wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
        echo "==> 安装依赖 / installing the project and its pinned dependencies into .venv"
        .venv/bin/python -m pip install -q --upgrade pip
        .venv/bin/python -m pip install -q -e ".[test]"
        echo "$wanted" > "$stamp"
    fi
}
