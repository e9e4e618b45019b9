// The files in an endpoint's own folder (`source` in endpoints()): its break-one-field cases,
// sample answers, sandbox answer and bench case. The sandbox, the bench and the package tests
// read them through here, so every "all endpoints" tool goes by the registry.
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const fileOf = (endpoint, name) => new URL(`${endpoint.source}/${name}`, root);

export const endpointCases = (endpoint) => JSON.parse(readFileSync(fileOf(endpoint, 'cases.json'), 'utf8'));

/** `success` or `failure`: the sample answer's text, in the provider's wire format. */
export const sampleAnswer = (endpoint, name) => readFileSync(fileOf(endpoint, `${name}.json`), 'utf8');

/** The folder's JavaScript module `name` (`sandbox.js`, `bench.js`), or `{}` where it has none. */
export async function endpointModule(endpoint, name) {
  const file = fileOf(endpoint, name);
  return existsSync(file) ? import(file) : {};
}

/** Made-up values for each provider's required options, as the registry declares them; the gateway local. */
export function madeUpOptions(endpoints, prefix = 'test') {
  return Object.fromEntries(endpoints.map((e) => [e.provider, Object.fromEntries(e.options.filter((o) => o.required)
    .map((o) => [o.name, o.name === e.gatewayOption ? 'http://127.0.0.1/ws' : `${prefix}-${o.name}`]))]));
}
