// What the wasm module calls to move text and results across the boundary cheaply (a snippet of
// src/wasm.rs): text encoded straight into wasm memory, a request built as one object literal.
const encoder = new TextEncoder();

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

/** What `validate` returns. */
export function validation(ok, texts, lengths) {
  return { ok, issues: issueList(texts, lengths) };
}

/** Objects whose content JSON.stringify does not write (they become `{}`), by their tag. */
const CONTENT_NOT_WRITTEN = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'RegExp', 'Error', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView']);

/**
 * Where `JSON.stringify(value)` (which has succeeded: the value has no cycle) does not write what
 * the value holds: `[pointer, what, pointer, what, …]`, or undefined where it writes all of it.
 * `what` is "number" (NaN or ±Infinity, written null), "function" or "symbol" (left out of an
 * object, null in a list), "undefined" in a list (null; in an object it is absent, as everywhere
 * in JS), or the tag of an object written as `{}` (Map, Set, Promise, …) or as numbered keys (a
 * typed array). A value with `toJSON` (a Date) is the caller's own conversion: not looked into.
 * The pointer is built only for what is found: the walk keeps a stack of keys. Asked only once
 * `mayBeUnwritten` has said yes.
 */
export function unwritten(value) {
  let found;
  const keys = [];
  const note = (what) => { (found ??= []).push(keys.map((k) => `/${String(k).replaceAll('~', '~0').replaceAll('/', '~1')}`).join(''), what); };
  const walk = (v, inList) => {
    switch (typeof v) {
      case 'number': if (v - v !== 0) note('number'); return; // NaN and ±Infinity
      case 'function': case 'symbol': note(typeof v); return;
      case 'undefined': if (inList) note('undefined'); return;
      case 'object': if (v === null || typeof v.toJSON === 'function' || keys.length > 128) return; break;
      default: return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) { keys.push(i); walk(v[i], true); keys.pop(); }
      return;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      if (ArrayBuffer.isView(v)) return note(Object.prototype.toString.call(v).slice(8, -1));
      const tag = Object.prototype.toString.call(v).slice(8, -1);
      if (CONTENT_NOT_WRITTEN.has(tag)) return note(tag);
      if (tag === 'Number') return walk(Number(v), inList); // written as its number
    }
    for (const key of Object.keys(v)) { keys.push(key); walk(v[key], false); keys.pop(); }
  };
  walk(value, false);
  return found;
}

/** Whether `value` may hold something `unwritten` reports: asked first, on every call. */
export function mayBeUnwritten(value) {
  return value !== null && typeof value === 'object' && suspect(value, 0);
}

/**
 * A quick look at an object for `mayBeUnwritten` (a fifth of the full walk's time), with no
 * pointers kept. Any object that is not a plain `Object`, or has `toJSON`, counts as suspect and
 * is left to the full walk.
 */
function suspect(value, depth) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      switch (typeof v) {
        case 'string': case 'boolean': break;
        case 'number': if (v - v !== 0) return true; break;
        case 'object': if (v !== null && suspect(v, depth + 1)) return true; break;
        default: return true;
      }
    }
    return false;
  }
  if (value.constructor !== Object || typeof value.toJSON === 'function' || depth > 128) return true;
  for (const key in value) { // a plain Object: its enumerable keys are its own (bar a polluted Object.prototype, which the full walk then judges)
    const v = value[key];
    switch (typeof v) {
      case 'string': case 'boolean': case 'undefined': break;
      case 'number': if (v - v !== 0) return true; break;
      case 'object': if (v !== null && suspect(v, depth + 1)) return true; break;
      default: return true;
    }
  }
  return false;
}
