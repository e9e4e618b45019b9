// createClient against the local sandbox: every endpoint succeeds, wrong secrets get each
// provider's own error, timeouts and retries behave as documented.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import * as oc from 'ordercraft';
import { startSandbox, SANDBOX_CREDENTIALS } from '../sandbox/index.js';

let sandbox;
before(async () => { sandbox = await startSandbox(); });
after(() => sandbox.close());
beforeEach(() => sandbox.reset());

const eccangCredentials = (s) => ({ ...SANDBOX_CREDENTIALS.eccang, endpoint: s.urls.eccang });
const client = (overrides = {}) => oc.createClient({
  credentials: { ...SANDBOX_CREDENTIALS, eccang: eccangCredentials(sandbox), ...overrides.credentials },
  gateways: { top: sandbox.urls.top, pandapon: sandbox.urls.pandapon },
  backoffMs: 1, sleep: async () => {}, ...overrides.options,
});

test('every endpoint sent through the client to the sandbox comes back ok', async () => {
  const c = client();
  for (const { id } of oc.endpoints()) {
    const result = await c.send(id, oc.example(id));
    assert.equal(result.ok, true, `${id}: ${JSON.stringify(result.error)}`);
    assert.equal(result.attempts, 1);
  }
  const trade = await c.send('top:alibaba.wdk.trade.order.create', oc.example('top:alibaba.wdk.trade.order.create'));
  assert.equal(trade.data.success, true);
  assert.equal(trade.data.trade.pay_fee, 100); // the sandbox's own sum: 200 − 100 + 0
  assert.equal(trade.data.trade.sub_orders.length, 1);
  const preview = await c.send('pandapon:/alibaba/order/create/previewbatch', oc.example('pandapon:/alibaba/order/create/previewbatch'));
  const p = preview.data.orderPreviewResuslt[0];
  assert.equal(p.sumPayment, p.sumPaymentNoCarriage + p.sumCarriage);
});

test('an aborted send sends nothing; an abort during a backoff wait stops the retries', async () => {
  const id = 'pandapon:/alibaba/order/create/previewbatch';
  const before = new AbortController();
  before.abort();
  const none = await client().send(id, oc.example(id), { signal: before.signal });
  assert.deepEqual([none.ok, none.error.code, none.error.notSent, none.attempts, sandbox.hits.pandapon], [false, 'aborted', true, 0, 0]);

  sandbox.script('pandapon', Array.from({ length: 5 }, () => ({ fault: 'retryable' })));
  const during = new AbortController();
  const waiting = oc.createClient({
    credentials: SANDBOX_CREDENTIALS, gateways: { pandapon: sandbox.urls.pandapon }, retries: 4,
    sleep: () => { during.abort(); return new Promise(() => {}); }, // aborted while waiting; the wait never ends by itself
  });
  const stopped = await waiting.send(id, oc.example(id), { signal: during.signal });
  assert.deepEqual([stopped.ok, stopped.error.code, stopped.attempts, sandbox.hits.pandapon], [false, 'aborted', 1, 1]);
  // The one attempt was refused unprocessed (429): nothing of this send can have been processed.
  assert.equal(stopped.error.notSent, true);
});

test('an abort with a creation in flight, or after an attempt whose answer never came, says the order may exist', async () => {
  const id = 'eccang:createOrder';
  const order = { ...oc.example(id), reference_no: 'ABORT-1' };
  // In flight: the sandbox takes its time, the caller aborts, the sandbox then creates the order.
  sandbox.script('eccang', [{ delayMs: 150 }]);
  const inFlight = new AbortController();
  setTimeout(() => inFlight.abort(), 30);
  const r = await client().send(id, order, { signal: inFlight.signal });
  assert.deepEqual([r.ok, r.error.code, r.error.notSent, r.attempts], [false, 'aborted', undefined, 1]);
  assert.match(r.error.message, /may have been received/);
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(sandbox.processed.filter((p) => p.provider === 'eccang').length, 1, 'the aborted request did create the order');

  // After a timeout (ECCANG is idempotent, so it would be retried) the caller aborts the wait.
  sandbox.script('eccang', [{ delayMs: 150 }]);
  const waiting = new AbortController();
  const timedOut = await client({ options: { timeoutMs: 30, sleep: () => { waiting.abort(); return new Promise(() => {}); } } })
    .send(id, { ...order, reference_no: 'ABORT-2' }, { signal: waiting.signal });
  assert.deepEqual([timedOut.ok, timedOut.error.code, timedOut.error.notSent, timedOut.attempts], [false, 'aborted', undefined, 1]);
});

