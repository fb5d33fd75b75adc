#!/usr/bin/env bash
# Set up (first run) and start 公文写作助手. Usage: ./run.sh [FILE]   (no FILE: a sample draft)
set -euo pipefail
cd "$(dirname "$0")"
. packaging/setup_env.sh
setup_env desktop
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "!!  没有图形桌面（DISPLAY 未设置）。请在桌面环境中运行，或用 xvfb-run ./run.sh 在虚拟屏幕上运行。" >&2
    exit 1
fi
exec .venv/bin/python main.py "$@"
