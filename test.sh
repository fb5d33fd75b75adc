#!/usr/bin/env bash
# Set up (first run) and run the whole test suite, Qt tests offscreen. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
. packaging/setup_env.sh
setup_env offscreen
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
