// One measurement of `npm run bench`, in a process of its own so no other batch's garbage is in
// it: the heap a sendBatch of `count` orders to `id` still holds per order once it has ended (its
// summary alive), with `keepResults` as given. The orders come from a generator and a stub fetch
// gives the endpoint's sample answer: what is measured is the client's own keeping.
// Usage: node --expose-gc bench/held.js <id> <true|false> <count>
import * as oc from '../js/node.js';
import { madeUpOptions, sampleAnswer } from '../scripts/endpoint-files.js';

const [id, keep, count] = process.argv.slice(2);
const keepResults = keep === 'true';
const total = Number(count);
const endpoint = oc.endpoints().find((e) => e.id === id);
const answer = sampleAnswer(endpoint, 'success');
const client = oc.createClient({ credentials: madeUpOptions(oc.endpoints(), 'bench'), fetch: async () => new Response(answer, { status: 200 }) });
const example = oc.example(id);
function* orders(length = total) {
  for (let i = 0; i < length; i++) yield endpoint.keyField ? { ...example, [endpoint.keyField]: `HELD-${i}` } : example;
}
let n = 0;
const key = endpoint.keyField ? undefined : () => `held-${n++}`;
const heap = () => { global.gc(); return process.memoryUsage().heapUsed; };
// A first small batch warms up everything a batch allocates once (compiled code, the wasm's caches).
await client.sendBatch(id, orders(50), { key: () => `warm-${n++}` });
const before = heap();
const summary = await client.sendBatch(id, orders(), { concurrency: 8, keepResults, key, onResult: () => {} });
const held = (heap() - before) / total;
if (summary.ok !== total) throw new Error(`${id}: ${summary.ok} of ${total} ok`);
console.log(JSON.stringify({ held, results: summary.results.length }));
