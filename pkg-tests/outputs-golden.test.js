// Requests, issues and errors, byte for byte as the build before the one-pass rewrite made them
// (pkg-tests/support/outputs.js says what is covered). After an intended change of output:
// `npm run outputs:golden`, and say why in the commit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as oc from 'ordercraft';
import { outputDigests } from './support/outputs.js';

test('every hostile-suite call and bench order gives the golden output', async () => {
  const golden = JSON.parse(readFileSync(new URL('./golden/outputs.json', import.meta.url), 'utf8'));
  const built = await outputDigests(oc);
  assert.deepEqual(Object.keys(built), Object.keys(golden), 'the same cases');
  const changed = Object.keys(golden).filter((k) => built[k] !== golden[k]);
  assert.deepEqual(changed, [], 'cases whose output changed');
});
