#!/usr/bin/env bash
# Installs what is needed, builds WsScope, and opens it on its built-in demo server.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
exec ./build/app/wsscope --demo "$@"
