// client.sendBatch against the local sandbox: faults across a 1,000-order batch lose nothing and
// double nothing; a journal makes a second run send nothing; keys, invalid orders and stopping.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs, { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as oc from 'ordercraft';
import { startSandbox, SANDBOX_CREDENTIALS } from '../sandbox/index.js';
import { tempDirs } from './support/temp.js';

let sandbox;
before(async () => { sandbox = await startSandbox(); });
after(() => sandbox.close());
beforeEach(() => sandbox.reset());

const HEMA = 'top:alibaba.wdk.trade.order.create';
const PREVIEW = 'pandapon:/alibaba/order/create/previewbatch';
const ECCANG = 'eccang:createOrder';
const INTENTION = 'top:alibaba.intention.order.save';
const client = (options = {}) => oc.createClient({
  credentials: { ...SANDBOX_CREDENTIALS, eccang: { ...SANDBOX_CREDENTIALS.eccang, endpoint: sandbox.urls.eccang } },
  gateways: { top: sandbox.urls.top, pandapon: sandbox.urls.pandapon },
  backoffMs: 1, maxBackoffMs: 5, ...options,
});
const tempDir = tempDirs('ordercraft-batch-');
const tempJournal = () => join(tempDir(), 'journal.jsonl');
const hemaOrders = (n) => Array.from({ length: n }, (_, i) => ({ ...oc.example(HEMA), out_order_id: `B-${i}` }));
/** How many times the sandbox processed each order, by the key read from the request it got. */
function processedPerKey(provider, keyOf) {
  const counts = new Map();
  for (const r of sandbox.processed.filter((p) => p.provider === provider)) {
    const k = keyOf(r.body);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
const hemaKey = (body) => JSON.parse(new URLSearchParams(body).get('trade')).out_order_id;
/** An order's canonical JSON, computed here on its own: keys sorted at every level, JSON's text for everything else. */
const canonical = (v) => (Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}` : JSON.stringify(v));
const sha256 = (text) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const { source_channel_refer_id: _, ...keylessIntention } = oc.example(INTENTION);
const intentionEndpoint = oc.endpoints().find((e) => e.id === INTENTION);

test('1,000 Hema orders through timeouts, dropped connections and rate limits: nothing lost, nothing doubled', async () => {
  const n = 1000;
  // What the sandbox does to each request in arrival order: a slow answer (a client timeout after
  // the order was created), a dropped connection (never processed), TOP's code 7 (refused unprocessed).
  sandbox.script('top', Array.from({ length: 2 * n }, (_, i) => (i % 23 === 5 ? { delayMs: 120 } : i % 31 === 7 ? { fault: 'drop' } : i % 17 === 3 ? { fault: 'retryable' } : {})));
  const journal = tempJournal();
  const progress = [];
  const summary = await client({ timeoutMs: 60 }).sendBatch(HEMA, hemaOrders(n), { journal, concurrency: 8, retries: 3, onProgress: (p) => progress.push(p) });

  assert.equal(summary.total, n);
  assert.equal(summary.ok + summary.unknown + summary.failed, n, JSON.stringify({ ...summary, results: undefined }));
  assert.equal(summary.failed, 0, 'a timeout or drop on a creation is unknown, never "failed"');
  assert.ok(summary.unknown > 0 && summary.ok > 0);
  assert.deepEqual(progress.map((p) => p.done), Array.from({ length: n }, (_, i) => i + 1), 'one report per order, counting up');
  const per = processedPerKey('top', hemaKey);
  for (const [k, times] of per) assert.equal(times, 1, `${k} reached the gateway ${times} times`);
  for (const r of summary.results) {
    if (r.state === 'ok') assert.equal(per.get(r.key), 1, `${r.key} ok but not processed once`);
  }
  // Rate-limited requests were refused unprocessed and retried: they all ended ok.
  assert.ok(sandbox.hits.top > per.size, 'some requests were refused or dropped before processing');

  // The journal: every order's last entry is its final state, each preceded by `sending`.
  const entries = readFileSync(journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const last = new Map(entries.map((e) => [e.key, e.state]));
  assert.equal(last.size, n);
  assert.ok([...last.values()].every((s) => s === 'ok' || s === 'unknown'));

  // A second run over the same journal sends nothing.
  const hitsBefore = sandbox.hits.top;
  const again = await client().sendBatch(HEMA, hemaOrders(n), { journal });
  assert.deepEqual([again.skipped, again.ok, again.unknown, sandbox.hits.top], [n, 0, 0, hitsBefore]);
  assert.equal(again.results[0].recorded, last.get('B-0'));
});

test('1,000 previews (idempotent) through timeouts, drops and 429: every one ends ok', async () => {
  const n = 1000;
  sandbox.script('pandapon', Array.from({ length: 3 * n }, (_, i) => (i % 19 === 4 ? { delayMs: 120 } : i % 29 === 6 ? { fault: 'drop' } : i % 11 === 2 ? { fault: 'retryable' } : {})));
  const orders = Array.from({ length: n }, (_, i) => {
    const o = oc.example(PREVIEW);
    o.cargoParamList[0].quantity = i + 1; // distinct orders: distinct keys (a hash of the order)
    return o;
  });
  const summary = await client({ timeoutMs: 60 }).sendBatch(PREVIEW, orders, { concurrency: 8, retries: 8 });
  assert.deepEqual([summary.total, summary.ok], [n, n], JSON.stringify({ ...summary, results: summary.results.filter((r) => r.state !== 'ok').slice(0, 3) }));
  assert.equal(new Set(summary.results.map((r) => r.key)).size, n);
  assert.ok(summary.results.every((r) => r.key.startsWith('sha256:')));
});

test('without Web Crypto (a browser page outside a secure context), an order without its key is refused saying why, and nothing is sent', async (t) => {
  const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true });
  t.after(() => Object.defineProperty(globalThis, 'crypto', crypto));
  const keyless = { ...oc.example(INTENTION), source_channel_refer_id: undefined };
  assert.equal(await oc.orderKey({ keyField: 'source_channel_refer_id' }, { source_channel_refer_id: 'R-1' }), 'R-1');
  await assert.rejects(oc.orderKey({ keyField: 'source_channel_refer_id' }, keyless), (e) => oc.isOrdercraftError(e) && /Web Crypto.*https or from localhost/.test(e.message));
  await assert.rejects(client().sendBatch(INTENTION, [keyless]), /Web Crypto/);
  assert.equal(sandbox.processed.length, 0);
});

test('keys: a repeated key is invalid, an invalid order is journaled invalid with its issues, a custom key is used', async () => {
  const journal = tempJournal();
  const orders = [{ ...oc.example(ECCANG), reference_no: 'K-1' }, { ...oc.example(ECCANG), reference_no: 'K-1' }, { ...oc.example(ECCANG), reference_no: 'K-2', order_weight: 0 }];
  const r = await client().sendBatch(ECCANG, orders, { journal });
  assert.deepEqual(r.results.map((x) => [x.key, x.state]), [['K-1', 'ok'], ['K-1', 'invalid'], ['K-2', 'invalid']]);
  assert.equal(r.results[1].issues[0].code, 'duplicate');
  assert.equal(r.results[2].issues[0].path, '/order_weight');
  assert.equal(sandbox.hits.eccang, 1);
  const custom = await client().sendBatch(ECCANG, [{ ...oc.example(ECCANG), reference_no: 'K-3' }], { key: (o) => `mine-${o.reference_no}` });
  assert.equal(custom.results[0].key, 'mine-K-3');
});

test('resume: an order journaled invalid is checked again, and sent once it is fixed', async () => {
  const journal = tempJournal();
  const broken = [{ ...oc.example(ECCANG), reference_no: 'F-1', order_weight: 0 }];
  const first = await client().sendBatch(ECCANG, broken, { journal });
  assert.deepEqual([first.invalid, sandbox.hits.eccang], [1, 0]);
  const fixed = [{ ...oc.example(ECCANG), reference_no: 'F-1' }];
  const second = await client().sendBatch(ECCANG, fixed, { journal });
  assert.deepEqual([second.ok, second.skipped, sandbox.hits.eccang], [1, 0, 1]);
});

test('resume: an order left "sending" is resent only on an idempotent endpoint, else unknown until resendUnknown', async () => {
  const crashed = (key) => oc.memoryJournal([{ key, state: 'sending', at: '2026-01-01T00:00:00Z' }]);
  const hema = await client().sendBatch(HEMA, hemaOrders(1), { journal: crashed('B-0') });
  assert.deepEqual([hema.unknown, sandbox.hits.top], [1, 0]);
  const resent = await client().sendBatch(HEMA, hemaOrders(1), { journal: crashed('B-0'), resendUnknown: true });
  assert.deepEqual([resent.ok, sandbox.hits.top], [1, 1]);
  const eccang = await client().sendBatch(ECCANG, [{ ...oc.example(ECCANG), reference_no: 'R-1' }], { journal: crashed('R-1') });
  assert.deepEqual([eccang.ok, sandbox.hits.eccang], [1, 1]);
});

test('a stop signal starts nothing new; what was in flight finishes and is journaled', async () => {
  const journal = oc.memoryJournal();
  const stop = new AbortController();
  sandbox.script('top', Array.from({ length: 4 }, () => ({ delayMs: 100 })));
  const orders = hemaOrders(50);
  const run = client().sendBatch(HEMA, orders, { journal, concurrency: 4, signal: stop.signal, onProgress: () => stop.abort() });
  const r = await run;
  assert.equal(r.stopped, true);
  assert.ok(r.total < 50 && r.total >= 1, `${r.total} started`);
  assert.equal(r.ok, r.total);
  assert.equal(journal.entries.filter((e) => e.state === 'sending').length, r.total);
  assert.equal(journal.entries.filter((e) => e.state === 'ok').length, r.total);
});

test('orders may be an async iterable; the rate limit spaces the starts', async () => {
  async function* generate() { for (let i = 0; i < 5; i += 1) yield { ...oc.example(ECCANG), reference_no: `G-${i}` }; }
  const started = Date.now();
  const r = await client().sendBatch(ECCANG, generate(), { ratePerSecond: 20, concurrency: 5 });
  assert.deepEqual([r.total, r.ok], [5, 5]);
  assert.ok(Date.now() - started >= 4 * 50 - 5, 'five starts at 20/s take at least 200 ms');
});

test('a journal given as a path is closed when its batch ends', async (t) => {
  if (!existsSync('/proc/self/fd')) return t.skip('counts open files through /proc (Linux)');
  const openFiles = () => readdirSync('/proc/self/fd').length;
  // Orders refused by validation: journaled, and nothing sent (no sockets to count).
  const batch = () => client().sendBatch(ECCANG, [{}, { reference_no: 'X' }], { journal: tempJournal() });
  await batch();
  const before = openFiles();
  for (let i = 0; i < 20; i++) assert.equal((await batch()).invalid, 2);
  assert.equal(openFiles(), before);
});

test("a new file journal's directory entry is flushed to disk before its first entry counts, so a power cut cannot lose the journal", async () => {
  // The fd each fsync is given, and whether it is a directory, seen through the journal's own
  // named import of node:fs (syncBuiltinESMExports carries the replacement into ESM imports).
  const synced = [];
  const original = fs.fsyncSync;
  fs.fsyncSync = (fd) => { synced.push(fs.fstatSync(fd).isDirectory()); return original(fd); };
  syncBuiltinESMExports();
  try {
    const path = tempJournal();
    const journal = oc.fileJournal(path);
    await journal.append({ key: 'A', state: 'sending' });
    assert.deepEqual(synced, [true, false], 'the directory, then the entry');
    await journal.append({ key: 'A', state: 'done' });
    journal.close();
    assert.deepEqual(synced, [true, false, false], 'the directory only when the file is new');
    await oc.fileJournal(path).append({ key: 'B', state: 'sending' });
    assert.deepEqual(synced, [true, false, false, false], 'an existing journal: its entries only');
  } finally {
    fs.fsyncSync = original;
    syncBuiltinESMExports();
  }
});

test('a file journal writes each entry whole though the disk takes fewer bytes than given (it is filling up): no entry torn and passed over', async () => {
  // A write that takes the first half only and says so, as write(2) may; through the journal's
  // own named import of node:fs, as above.
  const original = fs.writeSync;
  let short = 0;
  fs.writeSync = (fd, data, ...rest) => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data.subarray(rest[0] ?? 0, (rest[0] ?? 0) + (rest[1] ?? data.length));
    if (bytes.length < 20) return original(fd, data, ...rest);
    short += 1;
    return original(fd, bytes.subarray(0, bytes.length >> 1));
  };
  syncBuiltinESMExports();
  try {
    const path = tempJournal();
    const journal = oc.fileJournal(path);
    await journal.append({ key: 'A', state: 'sending', content: 'sha256:00' });
    await journal.append({ key: 'A', state: 'ok', content: 'sha256:00' });
    journal.close();
    assert.ok(short >= 2, 'the writes were cut short');
    assert.deepEqual([...await oc.fileJournal(path).load()].map((e) => e.state), ['sending', 'ok']);
  } finally {
    fs.writeSync = original;
    syncBuiltinESMExports();
  }
});

test('a file journal is read a mebibyte at a time: lines across the reads, a character cut by one, a torn last line', async () => {
  // Read whole, a journal over 512 MiB (a few hundred thousand orders with their answers) could not
  // be loaded at all (ERR_STRING_TOO_LONG), and its batch never resumed; this guards the chunked read.
  const path = tempJournal();
  const head = '{"key":"A","state":"ok","note":"';
  const first = `${head}${'x'.repeat(2 ** 20 - head.length - 1)}订单"}`; // 订's first byte ends the first read
  const entries = [JSON.parse(first), ...Array.from({ length: 3000 }, (_, i) => ({ key: `K-${i}`, state: 'ok', note: '备注'.repeat(200 + (i % 7)) }))];
  writeFileSync(path, `${entries.map((e) => JSON.stringify(e)).join('\n')}\n{"key":"torn","sta`);
  assert.ok(statSync(path).size > 3 * 2 ** 20);
  assert.equal(Buffer.from(first).subarray(2 ** 20 - 1, 2 ** 20 + 2).toString(), '订');
  assert.deepEqual([...await oc.fileJournal(path).load()], entries);
});

