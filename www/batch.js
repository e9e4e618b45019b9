// The builder's batch tab: import a .csv/.jsonl/.json file of orders, see each order's key, issues
// and state, fix one in the form, send the valid ones with a progress bar, pause and resume, and
// export the results. The orders and the journal live in IndexedDB, so a reload mid-batch resumes
// where it was without sending anything twice. Credentials are never stored.
import { createClient, endpoints, schema, validate } from '/js/browser.js';
import { ordersFromText } from '/js/order-files.js';
import { stringify } from 'csv-stringify/sync';
import { escapeHtml } from '/lib.js';
import { keyOf } from '/history.js';
import { lastEntries, mayHaveCreated, resumeStep, withoutVerdict } from '/js/batch.js';
import { t, titleOf } from '/i18n.js';

const $ = (id) => document.getElementById(id);
const DB = 'ordercraft-builder';

/**
 * The page's one connection to the batch database: opened on first use (again after a failure),
 * never one per call. While a tab with the older version open holds the upgrade back, every use
 * is refused at once, saying so (the form's Send would otherwise wait unseen, holding its lock);
 * once that tab lets go, the upgraded connection serves.
 */
let opened;
function database() {
  opened ??= openDb().catch((error) => {
    if (!error.heldBack) opened = undefined;
    throw error;
  });
  return opened;
}

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 2);
    request.onupgradeneeded = ({ oldVersion }) => {
      if (oldVersion < 1) {
        request.result.createObjectStore('batch');
        request.result.createObjectStore('journal', { autoIncrement: true }).createIndex('batch', 'batch');
      }
      // Version 2: a journal's entries for one order, so the form's Send asks "sent by a batch?"
      // in one lookup, not by loading the whole journal.
      if (oldVersion < 2) request.transaction.objectStore('journal').createIndex('order', ['batch', 'entry.key']);
    };
    request.onblocked = () => reject(Object.assign(new Error(t(BLOCKED)), { heldBack: true }));
    request.onsuccess = () => {
      opened = Promise.resolve(request.result);
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
}

function tx(db, store, mode, work) {
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, mode, { durability: 'strict' });
    const request = work(t.objectStore(store));
    t.oncomplete = () => resolve(request.result);
    t.onerror = () => reject(t.error);
  });
}

const BLOCKED = 'another tab or window has this page open in an older version: reload or close it, then try again';
const NO_LOCKS = 'this page cannot make sure that no other tab sends these orders at the same time (browsers lock across tabs only for pages served over https or from localhost): open the builder over https or on localhost to send';
const BUSY = 'Orders are being sent to {title} elsewhere (a batch, or Send, in this or another tab or window); wait until that ends, then send';

/**
 * Runs `work` (a batch run, or the form's check and send of one order) holding the Web Lock of
 * sending to `endpoint`, which every tab and window of this origin shares: where a repeat may
 * create a second order, one lock per endpoint, so no two sends can both find an order unsent
 * and both send it; where a repeat creates nothing, only a run over the same journal waits.
 * Rejects, running nothing, while another holds it (it is not waited for: that one may be a
 * batch of an hour) and where the browser has no Web Locks. A closed or reloaded tab lets go.
 */
export function whileSending(endpoint, work, journal = endpoint.id) {
  const name = `ordercraft-send:${endpoint.idempotent ? journal : endpoint.id}`;
  // Browsers give Web Locks only to secure contexts (https, localhost).
  if (!navigator.locks) return Promise.reject(new Error(t(NO_LOCKS)));
  return navigator.locks.request(name, { ifAvailable: true }, (lock) => {
    if (!lock) throw new Error(t(BUSY, { title: titleOf(endpoint) }));
    return work();
  });
}

/**
 * A batch journal in IndexedDB, named by `journalName`. `append` resolves once the transaction is
 * committed. It has no `lock`: the batch tab holds `whileSending`'s for the whole run.
 */
