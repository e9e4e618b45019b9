// What the sandbox knows of each endpoint, read from the registry (`endpoints()`) and the
// endpoint's own folder: its sample answers, and its `sandbox.js` when it computes answers
// from the order (without one, the sample success answer is the answer).
import { endpoints } from '../js/node.js';
import { endpointModule, sampleAnswer } from '../scripts/endpoint-files.js';

export async function loadEndpoints() {
  return Promise.all(endpoints().map(async (info) => {
    const own = await endpointModule(info, 'sandbox.js');
    return {
      ...info,
      success: JSON.parse(sampleAnswer(info, 'success')),
      failure: JSON.parse(sampleAnswer(info, 'failure')),
      answer: own.answer ?? (({ success }) => structuredClone(success)),
    };
  }));
}

/**
 * One provider's endpoints, by operation (TOP method, PandaPon path, ECCANG service), each with
 * state of its own for one sandbox instance: `reply(operation, order, sequence)` is the
 * endpoint's answer to the parsed order, `undefined` for an operation no endpoint has.
 */
export function endpointReplies(providerEndpoints) {
  const byOperation = new Map(providerEndpoints.map((e) => [e.operation, { endpoint: e, state: {} }]));
  return {
    has: (operation) => byOperation.has(operation),
    reply(operation, order, sequence) {
      const entry = byOperation.get(operation);
      if (!entry) return undefined;
      const { endpoint, state } = entry;
      return endpoint.answer({ order, success: endpoint.success, failure: endpoint.failure, state, sequence });
    },
  };
}