test("a proxy's error page or an unreadable answer is no verdict: unknown, a creation and an idempotent order alike", async () => {
  const stub = (status, text) => oc.createClient({
    credentials: SANDBOX_CREDENTIALS, fetch: async () => ({ status, text: async () => text }), backoffMs: 1, sleep: async () => {},
  });
  for (const [status, text] of [[502, '<html>502 Bad Gateway</html>'], [504, ''], [200, '{"alibaba_wdk_trade_order_create_resp'], [200, '<html>ok</html>']]) {
    const creation = await stub(status, text).sendBatch(HEMA, hemaOrders(1));
    assert.deepEqual([creation.unknown, creation.failed], [1, 0], `${status} ${text}`);
    const preview = await stub(status, text).sendBatch(PREVIEW, [oc.example(PREVIEW)]);
    assert.deepEqual([preview.unknown, preview.failed], [1, 0], `${status} ${text}`);
  }
  // PandaPon's service failing (code 500) is no verdict either; a preview is then asked again.
  const down = await stub(200, JSON.stringify({ code: 500, msg: '系统错误' })).sendBatch(PREVIEW, [oc.example(PREVIEW)]);
  assert.deepEqual([down.unknown, down.failed], [1, 0]);
  // The provider's own refusal is a verdict.
  const refused = await stub(200, JSON.stringify({ error_response: { code: 25, msg: 'Invalid signature' } })).sendBatch(HEMA, hemaOrders(1));
  assert.deepEqual([refused.unknown, refused.failed, refused.results[0].result.error.code], [0, 1, '25']);
  // Its platform failing is not: the backend may have created the order before the gateway gave up on it.
  for (const error of [{ code: 15, msg: 'Remote service error', sub_code: 'isp.top-remote-connection-timeout' }, { code: 10, msg: 'Service Currently Unavailable' }]) {
    const platform = await stub(200, JSON.stringify({ error_response: error })).sendBatch(HEMA, hemaOrders(1));
    assert.deepEqual([platform.unknown, platform.failed, platform.results[0].result.error.noVerdict], [1, 0, true], JSON.stringify(error));
  }
});

