import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pandaponSign } from '../sandbox/signing.js';
import { readFileSync } from 'node:fs';
import * as oc from 'ordercraft';

const ID = 'pandapon:/alibaba/order/create/previewbatch';
const seed = readFileSync(new URL('../docs/provider-docs/pandapon-alibaba-order-create-previewbatch.txt', import.meta.url), 'utf8');
// The doc's example body, exactly as the seed prints it.
const seedBody = JSON.parse(seed.slice(seed.indexOf('{\n"addressParam"'), seed.indexOf('示例代码')));
const opts = { accessKey: '58c0201dfdf148eca63cbf6bb5e7cf03', accessSecret: 'pandapon-secret', userId: '2100007341207' };

// PandaPon's scheme computed independently: UPPER(HEX(MD5(access_key + timestamp + nonce_str + access_secret))).
const independent = (h, secret) => pandaponSign(h['access-key'], h.timestamp, h['nonce-str'], secret);

test("the seed's example body validates (warnings only) and prepares", () => {
  const v = oc.validate(ID, seedBody);
  assert.equal(v.ok, true);
  assert.deepEqual(v.issues.map((i) => [i.path, i.code, i.severity]), [
    ['/addressParam/phone', 'required', 'warning'],
    ['/cargoParamList/0/sellerOpenId', 'required', 'warning'],
    ['/cargoParamList/1/sellerOpenId', 'required', 'warning'],
  ]);
  const req = oc.prepare(ID, seedBody, opts);
  assert.equal(req.warnings.length, 3);
  assert.deepEqual(JSON.parse(req.body), seedBody);
  assert.equal(req.url, 'https://api.pandapon.com/alibaba/order/create/previewbatch');
  // Sent as given, the body is the caller's JSON text itself, non-ASCII and emoji included.
  const order = structuredClone(seedBody);
  order.addressParam.address = '留言 😀 {"x":"é"}';
  assert.equal(oc.prepare(ID, order, opts).body, JSON.stringify(order));
});

test("signature matches Node's crypto; five headers plus Content-Type; ms timestamp; Web Crypto nonce", () => {
  const before = Date.now();
  const a = oc.prepare(ID, seedBody, opts);
  const b = oc.prepare(ID, seedBody, opts);
  for (const req of [a, b]) {
    assert.deepEqual(Object.keys(req.headers), ['access-key', 'nonce-str', 'timestamp', 'user-id', 'signature', 'Content-Type']);
    assert.equal(req.headers['Content-Type'], 'application/json');
    assert.equal(req.headers['user-id'], opts.userId);
    assert.match(req.headers['nonce-str'], /^[0-9a-f]{32}$/);
    assert.match(req.headers.timestamp, /^\d{13}$/);
    assert.ok(Math.abs(Number(req.headers.timestamp) - before) < 5000);
    assert.equal(req.headers.signature, independent(req.headers, opts.accessSecret));
    assert.equal(req.signing.stringToSign, req.headers['access-key'] + req.headers.timestamp + req.headers['nonce-str'] + '********');
    assert.ok(!JSON.stringify(req).includes(opts.accessSecret));
  }
  assert.notEqual(a.headers['nonce-str'], b.headers['nonce-str']);
});

test('timestamp and nonce can be injected (seconds too), reproducing a request byte for byte', () => {
  const fixed = { ...opts, timestamp: new Date(1715669977082), nonce: 'nonce-str-0000000000000000000000' };
  const a = oc.prepare(ID, seedBody, fixed);
  const b = oc.prepare(ID, seedBody, fixed);
  assert.deepEqual(a, b);
  assert.equal(a.headers.timestamp, '1715669977082');
  const secs = oc.prepare(ID, seedBody, { ...fixed, timestampUnit: 'seconds' });
  assert.equal(secs.headers.timestamp, '1715669977');
  assert.equal(secs.headers.signature, independent(secs.headers, opts.accessSecret));
  assert.equal(oc.pandaponStringToSign({ ...fixed }), `${opts.accessKey}1715669977082nonce-str-0000000000000000000000********`);
});

