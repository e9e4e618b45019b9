// An independent TOP signer for tests: Node's crypto and its own canonicalisation, sharing no
// code with the wasm module.
import { createHash, createHmac } from 'node:crypto';

export function topStringToSignIndependent(params) {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '' && params[k] != null)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map((k) => k + params[k])
    .join('');
}

export function topSignIndependent(params, secret, method = 'md5') {
  const s = topStringToSignIndependent(params);
  const digest =
    method === 'md5'
      ? createHash('md5').update(secret + s + secret, 'utf8')
      : createHmac(method === 'hmac' ? 'md5' : 'sha256', secret).update(s, 'utf8');
  return digest.digest('hex').toUpperCase();
}

/** The form body as an object, decoded by the platform's own URLSearchParams. */
export function formToObject(body) {
  return Object.fromEntries(new URLSearchParams(body));
}

/** `yyyy-MM-dd HH:mm:ss` in GMT+8, computed with Intl rather than offset arithmetic. */
export function gmt8(date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai', hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(date).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
