#!/usr/bin/env bash
# Smoke-fuzz every target from its seeds, reproducibly: a fixed libFuzzer seed (FUZZ_SEED,
# default 1), a fixed number of runs per target and a fresh corpus each time, so that the run in
# CI follows the run on a developer's machine, and a crash it finds can be looked for again by
# running this script. FUZZ_SEED=random fuzzes afresh; FUZZ_SCALE multiplies the runs. Exits non-zero as soon
# as a target crashes; the crashing input is left in fuzz/artifacts/<target>/.
# Needs cargo-fuzz (installed here if missing) and, on a stable toolchain, RUSTC_BOOTSTRAP=1
# for the sanitizer flags cargo-fuzz passes (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz
fi
seed="${FUZZ_SEED:-1}"
if [ "$seed" = random ]; then
  seed=0 # libFuzzer's own choice, printed as "Seed:" at the start of each run
elif ! [[ "$seed" =~ ^[1-9][0-9]*$ ]]; then
  echo "FUZZ_SEED must be a positive number or \"random\", not \"$seed\"" >&2
  exit 2
fi
scale="${FUZZ_SCALE:-1}"
# About 20 s each on a 2-core machine.
declare -A runs=([lint]=12000 [fix]=4000 [incremental_edits]=100000)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
nice -n 19 cargo fuzz build -O
for target in lint fix incremental_edits; do
  n=$((runs[$target] * scale))
  echo "== fuzz $target: $n runs, seed $seed"
  mkdir -p "$work/$target"
  # New inputs go to the throwaway corpus; seeds/<target> is only read.
  if ! nice -n 19 cargo fuzz run -O "$target" "$work/$target" "seeds/$target" -- \
    -seed="$seed" -runs="$n" -max_total_time=600 -max_len=65536 -timeout=20 \
    -rss_limit_mb=2048 -print_final_stats=1; then
    # The input in full, so that a crash seen only in CI's log can be kept as a seed:
    # base64 -d > seeds/<target>/<name>.
    newest="$(ls -t "artifacts/$target"/* 2>/dev/null | head -n 1)"
    if [ -n "$newest" ]; then
      echo "== $target crashed on $newest, in base64:"
      base64 -w 0 "$newest"
      echo
    fi
    exit 1
  fi
done
echo "== fuzz smoke run: no crashes"
