import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as oc from 'ordercraft';
import { topSignIndependent, topStringToSignIndependent, formToObject } from './support/top.js';

const INTENTION = 'top:alibaba.intention.order.save';
const TRADE = 'top:alibaba.wdk.trade.order.create';
const opts = { appKey: 'app-key', appSecret: 'app-secret', session: 'sess', timestamp: '2024-05-20 13:14:00' };
const seed = (name) => readFileSync(new URL(`../docs/provider-docs/${name}`, import.meta.url), 'utf8');

test('endpoints() lists both TOP endpoints with their order types', () => {
  const list = oc.endpoints();
  const byId = Object.fromEntries(list.map((e) => [e.id, e]));
  assert.deepEqual([byId[INTENTION].provider, byId[INTENTION].orderType, byId[INTENTION].operation], ['top', 'IntentionOrderSaveRequest', 'alibaba.intention.order.save']);
  assert.deepEqual([byId[TRADE].provider, byId[TRADE].orderType, byId[TRADE].operation], ['top', 'TradeOrder', 'alibaba.wdk.trade.order.create']);
});

for (const [id, param] of [[INTENTION, 'intention_order'], [TRADE, 'trade']]) {
  for (const signMethod of ['md5', 'hmac', 'hmac-sha256']) {
    test(`${id}: the example prepares; the body decodes to the same order; ${signMethod} matches Node's crypto`, () => {
      const order = oc.example(id);
      assert.deepEqual(oc.validate(id, order), { ok: true, issues: [] });
      const req = oc.prepare(id, order, { ...opts, signMethod });
      const form = formToObject(req.body);
      assert.deepEqual(JSON.parse(form[param]), order);
      assert.equal(form.method, id.slice('top:'.length));
      assert.equal(form.sign, topSignIndependent(form, opts.appSecret, signMethod));
      assert.equal(req.warnings, undefined);
    });
  }
}

test('an order with ten different faults reports all ten, each at its path', () => {
  const order = oc.example(TRADE);
  order.pay_time = '2019-02-30 10:00:00';
  delete order.shop_id;
  order.discount_fee = -1;
  order.delivery.delivery_geo = 'east';
  order.delivery.privacy_phone_flag = 3;
  order.delivery.delivery_end_time = '2018-01-25 16:00:00';
  delete order.sub_orders[0].sku_code;
  order.sub_orders[0].sale_stock_quantity = 'lots';
  order.sub_orders[0].pay_fee = 1;
  order.sub_orders[0].handling = 'yes';
  const expected = [
    ['/pay_time', 'format'], ['/shop_id', 'required'], ['/discount_fee', 'range'], ['/delivery/delivery_geo', 'format'],
    ['/delivery/privacy_phone_flag', 'enum'], ['/delivery/delivery_end_time', 'mismatch'], ['/sub_orders/0/sku_code', 'required'],
    ['/sub_orders/0/sale_stock_quantity', 'format'], ['/sub_orders/0/pay_fee', 'mismatch'], ['/sub_orders/0/handling', 'type'],
  ];
  const result = oc.validate(TRADE, order);
  assert.equal(result.ok, false);
  const got = result.issues.map((i) => [i.path, i.code]);
  assert.equal(got.length, 10, JSON.stringify(got));
  for (const e of expected) assert.ok(got.some((g) => g[0] === e[0] && g[1] === e[1]), `missing ${e}`);
  assert.ok(result.issues.every((i) => i.severity === 'error' && i.message.length > 10));

  assert.throws(() => oc.prepare(TRADE, order, opts), (e) => {
    assert.ok(e instanceof oc.OrderValidationError);
    assert.equal(e.issues.length, 10);
    assert.match(e.message, /10 errors/);
    return true;
  });
});

