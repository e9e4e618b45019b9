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

/**
 * Whether fetch requests `url` where it is written, by the URL Standard's own reader (Node's
 * `URL`): it reads it, it carries no credentials (fetch refuses them), and the host, port and path
 * it reads are those written (the host in any case, a default port or none). Visible ASCII only:
 * anything else is encoded on the way, and the package asks for it written so.
 */
function fetchesAsWritten(url) {
  const written = /^(https?):\/\/([^/?#]*)([^?#]*)/.exec(url);
  if (!written || /[^\x21-\x7e]/.test(url)) return false;
  let read;
  try { read = new URL(url); } catch { return false; }
  const [, scheme, authority, path] = written;
  const [, host, port] = /^(.*?)(?::(\d*))?$/.exec(authority);
  const defaultPort = scheme === 'https' ? 443 : 80;
  return !read.username && !read.password && read.hostname === host.toLowerCase()
    && Number(read.port || defaultPort) === Number(port || defaultPort) && read.pathname === (path || '/');
}

test('a gateway, base URL or endpoint is taken exactly when fetch requests it where it is written (the URL Standard, independently)', () => {
  const urls = [
    'https://gw.api.taobao.com/router/rest', 'http://127.0.0.1:8787/top', 'http://x', 'https://x:/', 'https://x:65535/',
    'https://x:00080/', 'https://X.Example/A', 'https://x_y.example/', 'https://1.x/', 'https://x/a/.b', 'https://x/a/..b',
    'https://x/%zz', 'https://[::1]:8443/', 'http://[1:2:3:4:5:6:7:8]/p', 'https://x?a=1', 'https://1.2.3.4/',
    'https://x:65536/', 'https://x:8a/', 'https://user:pw@x/', 'https://user@x/', 'https://@x/', 'https://x/a b',
    'https://x\\y', 'https://x/a\\b', 'https://x/a/../b', 'https://x/./b', 'https://x/%2e%2E/b', 'https://x/a/.%2e',
    'http://[::1/', 'https://[::1]x/', 'https://[1.2.3.4]/', 'https://[fe80::1%25eth0]/', 'http://1.2.3.999/',
    'http://010.0.0.1/', 'http://0x7f.0.0.1/', 'http://1/', 'http://x.1/', 'http://1.2.3.4./', 'https://x<y/',
    'https://x^y/', 'https://x%41/', 'https://网关.cn/', 'ftp://x/', 'https://', ' https://x/',
  ];
  const accepted = (prepare) => (url) => { try { prepare(url); return true; } catch (e) { assert.ok(e instanceof oc.ArgumentError, e.message); return false; } };
  const top = accepted((gateway) => oc.prepareTop('a.b', {}, { appKey: 'k', appSecret: 's', gateway }));
  const eccang = accepted((endpoint) => oc.prepareEccang('createOrder', {}, { appToken: 't', appKey: 'k', endpoint }));
  const pandapon = accepted((baseUrl) => oc.preparePandapon('/a', {}, { accessKey: 'k', accessSecret: 's', userId: 'u', baseUrl }));
  for (const url of urls) {
    const expected = fetchesAsWritten(url);
    assert.equal(top(url), expected, `gateway ${url}`);
    assert.equal(eccang(url), expected, `endpoint ${url}`);
    // A base URL has the path appended: a query or fragment in it is refused too.
    assert.equal(pandapon(url), expected && !/[?#]/.test(url), `baseUrl ${url}`);
  }
  assert.ok(urls.filter(fetchesAsWritten).length >= 15 && urls.filter((u) => !fetchesAsWritten(u)).length >= 25, 'both kinds');
  // The message says what is wanted.
  assert.throws(() => oc.prepareTop('a.b', {}, { appKey: 'k', appSecret: 's', gateway: 'https://x:99999/' }),
    (e) => e.argument === 'opts.gateway' && /fetch requests as written/.test(e.message));
});