function idbJournal(db, journal) {
  return {
    load: async () => (await tx(db, 'journal', 'readonly', (s) => s.index('batch').getAll(journal))).map(({ entry }) => entry),
    append: (entry) => tx(db, 'journal', 'readwrite', (s) => s.add({ batch: journal, entry })),
  };
}

/**
 * The journal a new import is sent with. Orders with an identity (the endpoint's key field) share
 * the endpoint's journal, whichever file they came in: a file imported again after sending shows
 * its orders done, and none goes out twice. Where orders have no identity but their content and
 * sending again cannot create anything (PandaPon's preview), each import has its own journal, so
 * importing it again asks afresh.
 */
function journalName(endpoint) {
  return endpoint.keyField || !endpoint.idempotent ? endpoint.id : `${endpoint.id}#${Date.now()}`;
}

/**
 * Whether an order the batch tab sent to this endpoint, under this key, may exist at the provider
 * (`mayHaveCreated` over its journal entries: created, or sent without a verdict): the form's Send
 * asks before sending it again. A send the provider refused, or that never reached it, is no reason
 * to ask.
 */
export async function batchMayHaveCreated(endpoint, key) {
  // The index lists one key's entries in the order they were added (the store's own keys).
  const entries = await tx(await database(), 'journal', 'readonly', (s) => s.index('order').getAll([journalName(endpoint), key]));
  return mayHaveCreated(entries.map(({ entry }) => entry));
}

/** An order's content digest, as the journal keeps it: the key of an endpoint without a key field. */
const contentOf = (order) => keyOf({}, order);

/**
 * A row's state, by `sendBatch`'s own rule (`resumeStep`) over the journal's last entry for its
 * key: `ok` or `failed` where that verdict stands; `changed` where a created order has changed
 * since (Send refuses it); `unknown` where no verdict came (no answer, or a run died with it in
 * flight), whether Send then waits or, where a repeat creates nothing, asks again; else `ready` or
 * `invalid` by its errors now (a refused order fixed since is ready). `sending` while this tab's
 * run has it in flight.
 */
async function rowState(endpoint, recorded, order, errors, running) {
  if (running && recorded?.state === 'sending') return 'sending';
  // The content digest is computed only where the journal has one to compare with.
  const content = recorded?.content === undefined ? undefined : await contentOf(order);
  const step = resumeStep(recorded, content, { idempotent: endpoint.idempotent });
  if (step === 'changed') return 'changed';
  if (withoutVerdict(recorded)) return 'unknown';
  if (step === 'skip') return recorded.state;
  return errors ? 'invalid' : 'ready';
}

/**
 * `page`: what the batch tab needs of the builder — `endpointId()`, `requestOptions()`,
 * `open(id, order)` (show an order in the form), `order()` (the form's order) and
 * `sentKeys(endpoint)` (the identities of the orders the form sent there: its history's).
 */
