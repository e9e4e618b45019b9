// The sandbox's forwarder: the doc's required fields, `reference_no` unique ("already exists"
// for a repeat), and a new order code and waybill for each parcel.
const REQUIRED = ['reference_no', 'shipping_method', 'country_code', 'order_weight', 'order_pieces', 'Consignee', 'ItemArr'];

export function answer({ order, success, failure, state, sequence }) {
  const ref = order.reference_no;
  const refuse = (errCode, errMessage) => ({ ...failure, reference_no: ref, Error: { errMessage, errCode } });
  const missing = REQUIRED.find((field) => order[field] == null || order[field] === '');
  if (missing) return refuse('50001', `${missing} 必填`);
  state.references ??= new Set();
  if (state.references.has(ref)) return refuse('50002', `参考号 ${ref} 已存在`);
  state.references.add(ref);
  const n = String(sequence);
  return { ...success, reference_no: ref, shipping_method_no: `SB${n.padStart(9, '0')}CN`, order_code: `ECSANDBOX${n.padStart(6, '0')}` };
}
