// Types that know the endpoint: `tsc` must accept the right uses and reject each misuse below
// (`@ts-expect-error` fails the build when the line under it compiles).
import {
  prepare, example, parseResponse, schema, createClient, isOrderValidationError,
  type Orders, type Responses, type OptionsFor, type EndpointId, type CreateOrder, type OrderResult,
} from 'ordercraft';

const top = { appKey: 'k', appSecret: 's' };
const eccangOpts = { appToken: 't', appKey: 'k', endpoint: 'http://x' };

export function rightUses(): number {
  // The example's type is the endpoint's order: its fields are known.
  const ref: string = example('eccang:createOrder').reference_no;
  const order: CreateOrder = example('eccang:createOrder');
  const req = prepare('eccang:createOrder', order, eccangOpts);
  const parsed = parseResponse('top:alibaba.wdk.trade.order.create', '{}');
  const created: boolean | undefined = parsed.ok ? parsed.data.success : undefined;
  const result: OrderResult | undefined = parsed.ok ? parsed.data : undefined;
  const id: EndpointId = 'pandapon:/alibaba/order/create/previewbatch';
  const fields = schema(id).fields.length;
  const unknownFields = prepare('eccang:createOrder', order, { ...eccangOpts, unknownFields: 'send' });
  return ref.length + req.body.length + fields + (created ? 1 : 0) + (result ? 1 : 0) + unknownFields.body.length;
}

export function misuses(): void {
  // @ts-expect-error an ECCANG order at the Hema endpoint
  prepare('top:alibaba.wdk.trade.order.create', example('eccang:createOrder'), top);
  // @ts-expect-error another provider's options
  prepare('eccang:createOrder', example('eccang:createOrder'), top);
  // @ts-expect-error a misspelt field
  const misspelt: Orders['top:alibaba.intention.order.save'] = { buyer_emial: 'a@b.com' };
  const parsed = parseResponse('eccang:createOrder', '{}');
  // @ts-expect-error a response field that does not exist
  if (parsed.ok) console.log(parsed.data.tracking_no);
  // @ts-expect-error an endpoint that does not exist
  example('top:alibaba.nope');
  // @ts-expect-error an unknown unknownFields policy
  prepare('eccang:createOrder', example('eccang:createOrder'), { ...eccangOpts, unknownFields: 'keep' });
  void misspelt;
}

export async function clientAndGuards(): Promise<string> {
  const client = createClient({ credentials: { eccang: eccangOpts } });
  // @ts-expect-error a Hema order sent to ECCANG
  await client.send('eccang:createOrder', example('top:alibaba.wdk.trade.order.create'));
  const sent = await client.send('eccang:createOrder', example('eccang:createOrder'));
  const code: string | undefined = sent.ok && !('createdByEarlierAttempt' in sent) ? sent.data.order_code : undefined;
  const settled = await client.settle('eccang:createOrder', 'REF-1', { journal: 'journal.jsonl', exists: true });
  const state: 'ok' | 'absent' | 'sending' | 'failed' | 'invalid' | 'unknown' = settled.state;
  // @ts-expect-error settle needs to be told whether the order exists
  await client.settle('eccang:createOrder', 'REF-1', { journal: 'journal.jsonl' });
  const [first] = await client.status('eccang:createOrder', { journal: 'journal.jsonl' });
  const now: 'ok' | 'failed' | 'invalid' | 'unknown' | 'absent' = first.state;
  const why: string | undefined = first.error?.code ?? first.issues?.[0].message;
  // @ts-expect-error status reads a journal: it needs one
  await client.status('eccang:createOrder', {});
  void state, now, why;
  try {
    prepare('eccang:createOrder', example('eccang:createOrder'), eccangOpts);
  } catch (e) {
    if (isOrderValidationError(e)) return e.issues[0].path;
  }
  const map: Responses['eccang:createOrder'] | OptionsFor['eccang:createOrder'] | undefined = undefined;
  return `${code}${map}`;
}
