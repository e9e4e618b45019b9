// PandaPon's side: the five headers, the 600 s window, the MD5 signature, then the endpoint at
// the request's path.
import { endpointReplies } from './endpoints.js';
import { pandaponSign, sameText } from './signing.js';

const WINDOW_MS = 600 * 1000;

export function pandaponProvider({ credentials, now, endpoints }) {
  let counter = 0;
  const envelope = (code, msg, data = null) => ({ requestId: `sandbox-${(++counter).toString(36)}`, code, developId: 'sandbox', msg, data });
  const replies = endpointReplies(endpoints);

  function answer(path, headers, bodyText) {
    for (const name of ['access-key', 'timestamp', 'nonce-str', 'user-id', 'signature']) {
      if (!headers[name]) return envelope(400, `missing header ${name}`);
    }
    if (!sameText(headers['access-key'], credentials.accessKey)) return envelope(401, 'access-key 无效');
    const ts = Number(headers.timestamp);
    const ms = headers.timestamp.length <= 10 ? ts * 1000 : ts;
    if (!/^\d+$/.test(headers.timestamp) || Math.abs(ms - now()) > WINDOW_MS) return envelope(401, 'timestamp 超出 600 秒');
    if (headers['nonce-str'].length !== 32) return envelope(401, 'nonce-str 须为 32 位');
    const expected = pandaponSign(headers['access-key'], headers.timestamp, headers['nonce-str'], credentials.accessSecret);
    if (!sameText(headers.signature, expected)) return envelope(401, '签名错误');
    if (!replies.has(path)) return envelope(404, `unknown path ${path}`);
    let order;
    try { order = JSON.parse(bodyText); } catch { return envelope(400, 'body is not JSON'); }
    const reply = replies.reply(path, order, counter);
    return envelope(reply.code, reply.msg, reply.data);
  }

  return {
    name: 'pandapon',
    path: '/pandapon',
    contentType: 'application/json; charset=utf-8',
    answer: ({ rest, headers, body }) => JSON.stringify(answer(rest, headers, body)),
    faults: {
      retryable: () => JSON.stringify(envelope(429, '请求过于频繁')),
      fatal: () => JSON.stringify(envelope(400, 'scripted failure')),
    },
  };
}
