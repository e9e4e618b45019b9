// The installed package bundled as users bundle it, each app validating and signing. Vite and
// webpack 5 emit the .wasm as an asset from the default entry; esbuild cannot, so
// `ordercraft/inline` (the module inside the JavaScript) is the entry for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import webpack from 'webpack';
import { launchChromium } from './support/chromium.js';
import { staticHandler } from '../www/static.js';
import { topSignIndependent, formToObject } from './support/top.js';

const work = new URL('./.tmp/bundle/', import.meta.url);
mkdirSync(work, { recursive: true });
const app = `
import { init, validate, prepare, example } from 'ordercraft/inline';
export async function run() {
  await init();
  const order = example('top:alibaba.wdk.trade.order.create');
  const checked = validate('top:alibaba.wdk.trade.order.create', { ...order, pay_fee: 1 });
  const req = prepare('top:alibaba.wdk.trade.order.create', order, { appKey: 'k', appSecret: 'bundled-secret', timestamp: '2024-05-01 10:00:00' });
  return { ok: checked.ok, code: checked.issues[0]?.code, body: req.body };
}
`;
writeFileSync(new URL('app.js', work), app);
// The same app through the default entry, for bundlers that emit the .wasm.
writeFileSync(new URL('app-default.js', work), app.replace("'ordercraft/inline'", "'ordercraft'"));
writeFileSync(new URL('main.js', work), 'import { run } from "./app-default.js"; window.result = await run();\n');

function checkResult(result) {
  assert.deepEqual([result.ok, result.code], [false, 'mismatch']);
  const form = formToObject(result.body);
  assert.equal(form.sign, topSignIndependent(form, 'bundled-secret', 'md5'));
}

/** Serves `dir` and runs its index.html in Chromium: the app's result, and any request that failed. */
async function runInChromium(dir) {
  const server = createServer(staticHandler({ '/': fileURLToPath(dir).replace(/\/$/, '') }));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { context, close } = await launchChromium();
  try {
    const page = await context.newPage();
    const missing = [];
    page.on('response', (r) => { if (r.status() >= 400) missing.push(r.url()); });
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => window.result, null, { timeout: 10_000 });
    return { result: await page.evaluate(() => window.result), missing };
  } finally {
    await close();
    server.close();
  }
}

test('esbuild, browser platform: the inline entry runs in Chromium with no .wasm beside the bundle', async () => {
  await build({ entryPoints: [fileURLToPath(new URL('app.js', work))], bundle: true, format: 'esm', platform: 'browser', outfile: fileURLToPath(new URL('browser/app.js', work)), logLevel: 'error' });
  writeFileSync(new URL('browser/index.html', work), '<!doctype html><script type="module">import { run } from "./app.js"; window.result = await run();</script>');
  const { result, missing } = await runInChromium(new URL('browser/', work));
  checkResult(result);
  assert.deepEqual(missing, []);
});

test('Vite: the default entry, its .wasm emitted as an asset, runs in Chromium', async () => {
  writeFileSync(new URL('index.html', work), '<!doctype html><script type="module" src="./main.js"></script>');
  await viteBuild({ root: fileURLToPath(work), logLevel: 'error', build: { outDir: fileURLToPath(new URL('vite/', work)), emptyOutDir: true, target: 'es2022' } });
  const { result, missing } = await runInChromium(new URL('vite/', work));
  checkResult(result);
  assert.deepEqual(missing, []);
});

test('webpack 5: the default entry, its .wasm emitted as an asset, runs in Chromium', async () => {
  const out = new URL('webpack/', work);
  const stats = await new Promise((resolve, reject) => webpack({
    mode: 'production', entry: fileURLToPath(new URL('main.js', work)), experiments: { topLevelAwait: true, outputModule: true },
    output: { path: fileURLToPath(out), filename: 'main.js', module: true, publicPath: '' }, target: 'web',
  }, (error, s) => (error ? reject(error) : resolve(s))));
  assert.equal(stats.hasErrors(), false, stats.toString('errors-only'));
  writeFileSync(new URL('index.html', out), '<!doctype html><script type="module" src="./main.js"></script>');
  const { result, missing } = await runInChromium(out);
  checkResult(result);
  assert.deepEqual(missing, []);
});

test('esbuild, node platform: the inline entry runs from the single bundled file', async () => {
  const out = fileURLToPath(new URL('node/app.mjs', work));
  await build({ entryPoints: [fileURLToPath(new URL('app.js', work))], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error' });
  const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', `import { run } from ${JSON.stringify(out)}; console.log(JSON.stringify(await run()));`], { encoding: 'utf8' }));
  checkResult(result);
});
