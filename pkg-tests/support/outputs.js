// What every call the hostile suite makes, and every bench order, produces: a digest per
// endpoint and field path. pkg-tests/golden/outputs.json holds the digests made by the build
// before the one-pass rewrite (#16), remade only where a fix changed an answer on purpose (values
// JSON.stringify drops, now refused; PandaPon's "required by the doc, omitted by its example"
// warnings no longer repeat that in their field's label); pkg-tests/outputs-golden.test.js holds today's to them, so
// a faster path that changes one byte of a request, an issue or an error is caught.
import { createHash } from 'node:crypto';
import { endpointModule, madeUpOptions } from '../../scripts/endpoint-files.js';
import { HOSTILE, paths, setAt } from './hostile.js';

const POLICIES = ['refuse', 'send', 'drop'];
// Fixed clocks and nonces, so a request is the same bytes on every run.
const FIXED = { top: { timestamp: '2026-01-02 03:04:05' }, pandapon: { timestamp: 1767000000000, nonce: 'fixed-nonce-0123' }, eccang: {} };

function outcome(f) {
  try {
    return { value: f() };
  } catch (e) {
    return { error: e?.name, message: e?.message, issues: e?.issues, argument: e?.argument, endpoint: e?.endpoint };
  }
}

const digest = (outcomes) => createHash('sha256').update(JSON.stringify(outcomes)).digest('hex').slice(0, 20);

/** `{ "<endpoint> <path>": digest }` for every hostile value at every path, and the bench orders. */
export async function outputDigests(oc) {
  const base = madeUpOptions(oc.endpoints());
  const digests = {};
  for (const endpoint of oc.endpoints()) {
    const { id, provider } = endpoint;
    const opts = { ...base[provider], ...FIXED[provider] };
    const example = oc.example(id);
    const prepareEach = (order, extra = {}) => POLICIES.map((unknownFields) => outcome(() => oc.prepare(id, order, { ...opts, ...extra, unknownFields })));
    for (const path of paths(example)) {
      const outcomes = HOSTILE.map((v) => {
        const order = setAt(example, path, v);
        return [outcome(() => oc.validate(id, order)), ...prepareEach(order)];
      });
      digests[`${id} /${path.join('/')}`] = digest(outcomes);
    }
    const { large } = await endpointModule(endpoint, 'bench.js');
    const big = large(oc.example(id), 200);
    const signMethods = provider === 'top' ? ['md5', 'hmac', 'hmac-sha256'] : [undefined];
    digests[`${id} bench orders`] = digest(signMethods.flatMap((signMethod) => [
      ...prepareEach(example, signMethod ? { signMethod } : {}),
      ...prepareEach(big, signMethod ? { signMethod } : {}),
      outcome(() => oc.validate(id, big)),
    ]));
  }
  return digests;
}
