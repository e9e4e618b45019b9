// Sending many orders so that none is lost and none is created twice, even when the process dies
// half-way: every state change is written to a journal (and flushed) before the next step, and a
// run over an existing journal resumes from it.
//
// Per order: `sending` is journaled before the request leaves, the outcome after it returns.
// On resume an order with a verdict (`ok`, `failed`) is `skipped`, except a failure no provider
// processed (`notSent`, `unprocessed`), which is sent as if new; one left `sending` (the process
// died while it was in flight) or `unknown` (no verdict came) is sent again where the endpoint is
// idempotent, else it is `unknown` until the caller looks it up and settles it (`settleOrder`), or
// passes `resendUnknown: true`.
import { validate } from '../pkg/guarded.js';
import { ArgumentError, OrdercraftError } from '../pkg/errors.js';

/**
 * States that end an order on resume: the provider's verdicts. `unknown` ends it too where a repeat
 * may create a second order, unless the caller asks to resend. `invalid` is not among them: nothing
 * was sent, so an order fixed in the file since is checked again and sent.
 */
const FINAL = new Set(['ok', 'failed']);

/**
 * Whether a journal entry leaves its order without a verdict: no answer came (`unknown`), or a run
 * died with its request in flight (`sending`). The order may exist.
 */
export const withoutVerdict = (entry) => entry?.state === 'unknown' || entry?.state === 'sending';

/**
 * Whether an order may exist at the provider by its journal entries (oldest first): a send went
 * out and nothing since says it created nothing. `ok` created it; `unknown`, and a `sending` with
 * no verdict after it, may have. A refusal (`failed`, `notSent` among them) says only that its own
 * send created nothing, so an earlier send left unknown still may have; `absent` (looked up and not
 * found: `settle`) clears all before it.
 */
export function mayHaveCreated(entries) {
  let earlier = false; // an earlier send created it or may have
  let inFlight = false; // a send went out and no verdict came after it
  for (const { state } of entries.map(judgedNow)) {
    if (state === 'sending') inFlight = true;
    else if (state === 'ok' || state === 'unknown') [earlier, inFlight] = [true, false];
    else if (state === 'failed') inFlight = false;
    else if (state === 'absent') [earlier, inFlight] = [false, false];
  }
  return earlier || inFlight;
}

/**
 * What a run does with an order whose journal's last entry is `before` (undefined: none), given
 * the digest of the order's `content` now: `send` it; `resend` it, where an earlier request of
 * this very order may have created it (an "already exists" answer then means it did); `skip` it
 * (a verdict stands, or it waits for the caller as `unknown`); refuse it as `changed` (created
 * with other content); or, where a run died with its request in flight, hold it as `unanswered`
 * (it may have created the order).
 */
export function resumeStep(before, content, { idempotent, resendUnknown = false }) {
  if (!before) return 'send';
  const changed = changedSince(before, content);
  if (changed && before.state === 'ok') return 'changed';
  // A refused order changed since (fixed) is sent: the refusal created nothing. So is one no
  // provider processed, changed or not (`notSent`: it never got there, the gateway down, say;
  // `unprocessed`: refused before processing to the last retry, a rate limit).
  if (FINAL.has(before.state)) return before.state === 'failed' && (changed || processedByNone(before.result?.error)) ? 'send' : 'skip';
  if (!withoutVerdict(before)) return 'send'; // invalid: checked again; absent: settled as not created
  if (idempotent || resendUnknown) return changed ? 'send' : 'resend';
  return before.state === 'unknown' ? 'skip' : 'unanswered'; // a repeat may create a second order
}

/** Whether a send's error says no provider processed it: it never got there, or was refused unprocessed. */
export const processedByNone = (error) => error?.notSent === true || error?.unprocessed === true;

/**
 * A journal entry as today's rule reads it. Earlier versions journaled some outcomes that carry no
 * verdict as `failed` (a timeout where a repeat creates nothing, a proxy's error page, an answer
 * that could not be read, an abort with the request out): the result the entry keeps says so, and
 * such an order is `unknown` (it may exist), not refused.
 */
export function judgedNow(entry) {
  return entry.state === 'failed' && entry.result && outcomeState(entry.result) === 'unknown' ? { ...entry, state: 'unknown' } : entry;
}

/**
 * Whether the order is not the one the journal entry was written for: the content digest it was
 * sent with, where the journal keeps one (entries of older versions do not).
 */
