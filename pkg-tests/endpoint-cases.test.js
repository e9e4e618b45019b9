// Every registered endpoint, through the packed package, from the files in its own folder: the
// break-one-field cases give the same issues as natively, and the sample answers parse as what
// they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as oc from 'ordercraft';
import { endpointCases, sampleAnswer } from '../scripts/endpoint-files.js';

function setAt(order, pointer, value) {
  const parts = pointer.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = parts.pop();
  const parent = parts.reduce((v, p) => v[p], order);
  if (value === undefined) delete parent[last]; else parent[last] = value;
}

const issuesOf = (id, order) => oc.validate(id, order).issues.map((i) => [i.path, i.code, i.severity]);
const expected = ([path, code, severity = 'error']) => [path, code, severity];

for (const endpoint of oc.endpoints()) {
  const { id } = endpoint;
  test(`${id}: the cases in its folder`, () => {
    const suite = endpointCases(endpoint);
    assert.deepEqual(issuesOf(id, oc.example(id)), suite.example.map(expected), 'the example');
    const base = oc.example(id);
    for (const [pointer, value] of Object.entries(suite.base ?? {})) setAt(base, pointer, value);
    assert.ok(suite.cases.length > 0);
    for (const c of suite.cases) {
      const order = structuredClone(base);
      for (const pointer of c.remove ?? []) setAt(order, pointer, undefined);
      for (const [pointer, value] of Object.entries(c.set ?? {})) setAt(order, pointer, value);
      const got = issuesOf(id, order);
      const label = JSON.stringify(c);
      if (c.only) assert.deepEqual(got, [expected(c.only)], label);
      else if (c.has) {
        assert.ok(got.some((i) => JSON.stringify(i) === JSON.stringify(expected(c.has))), `${label}: ${JSON.stringify(got)}`);
        if (c.errors !== undefined) assert.equal(got.filter((i) => i[2] === 'error').length, c.errors, label);
      } else {
        assert.equal(c.clean, true, label);
        assert.deepEqual(got, [], label);
      }
    }
  });

  test(`${id}: its sample answers parse as success and failure`, () => {
    assert.equal(oc.parseResponse(id, sampleAnswer(endpoint, 'success')).ok, true);
    assert.equal(oc.parseResponse(id, sampleAnswer(endpoint, 'failure')).ok, false);
  });
}

// A number is sent with the caller's own digits. (Before: a double such as 1.2350075938893521e-6,
// which JSON.stringify writes 0.0000012350075938893521, went out as 1.235007593889352e-6 — a
// different number — because the JSON reader without float_roundtrip reads it one unit off.)
test('every endpoint sends a number exactly as JavaScript wrote it', () => {
  const opts = { top: { appKey: 'k', appSecret: 's' }, pandapon: { accessKey: 'a', accessSecret: 's', userId: 'u' }, eccang: { appToken: 't', appKey: 'k', endpoint: 'http://127.0.0.1/ws' } };
  for (const { id, provider } of oc.endpoints()) {
    for (const n of [1.2350075938893521e-6, 0.1 + 0.2, 123456.78901234567, 1e21]) {
      const order = { ...oc.example(id), measured: n };
      const { body } = oc.prepare(id, order, { ...opts[provider], unknownFields: 'send' });
      const written = provider === 'top' ? JSON.stringify(n).replaceAll('+', '%2B') : JSON.stringify(n); // a form writes + as %2B
      assert.ok(body.includes(written), `${id}: ${JSON.stringify(n)} sent as given`);
    }
  }
});

test('prepareTop, topStringToSign, preparePandapon and prepareEccang send numbers as given too', () => {
  const n = 1.2350075938893521e-6; // JSON.stringify: 0.0000012350075938893521
  const digits = JSON.stringify(n);
  assert.ok(oc.prepareTop('a.b', { measured: n, nested: { n } }, { appKey: 'k', appSecret: 's' }).body.includes(digits));
  assert.ok(oc.topStringToSign({ measured: n }).includes(digits));
  assert.ok(oc.preparePandapon('/x', { measured: n }, { accessKey: 'a', accessSecret: 's', userId: 'u' }).body.includes(digits));
  assert.ok(oc.prepareEccang('x', { measured: n }, { appToken: 't', appKey: 'k', endpoint: 'http://127.0.0.1/ws' }).body.includes(digits));
  // A Date among TOP parameters is still TOP's GMT+8 time.
  const body = oc.prepareTop('a.b', { at: new Date(Date.UTC(2024, 0, 1)), measured: n }, { appKey: 'k', appSecret: 's' }).body;
  assert.equal(new URLSearchParams(body).get('at'), '2024-01-01 08:00:00');
});
