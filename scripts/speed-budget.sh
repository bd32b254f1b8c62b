#!/usr/bin/env bash
# Speed budget of the release build (issue 8): start-up to a painted first screen and idle memory
# under Xvfb, and the invoice PDF against LibreOffice headless, in one run. Not part of the test
# suite (timings belong to measurements, not to pass/fail tests); the figures go in the README.
# Installs what it needs: the system packages, LibreOffice Calc (no GUI) and openpyxl in a venv.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
python3 -m venv --help >/dev/null 2>&1 || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
venv=target/speed-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import openpyxl" 2>/dev/null || "$venv/bin/pip" install -q openpyxl

bash scripts/build-ui.sh
# As the bundler builds it (assets embedded through the custom protocol), so the .deb's binary is
# the one measured and nothing is built twice.
cargo build --release -p exportdesk-desktop --features tauri/custom-protocol
cargo build --release -p exportdesk-cli
xvfb-run -a -s "-screen 0 1280x800x24" "$venv/bin/python" scripts/speed_budget.py
