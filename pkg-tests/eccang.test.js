import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import * as oc from 'ordercraft';

const ID = 'eccang:createOrder';
const seed = readFileSync(new URL('../docs/provider-docs/eccang-createOrder.txt', import.meta.url), 'utf8');
const between = (from, to) => seed.slice(seed.indexOf(from), seed.indexOf(to));
// The doc's example order, success and failure, exactly as the seed prints them.
const seedOrder = JSON.parse(between('{\n\t"reference_no"', '响应示例'));
const seedSuccess = between('{\n\t"ask": "Success"', '失败JSON');
const seedFailure = between('{\n\t"ask": "Failure"', 'paramsJson参数');
const opts = { appToken: 'APP-TOKEN-do-not-leak', appKey: 'app-key', endpoint: 'http://tms.example.com/default/svc/web-service' };

/** A real XML parse (xmldom), then the text of the first element with this local name. */
function parseEnvelope(xml) {
  const errors = [];
  const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(xml, 'text/xml');
  assert.deepEqual(errors, []);
  const text = (name) => doc.getElementsByTagNameNS('*', name)[0]?.textContent;
  return { doc, text };
}

test("the doc's example order validates clean and prepares as the doc's envelope", () => {
  assert.deepEqual(oc.validate(ID, seedOrder), { ok: true, issues: [] });
  const req = oc.prepare(ID, seedOrder, opts);
  assert.equal(req.method, 'POST');
  assert.equal(req.url, opts.endpoint);
  assert.equal(req.headers['Content-Type'], 'text/xml; charset=utf-8');
  const { doc, text } = parseEnvelope(req.body);
  assert.equal(doc.documentElement.localName, 'Envelope');
  assert.equal(doc.documentElement.namespaceURI, 'http://schemas.xmlsoap.org/soap/envelope/');
  const call = doc.getElementsByTagNameNS('http://www.example.org/Ec/', 'callService')[0];
  assert.ok(call, 'ns1:callService in the Ec namespace');
  assert.deepEqual([...call.childNodes].filter((n) => n.nodeType === 1).map((n) => n.nodeName), ['paramsJson', 'appToken', 'appKey', 'service']);
  assert.equal(text('service'), 'createOrder');
  assert.equal(text('appKey'), 'app-key');
  // paramsJson decodes back to the caller's order, numbers as given ("1" and 5).
  const params = JSON.parse(text('paramsJson'));
  assert.deepEqual(params, seedOrder);
  assert.equal(params.ItemArr[0].invoice_quantity, '1');
  assert.equal(params.ItemArr[1].invoice_quantity, 5);
});

test('any text survives: & < ]]> quotes, closing tags, Chinese, emoji', () => {
  const nasty = 'A&B <b>x</b> ]]> </paramsJson><appToken>evil</appToken> "double" \'single\' 收件人 😀👨‍👩‍👧 \t line\r\nbreak';
  const order = structuredClone(seedOrder);
  order.Consignee.consignee_name = nasty;
  order.ItemArr[0].invoice_enname = nasty;
  const req = oc.prepare(ID, order, opts);
  assert.ok(!req.body.includes(']]>'));
  const { doc, text } = parseEnvelope(req.body);
  assert.equal(doc.getElementsByTagName('appToken').length, 1);
  assert.equal(text('appToken'), opts.appToken);
  const params = JSON.parse(text('paramsJson'));
  assert.equal(params.Consignee.consignee_name, nasty);
  assert.deepEqual(params, order);
});

test('prepareEccang calls any service through the same envelope', () => {
  const req = oc.prepareEccang('getTrackNumber', { reference_no: ['TEST0001'] }, opts);
  const { text } = parseEnvelope(req.body);
  assert.equal(text('service'), 'getTrackNumber');
  assert.deepEqual(JSON.parse(text('paramsJson')), { reference_no: ['TEST0001'] });
  assert.throws(() => oc.prepareEccang('bad service<', {}, opts), (e) => e instanceof oc.ArgumentError && e.argument === 'service');
});

test('bad options never quote the app token', () => {
  for (const [key, value] of [['endpoint', 'not a url'], ['appToken', 'x\ny'], ['appKey', undefined]]) {
    assert.throws(() => oc.prepare(ID, seedOrder, { ...opts, [key]: value }), (e) => {
      assert.ok(e instanceof oc.ArgumentError);
      assert.equal(e.argument, `opts.${key}`);
      assert.ok(!e.message.includes(opts.appToken) && !e.stack.includes(opts.appToken));
      return true;
    });
  }
  // A validation failure does not carry the token either.
  assert.throws(() => oc.prepare(ID, { ...seedOrder, country_code: 'POL' }, opts), (e) => e instanceof oc.OrderValidationError && !JSON.stringify(e.issues).includes(opts.appToken) && !e.message.includes(opts.appToken));
});

test("the doc's success and failure answers parse, bare and inside a SOAP response", () => {
  const soap = (json) => `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.example.org/Ec/"><SOAP-ENV:Body><ns1:callServiceResponse><response>${json.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</response></ns1:callServiceResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
  for (const body of [seedSuccess, soap(seedSuccess)]) {
    const r = oc.parseResponse(ID, body);
    assert.equal(r.ok, true);
    assert.equal(r.data.order_code, 'EC20188041602884YQ');
    assert.equal(r.data.shipping_method_no, 'LZ251182095CN');
    assert.equal(r.data['time_cost(s)'], '0.437490940094');
  }
  for (const body of [seedFailure, soap(seedFailure)]) {
    const r = oc.parseResponse(ID, body);
    assert.equal(r.ok, false);
    assert.equal(r.error.code, '50048');
    assert.match(r.error.message, /收货人所在州参数长于最大长度/);
    assert.equal(r.error.raw['time_cost(s)'], '0.6406359672546');
    assert.equal(r.error.raw.reference_no, 'TEST0002');
  }
  const fault = oc.parseEccangResponse('<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Bad appToken</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>');
  assert.deepEqual([fault.ok, fault.error.code, fault.error.retryable], [false, 'SOAP-ENV:Client', false]);
  assert.equal(oc.parseResponse(ID, '<html>502</html>').error.code, 'parse');
  // Neither of the doc's two words: not a refusal (a parcel may have been created), no verdict.
  for (const answer of [{ message: 'Success', order_code: 'EC1' }, { ask: 'success', order_code: 'EC1' }, {}, { ask: null, message: 'x' }]) {
    const r = oc.parseResponse(ID, soap(JSON.stringify(answer)));
    assert.deepEqual([r.ok, r.error.code, r.error.raw], [false, 'parse', answer], JSON.stringify(answer));
    assert.match(r.error.message, /no `ask` of "Success" or "Failure"/);
  }
});
