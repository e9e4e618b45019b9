// `npm start`: serves the order builder (www/) with the freshly built package beside it, and the
// local sandbox of all four gateways under /sandbox/.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { staticHandler } from './static.js';
import { createSandbox } from '../sandbox/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts the builder and the sandbox on one port (0: any free one). */
export async function startServer({ host = '127.0.0.1', port = 0, keepProcessed = 100 } = {}) {
  const sandbox = await createSandbox({ keepProcessed });
  const files = staticHandler({
    '/': `${root}www`, '/js/': `${root}js`, '/pkg/': `${root}pkg`,
    // The CSV reader and writer the batch tab uses, as browser ES modules (index.html maps them).
    '/vendor/csv-parse/': `${root}node_modules/csv-parse/dist/esm`, '/vendor/csv-stringify/': `${root}node_modules/csv-stringify/dist/esm`,
  });
  const server = createServer(async (req, res) => {
    if (!(await sandbox.handle(req, res))) await files(req, res);
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const origin = `http://${host}:${server.address().port}`;
  return { origin, sandbox, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { origin, sandbox } = await startServer({ host: process.env.HOST, port: Number(process.env.PORT ?? 8787) });
  console.log(`ordercraft order builder: ${origin}/`);
  console.log('Local sandbox (a test double of the gateways, not the real services):');
  for (const [provider, url] of Object.entries(sandbox.gateways(origin))) {
    console.log(`  ${provider.padEnd(8)} ${url}  credentials ${JSON.stringify(sandbox.credentials[provider])}`);
  }
  console.log('Ctrl-C stops it.');
}