test('beforeRequest gets the very request that then goes out, once; when it throws, nothing goes out', async () => {
  const id = 'top:alibaba.wdk.trade.order.create';
  const fetched = [];
  const seen = [];
  const c = client({ options: { fetch: (url, init) => { fetched.push({ url, body: init.body }); return fetch(url, init); } } });
  sandbox.script('top', [{ fault: 'retryable' }]); // a retry too: beforeRequest is for the first request only
  const result = await c.send(id, { ...oc.example(id), out_order_id: 'HOOK-1' }, { beforeRequest: (request) => { seen.push(request); } });
  assert.equal(result.ok, true);
  assert.equal(seen.length, 1);
  assert.deepEqual({ url: seen[0].url, body: seen[0].body }, fetched[0]);
  assert.equal(fetched.length, 2);

  const refused = c.send(id, { ...oc.example(id), out_order_id: 'HOOK-2' }, { beforeRequest: async () => { throw new Error('not recorded'); } });
  await assert.rejects(refused, /not recorded/);
  assert.equal(fetched.length, 2, 'nothing went out');
});

test('simplify: true is sent, and the simplified answer is read as the success it is', async () => {
  for (const id of ['top:alibaba.intention.order.save', 'top:alibaba.wdk.trade.order.create']) {
    const r = await client().send(id, oc.example(id), { simplify: true });
    assert.equal(r.ok, true, `${id}: ${JSON.stringify(r.error)}`);
  }
  const trade = await client().send('top:alibaba.wdk.trade.order.create', oc.example('top:alibaba.wdk.trade.order.create'), { simplify: true });
  assert.equal(trade.data.trade.pay_fee, 100);
  assert.equal(oc.parseTopResponse('alibaba.intention.order.save', '{"value":{"intention_id":"7"}}', { simplify: true }).ok, true);
  assert.equal(oc.parseTopResponse('alibaba.intention.order.save', '{"value":{"intention_id":"7"}}').ok, false);
});

test('a retry answered "already exists" after a timeout reports the order the first attempt created', async () => {
  const id = 'eccang:createOrder';
  // The first attempt reaches the sandbox, which creates the parcel after the client gave up.
  sandbox.script('eccang', [{ delayMs: 200 }]);
  const c = oc.createClient({
    credentials: { eccang: eccangCredentials(sandbox) }, timeoutMs: 50, retries: 2,
    sleep: () => new Promise((r) => setTimeout(r, 400)), // retry after the first has been processed
  });
  const r = await c.send(id, oc.example(id));
  assert.deepEqual([r.ok, r.createdByEarlierAttempt, r.attempts, sandbox.hits.eccang], [true, true, 2, 2]);
  assert.equal(r.data.reference_no, oc.example(id).reference_no);
  assert.equal(r.refusal.alreadyExists, true);
  // Sent again by the caller, the same order is a plain refusal: nothing of this send created it.
  const again = await c.send(id, oc.example(id));
  assert.deepEqual([again.ok, again.error.code, again.error.alreadyExists, again.createdByEarlierAttempt], [false, '50002', true, undefined]);
});

test('each sandbox keeps its own state, and reset() forgets it', async () => {
  const id = 'eccang:createOrder';
  const first = await client().send(id, oc.example(id));
  const again = await client().send(id, oc.example(id));
  assert.deepEqual([first.ok, again.ok, again.error.code], [true, false, '50002'], 'a repeated reference_no is refused');
  const other = await startSandbox();
  try {
    const elsewhere = await oc.createClient({ credentials: { eccang: { ...SANDBOX_CREDENTIALS.eccang, endpoint: other.urls.eccang } } }).send(id, oc.example(id));
    assert.equal(elsewhere.ok, true, 'another sandbox has not seen it');
  } finally { await other.close(); }
  sandbox.reset();
  assert.equal((await client().send(id, oc.example(id))).ok, true, 'reset() forgot it');
});

