// The installed package bundled as users bundle it. esbuild cannot emit the .wasm as an asset, so
// `ordercraft/inline` (the module inside the JavaScript) is the entry for it: a browser bundle run
// in Chromium and a node-platform bundle run in Node, both validating and signing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
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

function checkResult(result) {
  assert.deepEqual([result.ok, result.code], [false, 'mismatch']);
  const form = formToObject(result.body);
  assert.equal(form.sign, topSignIndependent(form, 'bundled-secret', 'md5'));
}

test('esbuild, browser platform: the inline entry runs in Chromium with no .wasm beside the bundle', async () => {
  await build({ entryPoints: [fileURLToPath(new URL('app.js', work))], bundle: true, format: 'esm', platform: 'browser', outfile: fileURLToPath(new URL('browser/app.js', work)), logLevel: 'error' });
  writeFileSync(new URL('browser/index.html', work), '<!doctype html><script type="module">import { run } from "./app.js"; window.result = await run();</script>');
  const server = createServer(staticHandler({ '/': fileURLToPath(new URL('browser', work)) }));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { context, close } = await launchChromium();
  try {
    const page = await context.newPage();
    const missing = [];
    page.on('response', (r) => { if (r.status() >= 400) missing.push(r.url()); });
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => window.result, null, { timeout: 10_000 });
    checkResult(await page.evaluate(() => window.result));
    assert.deepEqual(missing, []);
  } finally {
    await close();
    server.close();
  }
});

test('esbuild, node platform: the inline entry runs from the single bundled file', async () => {
  const out = fileURLToPath(new URL('node/app.mjs', work));
  await build({ entryPoints: [fileURLToPath(new URL('app.js', work))], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error' });
  const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', `import { run } from ${JSON.stringify(out)}; console.log(JSON.stringify(await run()));`], { encoding: 'utf8' }));
  checkResult(result);
});
