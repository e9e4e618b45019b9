import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import * as oc from 'ordercraft';
import { topSignIndependent, topStringToSignIndependent, formToObject, gmt8 } from './support/top.js';

const opts = { appKey: '12345678', appSecret: 'helloworld', session: 'test', timestamp: '2016-01-01 12:00:00' };
const nested = {
  trade: { shop_id: '10021', user_nick: '昵称 & 留言 +1 %20', sub_orders: [{ sku_name: '商品名称', handling: true, sale_price: 100 }] },
  note: 'a=b&c=d',
};

for (const signMethod of ['md5', 'hmac', 'hmac-sha256']) {
  test(`prepareTop signs with ${signMethod} exactly as Node's crypto does`, () => {
    const req = oc.prepareTop('alibaba.wdk.trade.order.create', nested, { ...opts, signMethod });
    const form = formToObject(req.body);
    assert.equal(form.sign_method, signMethod);
    assert.equal(form.sign, topSignIndependent(form, opts.appSecret, signMethod));
    // Business objects travel as their JSON text, Chinese and all, unchanged.
    assert.deepEqual(JSON.parse(form.trade), nested.trade);
    assert.equal(form.note, nested.note);
    assert.equal(form.format, 'json');
    assert.equal(form.v, '2.0');
    assert.equal(req.method, 'POST');
    assert.equal(req.url, 'https://gw.api.taobao.com/router/rest');
    assert.equal(req.headers['Content-Type'], 'application/x-www-form-urlencoded; charset=utf-8');
  });

  test(`topSign(${signMethod}) matches Node's crypto on Chinese text and nested JSON`, () => {
    const params = { method: 'x.y', b: '中文 text', a: JSON.stringify({ 深: [1, { 层: '值' }] }), empty: '' };
    assert.equal(oc.topSign(params, 'sécret密钥', signMethod), topSignIndependent(params, 'sécret密钥', signMethod));
  });
}

test("TOP's published md5 example signs to its published value", () => {
  const req = oc.prepareTop('taobao.item.seller.get', { fields: 'num_iid,title,nick,price,num', num_iid: 11223344 }, opts);
  assert.equal(formToObject(req.body).sign, '66987CB115214E59E6EC978214934FB8');
});

test('topStringToSign is the sorted name+value concatenation, without sign and empty values', () => {
  const params = { b: '2', a: '1', sign: 'X', empty: '', B: '3', a_b: 4 };
  assert.equal(oc.topStringToSign(params), topStringToSignIndependent({ ...params, a_b: '4' }));
  assert.equal(oc.topStringToSign(params), 'B3a1a_b4b2');
});

test('empty parameters are neither sent nor signed, and each text left out so is named in warnings; optional system parameters appear only when set', () => {
  const req = oc.prepareTop('a.b', { keep: 'x', blank: '', spaces: ' \t ', missing: null, undef: undefined }, {
    appKey: 'k', appSecret: 's', simplify: true, partnerId: 'p1', targetAppKey: 't1',
  });
  const form = formToObject(req.body);
  assert.deepEqual(Object.keys(form).sort(), ['app_key', 'format', 'keep', 'method', 'partner_id', 'sign', 'sign_method', 'simplify', 'target_app_key', 'timestamp', 'v']);
  assert.equal(form.sign, topSignIndependent(form, 's'));
  // The texts the caller wrote are said to be left out; null and undefined are "no value" in JS.
  assert.deepEqual(req.warnings.map(({ path, code, severity }) => ({ path, code, severity })), [
    { path: '/blank', code: 'length', severity: 'warning' },
    { path: '/spaces', code: 'length', severity: 'warning' },
  ]);
  assert.match(req.warnings[0].message, /`blank` is empty or only whitespace.*left out/);
  assert.equal('warnings' in oc.prepareTop('a.b', { keep: 'x' }, { appKey: 'k', appSecret: 's' }), false);
});

