#!/usr/bin/env bash
# The VS Code extension's whole check, from a fresh clone: install the
# real-editor tools (cached), install the extension's npm packages from the
# lock file, unit tests, the release server (unless MINUTES_LINT_BIN names
# one), the .vsix, and the end-to-end test in real VS Code.
# Fails (non-zero) on the first missing tool or failing step; skips nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"
start=$(date +%s)
step() { echo "== [vscode +$(( $(date +%s) - start ))s] $*"; }

for tool in node npm python3 git; do
  command -v "$tool" >/dev/null || { echo "ci.sh: $tool is required but not installed" >&2; exit 1; }
done

step "code-server, Chromium and Node 24 for the e2e (scripts/e2e-setup.sh)"
bash "$here/scripts/e2e-setup.sh"

step "npm ci"
npm ci --no-audit --no-fund

step "unit tests (npm test)"
npm test

if [ -z "${MINUTES_LINT_BIN:-}" ]; then
  command -v cargo >/dev/null || { echo "ci.sh: cargo is required to build the server (or set MINUTES_LINT_BIN)" >&2; exit 1; }
  step "cargo build --release (the server to bundle)"
  (cd "$repo" && cargo build --release --locked)
  export MINUTES_LINT_BIN="$repo/target/release/minutes-lint"
fi
[ -x "$MINUTES_LINT_BIN" ] || { echo "ci.sh: MINUTES_LINT_BIN=$MINUTES_LINT_BIN is not an executable file" >&2; exit 1; }

step "package the .vsix with $MINUTES_LINT_BIN"
out=$(npm run --silent package)
echo "$out"
vsix=$(printf '%s\n' "$out" | sed -n 's/^package: wrote //p' | tail -n 1)
[ -f "$vsix" ] || { echo "ci.sh: packaging wrote no .vsix" >&2; exit 1; }

step "end-to-end test in VS Code (code-server) with $vsix"
MINUTES_LINT_VSIX="$vsix" npm run --silent e2e
step "done"
