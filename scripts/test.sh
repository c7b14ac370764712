#!/usr/bin/env bash
# Builds WsScope and runs the whole test suite (unit, capture against real peers, GUI offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
"$(dirname "$0")/build.sh"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure --timeout 300 -j "$(nproc)"