export async function initBatch(page) {
  const db = await database();
  let batch = await tx(db, 'batch', 'readonly', (s) => s.get('current'));
  let running = null;
  let editing = null;

  const endpointOf = () => endpoints().find((e) => e.id === batch.id);
  const save = () => tx(db, 'batch', 'readwrite', (s) => s.put(batch, 'current'));
  // A batch imported before journals were named by journalName keeps its own (`name`).
  const batchJournal = () => batch.journal ?? batch.name ?? batch.id;
  const journal = () => idbJournal(db, batchJournal());

  const states = () => lastEntries(journal(), endpointOf());

  async function render() {
    $('batch-summary').textContent = batch ? `${batch.orders.length} order(s) from ${batch.file} for ${batch.id}` : 'No batch imported.';
    $('batch-send').disabled = !batch || Boolean(running);
    $('batch-pick').disabled = Boolean(running); // a new file while one is sending would hide what is in flight
    $('batch-pause').disabled = !running;
    $('batch-export').disabled = !batch;
    $('batch-save').disabled = editing === null || Boolean(running);
    if (!batch) return $('batch-rows').replaceChildren();
    const last = await states();
    const endpoint = endpointOf();
    const rows = await Promise.all(batch.orders.map(async ({ order, place, problems = [] }, i) => {
      const key = await keyOf(endpoint, order);
      const { issues } = validate(batch.id, order);
      const errors = issues.filter((x) => x.severity === 'error').length + problems.length;
      const state = await rowState(endpoint, last.get(key), order, errors, running);
      const tr = document.createElement('tr');
      tr.dataset.index = i;
      tr.dataset.state = state;
      tr.innerHTML = `<td>${i + 1}</td><td>${escapeHtml(place)}</td><td class="key">${escapeHtml(key ?? "—")}</td><td>${errors ? `${errors} error(s)` : issues.length ? `${issues.length} warning(s)` : 'none'}</td><td class="state">${state}</td>`;
      const cell = document.createElement('td');
      const open = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Open in form' });
      open.setAttribute('aria-label', `Open in form: order ${i + 1}`);
      open.disabled = ['ok', 'sending', 'unknown'].includes(state);
      open.addEventListener('click', () => { editing = i; page.open(batch.id, structuredClone(order)); render(); });
      cell.append(open);
      if (state === 'unknown' && !running) cell.append(...settleButtons(endpoint, key, i));
      tr.append(cell);
      return tr;
    }));
    $('batch-rows').replaceChildren(...rows);
  }

  /**
   * The buttons that record what the user found at the provider for an order without a verdict
   * (`settle`): found, it is done; not there, the next Send sends it. Asked first: a wrong answer
   * loses the order or creates it twice.
   */
  function settleButtons(endpoint, key, i) {
    return [[true, 'Found at the provider', 'Order {key}: you found it at the provider, so it was created? It will not be sent again.'],
      [false, 'Not at the provider', 'Order {key}: you looked it up at the provider and it is not there? The next Send sends it.']].map(([exists, label, question]) => {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: t(label) });
      button.setAttribute('aria-label', `${t(label)}: ${t('order')} ${i + 1}`);
      button.addEventListener('click', async () => {
        if (!window.confirm(t(question, { key }))) return;
        try {
          // Held as a run holds it: a batch in another tab could be sending this order.
          await whileSending(endpoint, () => createClient().settle(batch.id, key, { journal: journal(), exists }), batchJournal());
          $('batch-status').textContent = t(exists ? 'Order {key} recorded as created.' : 'Order {key} recorded as not created: Send sends it.', { key });
        } catch (e) {
          $('batch-status').textContent = t('Could not record it: {message}', { message: e.message });
        }
        await render();
      });
      return button;
    });
  }

  /** Re-renders the table once the current render is done: progress comes faster than IndexedDB reads. */
  let rendering = null;
  let again = false;
  function renderSoon() {
    if (rendering) { again = true; return; }
    rendering = render().finally(() => { rendering = null; if (again) { again = false; renderSoon(); } });
  }

  async function importFile(file) {
    if (running) return; // dropped while sending: the batch in flight stays in view
    const id = page.endpointId();
    try {
      // CSV cells that could not be placed make their order invalid here too: never sent half-read.
      const orders = ordersFromText(file.name, await file.text(), schema(id)).map(({ order, place, entry }) => ({ order, place, problems: entry?.problems ?? [] }));
      batch = { file: file.name, id, orders };
      batch.journal = journalName(endpointOf());
      editing = null;
      await save();
      $('batch-status').textContent = t('Imported {count} order(s).', { count: orders.length });
    } catch (e) {
      $('batch-status').textContent = t('Could not read {file}: {message}', { file: file.name, message: e.message });
    }
    await render();
  }

  /**
   * The keys of these orders that the form's Send sent to the endpoint (its history) and this
   * batch's journal does not know. An order whose key cannot be computed here (no digest) is left
   * to `sendBatch`, which refuses it saying why.
   */
  async function sentFromForm(endpoint, orders) {
    const fromForm = await page.sentKeys(endpoint);
    const known = await states();
    const keys = await Promise.all(orders.map((order) => keyOf(endpoint, order)));
    return keys.filter((key) => key !== undefined && fromForm.has(key) && !known.has(key));
  }

  async function send() {
    const endpoint = endpointOf();
    const valid = batch.orders.filter(({ order, problems = [] }) => !problems.length && validate(batch.id, order).ok).map(({ order }) => order);
    try {
      // The look at what the form sent, the question and the run hold the lock of sending to the
      // endpoint: the form's Send, in any tab, cannot send one of these orders in between.
      await whileSending(endpoint, () => run(endpoint, valid), batchJournal());
    } catch (e) {
      $('batch-status').textContent = t('Could not send: {message}', { message: e.message });
    }
  }

  async function run(endpoint, valid) {
    // The journal knows what this tab sent; what the form sent, it does not: ask first.
    const again = endpoint.idempotent ? [] : await sentFromForm(endpoint, valid);
    if (again.length && !window.confirm(t('{n} of these orders were already sent from the form ({keys}); sending them again may create second orders. Send the batch with them?', { n: again.length, keys: again.slice(0, 5).join(', ') + (again.length > 5 ? ', …' : '') }))) return;
    const stop = new AbortController();
    running = stop;
    $('batch-progress').max = valid.length;
    $('batch-progress').value = 0;
    await render();
    const client = createClient({ credentials: { [endpoint.provider]: page.requestOptions() } });
    // Each entry shown as it is written: an order is shown going out when it goes, not when an
    // answer (to it or another) next moves the progress on.
    const written = journal();
    const shown = { ...written, append: (entry) => written.append(entry).then(() => renderSoon()) };
    let summary;
    try {
      summary = await client.sendBatch(batch.id, valid, {
        journal: shown, concurrency: 4, signal: stop.signal,
        onProgress: ({ done }) => { $('batch-progress').value = done; renderSoon(); },
      });
    } finally {
      running = null;
      await rendering; // a render of progress started before the last entry: this one comes after it
      await render();
    }
    // Said once the table shows the end of the run.
    $('batch-status').textContent = t('{state}: {ok} ok, {failed} failed, {invalid} not sent (invalid), {unknown} unknown, {skipped} already done.', { ...summary, state: t(summary.stopped ? 'Paused' : 'Done') });
  }

  async function exportResults() {
    const last = await states();
    const endpoint = endpointOf();
    const lines = [['place', 'key', 'state', 'code', 'message']];
    for (const { order, place } of batch.orders) {
      const key = await keyOf(endpoint, order);
      const entry = last.get(key);
      const state = await rowState(endpoint, entry, order, 0, running);
      // The recorded answer is this order's only where the journal's state still is its state.
      const error = state === entry?.state ? entry.result?.error : undefined;
      lines.push([place, key, state === 'ready' ? 'not sent' : state, error?.code ?? '', error?.message ?? '']);
    }
    const blob = new Blob([stringify(lines, { record_delimiter: 'windows' })], { type: 'text/csv' });
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: `${batch.file}.results.csv` });
    a.click();
    URL.revokeObjectURL(a.href);
  }

  $('batch-file').addEventListener('change', () => { const [file] = $('batch-file').files; if (file) importFile(file); });
  $('batch-pick').addEventListener('click', () => $('batch-file').click());
  const drop = $('batch');
  drop.addEventListener('dragover', (e) => e.preventDefault());
  drop.addEventListener('drop', (e) => { e.preventDefault(); const [file] = e.dataTransfer.files; if (file) importFile(file); });
  $('batch-send').addEventListener('click', send);
  $('batch-pause').addEventListener('click', () => running?.abort());
  $('batch-export').addEventListener('click', exportResults);
  $('batch-save').addEventListener('click', async () => {
    // Fixed in the form: the order as it stands now, its CSV cells settled.
    batch.orders[editing] = { ...batch.orders[editing], order: structuredClone(page.order()), problems: [] };
    editing = null;
    await save();
    $('batch-status').textContent = t("Saved the form's order to the batch.");
    await render();
  });
  await render();
}
