// The order builder's pure parts: JSON pointers, reading typed text, formatting. No DOM and no
// page state, so they are tested with `node --test` (pkg-tests/builder-lib.test.js).

/** The RFC 6901 pointer of a path: `~` and `/` in names escaped. */
export const pointer = (parts) => parts.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');

/**
 * A list item's place in a path, read each time the path is used: where a line before it is
 * removed, the lines after it move up a place (`index` made one less) without being rendered
 * again. As a key it is its number (`list[place]`, `splice(place, 1)`, `pointer`).
 */
export class Place {
  constructor(index) { this.index = index; }
  toString() { return String(this.index); }
  valueOf() { return this.index; }
}

/** The value at `parts` in `root`, or undefined where the path leaves the data. */
export const getIn = (root, parts) => parts.reduce((v, p) => (v == null ? undefined : v[p]), root);

/** Sets the value at `parts` in `root`; `undefined` removes it (a list item is spliced out). */
export function setIn(root, parts, value) {
  let target = root;
  for (const p of parts.slice(0, -1)) target = target[p];
  const last = parts.at(-1);
  if (value === undefined) {
    if (Array.isArray(target)) target.splice(last, 1); else delete target[last];
  } else {
    target[last] = value;
  }
}

/** What the typed text becomes: numbers stay numbers unless they were given as text. */
export function fromInput(field, text, previous) {
  if (text === '') return undefined;
  if (field.kind === 'boolean') return text === 'true';
  if (field.kind === 'integer' && field.values?.length && !field.textOk) return Number(text);
  if (['integer', 'number', 'id'].includes(field.kind)) {
    const n = Number(text);
    const numeric = text.trim() !== '' && Number.isFinite(n) && String(n) === text.trim();
    const keepText = typeof previous === 'string' && field.textOk;
    return numeric && !keepText && Number.isSafeInteger(Math.trunc(n)) ? n : text;
  }
  return text;
}

/** JSON text indented for reading; any other text as it is. */
export function prettyJson(text) {
  if (!/^\s*[[{]/.test(text)) return text;
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return text; }
}

/** The first `max` lines of `text`, and how many lines were left out (0 when none). */
export function firstLines(text, max) {
  let at = -1;
  for (let n = 0; n < max; n++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return { shown: text, more: 0 };
  }
  let more = 0;
  for (let i = at; i >= 0; i = text.indexOf('\n', i + 1)) more++;
  return { shown: text.slice(0, at), more };
}

/**
 * Every form `secret` takes in a request or an answer: as typed, form-encoded (TOP's body),
 * percent-encoded (a URL), XML-escaped (ECCANG's envelope) and JSON-escaped; the longest first.
 */
function secretForms(secret) {
  const xml = escapeHtml(secret).replaceAll("'", '&apos;'); // as ECCANG's envelope writes it: both quotes too
  const forms = [secret, new URLSearchParams([['', secret]]).toString().slice(1), encodeURIComponent(secret), xml, JSON.stringify(secret).slice(1, -1)];
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** `text` with every form of each of `secrets` (empty ones skipped) as `********`. */
export function maskSecrets(text, secrets) {
  let out = text;
  for (const secret of secrets) if (secret) for (const form of secretForms(secret)) out = out.replaceAll(form, '********');
  return out;
}

/** A word for a POSIX shell, quoted whatever it holds. */
export const shellQuote = (s) => `'${s.replaceAll("'", "'\\''")}'`;

/** UTF-8 text as base64url (for links) and back. */
export const toBase64Url = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
export const fromBase64Url = (text) => new TextDecoder().decode(Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0)));

export function escapeHtml(s) {
  return String(s).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** XML text content from its escaped form: numeric references, then the five named entities
 * (`&amp;` last, so `&amp;quot;` stays `&quot;`); plain replaceAll, fast on a big order. */
export function unescapeXml(text) {
  const numeric = text.includes('&#')
    ? text.replaceAll(/&#(?:(\d+)|x([0-9a-fA-F]+));/g, (_, dec, hex) => String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)))
    : text;
  return numeric.replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** A message for people: `names` in backticks shown as code, not as literal backticks. */
export function prose(message) {
  return escapeHtml(message).replaceAll(/`([^`]+)`/g, '<code>$1</code>');
}
