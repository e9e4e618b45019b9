// The `ordercraft` command: endpoints, example, validate, send, settle and status, over .json, .jsonl and .csv
// files. Credentials come from the environment only (arguments would sit in shell history and
// `ps`): ORDERCRAFT_<PROVIDER>_<OPTION>, e.g. ORDERCRAFT_TOP_APP_SECRET.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createClient, endpoints, example, isUnknownEndpointError, schema, validate } from './node.js';
import { processedByNone } from './batch.js';
import { csvPlace, ordersToCsv } from './csv.js';
import { ordersFromText } from './order-files.js';

const USAGE = `usage:
  ordercraft endpoints
  ordercraft example <endpoint> [--csv]
  ordercraft validate <endpoint> <file> [--json]
  ordercraft send <endpoint> <file> --journal <path> [--concurrency N] [--rate N] [--retries N] [--gateway URL] [--json]
  ordercraft settle <endpoint> <key> --journal <path> (--exists | --absent)
  ordercraft status <endpoint> --journal <path> [--json]
  ordercraft help | --version

<file> is .json (one order or an array), .jsonl (an order a line) or .csv (see ordercraft example <endpoint> --csv).
settle records what you found at the provider for an order send left unknown: --exists (it was
created: ok from now on) or --absent (it was not: the next send sends it). status lists, from
the journal alone, every order that is not ok (after a crash, say), sending nothing.
Credentials: environment variables only, e.g. ORDERCRAFT_TOP_APP_KEY, ORDERCRAFT_TOP_APP_SECRET.`;

const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

class UsageError extends Error {}
/** A file given that cannot be used: said in one line, without the usage. */
class InputError extends UsageError {}

/** `appSecret` → `ORDERCRAFT_TOP_APP_SECRET`. */
export const envName = (provider, option) => `ORDERCRAFT_${provider.toUpperCase()}_${option.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

function endpointOf(id) {
  if (!id) throw new UsageError('an endpoint is needed; `ordercraft endpoints` lists them');
  const endpoint = endpoints().find((e) => e.id === id);
  if (endpoint) return endpoint;
  let suggestion;
  try { schema(id); } catch (e) { if (isUnknownEndpointError(e)) suggestion = e.suggestion; }
  const hint = suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ';';
  throw new UsageError(`unknown endpoint ${JSON.stringify(id)}${hint} \`ordercraft endpoints\` lists them`);
}

/** The orders in a file, each with its place in it: `{ order, place, entry? }`. */
export function readOrders(file, endpoint) {
  let text;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new InputError(`cannot read ${file}: ${e.message}`); }
  try { return ordersFromText(file, text, schema(endpoint.id)); } catch (e) { throw new InputError(`${file}: ${e.message}`); }
}

/** Where an issue is: its row and column for CSV, else its JSON pointer. */
function issueWhere(item, pointer) {
  if (!item.entry) return pointer || '(the order)';
  const { row, column } = csvPlace(item.entry, pointer);
  return `row ${row}${column ? `, column ${column}` : ''}`;
}

/** Every order's issues (CSV cells that could not be placed included); `ok` when none has an error. */
export function validateOrders(endpoint, items) {
  const reports = items.map((item) => {
    const checked = validate(endpoint.id, item.order);
    const problems = (item.entry?.problems ?? []).map((p) => ({ where: `row ${p.row}, column ${p.column}`, path: '', code: 'csv', severity: 'error', message: p.message }));
    const issues = [...problems, ...checked.issues.map((i) => ({ where: issueWhere(item, i.path), ...i }))];
    return { place: item.place, ok: checked.ok && problems.length === 0, issues };
  });
  return { ok: reports.every((r) => r.ok), orders: reports.length, invalid: reports.filter((r) => !r.ok).length, reports };
}

/** The options `send` needs, from the environment; `gateway` overrides the provider's gateway option. */
export function optionsFromEnv(endpoint, env, gateway) {
  const opts = {};
  for (const option of endpoint.options) {
    if (option.role === 'setting' && option.name !== endpoint.gatewayOption) continue;
    const name = envName(endpoint.provider, option.name);
    const value = option.name === endpoint.gatewayOption && gateway ? gateway : env[name];
    if (value !== undefined && value !== '') opts[option.name] = value;
    else if (option.required) throw new UsageError(`${name} is not set (${option.label}); credentials come from the environment only`);
  }
  return opts;
}

