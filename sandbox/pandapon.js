// PandaPon's side: the five headers, the 600 s window, the MD5 signature, then previewbatch with
// totals computed from the cargo lines (a fixed sandbox price per offer).
import { pandaponSign, sameText } from './signing.js';

const WINDOW_MS = 600 * 1000;
let counter = 0;
const envelope = (code, msg, data = null) => ({ requestId: `sandbox-${(++counter).toString(36)}`, code, developId: 'sandbox', msg, data });

export function pandaponAnswer(path, headers, bodyText, credentials, now = Date.now()) {
  for (const name of ['access-key', 'timestamp', 'nonce-str', 'user-id', 'signature']) {
    if (!headers[name]) return envelope(400, `missing header ${name}`);
  }
  if (!sameText(headers['access-key'], credentials.accessKey)) return envelope(401, 'access-key 无效');
  const ts = Number(headers.timestamp);
  const ms = headers.timestamp.length <= 10 ? ts * 1000 : ts;
  if (!/^\d+$/.test(headers.timestamp) || Math.abs(ms - now) > WINDOW_MS) return envelope(401, 'timestamp 超出 600 秒');
  if (headers['nonce-str'].length !== 32) return envelope(401, 'nonce-str 须为 32 位');
  const expected = pandaponSign(headers['access-key'], headers.timestamp, headers['nonce-str'], credentials.accessSecret);
  if (!sameText(headers.signature, expected)) return envelope(401, '签名错误');
  if (path !== '/alibaba/order/create/previewbatch') return envelope(404, `unknown path ${path}`);
  let body;
  try { body = JSON.parse(bodyText); } catch { return envelope(400, 'body is not JSON'); }
  if (!Array.isArray(body?.cargoParamList) || !body.addressParam) return envelope(400, 'addressParam and cargoParamList are required');
  const bySeller = new Map();
  for (const c of body.cargoParamList) {
    const seller = c.sellerOpenId ?? 'sandbox-seller';
    bySeller.set(seller, [...(bySeller.get(seller) ?? []), c]);
  }
  const orderPreviewResuslt = [...bySeller].map(([seller, lines]) => {
    const cargoList = lines.map((c) => {
      const unitFen = 100 + Number(BigInt(c.offerId) % 900n); // a fixed sandbox price per offer: ¥1.00–¥9.99
      return { offerId: c.offerId, specId: c.specId ?? null, amount: (unitFen * c.quantity) / 100, finalUnitPrice: unitFen / 100, skuId: null, message: null, resultCode: null, cargoPromotionList: [] };
    });
    const goods = cargoList.reduce((sum, c) => sum + Math.round(c.amount * 100), 0);
    const carriage = 600;
    return {
      status: true, sellerOpenId: seller, sumPayment: goods + carriage, sumCarriage: carriage, sumPaymentNoCarriage: goods,
      discountFee: null, flowFlag: 'general', tradeModeNameList: ['assureTrade'], cargoList, shopPromotionList: [],
      tradeModelList: [{ tradeType: 'assureTrade', name: '担保交易', opSupport: true, tradeWay: null, description: 'sandbox' }],
    };
  });
  return envelope(200, '成功', { orderPreviewResuslt, postFeeByDescOfferList: null, consignOfferList: null, unsupportedCrossBorderPayOfferList: [] });
}

export const pandaponFaults = {
  retryable: () => envelope(429, '请求过于频繁'),
  fatal: () => envelope(400, 'scripted failure'),
};