test('options no request can be built with stop the batch before anything is journaled as sending', async () => {
  const journal = tempJournal();
  const broken = oc.createClient({ credentials: { top: { appKey: 'k' } }, gateways: { top: sandbox.urls.top }, backoffMs: 1 });
  await assert.rejects(broken.sendBatch(HEMA, hemaOrders(5), { journal, concurrency: 2 }), (e) => e instanceof oc.ArgumentError);
  assert.equal(sandbox.hits.top, 0);
  const entries = existsSync(journal) ? readFileSync(journal, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  assert.deepEqual(entries.filter((e) => e.state === 'sending'), [], 'nothing was sent, so nothing may look as if it was');
  // Fixed, the same batch over the same journal sends every order: none is left unknown.
  const fixed = await client().sendBatch(HEMA, hemaOrders(5), { journal });
  assert.deepEqual([fixed.ok, fixed.unknown], [5, 0]);
});

test('a journal that fails stops the batch, and nothing of it goes on once it has rejected', async () => {
  const inner = oc.memoryJournal();
  let appends = 0;
  const journal = { load: inner.load, append: async (entry) => { if (++appends === 7) throw new Error('disk full'); return inner.append(entry); } };
  await assert.rejects(client().sendBatch(HEMA, hemaOrders(40), { journal, concurrency: 4 }), /disk full/);
  const hits = sandbox.hits.top;
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.equal(sandbox.hits.top, hits, 'a request left after the batch rejected');
  assert.ok(hits < 40, 'the batch went on past its failure');
  // Every order the sandbox processed was journaled as sending first.
  const sent = new Set(inner.entries.filter((e) => e.state === 'sending').map((e) => e.key));
  for (const key of processedPerKey('top', hemaKey).keys()) assert.ok(sent.has(key), `${key} was sent without a journal entry`);
});

test('an order source that throws stops the batch the same way', async () => {
  async function* orders() {
    for (let i = 0; i < 30; i++) {
      if (i === 6) throw new Error('the file went away');
      await new Promise((resolve) => setTimeout(resolve, 1));
      yield { ...oc.example(HEMA), out_order_id: `S-${i}` };
    }
  }
  const journal = oc.memoryJournal();
  await assert.rejects(client().sendBatch(HEMA, orders(), { journal, concurrency: 3 }), /the file went away/);
  const hits = sandbox.hits.top;
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.equal(sandbox.hits.top, hits);
  // What was started finished and was journaled: each order sent has its outcome.
  const last = new Map(journal.entries.map((e) => [e.key, e.state]));
  assert.ok([...last.values()].every((state) => state === 'ok'), JSON.stringify([...last]));
  assert.equal(last.size, hits);
});

test('one run at a time per journal: a second run over a journal in use is refused before it reads or sends anything', async () => {
  sandbox.script('top', Array.from({ length: 6 }, () => ({ delayMs: 30 })));
  for (const journal of [oc.memoryJournal(), tempJournal()]) {
    sandbox.reset();
    const first = client().sendBatch(HEMA, hemaOrders(6), { journal, concurrency: 2 });
    await assert.rejects(
      client().sendBatch(HEMA, hemaOrders(6), { journal }),
      (e) => e instanceof oc.ArgumentError && e.argument === 'options.journal' && /two runs over one journal could send an order twice/.test(e.message),
    );
    assert.equal((await first).ok, 6);
    assert.equal(sandbox.hits.top, 6, 'each order sent once');
    // Released when the run ended, and when it failed.
    assert.equal((await client().sendBatch(HEMA, hemaOrders(6), { journal })).skipped, 6);
    await assert.rejects(client().sendBatch(HEMA, (function* () { throw new Error('no orders'); })(), { journal }), /no orders/);
    assert.equal((await client().sendBatch(HEMA, hemaOrders(6), { journal })).skipped, 6);
    if (typeof journal === 'string') assert.equal(existsSync(`${journal}.lock`), false, 'no lock left behind');
  }
});

test("a file journal's lock left by a run that died is taken over; one held elsewhere, or unreadable, is refused naming the file", async () => {
  const journal = tempJournal();
  const lock = `${journal}.lock`;
  // A process of this host that has exited: its lock is abandoned.
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  writeFileSync(lock, JSON.stringify({ pid: Number(gone), host: hostname(), since: new Date().toISOString() }));
  assert.equal((await client().sendBatch(ECCANG, [{ ...oc.example(ECCANG), reference_no: 'L-1' }], { journal })).ok, 1);
  assert.equal(existsSync(lock), false);
  // Before this host last started, any pid is stale.
  writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), since: '2000-01-01T00:00:00Z' }));
  assert.equal((await client().sendBatch(ECCANG, [{ ...oc.example(ECCANG), reference_no: 'L-1' }], { journal })).skipped, 1);
  // A live process of this host, a run on another host (its processes cannot be seen from here), or a lock that cannot be read: refused.
  for (const held of [
    JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString() }),
    JSON.stringify({ pid: Number(gone), host: `not-${hostname()}`, since: '2000-01-01T00:00:00Z' }),
    'garbage',
  ]) {
    writeFileSync(lock, held);
    await assert.rejects(
      client().sendBatch(ECCANG, [{ ...oc.example(ECCANG), reference_no: 'L-2' }], { journal }),
      (e) => e instanceof oc.ArgumentError && e.message.includes(`delete ${lock}`),
      held,
    );
    assert.equal(readFileSync(lock, 'utf8'), held, 'a lock not abandoned is left as it was');
  }
  assert.equal(sandbox.hits.eccang, 1);
  assert.deepEqual(readdirSync(join(journal, '..')).sort(), ['journal.jsonl', 'journal.jsonl.lock'], 'no claim or aside file left over');
});

