#!/usr/bin/env bash
# Builds the npm package's wasm part into pkg/: one `--target web` build serves Node and browsers.
set -euo pipefail
source "$(dirname "$0")/env.sh"

# --mode no-install: use wasm-bindgen and wasm-opt from PATH, never download them.
wasm-pack --quiet build --target web --release --mode no-install --no-pack \
  --out-dir pkg --out-name ordercraft

# wasm-pack's pkg/.gitignore (`*`) would make `npm pack` drop the built files.
rm -f pkg/.gitignore

# The error classes must be one module instance for the glue (which imports them from its
# snippet copy) and for the package entries, so `instanceof` holds: re-export that copy.
snippet=$(cd pkg && ls snippets/*/js/errors.js)
printf "export * from './%s';\n" "$snippet" > pkg/errors.js

printf '[build] pkg/ordercraft_bg.wasm: %s bytes\n' "$(wc -c < pkg/ordercraft_bg.wasm)"
