#!/usr/bin/env bash
# Installs code-server 4.100.3 (the last line that runs on Node 20) and Debian's Chromium for
# the real-editor test, without any download other than the npm registry and Debian's apt.
# Idempotent: a marker file is written only after every step succeeded, and a cached install
# with the marker is reused as is. Prints the install dir on its last line.
# Cache: ${IMR_E2E_CACHE:-$HOME/.cache/imr-e2e}/code-server-4.100.3
set -euo pipefail

VERSION=4.100.3
HOME_DIR="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"   # CI may run without HOME
CACHE="${IMR_E2E_CACHE:-$HOME_DIR/.cache/imr-e2e}"
DIR="$CACHE/code-server-$VERSION"
MARKER="$DIR/.installed-ok"

log() { echo "[install-code-server] $*" >&2; }
fail() { echo "[install-code-server] FAILED: $*" >&2; exit 1; }

# --- Debian packages, only when missing -------------------------------------------------
need_apt=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if ((${#need_apt[@]})); then
  # Another process may hold the dpkg lock (e.g. a parallel install): wait for it.
  log "apt-get install ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq || fail "apt-get update"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need_apt[@]}" >&2 || fail "apt-get install ${need_apt[*]}"
fi
command -v chromium >/dev/null 2>&1 || fail "chromium is not on PATH after install"
RG="$(command -v rg)" || fail "ripgrep (rg) is not on PATH after install"

# --- code-server, cached ------------------------------------------------------------------
if [ -f "$MARKER" ] && [ -f "$DIR/node_modules/code-server/out/node/entry.js" ]; then
  log "cached: $DIR"
  echo "$DIR"
  exit 0
fi

log "installing code-server $VERSION into $DIR (takes a few minutes)"
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2 || fail "npm install code-server@$VERSION"

cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2 || fail "npm install of the VS Code server's dependencies"
npm_config_yes=true npm rebuild @vscode/spdlog node-pty @parcel/watcher kerberos native-watchdog @vscode/deviceid >&2 \
  || fail "rebuilding the VS Code server's native modules"
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$RG" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar

# code-server loads argon2 at start even with --auth none; its install script downloads a
# prebuilt binary, so build it from source against the machine's Node headers instead.
cd "$DIR/node_modules/argon2"
NODE_GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP" ] || fail "node-gyp not found at $NODE_GYP"
NODEDIR="$(dirname "$(dirname "$(command -v node)")")"
node "$NODE_GYP" rebuild --nodedir="$NODEDIR" \
  --module="$PWD/lib/binding/napi-v3/argon2.node" --module_name=argon2 \
  --module_path="$PWD/lib/binding/napi-v3" --napi_build_version=3 --node_napi_label=napi-v3 >&2 \
  || fail "building argon2"

# Smoke check: the entry point answers --version.
XDG_CONFIG_HOME="$DIR/.xdg-config" XDG_DATA_HOME="$DIR/.xdg-data" node "$DIR/node_modules/code-server/out/node/entry.js" --version >&2 || fail "code-server --version"

touch "$MARKER"
log "installed: $DIR"
echo "$DIR"
