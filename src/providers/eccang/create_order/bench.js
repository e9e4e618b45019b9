// The bench's large order: `n` customs lines, all in the first box.
export function large(order, n) {
  const item = order.ItemArr[0];
  order.ItemArr = Array.from({ length: n }, () => ({ ...structuredClone(item), box_number: order.Volume?.[0]?.box_number ?? 'U001' }));
  return order;
}
