// The bench's large order: `n` sub-orders, the trade's fees summed to match.
export function large(order, n) {
  const sub = order.sub_orders[0];
  order.sub_orders = Array.from({ length: n }, (_, i) => ({ ...structuredClone(sub), out_order_id: `11-${i}` }));
  order.origin_fee = sub.origin_fee * n;
  order.discount_fee = sub.discount_fee * n;
  order.pay_fee = sub.pay_fee * n;
  return order;
}
