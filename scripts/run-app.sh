#!/usr/bin/env bash
# Build and start ExportDesk, installing what is missing first.
# The database lives in ~/.local/share/exportdesk/ unless EXPORTDESK_DB names another file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
bash scripts/build-ui.sh
cargo build --release -p exportdesk-desktop -p exportdesk-cli
exec ./target/release/exportdesk-desktop "$@"
