// What the wasm module calls to move text and results across the boundary cheaply (a snippet of
// src/wasm.rs): text encoded straight into wasm memory, a request built as one object literal.
const encoder = new TextEncoder();

/**
 * `JSON.stringify(value)`, or `null` where it throws (a cycle, a BigInt, a throwing getter). Caught
 * here, it needs none of the glue a throwing import gets (a wrapper and `apply` on every call).
 */
export function jsonStringify(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return null;
  }
}

/** What a JavaScript number makes of a JSON number's text, written back: `12.345678901234567` for `12.345678901234567891`. */
export function numberText(text) {
  return String(Number(text));
}

/** Writes `text` as UTF-8 into `bytes` (a view of wasm memory); the number of bytes written. */
export function encodeInto(text, bytes) {
  return encoder.encodeInto(text, bytes).written;
}

/** The own enumerable keys of `object` whose values are Dates (none for a non-object). */
export function dateKeys(object) {
  if (object === null || typeof object !== 'object') return [];
  return Object.keys(object).filter((key) => object[key] instanceof Date);
}

/** `opts.timestamp` as epoch milliseconds when it is a Date (NaN for an invalid one), else undefined. */
export function timestampDate(opts) {
  const timestamp = opts?.timestamp;
  return timestamp instanceof Date ? timestamp.getTime() : undefined;
}

/**
 * A PreparedRequest. Its short texts come as one string cut by their UTF-16 lengths: method,
 * url, each header's name and value, then the signature when signed. Where `spliced` says so
 * (1: the body, 2: the string to sign), that text is the caller's own order string between a
 * head and a tail taken from the short texts. `signing` and `warnings` are there only when there
 * are any (as serde writes it).
 */
export function preparedRequest(texts, lengths, headerCount, spliced, order, body, signed, stringToSign, warnings) {
  const next = pieces(texts, lengths);
  const method = next();
  const url = next();
  const headers = {};
  for (let h = 0; h < headerCount; h++) {
    const name = next();
    headers[name] = next();
  }
  const request = { method, url, headers, body: spliced & 1 ? next() + order + next() : body };
  if (signed) request.signing = { stringToSign: spliced & 2 ? next() + order + next() : stringToSign, signature: next() };
  if (warnings !== undefined) request.warnings = warnings;
  return request;
}

/** Issues `{ path, code, severity, message }` from their texts in one string, four per issue, cut by UTF-16 lengths. */
export function issueList(texts, lengths) {
  const next = pieces(texts, lengths);
  const list = [];
  for (let i = 0; i < lengths.length; i += 4) {
    const path = next();
    const code = next();
    const severity = next();
    list.push({ path, code, severity, message: next() });
  }
  return list;
}

/** Lengths from SAME up repeat an earlier piece: piece number `length - SAME` (src/wasm.rs `Pieces`). */
const SAME = 2 ** 31;

/** The texts joined in `texts`, one per call, cut by their UTF-16 `lengths` (src/wasm.rs `Pieces`). */
function pieces(texts, lengths) {
  const made = [];
  let at = 0;
  return () => {
    const length = lengths[made.length];
    made.push(length >= SAME ? made[length - SAME] : texts.slice(at, (at += length)));
    return made[made.length - 1];
  };
}

/** What `validate` returns; `issues` is undefined where there are none. */
export function validation(ok, issues) {
  return { ok, issues: issues ?? [] };
}

/** Web Crypto where the host has it (browsers, Node 20), else undefined. */
export const webCrypto = () => globalThis.crypto;
