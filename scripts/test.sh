#!/usr/bin/env bash
# The whole test suite: formatting, lints, UI type check and unit tests, Rust unit/integration/CLI
# tests (with the short crash-kill test) and the end-to-end tests of the real window under Xvfb
# (every app traced for network calls), then a bounded fuzz run. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - start ))s)"; }

step "system packages"
bash scripts/setup-system.sh

step "UI dependencies and build"
bash scripts/build-ui.sh

step "UI type check"
(cd ui && npm run check)

step "UI unit tests"
(cd ui && npm test)

step "holiday table matches its two sources (scripts/gen_holidays.py --check)"
venv=target/holidays-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q holidays==0.109
"$venv/bin/python" scripts/gen_holidays.py --check

step "HSK table and classification cases match their sources (scripts/gen_hsk_table.py, gen_hs_precedents.py --check)"
python3 scripts/gen_hsk_table.py --check
python3 scripts/gen_hs_precedents.py --check

step "cargo fmt"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test (with the real window under Xvfb)"
xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace

step "fuzzing every parser, bounded (scripts/fuzz.sh; longer runs: scripts/fuzz.sh 180)"
bash scripts/fuzz.sh 10

step "all tests passed"
