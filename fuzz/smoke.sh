#!/usr/bin/env bash
# Smoke-fuzz every target for a short while (FUZZ_SECONDS, default 20 s each) from the seeds.
# Exits non-zero as soon as a target crashes; the crashing input is left in fuzz/artifacts/.
# Needs cargo-fuzz (installed here if missing) and, on a stable toolchain, RUSTC_BOOTSTRAP=1
# for the sanitizer flags cargo-fuzz passes (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz
fi
seconds="${FUZZ_SECONDS:-20}"
targets=(lint fix incremental_edits)
nice -n 19 cargo fuzz build -O
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${seconds}s"
  mkdir -p "corpus/$target"
  # corpus/<target> (git-ignored) grows; seeds/<target> is only read.
  nice -n 19 cargo fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1
done
echo "== fuzz smoke run: no crashes"
