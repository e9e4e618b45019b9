// The sandbox's previewbatch: one preview per seller, totals computed from the cargo lines at a
// fixed sandbox price per offer.
export function answer({ order, failure }) {
  if (!Array.isArray(order?.cargoParamList) || !order.addressParam) {
    return { ...failure, code: 400, msg: 'addressParam and cargoParamList are required' };
  }
  const bySeller = new Map();
  for (const c of order.cargoParamList) {
    const seller = c.sellerOpenId ?? 'sandbox-seller';
    bySeller.set(seller, [...(bySeller.get(seller) ?? []), c]);
  }
  const orderPreviewResuslt = [...bySeller].map(([seller, lines]) => {
    const cargoList = lines.map((c) => {
      const unitFen = 100 + Number(BigInt(c.offerId) % 900n); // ¥1.00–¥9.99
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
  return { code: 200, msg: '成功', data: { orderPreviewResuslt, postFeeByDescOfferList: null, consignOfferList: null, unsupportedCrossBorderPayOfferList: [] } };
}
