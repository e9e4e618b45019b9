// The `ordercraft` command of the installed package: CSV as spreadsheets write it, validation with
// places in the file, and a batch killed with SIGKILL half-way that resumes without loss or doubles.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import * as oc from 'ordercraft';
import { startSandbox, SANDBOX_CREDENTIALS } from '../sandbox/index.js';
import { tempDirs } from './support/temp.js';

const CLI = fileURLToPath(new URL('./node_modules/ordercraft/bin/ordercraft.js', import.meta.url));
const HEMA = 'top:alibaba.wdk.trade.order.create';
const ECCANG = 'eccang:createOrder';
const dir = tempDirs('ordercraft-cli-');
/**
 * Runs the command without blocking this process: the sandbox it talks to lives here. With
 * `readerGone`, its output pipe is closed at once, as `| head -1` closes it once it has a line.
 */
function cli(args, env = {}, { readerGone = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env } });
    if (readerGone) child.stdout.destroy();
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let sandbox;
before(async () => { sandbox = await startSandbox(); });
after(() => sandbox.close());
beforeEach(() => sandbox.reset());

const ENV = {
  ORDERCRAFT_TOP_APP_KEY: SANDBOX_CREDENTIALS.top.appKey,
  ORDERCRAFT_TOP_APP_SECRET: SANDBOX_CREDENTIALS.top.appSecret,
  ORDERCRAFT_ECCANG_APP_TOKEN: SANDBOX_CREDENTIALS.eccang.appToken,
  ORDERCRAFT_ECCANG_APP_KEY: SANDBOX_CREDENTIALS.eccang.appKey,
  ORDERCRAFT_PANDAPON_ACCESS_KEY: SANDBOX_CREDENTIALS.pandapon.accessKey,
  ORDERCRAFT_PANDAPON_ACCESS_SECRET: SANDBOX_CREDENTIALS.pandapon.accessSecret,
  ORDERCRAFT_PANDAPON_USER_ID: SANDBOX_CREDENTIALS.pandapon.userId,
};

