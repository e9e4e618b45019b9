import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as oc from 'ordercraft';

const manifest = JSON.parse(readFileSync(new URL('./node_modules/ordercraft/package.json', import.meta.url)));

test('Node resolves the node condition, ready on import', async () => {
  assert.match(import.meta.resolve('ordercraft'), /node_modules\/ordercraft\/js\/node\.js$/);
  assert.equal(await oc.init(), undefined);
  assert.equal(typeof oc.prepareTop, 'function');
});

test('exports carry import (types, workerd, node, browser) and require (types, CommonJS) conditions, and the tarball holds the built files', () => {
  assert.deepEqual(Object.keys(manifest.exports['.']), ['import', 'require']);
  assert.deepEqual(Object.keys(manifest.exports['.'].import), ['types', 'workerd', 'node', 'default']);
  assert.deepEqual(Object.keys(manifest.exports['.'].require), ['types', 'default']);
  const files = ['js/node.js', 'js/browser.js', 'js/index.d.ts', 'pkg/ordercraft.js', 'pkg/ordercraft.d.ts', 'pkg/ordercraft_bg.wasm', 'pkg/errors.js',
    'pkg/guarded.js', 'pkg/index.cjs', 'pkg/index.d.cts', 'bin/ordercraft.js', 'LICENSE'];
  for (const f of files) assert.ok(readFileSync(new URL(`./node_modules/ordercraft/${f}`, import.meta.url)).length > 0, f);
});

test('the generated declarations come from the Rust types', () => {
  const dts = readFileSync(new URL('./node_modules/ordercraft/pkg/ordercraft.d.ts', import.meta.url), 'utf8');
  for (const decl of ['export interface Issue', 'export interface TopOptions', 'export interface PreparedRequest', 'export interface ResponseError', 'export type Code']) {
    assert.ok(dts.includes(decl), decl);
  }
});
