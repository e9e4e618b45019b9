// A minimal static file handler for node:http: the order builder's server and the browser tests
// use it. Paths are resolved inside the given roots only.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** `mounts`: URL prefix → directory, e.g. `{ '/': 'www', '/pkg/': 'pkg' }`; longest prefix wins. */
export function staticHandler(mounts) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  return async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = entries.find(([prefix]) => path.startsWith(prefix));
    if (!mount || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound(res);
    const [prefix, dir] = mount;
    const rest = path.slice(prefix.length) || 'index.html';
    const file = normalize(join(dir, rest.endsWith('/') ? rest + 'index.html' : rest));
    if (!file.startsWith(normalize(dir) + sep) && file !== normalize(dir)) return notFound(res);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound(res);
    }
  };
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found');
}