test('a Date among the parameters is sent as GMT+8 time; one inside an object is JSON; an invalid one is refused by name; the caller\'s object is not changed', () => {
  const at = Date.UTC(2024, 1, 29, 16, 30, 5); // 2024-03-01 00:30:05 in Beijing
  const params = { start_time: new Date(at), note: 'x', nested: { at: new Date(at) } };
  const form = formToObject(oc.prepareTop('a.b', params, { appKey: 'k', appSecret: 's' }).body);
  assert.equal(form.start_time, '2024-03-01 00:30:05');
  assert.equal(form.nested, JSON.stringify({ at: new Date(at) }));
  assert.equal(form.sign, topSignIndependent(form, 's'));
  assert.ok(params.start_time instanceof Date);
  assert.throws(() => oc.prepareTop('a.b', { a: 1, end_time: new Date('nope') }, { appKey: 'k', appSecret: 's' }),
    (e) => e instanceof oc.ArgumentError && e.argument === 'params.end_time');
});

test('the timestamp is GMT+8 whatever the host time zone', () => {
  const at = Date.UTC(2024, 1, 29, 16, 30, 5); // 2024-03-01 00:30:05 in Beijing
  const script = `
    import('ordercraft').then((oc) => {
      const o = { appKey: 'k', appSecret: 's' };
      const body = (t) => new URLSearchParams(oc.prepareTop('a.b', {}, { ...o, timestamp: t }).body).get('timestamp');
      const before = Date.now();
      const now = body(undefined);
      console.log(JSON.stringify({ date: body(new Date(${at})), ms: body(${at}), text: body('2024-03-01 00:30:05'), now, before }));
    });`;
  for (const TZ of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham', 'Asia/Shanghai']) {
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('.', import.meta.url), env: { ...process.env, TZ }, encoding: 'utf8',
    }));
    assert.equal(out.date, '2024-03-01 00:30:05', TZ);
    assert.equal(out.ms, '2024-03-01 00:30:05', TZ);
    assert.equal(out.text, '2024-03-01 00:30:05', TZ);
    // "now" is within a few seconds of the clock read just before, in GMT+8.
    const drift = [0, 1, 2, 3].map((s) => gmt8(new Date(out.before + s * 1000)));
    assert.ok(drift.includes(out.now), `${TZ}: ${out.now} not near ${drift[0]}`);
  }
});

test('bad options throw ArgumentError naming the option, never quoting the secret', () => {
  const secret = 'S3CRET-do-not-leak';
  const cases = [
    [{ appKey: 'k', appSecret: secret, signMethod: 'sha1' }, 'opts.signMethod'],
    [{ appKey: 'k', appSecret: secret, timestamp: '2019-02-30 10:00:00' }, 'opts.timestamp'],
    [{ appKey: 'k', appSecret: secret, timestamp: new Date('nope') }, 'opts.timestamp'],
    [{ appKey: 'k', appsecret: secret }, 'opts.appsecret'],
    [{ appKey: 'k' }, 'opts.appSecret'],
    [{ appKey: 'k', appSecret: 12345 }, 'opts.appSecret'],
  ];
  for (const [o, argument] of cases) {
    assert.throws(() => oc.prepareTop('a.b', {}, o), (e) => {
      assert.ok(e instanceof oc.ArgumentError && e instanceof oc.OrdercraftError && e instanceof Error);
      assert.equal(e.name, 'ArgumentError');
      assert.equal(e.argument, argument);
      assert.ok(!e.message.includes(secret) && !e.stack.includes(secret));
      assert.ok(!e.message.includes('12345'));
      return true;
    });
  }
});

