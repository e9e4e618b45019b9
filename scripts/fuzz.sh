#!/usr/bin/env bash
# Fuzzes the native core with cargo fuzz (libFuzzer, nightly): `scripts/fuzz.sh [SECONDS]` runs
# each target for SECONDS (default 25), seeded with the docs' examples. A crash fails the run and
# leaves its input in fuzz/artifacts/; turn it into a regression test before fixing it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
seconds=${1:-25}

if ! cargo +nightly --version >/dev/null 2>&1 || ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "[fuzz] skipped: needs the nightly toolchain and cargo-fuzz (scripts/setup.sh installs cargo-fuzz)" >&2
  exit 0
fi

# Seeds, from every endpoint folder: the example orders, tagged as orders (0), options (1), and
# the sample answers.
mkdir -p fuzz/corpus/orders fuzz/corpus/responses
printf '\1{"appKey":"k","appSecret":"s","timestamp":"2024-01-01 00:00:00","nonce":"n"}' > fuzz/corpus/orders/opts
for dir in src/providers/*/*/; do
  [ -f "$dir/example.json" ] || continue
  name=$(basename "$dir")
  { printf '\0'; cat "$dir/example.json"; } > "fuzz/corpus/orders/$name"
  for answer in "$dir"success.* "$dir"failure.*; do
    [ -f "$answer" ] && cp "$answer" "fuzz/corpus/responses/$name-$(basename "$answer")"
  done
done

for target in orders responses; do
  echo "[fuzz] $target for ${seconds}s"
  (cd fuzz && cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
    | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|INFO: Running|==[0-9]+== ERROR|SUMMARY|Done)" || true)
  test -z "$(ls fuzz/artifacts/$target 2>/dev/null)" || { echo "[fuzz] $target found a crash: fuzz/artifacts/$target" >&2; exit 1; }
done
