// Sending orders: prepare (validate + sign), fetch with a timeout, parse, and retry only what is
// safe. Uses global `fetch` (Node 20, browsers) unless one is passed in.
import { endpoints, parseResponse, prepare, validate } from '../pkg/guarded.js';
import { journalStatus, runBatch, settleOrder } from './batch.js';

/** Connection failures that happen before a request can reach the server. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The caller aborted the send. `notSent` only when no request of it can have been processed
 * (none went out, or the provider refused each unprocessed): after an abort with a request in
 * flight, or after an attempt whose answer never came, the order may exist, as after a timeout.
 */
function aborted(mayHaveBeenReceived) {
  return mayHaveBeenReceived
    ? { code: 'aborted', message: 'the caller aborted the send after a request went out: the order may have been received', retryable: false }
    : { code: 'aborted', message: 'the caller aborted the send before any request could be processed', retryable: false, notSent: true };
}

/**
 * A send's result from its last attempt's. Where that attempt created nothing (it never went out,
 * or the provider refused it unprocessed: a rate limit), the send created nothing either only if
 * no earlier attempt may have: then a refusal says `unprocessed` (a batch sends it again on its
 * next run, as it does one `notSent`); else the order may exist, and the error says so
 * (`noVerdict`, without `notSent`).
 */
function sendResult(result, createdNothing, earlierMayHaveCreated) {
  if (result.ok || !createdNothing) return result;
  if (!earlierMayHaveCreated) return result.error.notSent ? result : { ...result, error: { ...result.error, unprocessed: true } };
  const { notSent: _, ...error } = result.error;
  return { ...result, error: { ...error, noVerdict: true, message: `${error.message}; an earlier attempt may have been received, so the order may exist` } };
}

/** Settles when `promise` does or when `signal` aborts, whichever is first. */
function abortable(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve) => {
    const done = () => { signal.removeEventListener('abort', done); resolve(); };
    signal.addEventListener('abort', done, { once: true });
    if (signal.aborted) done();
    promise.then(done, done);
  });
}

export function createClient({
  credentials = {},
  fetch: fetchImpl = globalThis.fetch,
  timeoutMs = 15_000,
  retries = 2,
  backoffMs = 250,
  maxBackoffMs = 8_000,
  gateways = {},
  random = Math.random,
  sleep = defaultSleep,
  openJournal = () => { throw new TypeError('a journal path needs the Node entry; pass a journal object ({ load, append })'); },
} = {}) {
  const byId = new Map(endpoints().map((e) => [e.id, e]));

  async function send(id, order, options = {}) {
    const endpoint = byId.get(id);
    const provider = endpoint?.provider;
    const {
      idempotent = endpoint?.idempotent ?? false,
      timeoutMs: attemptTimeout = timeoutMs,
      retries: maxRetries = retries,
      signal,
      pace, // a batch's shared pacing: waited on before each retry, told when the provider says slow down
      mayAlreadyExist = false, // an earlier send (another run of a batch) may have created this order
      beforeRequest, // awaited with the first request once built, before it leaves (a batch journals `sending` there)
      ...requestOptions
    } = options;
    const gateway = gateways[provider] ? { [endpoint.gatewayOption]: gateways[provider] } : {};
    const opts = { ...credentials[provider], ...gateway, ...requestOptions };
    // Whether an earlier attempt may have reached the provider and created the order.
    let earlierMayHaveCreated = mayAlreadyExist;
    // The order every attempt is prepared from: as given for the first, which is prepared before
    // send returns to the caller; then its JSON copy, made at once (the order as sent, since
    // prepare refused anything JSON would drop), so a caller that changes its object afterwards
    // does not change a retry.
    let sent = order;
    for (let attempt = 1; ; attempt += 1) {
      // An aborted send sends nothing more: not the first attempt, not a retry after a wait.
      if (signal?.aborted) return { ok: false, error: aborted(earlierMayHaveCreated), attempts: attempt - 1 };
      // Prepared afresh each attempt: a new timestamp and nonce, so a retry is never stale.
      // Throws OrderValidationError / ArgumentError / UnknownEndpointError: nothing to retry.
      const request = prepare(id, sent, opts);
      if (sent === order) sent = JSON.parse(JSON.stringify(order));
      if (attempt === 1) await beforeRequest?.(request);
      const outcome = await exchange(fetchImpl, request, attemptTimeout, signal);
      // Read as it was asked for: TOP answers a `simplify` request without the method's wrapper.
      const result = outcome.error ? { ok: false, error: outcome.error } : readAnswer(id, outcome, { simplify: opts.simplify === true });
      if (!result.ok && result.error.alreadyExists && earlierMayHaveCreated) {
        // The retry was refused as a repeat of an order that now exists: the earlier attempt,
        // whose answer never came, created it. That is the outcome, not a failure to resend.
        return { ok: true, data: result.error.raw ?? {}, createdByEarlierAttempt: true, refusal: result.error, attempts: attempt };
      }
      if (result.ok) return { ...sendResult(result, false, earlierMayHaveCreated), attempts: attempt };
      const rateLimited = refusedUnprocessed(result.error, outcome, endpoint);
      const wait = Math.max(
        (result.error.retryAfterSeconds ?? 0) * 1000,
        random() * Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1)), // exponential backoff, full jitter
      );
      // A rate limit slows every order of a batch, not only this one, whether or not this one is
      // retried (a bare 429 on a creation is not: the next orders would meet the limit too).
      if (rateLimited || result.error.code === 'http_429') pace?.slowDown(wait);
      if (attempt > maxRetries || !worthRetrying(result.error, outcome, idempotent, endpoint)) {
        return { ...sendResult(result, outcome.notSent || rateLimited, earlierMayHaveCreated), attempts: attempt };
      }
      earlierMayHaveCreated ||= !outcome.notSent && !rateLimited;
      await abortable(sleep(wait), signal);
      await abortable(pace?.wait() ?? Promise.resolve(), signal);
    }
  }

  /** The batch context of endpoint `id`; an unknown id throws UnknownEndpointError, as send does. */
  function batchOf(id) {
    const endpoint = byId.get(id);
    if (!endpoint) validate(id, {});
    return { send, endpoint, openJournal };
  }

  // See js/batch.js and the README ("Batches").
  const sendBatch = (id, orders, options) => runBatch(batchOf(id), orders, options);
  const settle = (id, key, options) => settleOrder(batchOf(id), key, options);
  const status = (id, options) => journalStatus(batchOf(id), options);

  return { send, sendBatch, settle, status };
}