test('preparePandapon signs any path of the family the same way', () => {
  const req = oc.preparePandapon('/alibaba/order/detail', { orderId: '3482310123456789012' }, { ...opts, baseUrl: 'http://127.0.0.1:9/' });
  assert.equal(req.url, 'http://127.0.0.1:9/alibaba/order/detail');
  assert.deepEqual(JSON.parse(req.body), { orderId: '3482310123456789012' });
  assert.equal(req.headers.signature, independent(req.headers, opts.accessSecret));
  assert.throws(() => oc.preparePandapon('alibaba/x y', {}, opts), (e) => e instanceof oc.ArgumentError && e.argument === 'path');
  // The URL is the one fetch requests: a `.` or `..` segment, which its URL reader would resolve
  // away, is refused rather than shown in a url the request does not go to.
  for (const path of ['/alibaba/order/create/previewbatch', '/a.b/c..d', '/a/.x']) {
    assert.equal(new URL(oc.preparePandapon(path, {}, opts).url).pathname, path);
  }
  for (const path of ['/../x', '/a/./b', '/a/..', '/.']) {
    assert.throws(() => oc.preparePandapon(path, {}, opts), (e) => e instanceof oc.ArgumentError && e.argument === 'path' && /no `\.` or `\.\.` segment/.test(e.message), path);
  }
});

test('CR, LF and non-ASCII in header values are errors, not headers', () => {
  for (const [key, value] of [['accessKey', 'k\r\nX-Evil: 1'], ['userId', '1\n'], ['nonce', 'n\u0000'], ['userId', '用户']]) {
    assert.throws(() => oc.prepare(ID, seedBody, { ...opts, [key]: value }), (e) => {
      assert.ok(e instanceof oc.ArgumentError);
      assert.equal(e.argument, `opts.${key}`);
      assert.ok(!e.message.includes(opts.accessSecret) && !e.message.includes(value));
      return true;
    });
  }
});

test("the doc's response parses; a failed seller is surfaced in failures", () => {
  const body = seed.slice(seed.indexOf('{\n"requestId"'), seed.indexOf('修改于'));
  const r = oc.parseResponse(ID, body);
  assert.equal(r.ok, true);
  assert.equal(r.requestId, '4b7d1c94daa04be79c80edb3b6b94bcf');
  assert.equal(r.data.orderPreviewResuslt[0].sumPaymentNoCarriage, 126000);
  assert.equal(r.failures, undefined);

  const failed = oc.parseResponse(ID, JSON.stringify({ code: 200, data: { orderPreviewResuslt: [{ status: false, errorCode: '500_001', errorMsg: '商品不可交易', sellerOpenId: 'S1' }] } }));
  assert.deepEqual(failed.failures.map((f) => [f.path, f.code, f.sellerOpenId]), [['/data/orderPreviewResuslt/0', '500_001', 'S1']]);
  assert.match(failed.failures[0].message, /cannot be traded/);

  const err = oc.parseResponse(ID, '{"requestId":"q","code":500,"msg":"系统错误"}');
  assert.deepEqual([err.ok, err.error.code, err.error.message, err.error.requestId], [false, '500', '系统错误', 'q']);
  // The service failing (a 5xx code) is no verdict on the request; its refusal (a 4xx code) is one.
  assert.equal(err.error.noVerdict, true);
  for (const [code, noVerdict] of [[503, true], ['502', true], [400, undefined], [429, undefined], [5000, undefined]]) {
    assert.equal(oc.parseResponse(ID, JSON.stringify({ code, msg: 'm' })).error.noVerdict, noVerdict, String(code));
  }
  // Ids past 2^53 in an answer arrive as exact strings, never rounded numbers.
  const big = oc.parsePandaponResponse('{"code":200,"data":{"orderId":3482310123456789012}}');
  assert.equal(big.data.orderId, '3482310123456789012');
});

test('issues repeated on many list items keep each its own path, code, severity and message', () => {
  // Item i lacks one field in turn and has an unknown field of its own: texts that repeat and
  // texts seen once interleave, past the 16 the boundary remembers to send a repeated text once.
  const base = oc.example(ID);
  const item = base.cargoParamList[0];
  const fields = Object.keys(item);
  const items = Array.from({ length: 60 }, (_, i) => {
    const it = { ...item, specId: item.specId.slice(0, -2) + String(i).padStart(2, '0'), [`extra${i}`]: i };
    delete it[fields[1 + (i % (fields.length - 1))]];
    if (i % 3 === 0 && 'quantity' in it) it.quantity = 'x';
    return it;
  });
  const inList = (issue) => issue.path.startsWith('/cargoParamList/');
  const all = oc.validate(ID, { ...base, cargoParamList: items }).issues;
  // The same items validated one at a time: no text repeats within one call.
  const alone = items.flatMap((it, i) =>
    oc.validate(ID, { ...base, cargoParamList: [it] }).issues.filter(inList)
      .map((issue) => ({ ...issue, path: issue.path.replace('/cargoParamList/0/', `/cargoParamList/${i}/`) })));
  assert.ok(all.length > 150);
  assert.deepEqual(all.filter(inList), alone);
  for (const issue of all) assert.ok(issue.message.startsWith(`\`${issue.path.split('/').pop()}\``), `${issue.path}: ${issue.message}`);
});
