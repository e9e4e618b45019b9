// `npm start`: serves the order builder (www/) with the freshly built package beside it, and the
// local sandbox of all four gateways under /sandbox/.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { staticHandler } from './static.js';
import { createSandbox } from '../sandbox/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';

const sandbox = createSandbox();
const files = staticHandler({ '/': `${root}www`, '/js/': `${root}js`, '/pkg/': `${root}pkg` });

createServer(async (req, res) => {
  if (!(await sandbox.handle(req, res))) await files(req, res);
}).listen(port, host, () => {
  const origin = `http://${host}:${port}`;
  console.log(`ordercraft order builder: ${origin}/`);
  console.log('Local sandbox (a test double of the gateways, not the real services):');
  for (const [provider, url] of Object.entries(sandbox.gateways(origin))) {
    console.log(`  ${provider.padEnd(8)} ${url}  credentials ${JSON.stringify(sandbox.credentials[provider])}`);
  }
  console.log('Ctrl-C stops it.');
});