test("one journal for several endpoints: an order is skipped only for its own endpoint's entries", async () => {
  const journal = tempJournal();
  // The same key at two endpoints: an ECCANG parcel and a Hema order both called X-1.
  assert.equal((await client().sendBatch(ECCANG, [{ ...oc.example(ECCANG), reference_no: 'X-1' }], { journal })).ok, 1);
  const hema = await client().sendBatch(HEMA, [{ ...oc.example(HEMA), out_order_id: 'X-1' }], { journal });
  assert.deepEqual([hema.ok, hema.skipped, sandbox.hits.top], [1, 0, 1], 'the Hema order is not the parcel: it is sent');
  const entries = readFileSync(journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(entries.map((e) => [e.endpoint, e.state]), [[ECCANG, 'sending'], [ECCANG, 'ok'], [HEMA, 'sending'], [HEMA, 'ok']]);
  // Each resumes on its own entries.
  assert.equal((await client().sendBatch(HEMA, [{ ...oc.example(HEMA), out_order_id: 'X-1' }], { journal })).skipped, 1);
  assert.equal((await client().sendBatch(ECCANG, [{ ...oc.example(ECCANG), reference_no: 'X-1' }], { journal })).skipped, 1);
  // Entries written before the endpoint was recorded count for any endpoint, as they did.
  const old = oc.memoryJournal([{ key: 'X-1', state: 'ok' }]);
  assert.equal((await client().sendBatch(HEMA, [{ ...oc.example(HEMA), out_order_id: 'X-1' }], { journal: old })).skipped, 1);
  assert.deepEqual([sandbox.hits.top, sandbox.hits.eccang], [1, 1]);
});

test('a key function must give text (or a number, kept as its text): anything else stops the batch before anything is sent', async () => {
  const orders = [1, 2].map((i) => ({ ...oc.example(ECCANG), reference_no: `K-${i}` }));
  for (const key of [() => ({ id: 1 }), () => undefined, () => null, () => '  ']) {
    await assert.rejects(client().sendBatch(ECCANG, orders, { key }), (e) => e instanceof oc.ArgumentError && e.argument === 'options.key');
  }
  assert.equal(sandbox.hits.eccang, 0);
  // A number and its text are one key, in the run and in a journal written with numbers.
  const journal = oc.memoryJournal([{ key: 7, state: 'ok' }]);
  const numbered = await client().sendBatch(ECCANG, [{ ...orders[0], n: 7 }, { ...orders[1], n: 8 }], { journal, key: (o) => o.n, sendOptions: { unknownFields: 'drop' } });
  assert.deepEqual([numbered.skipped, numbered.ok, numbered.results.map((r) => r.key)], [1, 1, ['7', '8']]);
  assert.equal(sandbox.hits.eccang, 1);
});

test('a source that reuses one object for every order (changing it for the next) sends each order as it was when taken', async () => {
  sandbox.script('top', Array.from({ length: 12 }, () => ({ delayMs: 20 })));
  const shared = oc.example(HEMA);
  async function* reusing() { for (let i = 0; i < 6; i += 1) { shared.out_order_id = `R-${i}`; shared.user_mem = `note ${i}`; yield shared; } }
  function* reusingSync() { for (let i = 6; i < 12; i += 1) { shared.out_order_id = `R-${i}`; shared.user_mem = `note ${i}`; yield shared; } }
  for (const source of [reusing(), reusingSync()]) {
    const r = await client().sendBatch(HEMA, source, { concurrency: 4 });
    assert.deepEqual([r.total, r.ok], [6, 6], JSON.stringify(r.results.map((x) => [x.key, x.state])));
  }
  const sent = sandbox.processed.map((p) => JSON.parse(new URLSearchParams(p.body).get('trade')));
  assert.deepEqual(sent.map((t) => `${t.out_order_id} ${t.user_mem}`).sort(), Array.from({ length: 12 }, (_, i) => `R-${i} note ${i}`).sort());
});

test('an order changed since it was sent: a refused one, fixed, is sent; a created one is refused, not reported done; the same content is skipped', async () => {
  const journal = tempJournal();
  const orders = hemaOrders(2);
  // B-0 is refused by the provider (a verdict: nothing created), B-1 is created.
  sandbox.script('top', [{ fault: 'fatal' }]);
  const first = await client().sendBatch(HEMA, orders.slice(0, 1), { journal, concurrency: 1 });
  await client().sendBatch(HEMA, orders.slice(1), { journal });
  assert.deepEqual([first.failed, sandbox.processed.length], [1, 1]);
  // The same content again: both skipped, nothing sent.
  const same = await client().sendBatch(HEMA, orders, { journal });
  assert.deepEqual([same.skipped, sandbox.processed.length], [2, 1]);
  // Both changed (B-0 fixed after its refusal, B-1 edited after it was created).
  const changed = orders.map((o) => ({ ...o, user_mem: 'changed' }));
  const rerun = await client().sendBatch(HEMA, changed, { journal });
  const byKey = Object.fromEntries(rerun.results.map((r) => [r.key, r]));
  assert.equal(byKey['B-0'].state, 'ok', 'the fixed order went out');
  assert.equal(byKey['B-1'].state, 'invalid');
  assert.equal(byKey['B-1'].issues[0].code, 'duplicate');
  assert.match(byKey['B-1'].issues[0].message, /was created .*with other content; this one is not sent/);
  const sent = sandbox.processed.map((p) => JSON.parse(new URLSearchParams(p.body).get('trade')));
  assert.deepEqual(sent.map((t) => `${t.out_order_id} ${t.user_mem}`), [`B-1 ${orders[1].user_mem}`, 'B-0 changed'], 'B-1 once, as first sent');
  // The refusal of the changed B-1 left the journal as it was: the original content is still done.
  const again = await client().sendBatch(HEMA, [orders[1], changed[0]], { journal });
  assert.deepEqual([again.skipped, sandbox.processed.length], [2, 2]);
});

test("the journal's content digest is SHA-256 of the order's canonical JSON, and survives an order left in flight by a crash", async () => {
  const [order] = hemaOrders(1);
  const first = oc.memoryJournal();
  await client().sendBatch(HEMA, [{ ...order, user_mem: 'x' }], { journal: first });
  const content = sha256(canonical({ ...order, user_mem: 'x' }));
  assert.deepEqual(first.entries.map((e) => [e.state, e.content]), [['sending', content], ['ok', content]]);
  // A crash left it `sending`: the rerun journals it unknown with the content that went out, so
  // a later run still knows the order it is given has changed since.
  const crashed = oc.memoryJournal([{ endpoint: HEMA, key: order.out_order_id, state: 'sending', content }]);
  await client().sendBatch(HEMA, [order], { journal: crashed });
  assert.deepEqual([crashed.entries.at(-1).state, crashed.entries.at(-1).content], ['unknown', content]);
});

test('an order left unknown is sent again by a rerun where a repeat cannot create a second one, and waits elsewhere', async () => {
  const journal = tempJournal();
  // ECCANG: the first run gives up waiting (no retries left) while the service goes on and creates the parcel.
  const orders = [{ ...oc.example(ECCANG), reference_no: 'U-1' }];
  sandbox.script('eccang', [{ delayMs: 150 }]);
  const first = await client({ timeoutMs: 40 }).sendBatch(ECCANG, orders, { journal, retries: 0 });
  assert.deepEqual([first.unknown, first.failed], [1, 0], 'no answer is no verdict, on an idempotent endpoint too');
  await new Promise((r) => setTimeout(r, 250));
  // The rerun sends it again; the service says it already exists (the first run created it): ok.
  const rerun = await client().sendBatch(ECCANG, orders, { journal });
  assert.deepEqual([rerun.ok, rerun.skipped, sandbox.hits.eccang], [1, 0, 2]);
  assert.equal(rerun.results[0].result.createdByEarlierAttempt, true, 'one parcel: the repeat was refused as such');
  // Changed since (another parcel under the same reference): the service's "already exists" is
  // then about the earlier parcel, not this one, which it refused: failed, not ok.
  const changed = [{ ...orders[0], reference_no: 'U-2' }];
  sandbox.script('eccang', [{ delayMs: 150 }]);
  await client({ timeoutMs: 40 }).sendBatch(ECCANG, changed, { journal, retries: 0 });
  await new Promise((r) => setTimeout(r, 250));
  const edited = await client().sendBatch(ECCANG, [{ ...changed[0], order_pieces: changed[0].order_pieces + 1 }], { journal });
  assert.deepEqual([edited.ok, edited.failed, edited.results[0].result.createdByEarlierAttempt], [0, 1, undefined]);
  // Hema: an unknown creation waits for the caller (resendUnknown), as before.
  const hemaJournal = oc.memoryJournal([{ key: 'B-0', state: 'unknown' }]);
  assert.deepEqual([(await client().sendBatch(HEMA, hemaOrders(1), { journal: hemaJournal })).skipped, sandbox.hits.top], [1, 0]);
});

test('settle: an unknown order found at the provider is ok from then on; one not found is sent by the next run; anything else is refused', async () => {
  const journal = tempJournal();
  const orders = hemaOrders(3);
  // The first two requests are lost with the connection after they left: no verdict, and a repeat could create a second order.
  sandbox.script('top', [{ fault: 'drop' }, { fault: 'drop' }]);
  const first = await client().sendBatch(HEMA, orders, { journal, concurrency: 1 });
  assert.deepEqual([first.unknown, first.ok, sandbox.hits.top], [2, 1, 3]);
  const waiting = await client().sendBatch(HEMA, orders, { journal, concurrency: 1 });
  assert.deepEqual([waiting.unknown, waiting.skipped, sandbox.hits.top], [0, 3, 3], 'unknown orders wait for the caller');

  const c = client();
  await assert.rejects(c.settle(HEMA, 'B-1', { journal, exists: 'no' }), { name: 'ArgumentError', argument: 'options.exists' });
  await assert.rejects(c.settle(HEMA, 'B-1', { exists: false }), { name: 'ArgumentError', argument: 'options.journal' });
  await assert.rejects(c.settle(HEMA, ' ', { journal, exists: false }), { name: 'ArgumentError', argument: 'key' });
  await assert.rejects(c.settle(HEMA, 'B-2', { journal, exists: false }), /"B-2" is ok there; only an order left without a verdict \(unknown\) is settled/);
  await assert.rejects(c.settle(HEMA, 'B-9', { journal, exists: true }), /"B-9" is not there \(never sent\)/);
  await assert.rejects(c.settle(ECCANG, 'B-0', { journal, exists: true }), /is not there/, "another endpoint's order of the same key is not this one");
  // While a run holds the journal, it could be sending the order: refused.
  const held = oc.memoryJournal([{ endpoint: HEMA, key: 'B-0', state: 'unknown' }]);
  const release = await held.lock();
  await assert.rejects(c.settle(HEMA, 'B-0', { journal: held, exists: true }), /another batch is running over this journal/);
  release();
  assert.equal(held.entries.length, 1);

  const found = await c.settle(HEMA, 'B-0', { journal, exists: true });
  const gone = await c.settle(HEMA, 'B-1', { journal, exists: false });
  const lines = readFileSync(journal, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(lines.slice(-2), [found, gone]);
  assert.deepEqual([found.state, gone.state, found.settled, typeof found.content], ['ok', 'absent', true, 'string']);
  await assert.rejects(c.settle(HEMA, 'B-0', { journal, exists: false }), /is ok there/, 'settled once: it has its verdict');

  const rerun = await client().sendBatch(HEMA, orders, { journal, concurrency: 1 });
  assert.deepEqual(rerun.results.map((r) => [r.key, r.state, r.recorded]), [['B-0', 'skipped', 'ok'], ['B-1', 'ok', undefined], ['B-2', 'skipped', 'ok']]);
  assert.equal(sandbox.hits.top, 4, 'only the order settled absent went out');
  assert.equal(processedPerKey('top', (body) => JSON.parse(new URLSearchParams(body).get('trade')).out_order_id).get('B-1'), 1);
  // Settled as created, then changed: not taken for the order that exists.
  const changed = await client().sendBatch(HEMA, [{ ...orders[0], user_mem: 'changed' }], { journal });
  assert.deepEqual([changed.invalid, changed.results[0].issues[0].code, sandbox.hits.top], [1, 'duplicate', 4]);
});

test('status: where each order of the endpoint stands, from the journal alone, in the order first seen; it sends nothing, and waits for no run', async () => {
  const refused = { ok: false, error: { code: 'isv.x', message: 'refused' }, attempts: 1 };
  const timedOut = { ok: false, error: { code: 'timeout', message: 'no answer' }, attempts: 1 };
  const issues = [{ path: '/trade', code: 'required', severity: 'error', message: '`trade` is required' }];
  const journal = oc.memoryJournal([
    { endpoint: HEMA, key: 'B-0', state: 'sending', at: 't0' },
    { endpoint: HEMA, key: 'B-1', state: 'sending', at: 't1' },
    { endpoint: HEMA, key: 'B-0', state: 'ok', result: { ok: true, data: {}, attempts: 1 }, at: 't2' },
    { endpoint: HEMA, key: 'B-1', state: 'failed', result: refused, at: 't3' },
    { endpoint: HEMA, key: 'B-2', state: 'sending', at: 't4' }, // the run died with it in flight
    { endpoint: HEMA, key: 'B-3', state: 'invalid', issues },
    { endpoint: HEMA, key: 'B-4', state: 'failed', result: timedOut, at: 't5' }, // an earlier version's word for no verdict
    { endpoint: HEMA, key: 'B-5', state: 'unknown', at: 't6' },
    { endpoint: HEMA, key: 'B-5', state: 'absent', settled: true, at: 't7' },
    { endpoint: ECCANG, key: 'B-6', state: 'ok' }, // another endpoint's order
    { key: 7, state: 'ok' }, // written without its endpoint: it counts for any
  ]);
  const c = client();
  assert.deepEqual(await c.status(HEMA, { journal }), [
    { key: 'B-0', state: 'ok', at: 't2' },
    { key: 'B-1', state: 'failed', at: 't3', error: refused.error },
    { key: 'B-2', state: 'unknown', at: 't4', interrupted: true },
    { key: 'B-3', state: 'invalid', issues },
    { key: 'B-4', state: 'unknown', at: 't5', error: timedOut.error },
    { key: 'B-5', state: 'absent', at: 't7', settled: true },
    { key: '7', state: 'ok' },
  ]);
  assert.deepEqual((await c.status(ECCANG, { journal })).map((o) => o.key), ['B-6', '7']);
  assert.deepEqual([journal.entries.length, sandbox.hits.top, sandbox.hits.eccang], [11, 0, 0], 'read only; nothing sent');
  // While a run holds the journal, the states are its to change: refused, not read half-way.
  const release = await journal.lock();
  await assert.rejects(c.status(HEMA, { journal }), /another batch is running over this journal/);
  release();
  await assert.rejects(c.status(HEMA, {}), { name: 'ArgumentError', argument: 'options.journal' });
  await assert.rejects(async () => c.status('top:nope', { journal }), { name: 'UnknownEndpointError' });

  // A file journal after a run that lost its connection after one order left.
  const file = tempJournal();
  sandbox.script('top', [{}, { fault: 'drop' }]);
  await client().sendBatch(HEMA, hemaOrders(2), { journal: file, concurrency: 1 });
  const [sent, dropped] = await c.status(HEMA, { journal: file });
  assert.deepEqual([sent.key, sent.state, dropped.key, dropped.state, dropped.error.code], ['B-0', 'ok', 'B-1', 'unknown', 'network']);
  assert.equal(existsSync(`${file}.lock`), false, 'its lock let go');
});

test('an order whose request reached no provider (the gateway down) is failed for that run, and the next run sends it', async () => {
  const journal = tempJournal();
  const orders = hemaOrders(2);
  const down = oc.createClient({ credentials: SANDBOX_CREDENTIALS, gateways: { top: 'http://127.0.0.1:6000/router/rest' } }); // a port fetch never connects to
  const first = await down.sendBatch(HEMA, orders, { journal });
  assert.deepEqual([first.failed, first.results.map((r) => r.result.error.notSent)], [2, [true, true]]);
  const [status] = await down.status(HEMA, { journal });
  assert.deepEqual([status.state, status.error.notSent], ['failed', true]);
  const again = await client().sendBatch(HEMA, orders, { journal });
  assert.deepEqual(again.results.map((r) => [r.key, r.state]), [['B-0', 'ok'], ['B-1', 'ok']]);
  assert.deepEqual([...processedPerKey('top', hemaKey)].sort(), [['B-0', 1], ['B-1', 1]]);
  // Sent once: a third run skips them.
  const third = await client().sendBatch(HEMA, orders, { journal });
  assert.deepEqual([third.skipped, sandbox.hits.top], [2, 2]);
});

test('an order rate-limited to its last retry is failed for that run (unprocessed), and the next run sends it', async () => {
  const journal = tempJournal();
  const orders = hemaOrders(2);
  sandbox.script('top', Array.from({ length: 4 }, () => ({ fault: 'retryable' }))); // TOP's code 7, twice per order
  const first = await client().sendBatch(HEMA, orders, { journal, retries: 1, concurrency: 1 });
  assert.deepEqual([first.failed, first.results.map((r) => [r.result.error.code, r.result.error.unprocessed, r.result.attempts])], [2, [['7', true, 2], ['7', true, 2]]]);
  assert.equal(sandbox.processed.length, 0, 'refused unprocessed: nothing created');
  const again = await client().sendBatch(HEMA, orders, { journal });
  assert.deepEqual(again.results.map((r) => [r.key, r.state]), [['B-0', 'ok'], ['B-1', 'ok']]);
  assert.deepEqual([...processedPerKey('top', hemaKey)].sort(), [['B-0', 1], ['B-1', 1]]);
});

test('onResult hands over each result as it settles, after its journal entry; keepResults: false keeps none in the summary', async () => {
  const orders = [
    ...hemaOrders(6),
    { ...oc.example(HEMA), out_order_id: 'B-2' }, // a repeat of a key in this batch: invalid, not journaled
    { ...oc.example(HEMA), out_order_id: 'B-bad', pay_fee: -1 }, // invalid: journaled with its issues
  ];
  const journal = oc.memoryJournal([{ endpoint: HEMA, key: 'B-5', state: 'failed' }]); // a verdict from an earlier run: skipped
  const handed = [];
  const summary = await client().sendBatch(HEMA, orders, {
    journal, concurrency: 3, keepResults: false,
    onResult: (result, index) => {
      // The entry that made this result is already in the journal when the caller hears of it.
      const last = journal.entries.findLast((e) => e.key === result.key);
      handed.push({ index, key: result.key, state: result.state, journaled: last?.state });
    },
  });
  assert.deepEqual(summary.results, []);
  assert.deepEqual([summary.total, summary.ok, summary.invalid, summary.skipped], [8, 5, 2, 1]);
  assert.deepEqual(handed.map((h) => h.index).sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7], 'each order once');
  // The repeat (index 6) is not journaled: its key's entries are the first order's, maybe still in flight.
  for (const h of handed.filter((x) => x.index !== 6)) {
    assert.equal(h.journaled, h.state === 'skipped' ? 'failed' : h.state, JSON.stringify(h));
  }
  assert.equal(handed.find((h) => h.index === 6).state, 'invalid');
  assert.equal(sandbox.hits.top, 5);
  // Kept (the default), the summary's results are exactly what onResult handed over, in the order given.
  sandbox.reset();
  const seen = [];
  const kept = await client().sendBatch(HEMA, hemaOrders(3).map((o) => ({ ...o, out_order_id: `K${o.out_order_id}` })), { onResult: (r, i) => { seen[i] = r; } });
  assert.deepEqual(kept.results, seen);
  assert.equal(kept.results.length, 3);
});

test('onResult must be a function and keepResults a boolean: anything else stops the batch before it sends', async () => {
  for (const [options, argument] of [[{ onResult: 'log' }, 'options.onResult'], [{ keepResults: 'no' }, 'options.keepResults']]) {
    await assert.rejects(client().sendBatch(HEMA, hemaOrders(2), options), (e) => e instanceof oc.ArgumentError && e.argument === argument);
  }
  assert.equal(sandbox.hits.top, 0);
});

test('an order without its key is known by the JSON it is sent as: a Date by its text, a field left undefined as absent', async () => {
  const dated = (ms) => ({ ...keylessIntention, remark: new Date(ms) });
  assert.equal(await oc.orderKey(intentionEndpoint, dated(0)), sha256(canonical(JSON.parse(JSON.stringify(dated(0))))));
  const { buyer_fax: _fax, ...withoutFax } = keylessIntention;
  assert.equal(await oc.orderKey(intentionEndpoint, { ...keylessIntention, buyer_fax: undefined }), await oc.orderKey(intentionEndpoint, withoutFax));
  // Two orders that differ only in a Date are two orders: the second is sent, not taken for the first.
  const journal = oc.memoryJournal();
  await client().sendBatch(INTENTION, [dated(0)], { journal });
  const second = await client().sendBatch(INTENTION, [dated(0), dated(1e12)], { journal });
  assert.deepEqual([second.skipped, second.ok, sandbox.hits.top], [1, 1, 2]);
});

test('a journal written when an order without its key was known by the object as held (undefined as null, a Date as {}) still guards it', async () => {
  // The key versions up to 0.1.0 gave it, computed here on its own.
  const asHeld = (v) => (Array.isArray(v) ? `[${v.map(asHeld).join(',')}]`
    : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${asHeld(v[k])}`).join(',')}}` : JSON.stringify(v) ?? 'null');
  const orders = [{ ...keylessIntention, buyer_fax: undefined }, { ...keylessIntention, remark: new Date(0) }];
  const journal = oc.memoryJournal(orders.map((order) => ({
    endpoint: INTENTION, key: sha256(asHeld(order)), state: 'ok', content: sha256(canonical(JSON.parse(JSON.stringify(order)))), at: '2026-11-01T00:00:00.000Z',
  })));
  assert.notEqual(journal.entries[0].key, await oc.orderKey(intentionEndpoint, orders[0]));
  const resumed = await client().sendBatch(INTENTION, orders, { journal });
  assert.deepEqual([resumed.skipped, sandbox.hits.top], [2, 0], 'created before: not sent again');
});

test('an order that cannot be read as JSON (a BigInt, a cycle, a lone surrogate) is refused in a batch saying why, and the others go on', async () => {
  const cyclic = { ...keylessIntention };
  cyclic.self = cyclic;
  const orders = [{ ...keylessIntention, order_amount: 10n }, cyclic, { ...oc.example(INTENTION), source_channel_refer_id: 'LONE-1', remark: '\ud800' }, keylessIntention];
  const journal = oc.memoryJournal();
  const summary = await client().sendBatch(INTENTION, orders, { journal, concurrency: 1 });
  assert.deepEqual([summary.invalid, summary.ok, sandbox.hits.top], [3, 1, 1]);
  for (const r of summary.results.slice(0, 3)) {
    assert.deepEqual([r.state, r.issues[0].path, r.issues[0].code], ['invalid', '', 'type']);
    assert.match(r.issues[0].message, /could not be read as plain JSON data/);
  }
  // Without its key, an order that cannot be read has none: nothing sent, nothing journaled.
  const key = await oc.orderKey(intentionEndpoint, keylessIntention);
  assert.deepEqual(summary.results.map((r) => r.key), [undefined, undefined, 'LONE-1', key]);
  assert.deepEqual(journal.entries.map((e) => [e.key, e.state]), [['LONE-1', 'invalid'], [key, 'sending'], [key, 'ok']]);
});

/**
 * Runs a batch whose process dies right after its `crashAfter`-th event, an event being a journal
 * entry made durable or a request the provider processed (whose answer then never arrives). From
 * the death on, nothing is journaled and no request leaves. Returns the number of events, the
 * entries made durable and the one being written at the death (torn in a file).
 */
async function runUntilCrash(id, orders, crashAfter) {
  let events = 0;
  let dead = crashAfter === 0;
  const tick = () => { events += 1; dead ||= events === crashAfter; };
  const durable = [];
  let torn;
  const journal = {
    load: async () => [],
    append: async (entry) => {
      if (dead) { torn ??= entry; throw new Error('the process died'); }
      durable.push(JSON.parse(JSON.stringify(entry)));
      tick();
    },
  };
  const dying = async (url, init) => {
    if (dead) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const answer = await fetch(url, init);
    const text = await answer.text();
    tick();
    if (dead) throw new TypeError('the process died before the answer was read');
    return new Response(text, { status: answer.status });
  };
  await client({ fetch: dying }).sendBatch(id, orders, { journal, concurrency: 2 }).catch(() => {});
  return { events, durable, torn };
}

test('a batch killed after any journal entry or any request resumes from its file journal without loss or doubles', async () => {
  const marker = (i) => `Q7Z${i}Z`; // survives form encoding, XML and JSON as written: counted in what the sandbox processed
  const cases = [
    [HEMA, (i) => ({ ...oc.example(HEMA), out_order_id: marker(i) })],
    [ECCANG, (i) => ({ ...oc.example(ECCANG), reference_no: marker(i) })], // idempotent: a repeat is refused
    [INTENTION, (i) => ({ ...keylessIntention, remark: marker(i) })], // keyed by its content digest
    [PREVIEW, (i) => ({ ...oc.example(PREVIEW), addressParam: { ...oc.example(PREVIEW).addressParam, address: marker(i) } })],
  ];
  for (const [id, make] of cases) {
    const { idempotent } = oc.endpoints().find((e) => e.id === id);
    const orders = Array.from({ length: 4 }, (_, i) => make(i));
    sandbox.reset();
    const { events } = await runUntilCrash(id, orders, Infinity);
    for (let crashAfter = 0; crashAfter <= events; crashAfter += 1) {
      sandbox.reset();
      const { durable, torn } = await runUntilCrash(id, orders, crashAfter);
      const journal = tempJournal();
      // The file as the death left it: each durable entry on its line, half of the one being written.
      const tornLine = torn ? JSON.stringify(torn).slice(0, 20) : '';
      writeFileSync(journal, durable.map((e) => `${JSON.stringify(e)}\n`).join('') + tornLine);
      const processed = (i) => sandbox.processed.filter((p) => p.body.includes(marker(i))).length;
      const before = orders.map((_, i) => processed(i));
      const resumed = await client().sendBatch(id, orders, { journal, concurrency: 2 });
      const lastState = (key) => durable.filter((e) => e.key === key).at(-1)?.state;
      const at = `${id}, killed after event ${crashAfter} of ${events}`;
      assert.equal(resumed.total, orders.length, at);
      resumed.results.forEach((r, i) => {
        const what = `${at}: order ${i} ${r.state}${r.recorded ? ` (${r.recorded})` : ''}, processed ${before[i]}× before the resume, ${processed(i)}× in all`;
        if (r.state === 'unknown') {
          // Only where a repeat may create a second order, for an order whose request may have gone out.
          assert.ok(!idempotent && ['sending', 'unknown'].includes(lastState(r.key)), what);
          assert.ok(processed(i) <= 1, what);
          return;
        }
        assert.ok(r.state === 'ok' || (r.state === 'skipped' && r.recorded === 'ok'), what);
        // A preview creates nothing: asking again is free. Elsewhere the order was created once:
        // before the death, or by the resume (ECCANG refuses a repeat as "already exists", which the
        // resume reports as the earlier attempt's creation).
        if (id === PREVIEW) assert.ok(processed(i) >= 1, what);
        else assert.equal(before[i] + (r.state === 'ok' && !r.result.createdByEarlierAttempt ? 1 : 0), 1, `${what}: created once, not lost and not doubled`);
      });
    }
  }
});

test('an order an earlier version journaled failed without a verdict (a timeout, an error page) is unknown on resume: sent again where a repeat creates nothing, else waiting', async () => {
  const timedOut = { ok: false, error: { code: 'timeout', message: 'no complete answer within 40 ms; the order may have been received', retryable: true }, attempts: 1 };
  const errorPage = { ok: false, error: { code: 'http_502', message: 'HTTP 502 without a top:alibaba.wdk.trade.order.create answer', retryable: true }, attempts: 1 };
  const refused = { ok: false, error: { code: '41', message: 'Invalid Arguments', retryable: false }, attempts: 1 };
  // ECCANG: the timed-out request had created the parcel. Sent again, the service says it exists: ok, one parcel.
  const parcel = { ...oc.example(ECCANG), reference_no: 'OLD-1' };
  assert.equal((await client().send(ECCANG, parcel)).ok, true);
  const eccang = oc.memoryJournal([{ endpoint: ECCANG, key: 'OLD-1', state: 'sending' }, { endpoint: ECCANG, key: 'OLD-1', state: 'failed', result: timedOut }]);
  const resumed = await client().sendBatch(ECCANG, [parcel], { journal: eccang });
  assert.deepEqual([resumed.ok, resumed.skipped, sandbox.hits.eccang], [1, 0, 2]);
  assert.equal(resumed.results[0].result.createdByEarlierAttempt, true);
  // Hema: a repeat would create a second order, so those wait as unknown; the provider's own refusal stays failed.
  const entries = [{ key: 'B-0', state: 'failed', result: timedOut }, { key: 'B-1', state: 'failed', result: errorPage }, { key: 'B-2', state: 'failed', result: refused }];
  const hema = await client().sendBatch(HEMA, hemaOrders(3), { journal: oc.memoryJournal([...entries]) });
  assert.deepEqual(hema.results.map((r) => [r.key, r.state, r.recorded]), [['B-0', 'skipped', 'unknown'], ['B-1', 'skipped', 'unknown'], ['B-2', 'skipped', 'failed']]);
  assert.equal(sandbox.hits.top, 0);
  const resent = await client().sendBatch(HEMA, hemaOrders(3), { journal: oc.memoryJournal([...entries]), resendUnknown: true });
  assert.deepEqual([resent.ok, resent.skipped, sandbox.hits.top], [2, 1, 2]);
});

test("the journal's account of whether an order may exist (the builder's Send asks before sending again only then)", async () => {
  // Not exported: read from the installed package's own file, the module its batches run.
  const { mayHaveCreated } = await import(new URL('./node_modules/ordercraft/js/batch.js', import.meta.url));
  const refused = { state: 'failed', result: { ok: false, error: { code: '41', message: 'refused' } } };
  const notSent = { state: 'failed', result: { ok: false, error: { code: 'network', message: 'refused connection', notSent: true } } };
  const timedOut = { state: 'unknown', result: { ok: false, error: { code: 'timeout', message: 'no answer' } } };
  // Written as `failed` by earlier versions: a timeout carries no verdict, so it reads as unknown.
  const oldTimeout = { state: 'failed', result: timedOut.result };
  const [sending, ok, invalid, absent] = ['sending', 'ok', 'invalid', 'absent'].map((state) => ({ state }));
  const cases = [
    [[], false],
    [[invalid], false],
    [[sending], true], // a run died with it in flight
    [[sending, ok], true],
    [[sending, refused], false],
    [[sending, notSent], false],
    [[sending, timedOut], true],
    [[sending, oldTimeout], true],
    [[sending, timedOut, absent], false], // looked up: not there
    [[sending, timedOut, sending, refused], true], // resent as asked; the first send may still have created it
    [[sending, timedOut, absent, sending, refused], false],
    [[sending, ok, invalid], true],
    [[sending, refused, sending], true],
  ];
  for (const [entries, expected] of cases) {
    assert.equal(mayHaveCreated(entries), expected, entries.map((e) => e.result?.error?.code ?? e.state).join(' → '));
  }
});
