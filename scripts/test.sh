#!/usr/bin/env bash
# Runs the test suites against a fresh build: `scripts/test.sh` all of them, or one by name
# (`rust`, `wasm`, `browser`, `pkg`, `fuzz`). `npm test` runs setup and build first.
set -euo pipefail
source "$(dirname "$0")/env.sh"
suite=${1:-all}

if [ "$suite" = all ] || [ "$suite" = rust ]; then
  # The crate's lints (Cargo.toml) deny unwrap, expect and panic: a panic in wasm is an opaque
  # `unreachable`. Checked natively and for wasm32 with the JS boundary; a warning fails too.
  # The fuzz targets are a crate of their own (stable checks them; only running them needs nightly).
  echo "== cargo fmt --check, cargo clippy (native, wasm32 with the boundary, the fuzz targets)"
  cargo fmt --check
  cargo clippy --quiet --all-targets -- -D warnings
  cargo clippy --quiet --target wasm32-unknown-unknown --features wasm --all-targets -- -D warnings
  (cd fuzz && cargo fmt --check && cargo clippy --quiet --all-targets -- -D warnings)
  echo "== cargo test (native core)"
  cargo test --quiet
fi

if [ "$suite" = all ] || [ "$suite" = fuzz ]; then
  echo "== cargo fuzz (short run of each target; scripts/fuzz.sh SECONDS for a long one)"
  bash scripts/fuzz.sh 25
fi

if [ "$suite" = all ] || [ "$suite" = wasm ]; then
  echo "== wasm-pack test --node (JS boundary)"
  wasm-pack test --node -- --features wasm
fi

if [ "$suite" = all ] || [ "$suite" = browser ]; then
  echo "== wasm-pack test --headless --chrome (JS boundary in Chromium)"
  wasm-pack test --headless --chrome -- --features wasm --test browser_boundary
fi

if [ "$suite" = all ] || [ "$suite" = pkg ]; then
  echo "== node --test pkg-tests/ (the packed package, installed as a user installs it)"
  rm -rf pkg-tests/.tmp pkg-tests/node_modules
  mkdir -p pkg-tests/.tmp
  npm pack --silent --pack-destination pkg-tests/.tmp >/dev/null
  (cd pkg-tests && npm install --no-save --no-package-lock --silent .tmp/ordercraft-*.tgz)
  tsc -p pkg-tests/tsconfig.json
  tsc -p pkg-tests/tsconfig.nodom.json
  tsc -p pkg-tests/tsconfig.cjs.json
  echo "== publint (the package's exports, files and types as npm publishes them)"
  publint --strict .
  echo "== attw (types resolve for node10, node16 ESM and CJS, bundlers; the .wasm asset has none to check)"
  attw pkg-tests/.tmp/ordercraft-*.tgz --format table-flipped --exclude-entrypoints ./ordercraft_bg.wasm ./inline
  # ordercraft/inline is for bundlers: ESM only, by design.
  attw pkg-tests/.tmp/ordercraft-*.tgz --format table-flipped --entrypoints ./inline --profile esm-only
  node --test pkg-tests/
  # The package must work on each Node line `engines` admits: the Node-side tests again under each
  # other line still supported (the page tests drive Chromium, whatever runs them), fetched here
  # on first use rather than by setup, which `npm start` runs too.
  other_nodes=$(node scripts/node-lines.js)
  for other_node in $other_nodes; do
    echo "== node --test pkg-tests/ under Node $("$other_node" --version), but the page tests"
    "$other_node" --test $(ls pkg-tests/*.test.js | grep -v -e /browser.test.js -e /builder.test.js)
  done
  echo "== bench smoke run (the script works; figures come from npm run bench)"
  node bench/run.js --quick > /dev/null
fi
