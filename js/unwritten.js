// What JSON.stringify does not write as the caller gave it (a snippet of src/wasm.rs, which asks
// `mayBeUnwritten` on every call and `unwritten` only when it says yes). A module of its own:
// wasm-bindgen imports a function that needs no glue (`mayBeUnwritten` here, `jsonStringify` in
// boundary.js) straight from its module, and two such from one module make it list the module
// twice in the imports object.

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
      const tag = Object.prototype.toString.call(v).slice(8, -1);
      if (ArrayBuffer.isView(v) || CONTENT_NOT_WRITTEN.has(tag)) return note(tag);
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