function changedSince(before, content) {
  return content !== undefined && before?.content !== undefined && before.content !== content;
}

/**
 * An in-memory journal: the interface a shared store implements. `load()` resolves to the
 * entries written so far, in order (a list, or any iterable, sync or async, read once);
 * `append(entry)` resolves once the entry is durable; `lock()` (optional, but a store two runs
 * can reach needs it) resolves to a release function once this run is the only one on the
 * journal, and rejects while another holds it.
 */
export function memoryJournal(entries = []) {
  let running = false;
  return {
    load: async () => [...entries],
    append: async (entry) => { entries.push(entry); },
    lock: async () => {
      if (running) throw journalInUse('another batch is running over this journal');
      running = true;
      return () => { running = false; };
    },
    entries,
  };
}

/** The journal of a batch given none: nothing to resume from, so nothing is kept (a run of a million orders stays flat in memory). */
function noJournal() {
  return { load: async () => [], append: async () => {} };
}

/**
 * Runs `work(journal)` holding the journal's lock, taken before anything is read (a second run
 * would see the same orders unsent). A journal opened here from a path is closed here, however
 * the work ends (no file left open per batch).
 */
async function holdingJournal(journalOption, openJournal, work) {
  const opened = typeof journalOption === 'string' ? openJournal(journalOption) : undefined;
  const journal = opened ?? journalOption;
  try {
    const release = await journal.lock?.();
    try {
      return await work(journal);
    } finally {
      await release?.();
    }
  } finally {
    opened?.close?.();
  }
}

/**
 * Whether a journal entry is about an order of `endpoint`. One journal may serve several
 * endpoints, whose keys can coincide (a parcel and an order both `X-1`): an entry counts for its
 * own endpoint only (one written without it, for any).
 */
const ownEntry = (entry, endpoint) => entry.endpoint === undefined || entry.endpoint === endpoint.id;

/**
 * The last entry of each order of `endpoint` in the journal, as today's rule reads it
 * (`judgedNow`), by key as text, in the order the keys were first seen. A run, `settle`, `status`
 * and the builder's Batch tab all read a journal through this.
 */
export async function lastEntries(journal, endpoint) {
  const last = new Map();
  for await (const entry of await journal.load()) {
    if (ownEntry(entry, endpoint)) last.set(String(entry.key), judgedNow(entry));
  }
  return last;
}

/** `options.journal` of `settle` and `status`, which have nothing to read without one. */
function requiredJournal({ journal }) {
  if (journal === undefined) throw new ArgumentError('options.journal: expected the journal the batch was sent with', 'options.journal');
  return journal;
}

/**
 * Records what the caller found at the provider for an order a batch left without a verdict
 * (`unknown`, or `sending` after a crash): `exists: true`, it was created, and it is `ok` from now
 * on; `false`, it was not, and it is `absent`, which the next run sends. The journal's lock is
 * held as a run holds it (a run could be sending the order meanwhile). Any other order is refused:
 * a verdict stands, and an order the journal does not have was never sent. Resolves to the entry.
 */
export async function settleOrder({ endpoint, openJournal }, key, options = {}) {
  const { exists } = options;
  if (!isKey(key)) throw new ArgumentError("key: expected the order's key as the journal has it (non-blank text)", 'key');
  if (typeof exists !== 'boolean') {
    throw new ArgumentError('options.exists: expected true (the order was created) or false (it was not: send it again)', 'options.exists');
  }
  const journalOption = requiredJournal(options);
  const wanted = String(key);
  return holdingJournal(journalOption, openJournal, async (journal) => {
    const last = (await lastEntries(journal, endpoint)).get(wanted);
    if (!withoutVerdict(last)) {
      const found = last ? `is ${last.state} there` : 'is not there (never sent)';
      throw new ArgumentError(`key: the order ${JSON.stringify(wanted)} ${found}; only an order left without a verdict (unknown) is settled`, 'key');
    }
    // The content it went out with stays: a settled order changed since is not taken for it.
    const entry = { endpoint: endpoint.id, key: wanted, state: exists ? 'ok' : 'absent', settled: true, content: last.content, at: new Date().toISOString() };
    await journal.append(entry);
    return entry;
  });
}

