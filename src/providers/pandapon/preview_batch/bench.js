// The bench's large order: `n` cargo lines, each a different offer.
export function large(order, n) {
  const line = order.cargoParamList[0];
  order.cargoParamList = Array.from({ length: n }, (_, i) => ({ ...structuredClone(line), offerId: 734714573551 + i }));
  return order;
}
