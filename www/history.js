// Requests sent from the page, kept across reloads (IndexedDB): endpoint, time, outcome, the
// request as it went out with every secret masked, the answer, and the order to reopen. Newest
// first; the oldest beyond `LIMIT` are dropped. The identity of every order sent is kept apart and
// never dropped (a few bytes each): "already sent?" must not forget an order after 50 more sends.
import { orderKey } from '/js/browser.js';

const DB = 'ordercraft-history';
const LIMIT = 50;

/**
 * An order's identity for the batch tab's table, its export and the history's lookups: `orderKey`,
 * or undefined where it cannot be computed (an order without its key field needs Web Crypto's
 * digest, which browsers give only to secure contexts). Such an order then matches nothing sent
 * before; sending it is refused with that reason anyway.
 */
export const keyOf = (endpoint, order) => orderKey(endpoint, order).catch(() => undefined);

export async function openHistory() {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 2);
    request.onupgradeneeded = () => {
      const names = request.result.objectStoreNames;
      if (!names.contains('sent')) request.result.createObjectStore('sent', { autoIncrement: true });
      // Added in version 2: `{ endpoint, key }` of each order sent. Entries of version 1 have none
      // here; `sentKeys` finds theirs from the entries themselves while they are kept.
      if (!names.contains('keys')) request.result.createObjectStore('keys', { keyPath: ['endpoint', 'key'] });
    };
    request.onsuccess = () => {
      // A later version opened in another tab waits for this one to let go.
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
  // Flushed to disk before it counts, as the batch tab's journal: a send is recorded before it
  // leaves, and a power cut must not leave the page unaware that it may have been received.
  const run = (mode, work, stores = 'sent') => new Promise((resolve, reject) => {
    const t = db.transaction(stores, mode, { durability: 'strict' });
    let request;
    try {
      request = work(t);
    } catch (error) {
      t.abort(); // none of it: an identity kept without its entry would say an order went that did not
      throw error;
    }
    t.oncomplete = () => resolve(request?.result);
    t.onerror = () => reject(t.error);
  });
  const sentStore = (work) => (t) => work(t.objectStore('sent'));
  /** Whether the `keys` store holds this identity for the endpoint with this id. */
  const kept = async (endpointId, identity) => await run('readonly', (t) => t.objectStore('keys').count([endpointId, identity]), 'keys') > 0;
  return {
    /** Every entry, newest first. */
    async list() {
      return (await run('readonly', sentStore((s) => s.getAll()))).reverse();
    },
    /** The identities (`orderKey`) of the orders ever sent to `endpoint`, as a Set (for a batch's orders). */
    async sentKeys(endpoint) {
      // [id] sorts before every [id, text] and [id, []] after them (arrays after strings).
      const recorded = await run('readonly', (t) => t.objectStore('keys').getAllKeys(IDBKeyRange.bound([endpoint.id], [endpoint.id, []])), 'keys');
      return new Set([...recorded.map(([, key]) => key), ...await this.unkeyedSent(endpoint)]);
    },
    /** Whether the order with this identity was ever sent to `endpoint` (for the form's Send): its key looked up, not every key loaded. */
    async sent(endpoint, key) {
      return (await kept(endpoint.id, key)) || (await this.unkeyedSent(endpoint)).includes(key);
    },
    /** The identities of the entries written before the `keys` store (they have no `identity`), from their orders. */
    async unkeyedSent(endpoint) {
      const unkeyed = (await this.list()).filter((entry) => entry.endpoint === endpoint.id && !('identity' in entry));
      return (await Promise.all(unkeyed.map((entry) => keyOf(endpoint, entry.order)))).filter((key) => key !== undefined);
    },
    /**
     * Adds an entry, and the identity (`orderKey`) of the order it sends where known; resolves to
     * the entry's key. The entry notes whether this is the identity's first send (`firstSend`):
     * looked up just before, which no other send can change meanwhile where that matters (sends
     * that may create a second order hold the endpoint's lock, `whileSending`).
     */
    async add(entry, identity) {
      const firstSend = identity !== undefined && !(await kept(entry.endpoint, identity));
      const key = await run('readwrite', (t) => {
        if (identity !== undefined) t.objectStore('keys').put({ endpoint: entry.endpoint, key: identity });
        return t.objectStore('sent').add({ ...entry, identity, firstSend });
      }, ['sent', 'keys']);
      const keys = await run('readonly', sentStore((s) => s.getAllKeys()));
      if (keys.length > LIMIT) await run('readwrite', sentStore((s) => s.delete(IDBKeyRange.upperBound(keys[keys.length - LIMIT - 1]))));
      return key;
    },
    /**
     * Sets `changes` on the entry at `key` (an entry dropped meanwhile stays dropped). Read and
     * written in one transaction: another tab's `add` cannot drop it in between, to have it put back.
     * `createdNothing` (the provider refused the order, or the request never reached it): the first
     * send of its identity leaves nothing to ask about before the next, and the identity is let go.
     */
    async update(key, changes, { createdNothing = false } = {}) {
      await run('readwrite', (t) => {
        const sent = t.objectStore('sent');
        const request = sent.get(key);
        request.onsuccess = () => {
          const entry = request.result;
          if (!entry) return;
          sent.put({ ...entry, ...changes }, key);
          if (createdNothing && entry.firstSend) t.objectStore('keys').delete([entry.endpoint, entry.identity]);
        };
        return request;
      }, ['sent', 'keys']);
    },
  };
}
