// The TOP gateway's side of a form POST: system parameters, app key, timestamp window (10
// minutes, GMT+8), signature, then the endpoint named by `method`. Answers in TOP's JSON.
import { endpointReplies } from './endpoints.js';
import { sameText, topSign } from './signing.js';

const WINDOW_MS = 10 * 60 * 1000;
const REQUIRED = ['method', 'app_key', 'timestamp', 'sign_method', 'sign', 'v'];
/** The gateway's own parameter names; any other parameter is a business one (the order). */
export const SYSTEM_PARAMETERS = new Set([...REQUIRED, 'session', 'format', 'simplify', 'partner_id', 'target_app_key']);

export function topProvider({ credentials, now, endpoints }) {
  let counter = 0;
  const requestId = () => `sandbox-${(++counter).toString(36)}`;
  const error = (code, msg, sub_code, sub_msg) => ({ error_response: { code, msg, sub_code, sub_msg, request_id: requestId() } });
  const replies = endpointReplies(endpoints);

  function answer(form) {
    const missing = REQUIRED.filter((k) => !form[k]);
    if (missing.length) return error(40, 'Missing Required Arguments', 'isv.missing-parameter', `missing: ${missing.join(', ')}`);
    if (!sameText(form.app_key, credentials.appKey)) return error(29, 'Invalid App Key');
    const at = Date.parse(`${form.timestamp.replace(' ', 'T')}+08:00`);
    if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(form.timestamp) || Number.isNaN(at) || Math.abs(at - now()) > WINDOW_MS) {
      return error(31, 'Invalid Timestamp', 'isv.invalid-timestamp', 'timestamp is more than 10 minutes from the gateway clock (GMT+8)');
    }
    if (!['md5', 'hmac', 'hmac-sha256'].includes(form.sign_method)) return error(41, 'Invalid Arguments', 'isv.invalid-parameter', 'sign_method');
    if (!sameText(form.sign, topSign(form, credentials.appSecret, form.sign_method))) return error(25, 'Invalid Signature');
    if (!replies.has(form.method)) return error(22, 'Invalid Method');
    // An order method has one business parameter: the order as JSON text.
    const params = Object.keys(form).filter((k) => !SYSTEM_PARAMETERS.has(k));
    const order = params.length === 1 ? json(form[params[0]]) : undefined;
    if (!order || typeof order !== 'object' || Array.isArray(order)) {
      return error(41, 'Invalid Arguments', 'isv.invalid-parameter', `${params.join(', ') || 'the order parameter'} is not a JSON object`);
    }
    const reply = replies.reply(form.method, order, counter);
    const key = Object.keys(reply)[0];
    const answer = { ...reply[key], request_id: requestId() };
    // simplify=true: the method's object without its `<method>_response` wrapper.
    return form.simplify === 'true' ? answer : { [key]: answer };
  }

  return {
    name: 'top',
    path: '/top/router/rest',
    contentType: 'application/json; charset=utf-8',
    answer: ({ body }) => JSON.stringify(answer(Object.fromEntries(new URLSearchParams(body)))),
    faults: {
      retryable: () => JSON.stringify(error(7, 'App Call Limited', 'accesscontrol.limited-by-app-access-count', 'This ban will last for 0 more seconds')),
      fatal: () => JSON.stringify(error(41, 'Invalid Arguments', 'isv.invalid-parameter', 'scripted failure')),
    },
  };
}

function json(text) {
  try { return JSON.parse(text); } catch { return undefined; }
}
