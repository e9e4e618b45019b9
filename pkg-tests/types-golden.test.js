// The public types, pinned: pkg/ordercraft.d.ts (generated from the Rust models and the registry)
// must equal pkg-tests/golden/ordercraft.d.ts, so every change to the public types is a visible
// diff in review. After an intended change: `npm run types:golden` and commit the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('the generated declarations match the reviewed golden file', () => {
  const built = readFileSync(new URL('./node_modules/ordercraft/pkg/ordercraft.d.ts', import.meta.url), 'utf8');
  const golden = readFileSync(new URL('./golden/ordercraft.d.ts', import.meta.url), 'utf8');
  if (built !== golden) {
    const a = built.split('\n');
    const b = golden.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    assert.fail(`pkg/ordercraft.d.ts differs from pkg-tests/golden/ordercraft.d.ts from line ${line + 1}:\n  built:  ${a[line]}\n  golden: ${b[line]}\nIf intended: npm run types:golden`);
  }
});
