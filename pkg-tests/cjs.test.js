// `require('ordercraft')`: on Node 20 as it was before require(esm) (--no-experimental-require-module),
// the same API and error classes, with guards that hold across the ESM and CommonJS copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as esm from 'ordercraft';

const script = `
const oc = require('ordercraft');
const out = { endpoints: oc.endpoints().length, example: oc.example('eccang:createOrder').reference_no };
const req = oc.prepare('eccang:createOrder', oc.example('eccang:createOrder'), { appToken: 't', appKey: 'k', endpoint: 'http://x' });
out.body = req.body.includes('<paramsJson>');
try { oc.prepare('eccang:createOrder', {}, { appToken: 't', appKey: 'k', endpoint: 'http://x' }); } catch (e) {
  out.error = { name: e.name, instance: e instanceof oc.OrderValidationError, guard: oc.isOrderValidationError(e), stack: e.stack.split('\\n')[1].includes('[eval]') };
}
out.client = typeof oc.createClient({}).sendBatch;
console.log(JSON.stringify(out));
`;

test('require() works without require(esm), with the same API and error classes', () => {
  const out = JSON.parse(execFileSync(process.execPath, ['--no-experimental-require-module', '-e', script], { cwd: new URL('.', import.meta.url), encoding: 'utf8' }));
  assert.deepEqual(out, {
    endpoints: esm.endpoints().length, example: esm.example('eccang:createOrder').reference_no, body: true,
    error: { name: 'OrderValidationError', instance: true, guard: true, stack: true }, client: 'function',
  });
});

test('an error from the CommonJS copy is recognised by the ESM guards', async () => {
  const { createRequire } = await import('node:module');
  const cjs = createRequire(import.meta.url)('ordercraft');
  let error;
  try { cjs.validate('top:nope', {}); } catch (e) { error = e; }
  assert.equal(esm.isUnknownEndpointError(error), true);
  assert.equal(esm.isOrdercraftError(error), true);
  assert.equal(error instanceof esm.UnknownEndpointError, false, 'two copies: instanceof cannot hold, the guard does');
});