test("a wrong secret gets each provider's own authentication error, parsed, not retried", async () => {
  const c = client({ credentials: {
    top: { ...SANDBOX_CREDENTIALS.top, appSecret: 'wrong' },
    pandapon: { ...SANDBOX_CREDENTIALS.pandapon, accessSecret: 'wrong' },
    eccang: { ...eccangCredentials(sandbox), appToken: 'wrong' },
  } });
  const top = await c.send('top:alibaba.intention.order.save', oc.example('top:alibaba.intention.order.save'));
  assert.deepEqual([top.ok, top.error.code, top.error.msg, top.attempts], [false, '25', 'Invalid Signature', 1]);
  const pandapon = await c.send('pandapon:/alibaba/order/create/previewbatch', oc.example('pandapon:/alibaba/order/create/previewbatch'));
  assert.deepEqual([pandapon.ok, pandapon.error.code, pandapon.error.message, pandapon.attempts], [false, '401', '签名错误', 1]);
  assert.match(pandapon.error.requestId, /^sandbox-/);
  const eccang = await c.send('eccang:createOrder', oc.example('eccang:createOrder'));
  assert.deepEqual([eccang.ok, eccang.error.code, eccang.attempts], [false, '10001', 1]);
  for (const r of [top, pandapon, eccang]) assert.ok(!JSON.stringify(r).includes('wrong'));
});

test('a stale timestamp is refused by the sandbox with TOP\'s error', async () => {
  const r = await client().send('top:alibaba.intention.order.save', oc.example('top:alibaba.intention.order.save'), { timestamp: Date.now() - 11 * 60_000 });
  assert.deepEqual([r.ok, r.error.code, r.error.subCode], [false, '31', 'isv.invalid-timestamp']);
});

test('a timeout gives a timeout error after the configured time', async () => {
  sandbox.script('top', [{ delayMs: 1_000 }]);
  const started = performance.now();
  const r = await client({ options: { timeoutMs: 150, retries: 3 } }).send('top:alibaba.intention.order.save', oc.example('top:alibaba.intention.order.save'));
  const elapsed = performance.now() - started;
  assert.deepEqual([r.ok, r.error.code, r.attempts], [false, 'timeout', 1]); // a creation that may have arrived is not resent
  assert.ok(elapsed >= 140 && elapsed < 900, `${elapsed} ms`);
});

test('a timeout on an idempotent endpoint is retried', async () => {
  sandbox.script('pandapon', [{ delayMs: 1_000 }]);
  const r = await client({ options: { timeoutMs: 150, retries: 2 } }).send('pandapon:/alibaba/order/create/previewbatch', oc.example('pandapon:/alibaba/order/create/previewbatch'));
  assert.deepEqual([r.ok, r.attempts], [true, 2]);
});

test('a retryable error is retried the configured number of times', async () => {
  sandbox.script('pandapon', Array.from({ length: 5 }, () => ({ fault: 'retryable' })));
  const sleeps = [];
  const r = await client({ options: { retries: 3, sleep: async (ms) => { sleeps.push(ms); } } })
    .send('pandapon:/alibaba/order/create/previewbatch', oc.example('pandapon:/alibaba/order/create/previewbatch'));
  assert.deepEqual([r.ok, r.error.code, r.attempts, sandbox.hits.pandapon], [false, '429', 4, 4]);
  assert.equal(sleeps.length, 3);
  // TOP's call limit is retried even for a creation: it was refused before any processing.
  sandbox.script('top', [{ fault: 'retryable' }, { fault: 'retryable' }]);
  const top = await client({ options: { retries: 2 } }).send('top:alibaba.wdk.trade.order.create', oc.example('top:alibaba.wdk.trade.order.create'));
  assert.deepEqual([top.ok, top.attempts, sandbox.hits.top], [true, 3, 3]);
});

