// Runs the README's Node example, as written, against a local server that recomputes the
// signature itself: the README cannot drift from the package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { topSignIndependent, formToObject } from './support/top.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = readme.match(/## Node: prepare and send[^\n]*\n+```js\n([\s\S]*?)```/)?.[1];

test('the README Node example prepares, sends and parses a signed TOP request', async () => {
  assert.ok(example, 'README has the Node example block');
  const received = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const form = formToObject(body);
      received.push(form);
      const ok = form.sign === topSignIndependent(form, 'readme-secret', form.sign_method);
      res.end(JSON.stringify(ok ? { alibaba_intention_order_save_response: { value: { intention_id: '42' } } } : { error_response: { code: 25, msg: 'Invalid signature' } }));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const file = new URL('./.tmp/readme-example.mjs', import.meta.url);
  writeFileSync(file, example);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [file.pathname], {
      env: { ...process.env, TOP_APP_KEY: 'readme-key', TOP_APP_SECRET: 'readme-secret', TOP_SESSION: 'sess',
        TOP_GATEWAY: `http://127.0.0.1:${server.address().port}/router/rest` },
    });
    assert.equal(stdout.trim(), 'intention id 42');
    assert.equal(received.length, 1);
    assert.deepEqual(JSON.parse(received[0].intention_order), { status: 'DRAFT', buyer_name: 'Jack Wu', currency: 'USD' });
    assert.equal(received[0].session, 'sess');
  } finally {
    server.close();
    rmSync(file, { force: true });
  }
});
