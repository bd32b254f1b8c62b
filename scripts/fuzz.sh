#!/usr/bin/env bash
# Fuzz every parser of hostile input for a bounded time (crates/exportdesk-fuzz, fuzz/).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 15 (about 2 minutes of fuzzing for all eight, plus the build). Builds the cargo-fuzz project in fuzz/ (installing
# cargo-fuzz when missing; stable Rust with RUSTC_BOOTSTRAP=1), runs each target from its
# committed seeds (fuzz/seeds/<target>) and the minimised crashes (fuzz/regressions/<target>),
# prints the executions per target and fails if any target crashed. Runs longer than a minute per
# target also start from and grow the local corpus (fuzz/corpus/<target>, not committed); shorter
# ones use a throw-away corpus so a big local corpus cannot stretch the bounded run. A crash input is left in fuzz/artifacts/<target>/;
# minimise it with `RUSTC_BOOTSTRAP=1 cargo fuzz tmin -s none -a TARGET FILE` (in fuzz/), fix the
# parser, and save the minimised input under fuzz/regressions/<target>/ with a descriptive name
# (crates/exportdesk-fuzz/tests/regressions.rs replays it in `cargo test`).
#
# Environment: FUZZ_SANITIZER (none|address, default none: coverage-guided only, fastest build),
# FUZZ_JOBS (targets run at once, default 1), FUZZ_LOG_DIR (keep the libFuzzer logs there),
# FUZZ_CORPUS_DIR (the corpus root to use instead).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-15}
shift || true
ALL_TARGETS=(order_csv order_xlsx rate_csv bom_import rulebook psr_rule psr_book check_json)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL_TARGETS[@]}"); fi
SANITIZER=${FUZZ_SANITIZER:-none}
JOBS=${FUZZ_JOBS:-1}
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

cd "$ROOT/fuzz"
# A fresh clone has no fuzz lock file: start from the workspace's, so versions match.
[ -f Cargo.lock ] || cp "$ROOT/Cargo.lock" Cargo.lock

FLAGS=(-s "$SANITIZER" -a)
start=$(date +%s)
echo "fuzz: building ${#TARGETS[@]} targets (sanitizer: $SANITIZER)"
BUILD_LOG=$(mktemp)
build() {
  if [ ${#TARGETS[@]} = ${#ALL_TARGETS[@]} ]; then
    cargo fuzz build "${FLAGS[@]}"
  else
    for t in "${TARGETS[@]}"; do cargo fuzz build "${FLAGS[@]}" "$t" || return 1; done
  fi
}
if ! build >"$BUILD_LOG" 2>&1; then
  cat "$BUILD_LOG" >&2
  echo "fuzz: build failed" >&2
  exit 1
fi
rm -f "$BUILD_LOG"
echo "fuzz: built in $(($(date +%s) - start)) s"

if [ -n "${FUZZ_LOG_DIR:-}" ]; then
  LOGS=$FUZZ_LOG_DIR
  mkdir -p "$LOGS"
else
  LOGS=$(mktemp -d)
  trap 'rm -rf "$LOGS"' EXIT
fi

if [ -n "${FUZZ_CORPUS_DIR:-}" ]; then
  CORPUS=$FUZZ_CORPUS_DIR
elif [ "$SECONDS_PER_TARGET" -gt 60 ]; then
  CORPUS=corpus
else
  CORPUS=$LOGS/corpus
fi

run_target() {
  local t=$1
  mkdir -p "$CORPUS/$t" "artifacts/$t"
  local dirs=("$CORPUS/$t" "seeds/$t")
  [ -d "regressions/$t" ] && dirs+=("regressions/$t")
  # -timeout: an input that takes this long is a hang; -rss_limit_mb: a memory blow-up.
  cargo fuzz run "${FLAGS[@]}" "$t" "${dirs[@]}" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$LOGS/$t.log" 2>&1
  echo $? >"$LOGS/$t.rc"
}

running=0
for t in "${TARGETS[@]}"; do
  run_target "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

failed=0
printf '\n%-12s %12s %8s %8s  %s\n' target execs "exec/s" corpus result
for t in "${TARGETS[@]}"; do
  log="$LOGS/$t.log"
  rc=$(cat "$LOGS/$t.rc" 2>/dev/null || echo 1)
  execs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
  [ -n "$execs" ] || execs=$(grep -Eo '^Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
  secs=$(grep -Eo '^Done [0-9]+ runs in [0-9]+ second' "$log" | grep -Eo '[0-9]+ second' | grep -Eo '[0-9]+' | tail -1 || true)
  rate=$(grep -Eo 'stat::average_exec_per_sec: [0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
  if [ -z "$rate" ] && [ -n "$execs" ] && [ -n "$secs" ] && [ "$secs" -gt 0 ]; then rate=$((execs / secs)); fi
  corpus=$(find "$CORPUS/$t" -type f | wc -l)
  if [ "$rc" = 0 ]; then
    result=ok
  else
    result="CRASH (exit $rc)"
    failed=1
  fi
  printf '%-12s %12s %8s %8s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
  if [ "$rc" != 0 ]; then
    echo "---- $t: last lines of the libFuzzer log ----"
    grep -E 'panicked|SUMMARY|Test unit written|ERROR|deadly|timeout|out-of-memory' "$log" | head -20 || true
    tail -40 "$log"
    echo "---- $t: crash inputs in fuzz/artifacts/$t/ ----"
  fi
done
echo "fuzz: total $(($(date +%s) - start)) s"
exit $failed
