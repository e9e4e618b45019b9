// Requests sent from the page, kept across reloads (IndexedDB): endpoint, time, outcome, the
// request as it went out with every secret masked, the answer, and the order to reopen. Newest
// first; the oldest beyond `LIMIT` are dropped.
import { orderKey } from '/js/browser.js';

const DB = 'ordercraft-history';

/**
 * An order's identity for the batch tab's table, its export and the history's lookups: `orderKey`,
 * or undefined where it cannot be computed (an order without its key field needs Web Crypto's
 * digest, which browsers give only to secure contexts). Such an order then matches nothing sent
 * before; sending it is refused with that reason anyway.
 */
export const keyOf = (endpoint, order) => orderKey(endpoint, order).catch(() => undefined);
const LIMIT = 50;

export async function openHistory() {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('sent', { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const run = (mode, work) => new Promise((resolve, reject) => {
    const t = db.transaction('sent', mode);
    const request = work(t.objectStore('sent'));
    t.oncomplete = () => resolve(request?.result);
    t.onerror = () => reject(t.error);
  });
  return {
    /** Every entry, newest first, each with its `key`. */
    async list() {
      const keys = await run('readonly', (s) => s.getAllKeys());
      const values = await run('readonly', (s) => s.getAll());
      return values.map((v, i) => ({ ...v, key: keys[i] })).reverse();
    },
    /** The identities (`keyOf`) of the orders sent to `endpoint`, as a Set. */
    async sentKeys(endpoint) {
      const sent = (await this.list()).filter((entry) => entry.endpoint === endpoint.id);
      const keys = await Promise.all(sent.map((entry) => keyOf(endpoint, entry.order)));
      return new Set(keys.filter((key) => key !== undefined));
    },
    /** Adds an entry; resolves to its key. */
    async add(entry) {
      const key = await run('readwrite', (s) => s.add(entry));
      const keys = await run('readonly', (s) => s.getAllKeys());
      if (keys.length > LIMIT) await run('readwrite', (s) => s.delete(IDBKeyRange.upperBound(keys[keys.length - LIMIT - 1])));
      return key;
    },
    /** Sets `changes` on the entry at `key` (an entry dropped meanwhile stays dropped). */
    async update(key, changes) {
      const entry = await run('readonly', (s) => s.get(key));
      if (entry) await run('readwrite', (s) => s.put({ ...entry, ...changes }, key));
    },
  };
}
