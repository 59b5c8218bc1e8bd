# shellcheck shell=bash
# Toolchain bootstrap shared by scripts/serve, scripts/test and scripts/bench.
#
# Sourced, not run. Every `ensure_*` function checks what is already on the machine and
# installs only what is missing, so a warm machine passes through in a second or two.
# Everything comes from the registries this machine can reach (crates.io, npm, Debian);
# nothing is downloaded from anywhere else at run time (TRUNK_OFFLINE=true).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/scripts/node_modules/.bin:$PATH"
TRUNK_VERSION=0.21.14

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

# The wasm-bindgen version pinned with `=` in Cargo.toml; the CLI must match it exactly.
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = { *version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' \
    "$ROOT/Cargo.toml" | head -n1
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then return; fi
  log "installing trunk $TRUNK_VERSION (a few minutes, once)"
  # Trunk's own release profile (fat LTO, one codegen unit) takes ~14 min on two cores;
  # these two settings apply to this one install and cut that to a few minutes.
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
  local want; want="$(wasm_bindgen_version)"
  [ -n "$want" ] || { echo "no wasm-bindgen = \"=X.Y.Z\" pin in Cargo.toml" >&2; exit 1; }
  if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want" &&
     command -v wasm-bindgen-test-runner >/dev/null; then return; fi
  log "installing wasm-bindgen-cli $want (matches Cargo.toml)"
  # Not --locked: its lock file names a crate version this registry mirror lacks.
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "$want" --force
}

# npm packages of one folder (scripts/: wasm-opt; tests/: Playwright), from its committed lock.
ensure_npm_packages() {
  local dir="$ROOT/$1"
  if [ -f "$dir/node_modules/.package-lock.json" ] &&
     [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    return
  fi
  log "installing npm packages from $1/package-lock.json"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  log "installing Debian chromium and chromium-driver"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
}

# Everything `trunk build` / `trunk serve` needs, fetched once so Trunk can run offline.
ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm_packages scripts
  (cd "$ROOT" && cargo fetch --quiet)
  export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
}

# Everything the browser tests need on top of the build tools.
ensure_test_tools() {
  ensure_build_tools
  ensure_chromium
  ensure_npm_packages tests
}
