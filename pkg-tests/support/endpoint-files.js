// The files in an endpoint's own folder (its `source` in endpoints()): break-one-field cases,
// sample answers and the bench case, so every suite over "all endpoints" reads the registry.
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const folder = (endpoint) => new URL(`${endpoint.source}/`, root);

export const endpointCases = (endpoint) => JSON.parse(readFileSync(new URL('cases.json', folder(endpoint)), 'utf8'));

export const sampleAnswer = (endpoint, name) => readFileSync(new URL(`${name}.json`, folder(endpoint)), 'utf8');

export function hasFile(endpoint, name) {
  return existsSync(new URL(name, folder(endpoint)));
}

/** Made-up values for a provider's required options, as the registry declares them; the gateway local. */
export function madeUpOptions(endpoints) {
  return Object.fromEntries(endpoints.map((e) => [e.provider, Object.fromEntries(e.options.filter((o) => o.required)
    .map((o) => [o.name, o.name === e.gatewayOption ? 'http://127.0.0.1/ws' : `test-${o.name}`]))]));
}
