// `npm start`: serves the order builder (www/) with the freshly built package beside it, and the
// local sandbox of all four gateways under /sandbox/.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { staticHandler } from './static.js';
import { createSandbox } from '../sandbox/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the builder and the sandbox on one port (0: any free one). Where `port` is taken, the
 * next `orNext` ports are tried in turn (as Vite does), then it fails with EADDRINUSE.
 */
export async function startServer({ host = '127.0.0.1', port = 0, orNext = 0, keepProcessed = 100 } = {}) {
  const sandbox = await createSandbox({ keepProcessed });
  const files = staticHandler({
    '/': `${root}www`, '/js/': `${root}js`, '/pkg/': `${root}pkg`,
    // The CSV reader and writer the batch tab uses, as browser ES modules (index.html maps them).
    '/vendor/csv-parse/': `${root}node_modules/csv-parse/dist/esm`, '/vendor/csv-stringify/': `${root}node_modules/csv-stringify/dist/esm`,
  });
  const server = createServer(async (req, res) => {
    if (!(await sandbox.handle(req, res))) await files(req, res);
  });
  for (let tried = 0; ; tried++) {
    try {
      await listen(server, port + tried, host);
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || tried === orNext) throw error;
    }
  }
  const origin = `http://${host}:${server.address().port}`;
  return { origin, sandbox, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

const listen = (server, port, host) => new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, host, () => {
    server.off('error', reject);
    resolve();
  });
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // A port asked for with PORT is that port or nothing; the default moves on past a taken one
  // (another `npm start` left running, say) and says so.
  const asked = process.env.PORT;
  const port = Number(asked ?? 8787);
  const orNext = asked === undefined ? 9 : 0;
  const { origin, sandbox } = await startServer({ host: process.env.HOST, port, orNext }).catch((error) => {
    if (error.code !== 'EADDRINUSE') throw error;
    const taken = orNext ? `ports ${port} to ${port + orNext} are` : `port ${port} is`;
    console.error(`[start] ${taken} in use (another npm start?): stop it, or choose a free port with PORT=…`);
    process.exit(1);
  });
  const served = new URL(origin).port;
  if (served !== String(port)) console.log(`Port ${port} is in use; serving on ${served}.`);
  console.log(`ordercraft order builder: ${origin}/`);
  console.log('Local sandbox (a test double of the gateways, not the real services):');
  for (const [provider, url] of Object.entries(sandbox.gateways(origin))) {
    console.log(`  ${provider.padEnd(8)} ${url}  credentials ${JSON.stringify(sandbox.credentials[provider])}`);
  }
  console.log('Ctrl-C stops it.');
}