/**
 * Where each order the journal has seen for `endpoint` stands, in the order first seen: its key,
 * its state by today's rule (`judgedNow`; one a run left `sending` when it stopped is `unknown`,
 * `interrupted`), when, whether `settle` recorded it, and what came back for a refused order or
 * one without a verdict (`error`), or why one was not sent (`issues`). The journal's lock is held
 * as a run holds it: while a run sends, the states are its to change, and this is refused.
 */
export async function journalStatus({ endpoint, openJournal }, options = {}) {
  return holdingJournal(requiredJournal(options), openJournal, async (journal) =>
    Array.from(await lastEntries(journal, endpoint), ([key, entry]) => ({
      key,
      state: withoutVerdict(entry) ? 'unknown' : entry.state,
      ...(entry.at === undefined ? {} : { at: entry.at }),
      ...(entry.state === 'sending' ? { interrupted: true } : {}),
      ...(entry.settled ? { settled: true } : {}),
      ...(entry.result?.ok === false ? { error: entry.result.error } : {}),
      ...(entry.issues ? { issues: entry.issues } : {}),
    })));
}

/** The error of a journal another run holds: two runs over one journal could send an order twice. */
export function journalInUse(who, remedy = 'wait for that run to end') {
  return new ArgumentError(`${who}; two runs over one journal could send an order twice: ${remedy}`, 'options.journal');
}

/** The order's identity: its key field when the endpoint has one and the order fills it, else a hash of its canonical JSON. */
export async function orderKey(endpoint, order) {
  return ownKey(endpoint, order) ?? contentDigest(order);
}

/** The order's key field as text, where the endpoint has one and the order fills it. */
function ownKey(endpoint, order) {
  const own = endpoint.keyField && order && typeof order === 'object' ? order[endpoint.keyField] : undefined;
  if (typeof own === 'string' ? own.trim() !== '' : typeof own === 'number') return String(own);
  return undefined;
}

/**
 * `sha256:` and the SHA-256 of the order's canonical JSON: the content it is sent with (JSON's
 * text of it: a Date as its text, a field left undefined absent), whatever the order of its fields.
 */
async function contentDigest(order) {
  let sent;
  try {
    sent = JSON.parse(JSON.stringify(order) ?? 'null');
  } catch {
    throw new ArgumentError('order: could not be read as plain JSON data (BigInts and cycles are not accepted), so it has no content to identify it by', 'order');
  }
  return digest(canonicalJson(sent));
}

/** `sha256:` and the SHA-256 of `text`. */
async function digest(text) {
  const subtle = globalThis.crypto?.subtle;
  // Browsers give Web Crypto's digest only to secure contexts (https, localhost).
  if (!subtle) throw new OrdercraftError("an order's content digest needs Web Crypto (crypto.subtle), which browsers give only to pages served over https or from localhost: open the page there, or give each order its own key");
  const bytes = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `sha256:${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The key versions up to 0.1.0 gave an order without its key field: the digest of the object as
 * it was held (a field left undefined as null, a Date as `{}`; the same as today's for most
 * orders). Looked up on resume only, so a journal they wrote still guards the orders it has.
 */
async function earlierKey(order) {
  let held;
  try {
    held = canonicalJson(order);
  } catch {
    return undefined; // a cycle or a BigInt: no key was ever made of it
  }
  return digest(held);
}

const isKey = (key) => (typeof key === 'string' && key.trim() !== '') || (typeof key === 'number' && Number.isFinite(key));

/**
 * A key as the journal keeps it: text. A number is its decimal text (so `5` and `"5"` are one
 * order, in this run and in the journal); anything else is refused: an object would be a new key
 * on every run, and `undefined` would make every order after the first a duplicate.
 */
function keyText(key) {
  if (isKey(key)) return String(key);
  throw new ArgumentError(`options.key: returned ${typeof key === 'string' ? 'blank text' : key === null ? 'null' : typeof key}; it must return the order's identity as non-blank text`, 'options.key');
}

function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Paces the whole batch: at most `ratePerSecond` starts, and a pause for everyone when the provider says slow down. */
function pacer(ratePerSecond) {
  const gap = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
  let next = 0;
  let pausedUntil = 0;
  return {
    async wait() {
      for (;;) {
        const now = Date.now();
        const at = Math.max(next, pausedUntil);
        if (at <= now) { next = now + gap; return; }
        await new Promise((r) => setTimeout(r, at - now));
      }
    },
    slowDown(ms) { pausedUntil = Math.max(pausedUntil, Date.now() + ms); },
  };
}

