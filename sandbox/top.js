// The TOP gateway's side of a form POST: system parameters, app key, timestamp window (10
// minutes, GMT+8), signature, then the two order methods. Answers in TOP's JSON.
import { sameText, topSign } from './signing.js';

const WINDOW_MS = 10 * 60 * 1000;
const REQUIRED = ['method', 'app_key', 'timestamp', 'sign_method', 'sign', 'v'];

const error = (code, msg, sub_code, sub_msg) => ({ error_response: { code, msg, sub_code, sub_msg, request_id: requestId() } });
let counter = 0;
const requestId = () => `sandbox-${(++counter).toString(36)}`;

export function topAnswer(form, credentials, now = Date.now()) {
  const missing = REQUIRED.filter((k) => !form[k]);
  if (missing.length) return error(40, 'Missing Required Arguments', 'isv.missing-parameter', `missing: ${missing.join(', ')}`);
  if (!sameText(form.app_key, credentials.appKey)) return error(29, 'Invalid App Key');
  const at = Date.parse(`${form.timestamp.replace(' ', 'T')}+08:00`);
  if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(form.timestamp) || Number.isNaN(at) || Math.abs(at - now) > WINDOW_MS) {
    return error(31, 'Invalid Timestamp', 'isv.invalid-timestamp', 'timestamp is more than 10 minutes from the gateway clock (GMT+8)');
  }
  if (!['md5', 'hmac', 'hmac-sha256'].includes(form.sign_method)) return error(41, 'Invalid Arguments', 'isv.invalid-parameter', 'sign_method');
  if (!sameText(form.sign, topSign(form, credentials.appSecret, form.sign_method))) return error(25, 'Invalid Signature');
  const handler = METHODS[form.method];
  if (!handler) return error(22, 'Invalid Method');
  return handler(form);
}

const json = (text) => { try { return JSON.parse(text); } catch { return undefined; } };

const METHODS = {
  'alibaba.intention.order.save'(form) {
    const order = json(form.intention_order ?? '{}');
    if (!order || typeof order !== 'object') return error(41, 'Invalid Arguments', 'isv.invalid-parameter', 'intention_order is not JSON');
    return { alibaba_intention_order_save_response: { value: { intention_id: String(9_000_000_000 + counter) }, request_id: requestId() } };
  },
  'alibaba.wdk.trade.order.create'(form) {
    const trade = json(form.trade ?? '');
    if (!trade || !Array.isArray(trade.sub_orders)) return error(41, 'Invalid Arguments', 'isv.invalid-parameter', 'trade is not a trade order');
    const subOrders = trade.sub_orders.map((s, i) => ({
      ...s, biz_order_id: `${20_000 + counter}${i}`, order_status: 'PAID_DONE', order_fulfill_status: 'WAIT_SHIPPING', shop_id: trade.shop_id,
    }));
    const originFee = subOrders.reduce((sum, s) => sum + (s.origin_fee ?? 0), 0);
    const discountFee = subOrders.reduce((sum, s) => sum + (s.discount_fee ?? 0), 0);
    const deliveryFee = trade.delivery?.delivery_fee ?? 0;
    return {
      alibaba_wdk_trade_order_create_response: {
        result: {
          success: 'true',
          trade: {
            ...trade, biz_order_id: String(10_000 + counter), order_status: 'PAID_DONE', order_fulfill_status: 'WAIT_SHIPPING',
            origin_fee: originFee, discount_fee: discountFee, pay_fee: originFee - discountFee + deliveryFee,
            sub_orders: { suborders: subOrders },
          },
        },
        request_id: requestId(),
      },
    };
  },
};

/** The answers a fault script can ask for. */
export const topFaults = {
  retryable: () => error(7, 'App Call Limited', 'accesscontrol.limited-by-app-access-count', 'This ban will last for 0 more seconds'),
  fatal: () => error(41, 'Invalid Arguments', 'isv.invalid-parameter', 'scripted failure'),
};