test('options are read afresh on every call: the same object changed signs with its new values; NaN where null was is refused; a Date leaves later calls as they are', () => {
  const id = 'top:alibaba.wdk.trade.order.create';
  const order = oc.example(id);
  const same = { appKey: 'k1', appSecret: 'secret-1', timestamp: '2026-01-01 00:00:00', session: null };
  for (const secret of ['secret-1', 'secret-2', 'secret-1']) {
    same.appSecret = secret;
    const form = formToObject(oc.prepare(id, order, same).body);
    assert.equal(form.sign, topSignIndependent(form, secret, 'md5'), secret);
  }
  // `{ session: NaN }` has the same JSON text as `{ session: null }`, read just before.
  assert.throws(() => oc.prepare(id, order, { ...same, session: NaN }), (e) => e instanceof oc.ArgumentError && e.argument === 'opts.session');
  const at = new Date(Date.UTC(2026, 0, 1, 4, 5, 6));
  assert.equal(formToObject(oc.prepare(id, order, { ...same, timestamp: at }).body).timestamp, '2026-01-01 12:05:06');
  // The same text again, now as a string (the Date's ISO text): not TOP's format, refused as ever.
  assert.throws(() => oc.prepare(id, order, { ...same, timestamp: at.toISOString() }), (e) => e instanceof oc.ArgumentError && e.argument === 'opts.timestamp');
  // Options of two providers in turn, each signed with its own.
  const pandapon = 'pandapon:/alibaba/order/create/previewbatch';
  const pOpts = { accessKey: 'a', accessSecret: 's', userId: 'u', nonce: 'n', timestamp: 1 };
  for (let i = 0; i < 2; i++) {
    assert.equal(oc.prepare(pandapon, oc.example(pandapon), pOpts).headers['access-key'], 'a');
    const form = formToObject(oc.prepare(id, order, same).body);
    assert.equal(form.sign, topSignIndependent(form, 'secret-1', 'md5'));
  }
});

test('business parameters may not take a system parameter name', () => {
  assert.throws(() => oc.prepareTop('a.b', { sign: 'x', timestamp: 'y' }, { appKey: 'k', appSecret: 's' }), (e) => {
    assert.ok(e instanceof oc.OrderValidationError);
    assert.deepEqual(e.issues.map((i) => [i.path, i.code, i.severity]), [['/sign', 'reserved', 'error'], ['/timestamp', 'reserved', 'error']]);
    return true;
  });
});

test('parseTopResponse reads success, error_response and malformed bodies', () => {
  const ok = oc.parseTopResponse('alibaba.intention.order.save', JSON.stringify({
    alibaba_intention_order_save_response: { value: { intention_id: '1234567890' }, request_id: 'req-1' },
  }));
  assert.deepEqual(ok, { ok: true, data: { value: { intention_id: '1234567890' }, request_id: 'req-1' }, requestId: 'req-1' });

  const err = oc.parseTopResponse('a.b', '{"error_response":{"code":25,"msg":"Invalid signature","request_id":"r9"}}');
  assert.equal(err.ok, false);
  assert.deepEqual([err.error.code, err.error.msg, err.error.requestId, err.error.retryable], ['25', 'Invalid signature', 'r9', false]);

  const isp = oc.parseTopResponse('a.b', '{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.service-unavailable","sub_msg":"down"}}');
  assert.deepEqual([isp.error.subCode, isp.error.subMsg, isp.error.retryable], ['isp.service-unavailable', 'down', true]);

  for (const body of ['', '<html>502 Bad Gateway</html>', '{"a_b_response":', 'null', '{"other":1}']) {
    const r = oc.parseTopResponse('a.b', body);
    assert.equal(r.ok, false, body);
    assert.equal(r.error.code, 'parse', body);
  }
});

test('a prepared request sent with fetch is accepted by a server that checks the signature itself', async () => {
  const secret = 'local-secret';
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const form = formToObject(body);
      const good = req.headers['content-type'].startsWith('application/x-www-form-urlencoded') &&
        form.sign === topSignIndependent(form, secret, form.sign_method);
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(good
        ? { alibaba_intention_order_save_response: { value: { intention_id: String(JSON.parse(form.intention_order).buyer_name.length) }, request_id: 'srv' } }
        : { error_response: { code: 25, msg: 'Invalid signature', request_id: 'srv' } }));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const gateway = `http://127.0.0.1:${server.address().port}/router/rest`;
  try {
    const send = async (appSecret) => {
      const req = oc.prepareTop('alibaba.intention.order.save', { intention_order: { buyer_name: '张三 Smith' } }, { appKey: 'k', appSecret, gateway, signMethod: 'hmac-sha256' });
      const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
      return oc.parseTopResponse('alibaba.intention.order.save', await res.text());
    };
    const good = await send(secret);
    assert.deepEqual(good, { ok: true, data: { value: { intention_id: '8' }, request_id: 'srv' }, requestId: 'srv' });
    const bad = await send('wrong-secret');
    assert.equal(bad.ok, false);
    assert.equal(bad.error.code, '25');
  } finally {
    server.close();
  }
});
