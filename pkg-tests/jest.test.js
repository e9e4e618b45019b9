// Jest in its default configuration (CommonJS, no transform settings) testing code that
// `require`s the installed package: Jest resolves the `require` condition, the CommonJS build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const project = new URL('./.tmp/jest-project/', import.meta.url);

test('a default Jest setup requires the package and runs a test with it', () => {
  mkdirSync(project, { recursive: true });
  writeFileSync(new URL('package.json', project), JSON.stringify({ name: 'jest-project', private: true }));
  writeFileSync(new URL('order.test.js', project), `
const oc = require('ordercraft');
test('validates and prepares', () => {
  const order = oc.example('eccang:createOrder');
  expect(oc.validate('eccang:createOrder', order).ok).toBe(true);
  const req = oc.prepare('eccang:createOrder', order, { appToken: 't', appKey: 'k', endpoint: 'http://x' });
  expect(req.body).toContain('<paramsJson>');
  expect(() => oc.prepare('eccang:createOrder', {}, { appToken: 't', appKey: 'k', endpoint: 'http://x' })).toThrow(oc.OrderValidationError);
});
`);
  const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
  const run = spawnSync(process.execPath, [jest, '--ci', '--rootDir', fileURLToPath(project)], { encoding: 'utf8', cwd: fileURLToPath(project) });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /Tests:\s+1 passed, 1 total/);
});
