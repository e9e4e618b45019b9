#!/usr/bin/env bash
# Installs whatever building and testing ordercraft needs and is missing; on a warm machine it
# only checks (a few seconds). Only the package registries are reachable: nothing here downloads
# a prebuilt binary from anywhere else.
set -euo pipefail
source "$(dirname "$0")/env.sh"

step() { printf '[setup] %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

have cargo || { echo "[setup] cargo (rustup) is required and is not on PATH" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The test script's lint stage: formatting and clippy (the crate's lints deny unwrap and panic).
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component-"; then
    step "adding the $component component"
    rustup component add "$component"
  fi
done

# The CLI must be exactly the crate's wasm-bindgen version (pinned with `=` in Cargo.toml).
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
  step "installing wasm-bindgen-cli $wbg_version (a few minutes)"
  # No --locked: the registry mirror lacks one locked transitive version.
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

if ! have wasm-pack; then
  step "installing wasm-pack (a few minutes)"
  cargo install wasm-pack
fi

# cargo-fuzz for the fuzzing stage, when the machine has the nightly toolchain it needs.
if cargo +nightly --version >/dev/null 2>&1 && ! have cargo-fuzz; then
  step "installing cargo-fuzz (a minute)"
  cargo install cargo-fuzz
fi

# npm packages: binaryen (wasm-opt), typescript, playwright-core, … as package-lock.json pins them.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm devDependencies"
  # Not `npm ci`: the registry here serves only this platform's builds of some optional
  # packages (workerd's, jest's resolver), so the lock cannot list the other platforms' and
  # `npm ci` refuses it as out of sync. `npm install` installs the locked versions all the same.
  npm install --no-audit --no-fund --loglevel=error
fi

# fonts-wqy-zenhei: a small CJK font, so the builder's screenshots show the docs' Chinese.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -d /usr/share/fonts/truetype/wqy ]; then
  step "installing Debian's chromium, chromium-driver and a CJK font"
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei >/dev/null
fi

step "ready"