function progressBar(stream) {
  if (!stream.isTTY) return () => {};
  return ({ done, total, ok, failed, invalid, unknown, skipped }) => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : 0;
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ok ${ok} failed ${failed} invalid ${invalid} unknown ${unknown} skipped ${skipped} `);
  };
}

/** One order of `status` that is not ok: its key, state and why. */
function statusLine({ key, state, interrupted, settled, error, issues }) {
  const why = error ?? issues?.find((issue) => issue.severity === 'error');
  const notes = [
    interrupted && 'the run stopped with it in flight', settled && 'settled', why && `${why.code}: ${why.message}`,
    processedByNone(error) && 'no provider processed it: the next send sends it',
  ].filter(Boolean);
  return `${key} ${state}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** Runs the command line `args`; resolves to the exit code. Writes to `out` / `err`. */
export async function main(args, { env = process.env, out = process.stdout, err = process.stderr, signal } = {}) {
  try {
    return await run(args, { env, out, err, signal });
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`ordercraft: ${e.message}\n${e instanceof InputError ? '' : `\n${USAGE}\n`}`);
      return 2;
    }
    err.write(`ordercraft: ${e.message}\n`);
    return 1;
  }
}

async function run(args, { env, out, err, signal }) {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: {
        json: { type: 'boolean' }, csv: { type: 'boolean' }, journal: { type: 'string' }, concurrency: { type: 'string' },
        rate: { type: 'string' }, retries: { type: 'string' }, gateway: { type: 'string' }, help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        exists: { type: 'boolean' }, absent: { type: 'boolean' },
      },
    });
  } catch (e) { throw new UsageError(e.message); }
  const { values, positionals: [command, id, file, ...extra] } = parsed;
  if (values.help || command === 'help') { out.write(`${USAGE}\n`); return 0; }
  if (values.version) { out.write(`${VERSION}\n`); return 0; }
  if (extra.length) throw new UsageError(`unexpected ${extra.join(' ')}`);
  /** `--journal` of `settle` and `status`: the journal the orders were sent with. */
  const journalFlag = (command) => {
    if (!values.journal) throw new UsageError(`${command} needs --journal <path>: the journal the orders were sent with`);
    return values.journal;
  };
  const number = (name) => {
    if (values[name] === undefined) return undefined;
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} takes a non-negative number`);
    return n;
  };
  switch (command) {
    case 'endpoints':
      for (const e of endpoints()) out.write(`${e.id}\t${e.title}\t${e.idempotent ? 'idempotent' : 'not idempotent'}\tkey: ${e.keyField ?? 'hash of the order'}\n`);
      return 0;
    case 'example': {
      const endpoint = endpointOf(id);
      out.write(values.csv ? ordersToCsv([example(endpoint.id)], endpoint.keyField) : `${JSON.stringify(example(endpoint.id), null, 2)}\n`);
      return 0;
    }
    case 'validate': {
      const endpoint = endpointOf(id);
      if (!file) throw new UsageError('validate needs a file');
      const report = validateOrders(endpoint, readOrders(file, endpoint));
      if (values.json) out.write(`${JSON.stringify(report)}\n`);
      else {
        for (const r of report.reports.filter((x) => x.issues.length)) {
          out.write(`${r.place}:\n${r.issues.map((i) => `  ${i.severity} ${i.code} at ${i.where}: ${i.message}\n`).join('')}`);
        }
        out.write(`${report.orders} order(s), ${report.invalid} invalid\n`);
      }
      return report.ok ? 0 : 1;
    }
    case 'send': {
      const endpoint = endpointOf(id);
      if (!file) throw new UsageError('send needs a file');
      if (!values.journal) throw new UsageError('send needs --journal <path>: it is what makes a rerun resume instead of sending twice');
      const opts = optionsFromEnv(endpoint, env, values.gateway);
      const items = readOrders(file, endpoint);
      // A CSV cell that could not be placed would be lost: nothing is sent until the file is fixed.
      const unplaced = items.flatMap((i) => i.entry?.problems ?? []);
      if (unplaced.length) {
        err.write(unplaced.map((p) => `row ${p.row}, column ${p.column}: ${p.message}\n`).join(''));
        err.write('nothing sent: fix these cells first\n');
        return 1;
      }
      const client = createClient({ credentials: { [endpoint.provider]: opts } });
      // Only what is reported is kept (all results only for --json): a file of a million orders
      // does not hold a million answers in memory.
      const problems = [];
      let failedSkips = 0;
      const summary = await client.sendBatch(endpoint.id, items.map((i) => i.order), {
        journal: values.journal, concurrency: number('concurrency'), ratePerSecond: number('rate'), retries: number('retries'),
        onProgress: progressBar(err), signal, keepResults: Boolean(values.json),
        onResult: (r, i) => {
          if (r.state === 'skipped') failedSkips += Number(r.recorded !== 'ok');
          else if (r.state !== 'ok') problems.push([i, r]);
        },
      });
      if (err.isTTY) err.write('\n');
      const { results, ...counts } = summary;
      err.write(`${['total', 'ok', 'failed', 'invalid', 'unknown', 'skipped'].map((k) => `${k.padEnd(8)} ${counts[k]}`).join('\n')}\n`);
      for (const [i, r] of problems.sort(([a], [b]) => a - b)) {
        const why = r.result?.error ?? r.issues?.find((issue) => issue.severity === 'error');
        err.write(`${items[i]?.place ?? i}: ${r.key ?? '(no key)'} ${r.state}${why ? ` (${why.code}: ${why.message})` : ''}\n`);
      }
      if (values.json) out.write(`${JSON.stringify({ ...counts, results })}\n`);
      // Skipped orders count as done only when what the journal recorded for them was ok.
      return counts.ok + counts.skipped - failedSkips === counts.total && !counts.stopped ? 0 : 1;
    }
    case 'settle': {
      const endpoint = endpointOf(id);
      const key = file;
      if (!key) throw new UsageError('settle needs the key of the order (as send printed it)');
      const journal = journalFlag('settle');
      if (Boolean(values.exists) === Boolean(values.absent)) throw new UsageError('settle needs one of --exists (the order was created) or --absent (it was not)');
      // Needs no credentials: it only writes to the journal.
      const entry = await createClient().settle(endpoint.id, key, { journal, exists: Boolean(values.exists) });
      out.write(`${entry.key}: ${entry.state === 'ok' ? 'ok (it exists); a rerun skips it' : 'absent; the next send sends it'}\n`);
      return 0;
    }
    case 'status': {
      const endpoint = endpointOf(id);
      if (file) throw new UsageError(`unexpected ${file}`);
      const journal = journalFlag('status');
      // A mistyped path must not read as a journal with nothing wrong in it.
      if (!existsSync(journal)) throw new InputError(`there is no journal at ${journal}`);
      const orders = await createClient().status(endpoint.id, { journal });
      const counts = { total: orders.length, ok: 0, failed: 0, invalid: 0, unknown: 0, absent: 0 };
      for (const order of orders) counts[order.state] += 1;
      if (values.json) {
        out.write(`${JSON.stringify({ ...counts, orders })}\n`);
      } else {
        out.write(`${Object.entries(counts).map(([k, n]) => `${k.padEnd(8)} ${n}`).join('\n')}\n`);
        for (const order of orders.filter((o) => o.state !== 'ok')) out.write(`${statusLine(order)}\n`);
        if (counts.unknown) {
          out.write(endpoint.idempotent
            ? 'unknown: no verdict came; the next send sends them again (a repeat cannot create a second order here)\n'
            : `unknown: no verdict came, so each may exist; look each up at the provider, then: ordercraft settle ${endpoint.id} <key> --journal ${journal} (--exists | --absent)\n`);
        }
      }
      return counts.ok === counts.total ? 0 : 1;
    }
    default:
      throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : 'a command is needed');
  }
}
