// TypeScript `node16` from a CommonJS project: `import … = require('ordercraft')` gets the same types.
import oc = require('ordercraft');

export function fromCommonJs(): number {
  const order = oc.example('eccang:createOrder');
  const req = oc.prepare('eccang:createOrder', order, { appToken: 't', appKey: 'k', endpoint: 'http://x' });
  // @ts-expect-error an ECCANG order at the Hema endpoint, in CommonJS too
  oc.prepare('top:alibaba.wdk.trade.order.create', order, { appKey: 'k', appSecret: 's' });
  return req.body.length + order.reference_no.length;
}