test('an unknown field is an error, named and suggested; unknownFields sends or drops it with a warning', () => {
  const order = { ...oc.example(INTENTION), buyer_emial: 'x@y.com', order_amount: '5000' };
  const checked = oc.validate(INTENTION, order);
  assert.equal(checked.ok, false);
  assert.deepEqual(checked.issues.map((w) => [w.path, w.code, w.severity]), [['/buyer_emial', 'unknown_field', 'error'], ['/order_amount', 'mismatch', 'warning']]);
  assert.match(checked.issues[0].message, /did you mean `buyer_email`/);
  assert.throws(() => oc.prepare(INTENTION, order, opts), (e) => e instanceof oc.OrderValidationError && e.issues[0].path === '/buyer_emial');

  const sent = oc.prepare(INTENTION, order, { ...opts, unknownFields: 'send' });
  assert.deepEqual(sent.warnings.map((w) => [w.path, w.code, w.severity]), [['/buyer_emial', 'unknown_field', 'warning'], ['/order_amount', 'mismatch', 'warning']]);
  assert.equal(JSON.parse(formToObject(sent.body).intention_order).buyer_emial, 'x@y.com');
  assert.equal(oc.validate(INTENTION, order, { unknownFields: 'send' }).ok, true);

  const dropped = oc.prepare(INTENTION, order, { ...opts, unknownFields: 'drop' });
  const body = JSON.parse(formToObject(dropped.body).intention_order);
  assert.equal(body.buyer_emial, undefined);
  assert.equal(body.order_amount, '5000');
  assert.throws(() => oc.prepare(INTENTION, order, { ...opts, unknownFields: 'keep' }), (e) => e instanceof oc.ArgumentError && e.argument === 'opts.unknownFields');
});

test('an order wrapped in its TOP parameter is refused; prepareTop takes the parameter map', () => {
  const wrapped = { intention_order: oc.example(INTENTION) };
  assert.deepEqual(oc.validate(INTENTION, wrapped).issues.map((i) => [i.path, i.code]), [['/intention_order', 'wrapped']]);
  assert.throws(() => oc.prepare(INTENTION, wrapped, opts), (e) => e instanceof oc.OrderValidationError);
  const direct = oc.prepareTop('alibaba.intention.order.save', { intention_order: oc.example(INTENTION) }, opts);
  assert.deepEqual(JSON.parse(formToObject(direct.body).intention_order), oc.example(INTENTION));
});

test('prepareTop: a Date is TOP time in GMT+8, a number past 2^53 is refused', () => {
  const at = new Date(Date.UTC(2024, 0, 1, 16, 30, 5)); // 2024-01-02 00:30:05 in GMT+8
  const req = oc.prepareTop('a.b', { start_modified: at }, opts);
  assert.equal(formToObject(req.body).start_modified, '2024-01-02 00:30:05');
  assert.throws(() => oc.prepareTop('a.b', { num_iid: 2 ** 53 + 2 }, opts), (e) => e instanceof oc.OrderValidationError && e.issues[0].code === 'precision');
});

test('ids past 2^53 must be strings; as strings they are sent exactly', () => {
  const order = oc.example(INTENTION);
  order.intention_order_products[0].product_id = 734714573551000000;
  const bad = oc.validate(INTENTION, order);
  assert.deepEqual(bad.issues.map((i) => [i.path, i.code]), [['/intention_order_products/0/product_id', 'precision']]);
  assert.match(bad.issues[0].message, /string/);
  order.intention_order_products[0].product_id = '734714573551000001';
  const form = formToObject(oc.prepare(INTENTION, order, opts).body);
  assert.match(form.intention_order, /"product_id":"734714573551000001"/);
});

