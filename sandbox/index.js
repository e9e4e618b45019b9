// A local test double of every gateway, in each provider's wire format. It checks signatures and
// credentials on its own (sandbox/signing.js), never with the wasm module. Every answer carries
// `X-Ordercraft-Sandbox: test double`.
//
// One module per provider (`route`, `answer`, `faults`); what an endpoint answers comes from its
// own folder (sandbox/endpoints.js). State (counters, references seen) belongs to one sandbox.
import { createServer } from 'node:http';
import { loadEndpoints } from './endpoints.js';
import { topProvider } from './top.js';
import { pandaponProvider } from './pandapon.js';
import { eccangProvider } from './eccang.js';

const PROVIDERS = { top: topProvider, pandapon: pandaponProvider, eccang: eccangProvider };

/** The sandbox's test credentials: printed at start-up, documented in the README. */
export const SANDBOX_CREDENTIALS = Object.freeze({
  top: { appKey: 'sandbox-app-key', appSecret: 'sandbox-app-secret' },
  pandapon: { accessKey: 'sandbox-access-key', accessSecret: 'sandbox-access-secret', userId: 'sandbox-user' },
  eccang: { appToken: 'sandbox-app-token', appKey: 'sandbox-app-key' },
});

/**
 * A request handler for the sandbox's routes under `prefix`: `${prefix}/top/router/rest`,
 * `${prefix}/pandapon/<path>`, `${prefix}/eccang/ws`. It returns false for other URLs.
 * `script(provider, steps)` queues what the next requests to that provider meet:
 * `{ delayMs }`, `{ until }` (held until the promise `until` settles: a test's answer that comes
 * when the test says, not after a time it must guess), `{ fault: 'retryable' | 'fatal' }` or
 * `{ fault: 'drop' }` (connection closed).
 * `reset()` forgets the scripts, the hit counts and every provider's state. `processed` keeps the
 * last `keepProcessed` requests processed (all by default, for tests; `npm start` keeps a few, so a
 * builder left running for days does not grow without end).
 */
export async function createSandbox({ prefix = '/sandbox', credentials = SANDBOX_CREDENTIALS, now = () => Date.now(), keepProcessed = Infinity } = {}) {
  const endpoints = await loadEndpoints();
  let providers;
  const queues = {};
  const hits = {};
  /** The requests the sandbox processed (not those a scripted fault answered), in order: `{ provider, body }`. */
  const processed = [];
  function reset() {
    providers = Object.entries(PROVIDERS).map(([name, create]) => create({
      credentials: credentials[name], now, endpoints: endpoints.filter((e) => e.provider === name),
    }));
    for (const { name } of providers) { queues[name] = []; hits[name] = 0; }
    processed.length = 0;
  }
  reset();

  /** Where each provider's gateway option should point, given the server's origin. */
  const gateways = (origin) => Object.fromEntries(providers.map((p) => [p.name, `${origin}${prefix}${p.path}`]));

  async function handle(req, res) {
    const url = new URL(req.url, 'http://sandbox');
    if (!url.pathname.startsWith(`${prefix}/`)) return false;
    const rest = url.pathname.slice(prefix.length);
    res.setHeader('X-Ordercraft-Sandbox', 'test double');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    if (req.method === 'OPTIONS') return res.writeHead(204).end(), true;
    // The order builder's "use the sandbox" button reads its credentials and paths from here.
    if (rest === '/config' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      return res.end(JSON.stringify({ credentials, gateways: gateways('') })), true;
    }
    const provider = providers.find((p) => rest === p.path || rest.startsWith(`${p.path}/`));
    if (!provider || req.method !== 'POST') return res.writeHead(404).end('not a sandbox route'), true;
    hits[provider.name] += 1;
    const body = await readBody(req);
    // A client that died mid-request sent no order: nothing to process, nobody to answer.
    if (!req.complete) return true;
    const step = queues[provider.name].shift() ?? {};
    if (step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
    if (step.until) await step.until;
    if (step.fault === 'drop') return req.socket.destroy(), true;
    // A proxy in front of the gateway answering on its own (a rate limiter, a maintenance page):
    // nothing reaches the provider.
    if (step.proxy) return res.writeHead(step.proxy.status, step.proxy.headers).end(step.proxy.body ?? ''), true;
    if (!step.fault) {
      processed.push({ provider: provider.name, body });
      if (processed.length > keepProcessed) processed.shift();
    }
    const text = step.fault
      ? provider.faults[step.fault]()
      : provider.answer({ rest: rest.slice(provider.path.length), headers: req.headers, body });
    res.writeHead(200, { 'Content-Type': provider.contentType }).end(text);
    return true;
  }

  return {
    handle,
    credentials,
    hits,
    processed,
    script(provider, steps) { queues[provider].push(...steps); },
    reset,
    gateways,
  };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/** The sandbox alone on a port (0: any free one). */
export async function startSandbox({ host = '127.0.0.1', port = 0, ...options } = {}) {
  const sandbox = await createSandbox(options);
  const server = createServer(async (req, res) => {
    if (!(await sandbox.handle(req, res))) res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(port, host, r));
  const origin = `http://${host}:${server.address().port}`;
  return { ...sandbox, origin, urls: sandbox.gateways(origin), close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}