test('a retry sends the order as it was when send was called, though the caller changes its object meanwhile', async () => {
  // TOP's call limit: the first attempt is refused unprocessed, and retried after a wait.
  sandbox.script('top', [{ fault: 'retryable' }]);
  const id = 'top:alibaba.wdk.trade.order.create';
  const order = { ...oc.example(id), out_order_id: 'FIRST' };
  const sending = client({ options: { retries: 2 } }).send(id, order);
  order.out_order_id = 'SECOND'; // the caller reuses its object for the next order, not waiting
  const r = await sending;
  assert.deepEqual([r.ok, r.attempts], [true, 2]);
  const sent = sandbox.processed.map((p) => JSON.parse(new URLSearchParams(p.body).get('trade')).out_order_id);
  assert.deepEqual(sent, ['FIRST']);
});

test('a non-retryable error is not retried', async () => {
  sandbox.script('pandapon', [{ fault: 'fatal' }, { fault: 'fatal' }]);
  const r = await client({ options: { retries: 3 } }).send('pandapon:/alibaba/order/create/previewbatch', oc.example('pandapon:/alibaba/order/create/previewbatch'));
  assert.deepEqual([r.ok, r.error.code, r.attempts, sandbox.hits.pandapon], [false, '400', 1, 1]);
});

test('a dropped connection is retried only when the order cannot be duplicated', async () => {
  sandbox.script('top', [{ fault: 'drop' }]);
  const creation = await client({ options: { retries: 2 } }).send('top:alibaba.intention.order.save', oc.example('top:alibaba.intention.order.save'));
  assert.deepEqual([creation.ok, creation.error.code, creation.attempts], [false, 'network', 1]);
  sandbox.script('top', [{ fault: 'drop' }]);
  const confirmed = await client({ options: { retries: 2 } }).send('top:alibaba.intention.order.save', oc.example('top:alibaba.intention.order.save'), { idempotent: true });
  assert.deepEqual([confirmed.ok, confirmed.attempts], [true, 2]);
});

test('a server that is not there is a network error that sent nothing: retried', async () => {
  // A port that was free a moment ago: connection refused.
  const probe = createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  const r = await oc.createClient({ credentials: SANDBOX_CREDENTIALS, gateways: { top: `http://127.0.0.1:${port}/router/rest` }, retries: 1, sleep: async () => {} })
    .send('top:alibaba.intention.order.save', oc.example('top:alibaba.intention.order.save'));
  assert.deepEqual([r.ok, r.error.code, r.attempts], [false, 'network', 2]);
  assert.match(r.error.message, /ECONNREFUSED/);
});

test('a port fetch never connects to (a "bad port" of the Fetch standard) sent nothing, and is not retried', async () => {
  const r = await oc.createClient({ credentials: SANDBOX_CREDENTIALS, gateways: { top: 'http://127.0.0.1:6000/router/rest' }, retries: 2, sleep: async () => {} })
    .send('top:alibaba.intention.order.save', oc.example('top:alibaba.intention.order.save'));
  assert.deepEqual([r.ok, r.error.code, r.error.notSent, r.error.retryable, r.attempts], [false, 'network', true, false, 1]);
  assert.match(r.error.message, /bad port\): fetch never connects to port 6000/);
});

test('a retry refused a connection does not make a send unsent when an earlier attempt may have been received', async () => {
  const refused = () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
  const lost = () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
  const failing = (errors) => async () => { throw errors.shift()(); };
  const send = (errors) => client({ options: { fetch: failing(errors), retries: 1 } }).send('eccang:createOrder', oc.example('eccang:createOrder'));
  // The first request may have arrived (its connection closed after it left); the retry never went out.
  const after = await send([lost, refused]);
  assert.deepEqual([after.ok, after.error.code, after.error.notSent, after.attempts], [false, 'network', undefined, 2]);
  assert.match(after.error.message, /ECONNREFUSED.*an earlier attempt may have been received, so the order may exist/);
  // Neither went out: unsent.
  const neither = await send([refused, refused]);
  assert.deepEqual([neither.error.notSent, neither.attempts], [true, 2]);
});