test("the doc's response examples parse (XML as printed, and JSON)", () => {
  const trade = seed('top-alibaba.wdk.trade.order.create.txt');
  const xml = trade.slice(trade.indexOf('<alibaba_wdk_trade_order_create_response>'), trade.indexOf('</alibaba_wdk_trade_order_create_response>') + 42);
  const r = oc.parseResponse(TRADE, xml);
  assert.equal(r.ok, true);
  assert.equal(r.data.success, true);
  assert.equal(r.data.trade.biz_order_id, '222');
  assert.equal(r.data.trade.sub_orders.length, 1);
  assert.equal(r.data.trade.sub_orders[0].sale_price, 100);

  const intention = seed('top-alibaba.intention.order.save.txt');
  const okXml = intention.slice(intention.indexOf('<alibaba_intention_order_save_response>'), intention.indexOf('</alibaba_intention_order_save_response>') + 40);
  assert.deepEqual(oc.parseResponse(INTENTION, okXml), { ok: true, data: { intention_id: '1234567890' } });
  const errXml = intention.slice(intention.indexOf('<error_response>'), intention.indexOf('</error_response>') + 17);
  const err = oc.parseResponse(INTENTION, errXml);
  assert.deepEqual([err.ok, err.error.code, err.error.subCode, err.error.subMsg, err.error.retryable], [false, '50', 'isv.invalid-parameter', '非法参数', false]);

  const json = oc.parseResponse(INTENTION, '{"alibaba_intention_order_save_response":{"value":{"intention_id":"99"},"request_id":"rq"}}');
  assert.deepEqual(json, { ok: true, data: { intention_id: '99' }, requestId: 'rq' });
});

test('unknown endpoint ids throw UnknownEndpointError', () => {
  for (const call of [() => oc.validate('top:nope', {}), () => oc.example('x'), () => oc.parseResponse('x', ''), () => oc.prepare('x', {}, opts)]) {
    assert.throws(call, (e) => e instanceof oc.UnknownEndpointError && e.name === 'UnknownEndpointError' && !('suggestion' in e));
  }
  // The id it most likely means: a close spelling, or the id without its provider.
  for (const [given, meant] of [['alibaba.wdk.trade.order.create', TRADE], ['top:alibaba.intention.order.sav', INTENTION]]) {
    assert.throws(() => oc.validate(given, {}), (e) => {
      assert.equal(e.endpoint, given);
      assert.equal(e.suggestion, meant);
      assert.equal(e.message, `unknown endpoint id "${given}"; did you mean "${meant}"? endpoints() lists the known ids`);
      return true;
    });
  }
});

test('validate accepts anything and reports a non-object order at the root', () => {
  for (const order of [null, 5, 'x', []]) {
    const r = oc.validate(TRADE, order);
    assert.equal(r.ok, false);
    assert.deepEqual(r.issues.map((i) => [i.path, i.code]), [['', 'type']]);
  }
});

// The boundary hands the caller's own JSON.stringify string back inside the texts that hold it
// whole (the string to sign here, the body at PandaPon) instead of decoding it again: whatever
// the order holds and whatever else starts like it, the texts are exactly what the form says.
test('the string to sign and the body are exact around the order: non-ASCII, emoji, decoys that start like it', () => {
  const order = oc.example(TRADE);
  order.user_mem = '备注 😀 {"a":1} é\u2028';
  const text = JSON.stringify(order);
  for (const appKey of ['k', '{', text.slice(0, 12), text.slice(0, 40)]) {
    const req = oc.prepare(TRADE, order, { ...opts, appKey });
    const form = formToObject(req.body);
    assert.equal(form.trade, text);
    assert.equal(form.app_key, appKey);
    assert.equal(req.signing.stringToSign, `********${topStringToSignIndependent(form)}********`);
    assert.equal(form.sign, topSignIndependent(form, opts.appSecret, 'md5'));
  }
  // Not sent as given (a null left out): the texts are written, not spliced, and still exact.
  const withNull = { ...order, user_mem: null };
  const form = formToObject(oc.prepare(TRADE, withNull, opts).body);
  const { user_mem: _, ...rest } = order;
  assert.equal(form.trade, JSON.stringify(rest));
});
