// What the sandbox knows of each endpoint, read from the registry (`endpoints()`) and the
// endpoint's own folder: its sample answers, and its `sandbox.js` when it computes answers
// from the order (without one, the sample success answer is the answer).
import { existsSync, readFileSync } from 'node:fs';
import { endpoints } from '../js/node.js';

const root = new URL('../', import.meta.url);

export async function loadEndpoints() {
  return Promise.all(endpoints().map(async (info) => {
    const folder = new URL(`${info.source}/`, root);
    const sample = (name) => JSON.parse(readFileSync(new URL(`${name}.json`, folder), 'utf8'));
    const script = new URL('sandbox.js', folder);
    const own = existsSync(script) ? await import(script) : {};
    return {
      ...info,
      success: sample('success'),
      failure: sample('failure'),
      /** The answer to `order` (the parsed business JSON); `state` is this sandbox's, per endpoint. */
      answer: own.answer ?? (({ success }) => structuredClone(success)),
    };
  }));
}
