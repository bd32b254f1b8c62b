#!/usr/bin/env bash
# Install the Debian/Ubuntu packages ExportDesk needs to build, run and test, if any is missing.
# Safe to run again: it installs nothing when everything is there.
set -euo pipefail

packages=(build-essential pkg-config libwebkit2gtk-4.1-dev libdbus-1-dev libssl-dev xvfb xauth
          webkit2gtk-driver fonts-nanum poppler-utils sqlite3 curl strace x11-apps)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is not installed. Install it with your distribution's rustup package or from rustup, then run this again." >&2
  exit 1
fi
