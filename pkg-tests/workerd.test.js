// Cloudflare's workerd (from npm) running a Worker that imports the installed package through its
// `workerd` export condition: `await init()` with no argument, then validate and sign.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { topSignIndependent, formToObject } from './support/top.js';

const work = new URL('./.tmp/workerd/', import.meta.url);
mkdirSync(work, { recursive: true });
const workerd = createRequire(import.meta.url).resolve('workerd/bin/workerd');

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

test('a Worker imports the package, inits with no argument, validates and signs', async () => {
  writeFileSync(new URL('worker-src.js', work), `
import { init, validate, prepare, example } from 'ordercraft';
export default {
  async fetch() {
    await init();
    const id = 'top:alibaba.wdk.trade.order.create';
    const order = example(id);
    const checked = validate(id, { ...order, pay_fee: 1 });
    const req = prepare(id, order, { appKey: 'k', appSecret: 'worker-secret', timestamp: '2024-05-01 10:00:00' });
    return Response.json({ ok: checked.ok, code: checked.issues[0]?.code, body: req.body });
  },
};
`);
  // As wrangler bundles a Worker: the `workerd` condition, and the .wasm left as a module of its own.
  await build({
    entryPoints: [fileURLToPath(new URL('worker-src.js', work))], outfile: fileURLToPath(new URL('worker.js', work)),
    bundle: true, format: 'esm', platform: 'neutral', conditions: ['workerd', 'worker', 'browser'], mainFields: ['module', 'main'], logLevel: 'error',
    plugins: [{ name: 'wasm-module', setup(b) {
      b.onResolve({ filter: /\.wasm$/ }, (args) => {
        copyFileSync(new URL(args.path, `file://${args.resolveDir}/`), new URL('ordercraft_bg.wasm', work));
        return { path: './ordercraft_bg.wasm', external: true };
      });
    } }],
  });
  const port = await freePort();
  writeFileSync(new URL('config.capnp', work), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js"), (name = "ordercraft_bg.wasm", wasm = embed "ordercraft_bg.wasm") ],
  compatibilityDate = "2024-09-01",
);
`);
  const child = spawn(workerd, ['serve', fileURLToPath(new URL('config.capnp', work))], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  try {
    let result;
    for (let i = 0; i < 100 && !result; i += 1) {
      try { result = await (await fetch(`http://127.0.0.1:${port}/`)).json(); } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    assert.ok(result, `workerd did not answer: ${stderr}`);
    assert.deepEqual([result.ok, result.code], [false, 'mismatch']);
    const form = formToObject(result.body);
    assert.equal(form.sign, topSignIndependent(form, 'worker-secret', 'md5'));
  } finally {
    child.kill();
  }
});
