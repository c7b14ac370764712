#!/usr/bin/env bash
# Installs everything WsScope needs to build, run and test on Debian 12 / Ubuntu.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends \
    build-essential cmake ninja-build pkg-config \
    qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools \
    qt6-translations-l10n libgl-dev zlib1g-dev \
    python3 python3-websockets openssl ca-certificates \
    xvfb xauth fonts-noto-cjk
