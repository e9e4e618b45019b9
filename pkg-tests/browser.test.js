// The installed package imported by a real browser (Debian's Chromium through playwright-core)
// with <script type="module">, exactly as the README shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/chromium.js';
import { staticHandler } from '../www/static.js';
import { topSignIndependent, formToObject } from './support/top.js';

const installed = fileURLToPath(new URL('./node_modules/ordercraft', import.meta.url));


test('the package works from <script type="module"> in Chromium', async () => {
  const server = createServer(staticHandler({ '/ordercraft/': installed }));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { context, close } = await launchChromium();
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/ordercraft/package.json`);
    const result = await page.evaluate(async () => {
      const oc = await import('/ordercraft/js/browser.js');
      let early;
      try { oc.validate('eccang:createOrder', {}); } catch (e) {
        early = { isOrdercraftError: e instanceof oc.OrdercraftError, guard: oc.isOrdercraftError(e), name: e.name, message: e.message };
      }
      await oc.init();
      const req = oc.prepareTop('alibaba.intention.order.save', { intention_order: { buyer_name: '李雷' } },
        { appKey: 'k', appSecret: 'browser-secret', timestamp: '2024-05-01 10:00:00', signMethod: 'hmac' });
      let error;
      try { oc.prepareTop('a.b', { sign: '1' }, { appKey: 'k', appSecret: 's' }); } catch (e) {
        error = { isClass: e instanceof oc.OrderValidationError, name: e.name, path: e.issues[0].path };
      }
      let stack;
      try { (function callerFrame() { oc.prepare('eccang:createOrder', {}, { appToken: 't', appKey: 'k', endpoint: 'http://x' }); })(); } catch (e) {
        stack = e.stack.split('\n').slice(1, 2).join();
      }
      return { body: req.body, error, early, stack };
    });
    const form = formToObject(result.body);
    assert.equal(form.sign, topSignIndependent(form, 'browser-secret', 'hmac'));
    assert.equal(form.timestamp, '2024-05-01 10:00:00');
    assert.deepEqual(result.error, { isClass: true, name: 'OrderValidationError', path: '/sign' });
    // Before init(): an OrdercraftError that says what to do, not a TypeError from inside the glue.
    assert.deepEqual(result.early, { isOrdercraftError: true, guard: true, name: 'OrdercraftError', message: 'validate() was called before the module was loaded: await init() first' });
    // The stack of a thrown error starts at the caller's call.
    assert.match(result.stack, /callerFrame/);
  } finally {
    await close();
    server.close();
  }
});
