// Signature checks written independently of the wasm module: Node's crypto and this file's own
// canonicalisation. The sandbox and the package tests both judge ordercraft's output with them.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** TOP: parameters but `sign` and empty ones, sorted by name's bytes, `name + value` joined. */
export function topStringToSign(params) {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '' && params[k] != null)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map((k) => k + params[k])
    .join('');
}

export function topSign(params, secret, method = 'md5') {
  const s = topStringToSign(params);
  const digest = method === 'md5'
    ? createHash('md5').update(secret + s + secret, 'utf8')
    : createHmac(method === 'hmac' ? 'md5' : 'sha256', secret).update(s, 'utf8');
  return digest.digest('hex').toUpperCase();
}

/** PandaPon: UPPER(HEX(MD5(access_key + timestamp + nonce_str + access_secret))). */
export function pandaponSign(accessKey, timestamp, nonce, secret) {
  return createHash('md5').update(accessKey + timestamp + nonce + secret, 'utf8').digest('hex').toUpperCase();
}

export function sameText(a, b) {
  const x = Buffer.from(String(a ?? ''));
  const y = Buffer.from(String(b ?? ''));
  return x.length === y.length && timingSafeEqual(x, y);
}
