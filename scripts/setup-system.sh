#!/usr/bin/env bash
# System packages pyvirgl needs on Debian 12: Mesa's EGL/GL (the host GL and
# the guest driver), Xvfb and mesa-utils for windowed demo programs, piglit
# for conformance and virgl-server (the C reference) for comparisons.
# Idempotent: installs only what is missing.
set -euo pipefail

PACKAGES=(
  libegl1 libegl-mesa0 libgl1 libgl1-mesa-dri libgles2 libglx-mesa0
  xvfb xauth x11-utils x11-apps mesa-utils
  piglit virgl-server
  python3-venv util-linux
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all system packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup-system: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
