// The order builder's pure parts (www/lib.js), without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { example, prepare } from 'ordercraft';
import { escapeHtml, firstLines, unescapeXml, fromBase64Url, fromInput, getIn, maskSecrets, Place, pointer, prettyJson, prose, setIn, shellQuote, toBase64Url } from '../www/lib.js';

test('pointers escape ~ and /; get and set follow them, a removal splices a list', () => {
  assert.equal(pointer(['a/b', 0, 'c~d']), '/a~1b/0/c~0d');
  const order = { list: [{ x: 1 }, { x: 2 }, { x: 3 }], o: {} };
  assert.equal(getIn(order, ['list', 1, 'x']), 2);
  assert.equal(getIn(order, ['nope', 'x']), undefined);
  setIn(order, ['o', 'y'], 'v');
  setIn(order, ['list', 1], undefined);
  assert.deepEqual(order, { list: [{ x: 1 }, { x: 3 }], o: { y: 'v' } });
  setIn(order, ['o', 'y'], undefined);
  assert.deepEqual(order.o, {});
});

test('a Place in a path is its current index: the path follows it when the lines before it go', () => {
  const order = { list: [{ x: 1 }, { x: 2 }, { x: 3 }] };
  const third = new Place(2);
  const path = ['list', third, 'x'];
  assert.equal(pointer(path), '/list/2/x');
  assert.equal(getIn(order, path), 3);
  setIn(order, ['list', new Place(0)], undefined); // spliced out, not left a hole
  third.index = 1;
  assert.equal(pointer(path), '/list/1/x');
  assert.equal(getIn(order, path), 3);
  setIn(order, path, 30);
  assert.deepEqual(order, { list: [{ x: 2 }, { x: 30 }] });
  setIn(order, ['list', third], undefined);
  assert.deepEqual(order, { list: [{ x: 2 }] });
});

test('typed text: numbers stay numbers, numeric text stays text where the field takes it, empty is absent', () => {
  assert.equal(fromInput({ kind: 'integer' }, '12', undefined), 12);
  assert.equal(fromInput({ kind: 'number', textOk: true }, '0.175', '0.1'), '0.175', 'was text: stays text');
  assert.equal(fromInput({ kind: 'number', textOk: true }, '0.175', 0.1), 0.175);
  assert.equal(fromInput({ kind: 'id' }, '734714573551000000', undefined), '734714573551000000', 'past 2^53: text');
  assert.equal(fromInput({ kind: 'integer' }, '1e3', undefined), '1e3', 'not written as the number it is: kept as typed');
  assert.equal(fromInput({ kind: 'boolean' }, 'false', true), false);
  assert.equal(fromInput({ kind: 'integer', values: ['0', '1'] }, '1', undefined), 1);
  assert.equal(fromInput({ kind: 'text' }, '', 'x'), undefined);
});

test('formatting: JSON indented, HTML escaped, backticked names as code, base64url both ways, shell quoting', () => {
  assert.equal(prettyJson('{"a":[1]}'), '{\n  "a": [\n    1\n  ]\n}');
  assert.equal(prettyJson('a=1&b=2'), 'a=1&b=2');
  assert.equal(escapeHtml('<a href="x">&</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  assert.equal(prose('`pay_fee` must be <1'), '<code>pay_fee</code> must be &lt;1');
  const text = JSON.stringify({ id: 'x', order: { name: '张三 😀', note: '+/=' } });
  const encoded = toBase64Url(text);
  assert.match(encoded, /^[A-Za-z0-9_-]+$/);
  assert.equal(fromBase64Url(encoded), text);
  assert.equal(Buffer.from(encoded, 'base64url').toString('utf8'), text, 'the same as Node\'s base64url');
  const tricky = "it's $(rm -rf) `x` \"q\"";
  assert.equal(execFileSync('sh', ['-c', `printf %s ${shellQuote(tricky)}`], { encoding: 'utf8' }), tricky);
});

test('a long preview block shows its first lines and counts the rest', () => {
  const text = Array.from({ length: 250 }, (_, i) => `line ${i + 1}`).join('\n');
  const { shown, more } = firstLines(text, 200);
  assert.equal(shown.split('\n').length, 200);
  assert.equal(shown.split('\n').at(-1), 'line 200');
  assert.equal(more, 50);
  assert.deepEqual(firstLines('a\nb', 200), { shown: 'a\nb', more: 0 });
  assert.deepEqual(firstLines('a\nb\nc', 2), { shown: 'a\nb', more: 1 });
});

test('XML text unescaped as a parser would', () => {
  assert.equal(unescapeXml('{&quot;a&quot;:&quot;&lt;b&gt; &amp; &apos;c&apos; &#20013; &#x1F600;&quot;}'), '{"a":"<b> & \'c\' 中 😀"}');
  assert.equal(unescapeXml('&amp;quot;'), '&quot;');
});

test('a secret is masked in every form a request gives it: in the string to sign, form-encoded in a TOP body, XML-escaped in an ECCANG envelope', () => {
  const secret = `to&ken<1>+"x"'/ y=%é`;
  const top = prepare('top:alibaba.wdk.trade.order.create', example('top:alibaba.wdk.trade.order.create'), { appKey: 'k', appSecret: 's', session: secret });
  const form = new URLSearchParams(maskSecrets(top.body, [secret]));
  assert.equal(form.get('session'), '********');
  assert.equal(new URLSearchParams(top.body).get('session'), secret); // sent as given
  assert.ok(!maskSecrets(top.signing.stringToSign, [secret]).includes(secret));
  assert.match(maskSecrets(top.signing.stringToSign, [secret]), /session\*{8}sign_method/);
  const eccang = prepare('eccang:createOrder', example('eccang:createOrder'), { appToken: secret, appKey: 'k', endpoint: 'http://127.0.0.1/ws' });
  assert.match(eccang.body, /<appToken>to&amp;ken&lt;1&gt;\+&quot;x&quot;&apos;\/ y=%é<\/appToken>/);
  assert.match(maskSecrets(eccang.body, [secret]), /<appToken>\*{8}<\/appToken>/);
  // A URL and JSON text carry it encoded their own ways.
  assert.equal(maskSecrets(`https://h/?t=${encodeURIComponent(secret)}&n=1`, [secret]), 'https://h/?t=********&n=1');
  assert.equal(maskSecrets(JSON.stringify({ token: secret }), [secret]), '{"token":"********"}');
  assert.equal(maskSecrets('nothing to hide', ['', undefined]), 'nothing to hide');
});
