// A local test double of all four gateways, in each provider's wire format. It checks
// signatures and credentials on its own (sandbox/signing.js), never with the wasm module.
// Every answer carries `X-Ordercraft-Sandbox: test double`.
import { createServer } from 'node:http';
import { topAnswer, topFaults } from './top.js';
import { pandaponAnswer, pandaponFaults } from './pandapon.js';
import { eccangAnswer, eccangFaults } from './eccang.js';

/** The sandbox's test credentials: printed at start-up, documented in the README. */
export const SANDBOX_CREDENTIALS = Object.freeze({
  top: { appKey: 'sandbox-app-key', appSecret: 'sandbox-app-secret' },
  pandapon: { accessKey: 'sandbox-access-key', accessSecret: 'sandbox-access-secret', userId: 'sandbox-user' },
  eccang: { appToken: 'sandbox-app-token', appKey: 'sandbox-app-key' },
});

const FAULTS = { top: topFaults, pandapon: pandaponFaults, eccang: eccangFaults };

/**
 * A request handler for the sandbox's routes under `prefix`: `${prefix}/top/router/rest`,
 * `${prefix}/pandapon/<path>`, `${prefix}/eccang/ws`. It returns false for other URLs.
 * `script(provider, steps)` queues what the next requests to that provider meet:
 * `{ delayMs }`, `{ fault: 'retryable' | 'fatal' }` or `{ fault: 'drop' }` (connection closed).
 */
export function createSandbox({ prefix = '/sandbox', credentials = SANDBOX_CREDENTIALS, now = () => Date.now() } = {}) {
  const queues = { top: [], pandapon: [], eccang: [] };
  const hits = { top: 0, pandapon: 0, eccang: 0 };
  const eccangReferences = new Set();

  /** Where each provider's gateway option should point, given the server's origin. */
  const gateways = (origin) => ({
    top: `${origin}${prefix}/top/router/rest`, pandapon: `${origin}${prefix}/pandapon`, eccang: `${origin}${prefix}/eccang/ws`,
  });

  async function handle(req, res) {
    const url = new URL(req.url, 'http://sandbox');
    if (!url.pathname.startsWith(`${prefix}/`)) return false;
    const rest = url.pathname.slice(prefix.length);
    const provider = rest.startsWith('/top/') ? 'top' : rest.startsWith('/pandapon/') ? 'pandapon' : rest.startsWith('/eccang/') ? 'eccang' : null;
    res.setHeader('X-Ordercraft-Sandbox', 'test double');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    if (req.method === 'OPTIONS') return res.writeHead(204).end(), true;
    // The order builder's "use the sandbox" button reads its credentials and paths from here.
    if (rest === '/config' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      return res.end(JSON.stringify({ credentials, gateways: gateways('') })), true;
    }
    if (!provider || req.method !== 'POST') return res.writeHead(404).end('not a sandbox route'), true;
    hits[provider] += 1;
    const body = await readBody(req);
    const step = queues[provider].shift() ?? {};
    if (step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
    if (step.fault === 'drop') return req.socket.destroy(), true;
    if (provider === 'eccang') {
      const xml = step.fault ? FAULTS.eccang[step.fault]() : eccangAnswer(body, credentials.eccang, eccangReferences);
      return res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(xml), true;
    }
    const answer = step.fault
      ? FAULTS[provider][step.fault]()
      : provider === 'top'
        ? topAnswer(Object.fromEntries(new URLSearchParams(body)), credentials.top, now())
        : pandaponAnswer(rest.slice('/pandapon'.length), req.headers, body, credentials.pandapon, now());
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer));
    return true;
  }

  return {
    handle,
    credentials,
    hits,
    script(provider, steps) { queues[provider].push(...steps); },
    reset() { for (const p of Object.keys(queues)) { queues[p].length = 0; hits[p] = 0; } },
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
  const sandbox = createSandbox(options);
  const server = createServer(async (req, res) => {
    if (!(await sandbox.handle(req, res))) res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(port, host, r));
  const origin = `http://${host}:${server.address().port}`;
  return { ...sandbox, origin, urls: sandbox.gateways(origin), close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}
