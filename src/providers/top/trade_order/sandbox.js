// The sandbox's Hema: echoes the trade with ids and statuses, and its own sums of the fees.
export function answer({ order: trade, success, sequence }) {
  const [key] = Object.keys(success);
  const subOrders = (Array.isArray(trade.sub_orders) ? trade.sub_orders : []).map((s, i) => ({
    ...s, biz_order_id: `${20_000 + sequence}${i}`, order_status: 'PAID_DONE', order_fulfill_status: 'WAIT_SHIPPING', shop_id: trade.shop_id,
  }));
  const originFee = subOrders.reduce((sum, s) => sum + (s.origin_fee ?? 0), 0);
  const discountFee = subOrders.reduce((sum, s) => sum + (s.discount_fee ?? 0), 0);
  const deliveryFee = trade.delivery?.delivery_fee ?? 0;
  return {
    [key]: {
      result: {
        success: 'true',
        trade: {
          ...trade, biz_order_id: String(10_000 + sequence), order_status: 'PAID_DONE', order_fulfill_status: 'WAIT_SHIPPING',
          origin_fee: originFee, discount_fee: discountFee, pay_fee: originFee - discountFee + deliveryFee,
          sub_orders: { suborders: subOrders },
        },
      },
    },
  };
}
