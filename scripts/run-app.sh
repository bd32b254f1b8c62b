#!/usr/bin/env bash
# Build and start ExportDesk, installing what is missing first.
# The database lives in ~/.local/share/exportdesk/ unless EXPORTDESK_DB names another file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
bash scripts/build-ui.sh
# The window as it ships (assets served through the custom protocol, as the .deb's binary is
# built), then the command-line tool beside it.
cargo build --release -p exportdesk-desktop --features tauri/custom-protocol
cargo build --release -p exportdesk-cli
exec ./target/release/exportdesk-desktop "$@"