test('endpoints and example; example --csv is a template validate accepts', async () => {
  const list = (await cli(['endpoints']));
  assert.equal(list.status, 0);
  for (const e of oc.endpoints()) assert.match(list.stdout, new RegExp(e.id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  for (const { id } of oc.endpoints()) {
    assert.deepEqual(JSON.parse((await cli(['example', id])).stdout), oc.example(id));
    const file = join(dir(), 'orders.csv');
    writeFileSync(file, (await cli(['example', id, '--csv'])).stdout);
    const checked = (await cli(['validate', id, file, '--json']));
    const report = JSON.parse(checked.stdout);
    assert.equal(report.orders, 1, id);
    assert.equal(report.invalid, 0, `${id}: ${checked.stdout}`);
  }
});

test('CSV as spreadsheets export it: BOM, CRLF, quotes, commas and newlines in cells, two lists, typed cells', async () => {
  const rows = [
    'reference_no,shipping_method,country_code,order_weight,order_pieces,Consignee.consignee_name,Consignee.consignee_street,ItemArr[].invoice_enname,ItemArr[].invoice_quantity,ItemArr[].box_number,Volume[].box_number,Volume[].weight',
    'R-1,PK0001,PL,0.175,1,"Kowalski, Jan","ul. ""Długa"" 5',
    'mieszkanie 2",Nail Gel,1,U001,U001,1.25',
    'R-1,,,,,,,Lamp,5,U002,U002,2',
    'R-2,PK0001,DE,2,1,Anna,Street 1,Cup,2,,,',
  ];
  const text = `\uFEFF${rows.join('\r\n')}\r\n`;
  const file = join(dir(), 'orders.csv');
  writeFileSync(file, text);
  const checked = (await cli(['validate', ECCANG, file, '--json']));
  const report = JSON.parse(checked.stdout);
  assert.deepEqual([checked.status, report.orders, report.invalid], [0, 2, 0], checked.stdout);

  // The same rows through the package's reader, to see the orders themselves.
  const env = { ...ENV, ORDERCRAFT_ECCANG_ENDPOINT: sandbox.urls.eccang };
  const sent = (await cli(['send', ECCANG, file, '--journal', join(dir(), 'j.jsonl'), '--json'], env));
  assert.equal(sent.status, 0, sent.stderr);
  const orders = sandbox.processed.map((p) => JSON.parse(p.body.match(/<paramsJson>([\s\S]*?)<\/paramsJson>/)[1].replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')));
  assert.equal(orders.length, 2);
  // Sent concurrently: they may reach the sandbox in either order.
  const [first, second] = ['R-1', 'R-2'].map((reference) => orders.find((o) => o.reference_no === reference));
  assert.equal(first.Consignee.consignee_name, 'Kowalski, Jan');
  assert.equal(first.Consignee.consignee_street, 'ul. "Długa" 5\r\nmieszkanie 2');
  assert.deepEqual(first.ItemArr.map((i) => [i.invoice_enname, i.box_number]), [['Nail Gel', 'U001'], ['Lamp', 'U002']]);
  assert.deepEqual(first.Volume.map((v) => v.box_number), ['U001', 'U002']);
  // order_weight takes numeric text: the cell's text is sent as written.
  assert.equal(first.order_weight, '0.175');
  assert.equal(second.reference_no, 'R-2');
  assert.equal(second.ItemArr.length, 1);
  assert.equal(second.Volume, undefined, 'empty cells are absent');
});

const CSV_HEADER = 'reference_no,shipping_method,country_code,order_weight,order_pieces,ItemArr[].invoice_enname,ItemArr[].invoice_quantity,Consignee.consignee_name,Consignee.consignee_street';
/** ECCANG orders in CSV `rows` under CSV_HEADER, refused by `send` (nothing sent): its `validate --json` report. */
async function refusedCsv(name, rows) {
  const file = join(dir(), name);
  writeFileSync(file, `${[CSV_HEADER, ...rows].join('\n')}\n`);
  const env = { ...ENV, ORDERCRAFT_ECCANG_ENDPOINT: sandbox.urls.eccang };
  const checked = await cli(['validate', ECCANG, file, '--json'], env);
  assert.equal(checked.status, 1, checked.stdout);
  const sent = await cli(['send', ECCANG, file, '--journal', join(dir(), 'j.jsonl')], env);
  assert.equal(sent.status, 1);
  assert.match(sent.stderr, /nothing sent: fix these cells first/);
  assert.equal(sandbox.hits.eccang, 0);
  return JSON.parse(checked.stdout);
}

test('a row with more cells than the header (a comma in a cell not quoted) is refused, naming the row: no cell is dropped or shifted', async () => {
  const report = await refusedCsv('shifted.csv', [
    // Read by the header alone, the street would be "ul. Długa 5" and " mieszkanie 2" dropped: a valid order, sent wrong.
    'R-1,PK0001,PL,0.175,1,Nail Gel,1,Jan Kowalski,ul. Długa 5, mieszkanie 2',
    'R-2,PK0001,DE,2,1,Cup,2,Anna,Street 1,', // an empty cell past the header: nothing lost
  ]);
  const [first, second] = report.reports;
  assert.deepEqual(first.issues.map((i) => [i.where, i.code]), [['row 2, column 10', 'csv']], JSON.stringify(report));
  assert.match(first.issues[0].message, /row 2 has 10 cells, the header names 9: a comma inside a cell that is not quoted\?/);
  assert.equal(second.ok, true, JSON.stringify(second.issues));
});

test("a row that leaves the first column blank (a spreadsheet's merged or not-filled-down cells) is refused with its order: no order goes out without its lines", async () => {
  const report = await refusedCsv('merged.csv', [
    'R-1,PK0001,PL,0.175,1,Nail Gel,1,Jan Kowalski,ul. Długa 5',
    ',,,,,Lamp,5,,', // R-1's second line, its reference left blank as a merged cell exports
    'R-2,PK0001,DE,2,1,Cup,2,Anna,Street 1',
  ]);
  assert.equal(report.orders, 2);
  const [first, second] = report.reports;
  assert.equal(first.place, 'rows 2–3');
  assert.deepEqual(first.issues.map((i) => [i.where, i.code]), [['row 3, column reference_no', 'csv']], JSON.stringify(report));
  assert.match(first.issues[0].message, /row 3 leaves reference_no blank/);
  assert.equal(second.ok, true, JSON.stringify(second.issues));
});

test("an order's rows apart in the file (another order's between) are refused, both parts: neither goes out without the other's lines", async () => {
  const report = await refusedCsv('apart.csv', [
    'R-1,PK0001,PL,0.175,1,Nail Gel,1,Jan Kowalski,ul. Długa 5',
    'R-2,PK0001,DE,2,1,Cup,2,Anna,Street 1',
    'R-1,,,,,Lamp,5,,', // R-1's second line, after R-2: a file not sorted by reference
    'R-3,PK0001,DE,2,1,Cup,2,Anna,Street 1',
  ]);
  assert.deepEqual(report.reports.map((r) => [r.place, r.issues.filter((i) => i.code === 'csv').map((i) => i.where)]),
    [['row 2', ['row 2, column reference_no']], ['row 3', []], ['row 4', ['row 4, column reference_no']], ['row 5', []]], JSON.stringify(report));
  assert.match(report.reports[0].issues[0].message, /row 2 and row 4 both give reference_no "R-1", with other orders' rows between/);
});

test('a first column headed # numbers the orders: two orders without a key field that share their first cell stay two; the number is not sent', async () => {
  const PANDAPON = 'pandapon:/alibaba/order/create/previewbatch';
  const template = (await cli(['example', PANDAPON, '--csv'])).stdout;
  const [header, ...rows] = parse(template);
  assert.equal(header[0], '#', 'an endpoint without a key field gets the # column in its template');
  assert.deepEqual(rows.map((r) => r[0]), ['1', '1']);
  // The example's two lines as two orders of one line each, to the same address: the first field
  // and every order-level cell agree, so only # says they are two.
  const lineColumn = header.indexOf('cargoParamList[].specId');
  const twice = [rows[0], ['2', ...rows[0].slice(1, lineColumn), ...rows[1].slice(lineColumn)]];
  const numbered = join(dir(), 'numbered.csv');
  writeFileSync(numbered, stringify([header, ...twice]));
  const two = JSON.parse((await cli(['validate', PANDAPON, numbered, '--json'])).stdout);
  assert.deepEqual([two.orders, two.invalid, two.reports.map((r) => r.place)], [2, 0, ['row 2', 'row 3']], JSON.stringify(two));
  // Without #, the same rows read as one order of two lines: what the column is for.
  const unnumbered = join(dir(), 'unnumbered.csv');
  writeFileSync(unnumbered, stringify([header.slice(1), ...twice.map((r) => r.slice(1))]));
  const one = JSON.parse((await cli(['validate', PANDAPON, unnumbered, '--json'])).stdout);
  assert.deepEqual([one.orders, one.reports.map((r) => r.place)], [1, ['rows 2–3']]);
  // Sent: each preview carries its own one line, and no `#` field.
  const journal = join(dir(), 'pp.jsonl');
  const sent = await cli(['send', PANDAPON, numbered, '--journal', journal, '--gateway', sandbox.urls.pandapon, '--json'], ENV);
  assert.equal(sent.status, 0, sent.stderr);
  const bodies = sandbox.processed.filter((p) => p.provider === 'pandapon').map((p) => JSON.parse(p.body));
  assert.equal(bodies.length, 2);
  for (const body of bodies) {
    assert.equal(body.cargoParamList.length, 1);
    assert.ok(!JSON.stringify(body).includes('"#"'), JSON.stringify(body));
  }
});

test('typed cells: fen and quantities are numbers, booleans are booleans; issues name their row and column', async () => {
  const [header, first] = parse((await cli(['example', HEMA, '--csv'])).stdout);
  // Not a number as written in decimal (JavaScript's Number() would read 0x2 as 2, 0b10 as 2): the cell stays text, and is refused.
  for (const quantityCell of ['two', '0x2', '0b10', 'Infinity']) {
    const second = [...first];
    second[header.indexOf('sub_orders[].out_order_id')] = '11-2';
    second[header.indexOf('sub_orders[].sale_quantity')] = quantityCell;
    second[header.indexOf('sub_orders[].handling')] = 'TRUE'; // as Excel writes a boolean
    const file = join(dir(), 'hema.csv');
    writeFileSync(file, stringify([header, first, second]));
    const checked = (await cli(['validate', HEMA, file, '--json']));
    assert.equal(checked.status, 1, quantityCell);
    const [report] = JSON.parse(checked.stdout).reports;
    assert.equal(report.place, 'rows 2–3');
    const quantity = report.issues.find((i) => i.path === '/sub_orders/1/sale_quantity');
    assert.equal(quantity?.code, 'type', `${quantityCell}: ${checked.stdout}`);
    assert.equal(quantity.where, 'row 3, column sub_orders[].sale_quantity');
    assert.deepEqual(report.issues.filter((i) => i.path.startsWith('/sub_orders/1/')).map((i) => i.path), ['/sub_orders/1/sale_quantity'], 'TRUE is true');
    const text = (await cli(['validate', HEMA, file]));
    assert.match(text.stdout, /error type at row 3, column sub_orders\[\]\.sale_quantity/);
  }
});

test('a number cell a JavaScript number would round is refused naming its row and column, never sent rounded', async () => {
  const [header, first] = parse((await cli(['example', HEMA, '--csv'])).stdout);
  for (const [cell, sentAs] of [['100.0000000000000001', '100'], ['12345678901234567890', '12345678901234567000'], ['1e400', 'Infinity']]) {
    const row = [...first];
    row[header.indexOf('pay_fee')] = cell;
    const file = join(dir(), 'rounded.csv');
    writeFileSync(file, stringify([header, row]));
    const checked = await cli(['validate', HEMA, file, '--json']);
    assert.equal(checked.status, 1, cell);
    const [report] = JSON.parse(checked.stdout).reports;
    const problem = report.issues.find((i) => i.code === 'csv');
    assert.equal(problem?.where, 'row 2, column pay_fee', checked.stdout);
    assert.equal(problem.message, `pay_fee is written ${cell}, which a JavaScript number cannot hold (it reads it as ${sentAs}): write it with fewer digits`);
    const sent = await cli(['send', HEMA, file, '--journal', join(dir(), 'r.jsonl')], { ...ENV });
    assert.equal(sent.status, 1);
    assert.equal(sandbox.hits.top, 0, cell);
  }
  // As many digits as a double holds, and other spellings of the same value, are numbers.
  const row = [...first];
  row[header.indexOf('pay_fee')] = '1.00e2';
  const file = join(dir(), 'fine.csv');
  writeFileSync(file, stringify([header, row]));
  assert.equal((await cli(['validate', HEMA, file])).status, 0);
});

test('send: an order not sent is listed with its reason (an order changed since it was created)', async () => {
  const { args, journal } = hemaBatch(2, 'C', { delayMs: 0, concurrency: 1 });
  assert.equal((await cli(args, ENV)).status, 0);
  const file = args[2];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[1] = JSON.stringify({ ...JSON.parse(lines[1]), user_mem: 'changed' });
  writeFileSync(file, lines.join('\n'));
  const rerun = await cli(args, ENV);
  assert.equal(rerun.status, 1, rerun.stderr);
  assert.match(rerun.stderr, /line 2: C-1 invalid \(duplicate: an order with the key "C-1" was created .* with other content; this one is not sent/);
  assert.equal(sandbox.hits.top, 2);
  assert.ok(existsSync(journal));
});

test('status and settle: an order send left unknown is listed with what to do, then recorded as found (skipped from then on) or absent (sent by the next send)', async () => {
  const { args, journal } = hemaBatch(2, 'S', { delayMs: 0, concurrency: 1 });
  sandbox.reset();
  sandbox.script('top', [{ fault: 'drop' }, { fault: 'drop' }]);
  const sent = await cli(args, ENV);
  assert.equal(sent.status, 1);
  assert.match(sent.stderr, /line 1: S-0 unknown \(network/);
  const settle = (key, ...flags) => cli(['settle', HEMA, key, '--journal', journal, ...flags]); // no credentials needed
  assert.equal((await settle('S-0')).status, 2);
  assert.equal((await settle('S-0', '--exists', '--absent')).status, 2);
  const notUnknown = await settle('S-7', '--exists');
  assert.deepEqual([notUnknown.status, /"S-7" is not there/.test(notUnknown.stderr)], [1, true]);
  // status names what to look up, from the journal alone (no credentials needed).
  const status = (...flags) => cli(['status', HEMA, '--journal', journal, ...flags]);
  const before = await status();
  assert.equal(before.status, 1, 'not every order is ok');
  assert.match(before.stdout, /^total {4}2\nok {7}0\nfailed {3}0\ninvalid {2}0\nunknown {2}2\nabsent {3}0\n/);
  assert.match(before.stdout, /\nS-0 unknown \(network: [^\n]+\)\nS-1 unknown \(network: /);
  assert.ok(before.stdout.includes(`look each up at the provider, then: ordercraft settle ${HEMA} <key> --journal ${journal} (--exists | --absent)`), before.stdout);
  assert.equal((await cli(['status', HEMA])).status, 2, 'no journal given');
  assert.equal((await cli(['status', HEMA, '--journal', `${journal}.typo`])).status, 2, 'no journal there');
  const found = await settle('S-0', '--exists');
  assert.deepEqual([found.status, found.stdout], [0, 'S-0: ok (it exists); a rerun skips it\n']);
  const gone = await settle('S-1', '--absent');
  assert.deepEqual([gone.status, gone.stdout], [0, 'S-1: absent; the next send sends it\n']);
  const settled = JSON.parse((await status('--json')).stdout);
  assert.deepEqual([settled.ok, settled.absent, settled.orders.map((o) => [o.key, o.state, o.settled])], [1, 1, [['S-0', 'ok', true], ['S-1', 'absent', true]]]);
  const rerun = await cli(args, ENV);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.deepEqual(JSON.parse(rerun.stdout).results.map((r) => [r.key, r.state]), [['S-0', 'skipped'], ['S-1', 'ok']]);
  assert.deepEqual([...hemaOrdersProcessed()], [['S-1', 1]]);
  const after = await status();
  assert.deepEqual([after.status, after.stdout], [0, 'total    2\nok       2\nfailed   0\ninvalid  0\nunknown  0\nabsent   0\n']);
});

test('send while the gateway is down: failed, status says the next send sends them, and it does, once each', async () => {
  const { args, journal } = hemaBatch(2, 'D', { delayMs: 0, concurrency: 1 });
  const down = args.map((a) => (a === sandbox.urls.top ? 'http://127.0.0.1:6000/router/rest' : a)); // a port fetch never connects to
  sandbox.reset();
  assert.equal((await cli(down, ENV)).status, 1);
  const status = await cli(['status', HEMA, '--journal', journal]);
  assert.match(status.stdout, /\nD-0 failed \(network: [^\n]*did not reach the server; no provider processed it: the next send sends it\)\n/);
  const up = await cli(args, ENV);
  assert.equal(up.status, 0, up.stderr);
  assert.deepEqual([...hemaOrdersProcessed()].sort(), [['D-0', 1], ['D-1', 1]]);
});

test('usage errors exit 2; a missing credential is named; nothing is taken from arguments', async () => {
  assert.equal((await cli([])).status, 2);
  assert.equal((await cli(['frobnicate'])).status, 2);
  assert.equal((await cli(['example', 'top:nope'])).status, 2);
  // A misspelt endpoint, or one given without its provider, is named; none at all is said so.
  for (const [given, meant] of [['createOrder', ECCANG], ['top:alibaba.wdk.trade.order.craete', HEMA]]) {
    const run = await cli(['validate', given, 'x.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, new RegExp(`^ordercraft: unknown endpoint "${given}"; did you mean "${meant}"\\? \`ordercraft endpoints\` lists them\n\nusage:`));
  }
  assert.match((await cli(['validate'])).stderr, /^ordercraft: an endpoint is needed;/);
  // A file that cannot be used is one line: the usage would bury it.
  const missing = await cli(['validate', HEMA, join(dir(), 'missing.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^ordercraft: cannot read .*missing\.json: ENOENT[^\n]*\n$/);
  for (const args of [['help'], ['help', 'validate'], ['validate', '--help']]) {
    const help = await cli(args);
    assert.equal(help.status, 0, args.join(' '));
    assert.match(help.stdout, /^usage:\n {2}ordercraft endpoints\n/);
  }
  const version = await cli(['--version']);
  assert.deepEqual(version, { status: 0, stdout: `${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`, stderr: '' });
  const file = join(dir(), 'one.json');
  writeFileSync(file, JSON.stringify(oc.example(HEMA)));
  const noJournal = (await cli(['send', HEMA, file]));
  assert.equal(noJournal.status, 2);
  assert.match(noJournal.stderr, /--journal/);
  const noSecret = (await cli(['send', HEMA, file, '--journal', join(dir(), 'j.jsonl')], { ORDERCRAFT_TOP_APP_KEY: 'k' }));
  assert.equal(noSecret.status, 2);
  assert.match(noSecret.stderr, /ORDERCRAFT_TOP_APP_SECRET is not set/);
  assert.equal(sandbox.hits.top, 0);
});

test('a reader that goes away (`ordercraft endpoints | head -1`) ends no command in a stack trace; a send still runs to its end, journaled', async () => {
  for (const args of [['endpoints'], ['example', HEMA, '--csv']]) {
    assert.deepEqual(await cli(args, {}, { readerGone: true }), { status: 0, stdout: '', stderr: '' }, args.join(' '));
  }
  const { args, journal } = hemaBatch(3, 'P', { delayMs: 0, concurrency: 1 });
  const sent = await cli(args, ENV, { readerGone: true });
  assert.equal(sent.status, 0, sent.stderr);
  assert.match(sent.stderr, /^ok +3$/m);
  assert.doesNotMatch(sent.stderr, /EPIPE|at /);
  assert.deepEqual([...lastStates(journal).values()], ['ok', 'ok', 'ok']);
  assert.deepEqual([...hemaOrdersProcessed().values()], [1, 1, 1]);
});

test('a file that gives a name twice in one object is refused, naming the line and the name; nothing is sent', async () => {
  // JSON.parse would keep the second reference_no without a word: which one did the file mean?
  const good = JSON.stringify({ ...oc.example(ECCANG), reference_no: 'R-1' });
  const twice = `${good.slice(0, -1)},"reference_no":"R-2"}`;
  const jsonl = join(dir(), 'orders.jsonl');
  // A byte-order mark, as Windows editors save the file: read past, as in .json and .csv files.
  writeFileSync(jsonl, `\uFEFF${good}\r\n${twice}\r\n`);
  const env = { ...ENV, ORDERCRAFT_ECCANG_ENDPOINT: sandbox.urls.eccang };
  for (const command of [['validate', ECCANG, jsonl], ['send', ECCANG, jsonl, '--journal', join(dir(), 'j.jsonl')]]) {
    const run = await cli(command, env);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /line 2 at \/reference_no: `reference_no` appears more than once/);
  }
  const json = join(dir(), 'orders.json');
  writeFileSync(json, `[${good},{"Consignee":{"consignee_name":"a","consignee_name":"b"}}]`);
  const array = await cli(['validate', ECCANG, json], env);
  assert.equal(array.status, 2);
  assert.match(array.stderr, /the file at \/1\/Consignee\/consignee_name: `consignee_name` appears more than once/);
  // What JSON.parse accepts but ordercraft does not read is said so too (1e400 would turn into Infinity).
  writeFileSync(jsonl, `${good.slice(0, -1)},"x":1e400}\n`);
  assert.match((await cli(['validate', ECCANG, jsonl], env)).stderr, /line 1 is JSON ordercraft does not read/);
  // A number with more digits than a JavaScript number holds: JSON.parse would round it, and the order sent would not be the one written.
  writeFileSync(jsonl, `${good}\n${good.replace('"reference_no":"R-1"', '"reference_no":"R-2"').replace(/"order_weight":[^,}]+/, '"order_weight":0.17500000000000000000001')}\n`);
  for (const command of [['validate', ECCANG, jsonl], ['send', ECCANG, jsonl, '--journal', join(dir(), 'j.jsonl')]]) {
    const run = await cli(command, env);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /line 2 at \/order_weight: `order_weight` is written 0\.17500000000000000000001, which a JavaScript number cannot hold: JSON\.parse makes it 0\.175/);
  }
  assert.equal(sandbox.hits.eccang, 0);
});

/** `ordercraft send` of `n` Hema orders (`<prefix>-<i>`) with a journal, the sandbox answering each after `delayMs`. */
function hemaBatch(n, prefix, { delayMs, concurrency }) {
  const work = dir();
  const file = join(work, 'orders.jsonl');
  writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify({ ...oc.example(HEMA), out_order_id: `${prefix}-${i}` })).join('\n'));
  const journal = join(work, 'journal.jsonl');
  sandbox.script('top', Array.from({ length: n }, () => ({ delayMs })));
  return { journal, args: ['send', HEMA, file, '--journal', journal, '--concurrency', String(concurrency), '--gateway', sandbox.urls.top, '--json'] };
}

/** How many times the sandbox processed each Hema order, by its out_order_id. */
function hemaOrdersProcessed() {
  const perKey = new Map();
  for (const p of sandbox.processed) {
    const k = JSON.parse(new URLSearchParams(p.body).get('trade')).out_order_id;
    perKey.set(k, (perKey.get(k) ?? 0) + 1);
  }
  return perKey;
}

/** Starts `ordercraft send`, kills it with SIGKILL once the journal shows `sending` for `after` orders. */
async function killMidway(args, env, journal, after) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const sending = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter((l) => l.includes('"sending"')).length : 0);
  const deadline = Date.now() + 20_000;
  while (sending() < after && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL', 'killed mid-batch, not finished');
  return readFileSync(journal, 'utf8');
}

const lastStates = (journal) => {
  const last = new Map();
  for (const line of readFileSync(journal, 'utf8').split('\n')) {
    try { const e = JSON.parse(line); last.set(e.key, e.state); } catch { /* a torn line */ }
  }
  return last;
};

test('SIGKILL mid-batch on a non-idempotent endpoint: the rerun sends no order twice; ok or unknown, unknown at most the concurrency', async () => {
  const n = 40;
  const { args, journal } = hemaBatch(n, 'K', { delayMs: 60, concurrency: 4 });
  await killMidway(args, ENV, journal, 12);
  // What the killed run left in flight, named from the journal before anything else runs.
  const left = JSON.parse((await cli(['status', HEMA, '--journal', journal, '--json'])).stdout);
  const inFlight = left.orders.filter((o) => o.interrupted).map((o) => o.key);
  assert.ok(inFlight.length >= 1 && inFlight.length <= 4, JSON.stringify(left));
  assert.deepEqual([left.unknown, left.ok + left.unknown, left.total], [inFlight.length, left.total, left.orders.length]);

  const second = await cli(args, ENV);
  assert.equal(second.status, 1, 'orders left unknown: not all ok');
  const summary = JSON.parse(second.stdout.trim().split('\n').at(-1));
  const perKey = hemaOrdersProcessed();
  for (const [k, times] of perKey) assert.equal(times, 1, `${k} reached the gateway ${times} times`);
  const states = lastStates(journal);
  assert.equal(states.size, n);
  assert.ok([...states.values()].every((s) => s === 'ok' || s === 'unknown'), JSON.stringify([...states]));
  const unknown = [...states.values()].filter((s) => s === 'unknown').length;
  assert.ok(unknown <= 4, `${unknown} unknown`);
  assert.equal(summary.unknown, unknown);

  const hits = sandbox.hits.top;
  const third = await cli(args, ENV);
  assert.equal(JSON.parse(third.stdout.trim().split('\n').at(-1)).skipped, n);
  assert.equal(sandbox.hits.top, hits, 'a third run sends nothing');
});

test('SIGTERM (docker stop, systemd) stops a batch as Ctrl-C does: the orders in flight finish and are journaled, none is left unknown', async () => {
  const n = 30;
  const { args, journal } = hemaBatch(n, 'T', { delayMs: 150, concurrency: 4 });
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...ENV }, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const sending = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter((l) => l.includes('"sending"')).length : 0);
  const deadline = Date.now() + 20_000;
  while (sending() < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGTERM');
  assert.equal(await exited, 1, 'stopped: not every order done');
  const states = lastStates(journal);
  assert.ok(states.size >= 6 && states.size < n, `${states.size} orders started`);
  assert.deepEqual([...new Set(states.values())], ['ok'], 'every order started has its answer journaled');
  const rerun = await cli(args, ENV);
  assert.equal(rerun.status, 0, rerun.stderr);
  for (const [k, times] of hemaOrdersProcessed()) assert.equal(times, 1, `${k} reached the gateway ${times} times`);
  assert.equal(hemaOrdersProcessed().size, n);
});

test('SIGKILL mid-batch on an idempotent endpoint: the rerun ends every order ok', async () => {
  const n = 40;
  const work = dir();
  const file = join(work, 'orders.json');
  writeFileSync(file, JSON.stringify(Array.from({ length: n }, (_, i) => ({ ...oc.example(ECCANG), reference_no: `E-${i}` }))));
  const journal = join(work, 'journal.jsonl');
  sandbox.script('eccang', Array.from({ length: n }, () => ({ delayMs: 60 })));
  const env = { ...ENV, ORDERCRAFT_ECCANG_ENDPOINT: sandbox.urls.eccang };
  const args = ['send', ECCANG, file, '--journal', journal, '--concurrency', '4', '--json'];
  await killMidway(args, env, journal, 12);

  const second = await cli(args, env);
  assert.equal(second.status, 0, second.stderr);
  const states = lastStates(journal);
  assert.equal(states.size, n);
  assert.ok([...states.values()].every((s) => s === 'ok'), JSON.stringify([...states]));
  const parcels = new Set(sandbox.processed.map((p) => p.body.match(/reference_no&quot;:&quot;(E-\d+)/)?.[1]));
  assert.equal(parcels.size, n);
  const hits = sandbox.hits.eccang;
  assert.equal((await cli(args, env)).status, 0);
  assert.equal(sandbox.hits.eccang, hits, 'a third run sends nothing');
});

test('two runs over one journal at once: the second is refused before it sends anything, and no order goes out twice', async () => {
  const n = 30;
  const { args, journal } = hemaBatch(n, 'T', { delayMs: 40, concurrency: 2 });
  const first = cli(args, ENV);
  const deadline = Date.now() + 20_000;
  while (!(existsSync(journal) && readFileSync(journal, 'utf8').includes('"sending"')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const second = await cli(args, ENV);
  assert.equal(second.status, 1, second.stderr);
  assert.match(second.stderr, /journal\.jsonl is in use by process \d+ on .+ since .+; two runs over one journal could send an order twice/);
  const done = await first;
  assert.equal(done.status, 0, done.stderr);
  const perKey = hemaOrdersProcessed();
  assert.equal(perKey.size, n);
  for (const [k, times] of perKey) assert.equal(times, 1, `${k} reached the gateway ${times} times`);
  // The lock went with the run: the next one resumes (and has nothing left to send).
  assert.equal(existsSync(`${journal}.lock`), false);
  assert.equal(JSON.parse((await cli(args, ENV)).stdout.trim().split('\n').at(-1)).skipped, n);
});