function readAnswer(id, { status, text, retryAfter }, parseOptions) {
  const parsed = parseResponse(id, text, parseOptions);
  const answer = parsed.ok || parsed.error.code !== 'parse' || (status >= 200 && status < 300)
    ? parsed
    // Not the provider's answer (a proxy's error page, a rate limiter in front): report the HTTP
    // status. Retryable where a repeat cannot create a second order (it says nothing of the order).
    : { ok: false, error: { code: `http_${status}`, message: `HTTP ${status} without a ${id} answer`, retryable: [429, 502, 503, 504].includes(status) } };
  // A wait the provider's answer does not give itself, from the HTTP `Retry-After` header.
  const wait = !answer.ok && answer.error.retryable && answer.error.retryAfterSeconds === undefined ? retryAfterSeconds(retryAfter) : undefined;
  return wait === undefined ? answer : { ...answer, error: { ...answer.error, retryAfterSeconds: wait } };
}

/** `Retry-After` (RFC 9110 §10.2.3) in seconds from now: delay-seconds, or an HTTP-date; undefined when absent or unreadable. */
function retryAfterSeconds(value, now = Date.now()) {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function worthRetrying(error, outcome, idempotent, endpoint) {
  if (!error.retryable) return false;
  if (outcome.notSent || idempotent) return true;
  // A creation that may have been received is retried only when the provider refused it unprocessed.
  return refusedUnprocessed(error, outcome, endpoint);
}

/** The provider answered with one of its "refused before processing" codes (rate limits, from the registry). */
function refusedUnprocessed(error, outcome, endpoint) {
  return !outcome.error && (endpoint?.unprocessedCodes ?? []).includes(error.code);
}

/** One HTTP exchange with a timeout; never throws. */
async function exchange(fetchImpl, request, timeoutMs, signal) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
  const onAbort = () => controller.abort(signal.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetchImpl(request.url, { method: request.method, headers: request.headers, body: request.body, signal: controller.signal });
    // `headers` is optional in a FetchLike's answer, and may be something other than Headers.
    const retryAfter = typeof response.headers?.get === 'function' ? response.headers.get('retry-after') : null;
    return { status: response.status, text: await response.text(), retryAfter };
  } catch (cause) {
    if (signal?.aborted) return { error: aborted(true) }; // the request was on its way
    if (controller.signal.aborted) {
      return { error: { code: 'timeout', message: `no complete answer within ${timeoutMs} ms; the order may have been received`, retryable: true } };
    }
    // A port the Fetch standard blocks is refused before any connection (Node's fetch says "bad
    // port"; a browser's says nothing, so there it stays "may have been received"). It never works.
    if (cause?.cause?.message === 'bad port') {
      const port = new URL(request.url).port;
      return { notSent: true, error: { code: 'network', message: `network failure (bad port): fetch never connects to port ${port}, one the Fetch standard blocks; the request did not reach the server`, retryable: false, notSent: true } };
    }
    const code = cause?.cause?.code ?? cause?.code;
    const notSent = NOT_SENT.has(code);
    const detail = notSent ? 'the request did not reach the server' : 'the order may have been received';
    const error = { code: 'network', message: `network failure${code ? ` (${code})` : ''}: ${detail}`, retryable: true };
    return { notSent, error: notSent ? { ...error, notSent } : error };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
