// `npm start`: serves the order builder (www/) with the freshly built package beside it.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { staticHandler } from './static.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';

const handler = staticHandler({ '/': `${root}www`, '/js/': `${root}js`, '/pkg/': `${root}pkg` });

createServer(handler).listen(port, host, () => {
  console.log(`ordercraft order builder: http://${host}:${port}/`);
  console.log('Ctrl-C stops it.');
});