test('a rate limit to the last retry created nothing (unprocessed), unless an earlier attempt may have been received', async () => {
  const id = 'top:alibaba.intention.order.save';
  sandbox.script('top', [{ fault: 'retryable' }, { fault: 'retryable' }]);
  const limited = await client({ options: { retries: 1 } }).send(id, oc.example(id));
  assert.deepEqual([limited.ok, limited.error.code, limited.error.unprocessed, limited.error.noVerdict, limited.attempts], [false, '7', true, undefined, 2]);
  // Sent as idempotent: the first request's connection closed after it left, then the retry was rate-limited.
  sandbox.script('top', [{ fault: 'drop' }, { fault: 'retryable' }]);
  const after = await client({ options: { retries: 1 } }).send(id, oc.example(id), { idempotent: true });
  assert.deepEqual([after.error.code, after.error.unprocessed, after.error.noVerdict, after.attempts], ['7', undefined, true, 2]);
  assert.match(after.error.message, /an earlier attempt may have been received, so the order may exist$/);
});

test('a 429 or 503 from a proxy in front: retried after its Retry-After where a repeat cannot create a second order; a creation is unknown, not resent', async () => {
  const preview = 'pandapon:/alibaba/order/create/previewbatch';
  const limiter = (status, retryAfter) => ({ proxy: { status, headers: { 'Content-Type': 'text/html', 'Retry-After': retryAfter }, body: '<html>Too Many Requests</html>' } });
  const sending = async (id, steps, options) => {
    sandbox.script(id.split(':')[0], steps);
    const sleeps = [];
    const result = await client({ options: { retries: 2, random: () => 0, sleep: async (ms) => { sleeps.push(ms); }, ...options } }).send(id, oc.example(id));
    return { result, sleeps };
  };
  // Seconds, and an HTTP-date; the wait is the header's, not the backoff's (random() is 0 here).
  const seconds = await sending(preview, [limiter(429, '3')]);
  assert.deepEqual([seconds.result.ok, seconds.result.attempts, seconds.sleeps], [true, 2, [3000]]);
  const date = await sending(preview, [limiter(503, new Date(Date.now() + 5_000).toUTCString())]);
  assert.equal(date.result.ok, true);
  assert.ok(date.sleeps[0] >= 3_000 && date.sleeps[0] <= 6_000, `waited ${date.sleeps[0]} ms for a date 5 s ahead`);
  // No header, or one that is no wait: the backoff's.
  const unreadable = await sending(preview, [limiter(429, 'soon')], { random: () => 1, backoffMs: 40 });
  assert.deepEqual([unreadable.result.ok, unreadable.sleeps], [true, [40]]);
  // A fetch of the caller's own may answer without Headers (FetchLike needs only status and text):
  // read as an answer without the header, not as a network failure.
  for (const headers of [undefined, { 'retry-after': '1' }]) {
    const own = await client({ options: { retries: 0, fetch: async () => ({ status: 503, text: async () => 'busy', headers }) } }).send(preview, oc.example(preview));
    assert.deepEqual([own.error.code, own.error.retryable, own.error.retryAfterSeconds], ['http_503', true, undefined]);
  }
  // A creation: a bare 429 proves nothing about the order, so it is not resent, and says how long to wait.
  const hema = 'top:alibaba.wdk.trade.order.create';
  const creation = await sending(hema, [limiter(429, '2')]);
  const { ok, attempts, error } = creation.result;
  assert.deepEqual([ok, attempts, error.code, error.retryable, error.retryAfterSeconds, error.notSent, error.unprocessed], [false, 1, 'http_429', true, 2, undefined, undefined]);
  assert.equal(sandbox.processed.filter((p) => p.provider === 'top').length, 0);
  // The provider's own wait wins: TOP's call limit saying 4 seconds, with a proxy's Retry-After of 9 on it.
  const ban = JSON.stringify({ error_response: { code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-access-count', sub_msg: 'This ban will last for 4 more seconds' } });
  const own = await sending(hema, [{ proxy: { status: 200, headers: { 'Content-Type': 'application/json', 'Retry-After': '9' }, body: ban } }]);
  assert.deepEqual([own.result.ok, own.sleeps], [true, [4000]]);
});

test('in a batch, a bare 429 on a creation leaves that order unknown and holds back the next ones for its Retry-After', async () => {
  const hema = 'top:alibaba.wdk.trade.order.create';
  sandbox.script('top', [{ proxy: { status: 429, headers: { 'Retry-After': '1' } } }]);
  const arrivals = [];
  const timed = async (url, init) => { arrivals.push(performance.now()); return fetch(url, init); };
  const orders = ['R-1', 'R-2'].map((out_order_id) => ({ ...oc.example(hema), out_order_id }));
  const summary = await client({ options: { fetch: timed } }).sendBatch(hema, orders, { concurrency: 1 });
  assert.deepEqual([summary.unknown, summary.ok], [1, 1]);
  assert.ok(arrivals[1] - arrivals[0] >= 900, `the next order went ${Math.round(arrivals[1] - arrivals[0])} ms after the 429`);
});

test('invalid orders throw before anything is sent; secrets stay out of every failure', async () => {
  const c = client();
  await assert.rejects(c.send('top:alibaba.wdk.trade.order.create', { shop_id: 1 }), (e) => e instanceof oc.OrderValidationError);
  assert.equal(sandbox.hits.top, 0);
  sandbox.script('top', [{ delayMs: 500 }]);
  const r = await client({ options: { timeoutMs: 50 } }).send('top:alibaba.intention.order.save', oc.example('top:alibaba.intention.order.save'));
  assert.ok(!JSON.stringify(r).includes(SANDBOX_CREDENTIALS.top.appSecret));
});

test('the sandbox says it is a test double', async () => {
  const res = await fetch(sandbox.urls.top, { method: 'POST', body: '' });
  assert.equal(res.headers.get('x-ordercraft-sandbox'), 'test double');
  assert.equal((await res.json()).error_response.code, 40);
});

test('`npm start` moves past a taken port to the next free one; a port asked for with PORT is that port or a clear refusal', { timeout: 30_000 }, async () => {
  const { startServer } = await import('../www/serve.js');
  const { createServer } = await import('node:net');
  const { spawn } = await import('node:child_process');
  const blocker = createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const taken = blocker.address().port;
  try {
    const server = await startServer({ port: taken, orNext: 3 });
    try {
      assert.equal(new URL(server.origin).port, String(taken + 1));
      const page = await fetch(`${server.origin}/`);
      assert.equal(page.status, 200);
    } finally {
      await server.close();
    }
    await assert.rejects(startServer({ port: taken }), { code: 'EADDRINUSE' });
    // The command itself: PORT names the taken port, so it stops at once with a line saying why.
    const child = spawn(process.execPath, [new URL('../www/serve.js', import.meta.url).pathname], { env: { ...process.env, PORT: String(taken) } });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`^\\[start\\] port ${taken} is in use .*PORT=`));
    assert.doesNotMatch(stderr, /at Server|node:events/, 'no stack trace');
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});

test("the sandbox `npm start` serves keeps only the last requests it processed, so it does not grow while left running", async () => {
  const { startServer } = await import('../www/serve.js');
  const server = await startServer({ keepProcessed: 2 });
  try {
    const c = oc.createClient({ credentials: SANDBOX_CREDENTIALS, gateways: server.sandbox.gateways(server.origin) });
    const id = 'top:alibaba.wdk.trade.order.create';
    for (const key of ['K-1', 'K-2', 'K-3']) assert.equal((await c.send(id, { ...oc.example(id), out_order_id: key })).ok, true);
    const kept = server.sandbox.processed.map((p) => JSON.parse(new URLSearchParams(p.body).get('trade')).out_order_id);
    assert.deepEqual(kept, ['K-2', 'K-3']);
  } finally {
    await server.close();
  }
});
