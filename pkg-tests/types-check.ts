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