/**
 * `send(id, order, options)` is one client's send; `endpoint` its row of `endpoints()`.
 * Returns `{ total, ok, failed, invalid, unknown, skipped, stopped, results }`; `results` is empty
 * when `keepResults` is false (each one went to `onResult` as it settled).
 */
export async function runBatch({ send, endpoint, openJournal }, orders, options = {}) {
  const defaultKey = (order) => orderKey(endpoint, order);
  const {
    journal: journalOption,
    key = defaultKey,
    concurrency = 4,
    ratePerSecond,
    retries,
    timeoutMs,
    onProgress,
    onResult,
    keepResults = true,
    signal,
    resendUnknown = false,
    sendOptions = {},
  } = options;
  if (onResult !== undefined && typeof onResult !== 'function') throw new ArgumentError('options.onResult: expected a function (result, index) => void', 'options.onResult');
  if (typeof keepResults !== 'boolean') throw new ArgumentError('options.keepResults: expected true (the default) or false', 'options.keepResults');
  return holdingJournal(journalOption ?? noJournal(), openJournal, runLocked);

  async function runLocked(journal) {
    // What the journal holds per key: looked at once per key (`seen` stops a second look), and let
    // go then, so a resumed run does not keep the whole journal until it ends.
    const recorded = await lastEntries(journal, endpoint);

    const pace = pacer(ratePerSecond);
    const results = [];
    const counts = { ok: 0, failed: 0, invalid: 0, unknown: 0, skipped: 0 };
    const seen = new Set();
    let total = 0;
    let done = 0;
    const known = Array.isArray(orders) ? orders.length : undefined;
    const finish = (index, result) => {
      if (keepResults) results[index] = result;
      counts[result.state] += 1;
      done += 1; // counted, not found by a scan of the results: a batch of a million stays linear
      onResult?.(result, index);
      onProgress?.({ done, total: known ?? total, ok: counts.ok, failed: counts.failed, invalid: counts.invalid, unknown: counts.unknown, skipped: counts.skipped });
    };
    const record = (entry) => journal.append({ endpoint: endpoint.id, ...entry });

    /**
     * An order as taken from the source: its key asked for and its check made then, on the order
     * as given, and, when it checks out, the copy that is sent (JSON's, which is the order as sent,
     * once the check has refused anything JSON would drop). A source may reuse one object for every
     * order, changing it before it gives the next: an order taken must not change with it.
     */
    function taken(order) {
      let keyed;
      try {
        keyed = Promise.resolve(key(order)); // asked now: the source may change the object later
      } catch (error) {
        keyed = Promise.reject(error);
      }
      keyed.catch(() => {}); // awaited by `one`; a batch that stops first must not leave it unhandled
      const checked = check(order);
      const copy = checked.ok ? JSON.parse(JSON.stringify(order)) : undefined;
      const content = copy && digest(canonicalJson(copy)); // already JSON's copy: not copied again
      content?.catch(() => {}); // as `keyed`
      // Where a journal written by an earlier version may know this order by another key.
      const earlier = recorded.size > 0 && key === defaultKey && ownKey(endpoint, order) === undefined ? earlierKey(order) : undefined;
      earlier?.catch(() => {}); // as `keyed`
      return { keyed, checked, order: copy, content, earlier };
    }

    /**
     * The order's check. One that cannot be read as JSON at all (a BigInt, a cycle, a lone
     * surrogate) is that order's fault, not the batch's: it is refused with the reason, as any
     * order that breaks a rule, and the others go on.
     */
    function check(order) {
      try {
        return validate(endpoint.id, order, sendOptions.unknownFields ? { unknownFields: sendOptions.unknownFields } : undefined);
      } catch (error) {
        if (error?.name !== 'ArgumentError' || error.argument !== 'order') throw error;
        return { ok: false, unreadable: true, issues: [{ path: '', code: 'type', severity: 'error', message: error.message }] };
      }
    }

    async function one(index, { keyed, checked, order, content: digesting, earlier }) {
      let orderKeyText;
      try {
        orderKeyText = keyText(await keyed);
      } catch (error) {
        // An order that cannot be read has no content to be known by: refused under no key, and
        // not journaled (nothing was sent). A key that fails for a readable order stops the batch.
        if (!checked.unreadable) throw error;
        return finish(index, { state: 'invalid', issues: checked.issues });
      }
      if (seen.has(orderKeyText)) {
        // Not journaled: the key's entries belong to the first order that has it.
        return finish(index, { key: orderKeyText, state: 'invalid', issues: [{ path: '', code: 'duplicate', severity: 'error', message: `another order in this batch has the key ${JSON.stringify(orderKeyText)}` }] });
      }
      seen.add(orderKeyText);
      const earlierKeyText = recorded.has(orderKeyText) ? undefined : await earlier;
      const before = recorded.get(orderKeyText) ?? recorded.get(earlierKeyText);
      recorded.delete(orderKeyText);
      recorded.delete(earlierKeyText);
      const content = await digesting;
      const step = resumeStep(before, content, { idempotent: endpoint.idempotent, resendUnknown });
      if (step === 'changed') {
        // Not journaled: the key's entries stay those of the order that was created.
        const message = `an order with the key ${JSON.stringify(orderKeyText)} was created${before.at ? ` (${before.at})` : ''} with other content; this one is not sent, as it would create a second order or be refused as a repeat: change the order at the provider, or give this one a key of its own`;
        return finish(index, { key: orderKeyText, state: 'invalid', issues: [{ path: '', code: 'duplicate', severity: 'error', message }] });
      }
      if (step === 'skip') {
        return finish(index, { key: orderKeyText, state: 'skipped', recorded: before.state, ...(before.result ? { result: before.result } : {}), ...(before.issues ? { issues: before.issues } : {}) });
      }
      if (step === 'unanswered') {
        // The process died with this request in flight: it may have created the order.
        await record({ key: orderKeyText, state: 'unknown', content: before.content, at: new Date().toISOString() });
        return finish(index, { key: orderKeyText, state: 'unknown' });
      }
      if (!checked.ok) {
        await record({ key: orderKeyText, state: 'invalid', issues: checked.issues });
        return finish(index, { key: orderKeyText, state: 'invalid', issues: checked.issues });
      }
      await pace.wait();
      // Resent after a crash or no answer: "already exists" then means the earlier run created it
      // (not so for an order changed since: what exists is not this order).
      const mayAlreadyExist = step === 'resend';
      // `sending` is journaled once the request is built, before it leaves: options the request
      // cannot be built with throw before, and leave no order looking as if it may have been sent.
      const sending = () => record({ key: orderKeyText, state: 'sending', content, at: new Date().toISOString() });
      const result = await send(endpoint.id, order, { ...sendOptions, retries, timeoutMs, signal: undefined, pace, mayAlreadyExist, beforeRequest: sending });
      const state = outcomeState(result);
      await record({ key: orderKeyText, state, content, result, at: new Date().toISOString() });
      return finish(index, { key: orderKeyText, state, result });
    }

    const iterator = (orders[Symbol.asyncIterator] ?? orders[Symbol.iterator]).call(orders);
    // One take at a time, each order copied before the source is asked for the next (an async
    // generator would otherwise run on for a queued request before the copy is made).
    let taking = Promise.resolve();
    const take = () => (taking = taking.then(async () => {
      const next = await iterator.next();
      return next.done ? undefined : taken(next.value);
    }));
    let stopped = false;
    // The first error (a journal that cannot write, options no request can be built with, a key
    // function or an order source that throws) starts nothing new; the orders in flight finish
    // and are journaled, and only then does the batch reject: nothing of it goes on afterwards.
    let failure;
    async function worker() {
      try {
        for (;;) {
          if (failure) return;
          if (signal?.aborted) { stopped = true; return; }
          const next = await take();
          if (!next || failure) return;
          const index = total;
          total += 1;
          await one(index, next);
        }
      } catch (error) {
        failure ??= { error };
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    if (failure) throw failure.error;
    return { total, ...counts, stopped, results: results.filter(Boolean) };
  }
}

/**
 * What an answer means for the order. Only the provider's own answer is a verdict (`failed`: it
 * refused the order): a failure without one (a timeout, a lost connection, an abort, a proxy's
 * error page, a body that could not be read, the provider's platform failing without saying what
 * became of the order: `noVerdict`) after a request went out is `unknown`: the order may exist.
 * Where a repeat cannot create a second order, a rerun sends it again; elsewhere it waits for the
 * caller to look.
 */
export function outcomeState(result) {
  if (result.ok) return 'ok';
  const { code, notSent, noVerdict } = result.error ?? {};
  const unanswered = (/^(timeout|network|aborted|parse|http_\d+)$/.test(code) || noVerdict === true) && !notSent;
  return unanswered ? 'unknown' : 'failed';
}
