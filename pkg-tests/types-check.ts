// Type-checked by `tsc` in scripts/test.sh against the installed package's generated .d.ts:
// a type change in the Rust models shows up here as a compile error.
import {
  init, prepareTop, topSign, topStringToSign, parseTopResponse,
  OrderValidationError, ArgumentError, OrdercraftError,
  type PreparedRequest, type TopOptions, type Issue, type Parsed,
} from 'ordercraft';

export async function gatewayTypes(): Promise<string> {
  await init();
  const opts: TopOptions = { appKey: 'k', appSecret: 's', signMethod: 'hmac-sha256', timestamp: new Date() };
  const req: PreparedRequest = prepareTop('alibaba.intention.order.save', { intention_order: { status: 'DRAFT' } }, opts);
  const sig: string = topSign({ a: '1' }, 's', 'md5') + topStringToSign({ a: 1 });
  const parsed: Parsed<Record<string, unknown>> = parseTopResponse('a.b', '{}');
  if (parsed.ok) {
    return String(parsed.data) + req.body + sig;
  }
  try {
    prepareTop('a.b', {}, opts);
  } catch (e) {
    if (e instanceof OrderValidationError) {
      const issues: Issue[] = e.issues;
      return issues.map((i) => `${i.path} ${i.code} ${i.severity}`).join();
    }
    if (e instanceof ArgumentError) return e.argument;
    if (e instanceof OrdercraftError) return e.message;
  }
  return parsed.error.code + (parsed.error.retryable ? parsed.error.message : '');
}

import { prepare, validate, example, endpoints, parseResponse, type TradeOrder, type IntentionOrderSaveRequest, type EndpointId } from 'ordercraft';

export function endpointTypes(): number {
  const trade: TradeOrder = {
    pay_time: '2018-01-25 16:40:12', origin_fee: 200, pay_fee: 200, shop_id: '1', user_id: '2', out_order_id: '3',
    sub_orders: [{ sale_quantity: 1, sku_name: 'n', sale_price: 200, sku_code: 'c', out_order_id: '3-1', origin_fee: 200, sale_stock_quantity: '1', stock_unit: 'g' }],
    delivery: { consignee_name: 'a', delivery_geo: '120,30', delivery_address: 'b', consignee_phone: '1', privacy_phone_flag: 0 },
  };
  const intention: IntentionOrderSaveRequest = { status: 'DRAFT', intention_order_products: [{ type: 'Sample', product_id: '1' }] };
  const id: EndpointId = endpoints()[0].id as EndpointId;
  const r = prepare('top:alibaba.wdk.trade.order.create', trade, { appKey: 'k', appSecret: 's' });
  const v = validate(id, intention);
  const p = parseResponse(id, '');
  return r.body.length + v.issues.length + (p.ok ? 1 : 0) + Object.keys(example(id)).length;
}

import { preparePandapon, pandaponStringToSign, parsePandaponResponse, type PreviewBatchRequest, type PandaponOptions, type PartialFailure } from 'ordercraft';

export function pandaponTypes(): number {
  const order: PreviewBatchRequest = {
    addressParam: { fullName: '测试', mobile: '18720122943', cityText: '杭州市', provinceText: '浙江省', address: 'x', postCode: '311121' },
    cargoParamList: [{ offerId: '734714573551', specId: 'cd2b8c31408766f9fb089e74e2a6ac15', quantity: 1 }],
  };
  const opts: PandaponOptions = { accessKey: 'a', accessSecret: 's', userId: 'u', timestamp: Date.now(), timestampUnit: 'seconds' };
  const r = prepare('pandapon:/alibaba/order/create/previewbatch', order, opts);
  const g = preparePandapon('/alibaba/order/detail', { orderId: '1' }, opts);
  const parsed = parsePandaponResponse('{}');
  const failures: PartialFailure[] = parsed.ok ? parsed.failures ?? [] : [];
  return r.body.length + g.body.length + pandaponStringToSign(opts).length + failures.length;
}

import { prepareEccang, parseEccangResponse, type CreateOrder, type EccangOptions } from 'ordercraft';

export function eccangTypes(): number {
  const order: CreateOrder = {
    reference_no: 'R1', shipping_method: 'PK0001', country_code: 'PL', order_weight: '0.175', order_pieces: 1,
    is_return: '1', mail_cargo_type: 4, Consignee: { consignee_name: 'n' }, ItemArr: [{ invoice_quantity: '1', box_number: 'U001' }],
  };
  const opts: EccangOptions = { appToken: 't', appKey: 'k', endpoint: 'http://x' };
  const r = prepare('eccang:createOrder', order, opts);
  const g = prepareEccang('getTrackNumber', { reference_no: ['R1'] }, opts);
  const p = parseEccangResponse('{}');
  return r.body.length + g.body.length + (p.ok ? 0 : p.error.code.length);
}

import { createClient, type SendResult } from 'ordercraft';

export async function clientTypes(): Promise<number> {
  const client = createClient({
    credentials: { top: { appKey: 'k', appSecret: 's' }, pandapon: { accessKey: 'a', accessSecret: 's', userId: 'u' }, eccang: { appToken: 't', appKey: 'k', endpoint: 'http://x' } },
    timeoutMs: 5000, retries: 1, gateways: { top: 'http://127.0.0.1:8787/sandbox/top/router/rest' },
  });
  const r: SendResult = await client.send('top:alibaba.intention.order.save', { status: 'DRAFT' }, { idempotent: false, timeoutMs: 100 });
  // A failure says whether the order may exist: `notSent` only when nothing can have been processed.
  const certainlyNotCreated: true | undefined = r.ok ? undefined : r.error.notSent;
  return r.attempts + (r.ok ? 0 : r.error.message.length) + (certainlyNotCreated ? 1 : 0);
}
