#!/usr/bin/env bash
# Builds the npm package's wasm part into pkg/: one `--target web` build serves Node and browsers.
set -euo pipefail
source "$(dirname "$0")/env.sh"

# --mode no-install: use wasm-bindgen and wasm-opt from PATH, never download them.
# The `wasm` feature adds the JS boundary and the TypeScript derives to the plain core.
wasm-pack --quiet build --target web --release --mode no-install --no-pack \
  --out-dir pkg --out-name ordercraft -- --features wasm

# wasm-pack's pkg/.gitignore (`*`) would make `npm pack` drop the built files, and the
# pkg/package.json it writes once the package has dependencies (no "type") would make Node read
# pkg/*.js as CommonJS first; the package's own package.json is the one that counts.
rm -f pkg/.gitignore pkg/package.json

# The error classes must be one module instance for the glue (which imports them from its
# snippet copy) and for the package entries, so `instanceof` holds: re-export that copy.
mapfile -t snippets < <(cd pkg && ls snippets/*/js/errors.js)
if [ "${#snippets[@]}" -ne 1 ]; then
  echo "[build] expected one snippets/*/js/errors.js, found ${#snippets[@]}: ${snippets[*]}" >&2
  exit 1
fi
printf "export * from './%s';\n" "${snippets[0]}" > pkg/errors.js

# Types from the registry, wasm-bindgen's loader types out, and functions that refuse a call before init().
node scripts/postbuild.mjs

printf '[build] pkg/ordercraft_bg.wasm: %s bytes\n' "$(wc -c < pkg/ordercraft_bg.wasm)"
