// The bench's large order: `n` products, the order amount summed to match.
export function large(order, n) {
  const product = order.intention_order_products[0];
  order.intention_order_products = Array.from({ length: n }, (_, i) => ({ ...structuredClone(product), sku_id: String(i) }));
  order.order_amount = String(Number(product.quantity) * Number(product.unit_price) * n);
  delete order.advanced_amount;
  return order;
}
