// The order being edited, kept per endpoint as you type (IndexedDB; orders only, never
// credentials), so switching endpoints, reloading or closing the tab loses no work. All drafts are
// read once at start-up, so switching endpoints is immediate; writes go to IndexedDB behind.
const DB = 'ordercraft-drafts';
const LAST = '\u0000last';

const open = () => new Promise((resolve, reject) => {
  const request = indexedDB.open(DB, 1);
  request.onupgradeneeded = () => request.result.createObjectStore('drafts');
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** `onSaved(saved)` hears whether every write so far is stored (a reload in the instant before a
 * write commits would lose it; the page shows the state as `body[data-drafts-saved]`). */
export async function openDrafts(onSaved = () => {}) {
  const db = await open();
  const store = (mode) => db.transaction('drafts', mode).objectStore('drafts');
  const all = await new Promise((resolve, reject) => {
    const entries = new Map();
    const cursor = store('readonly').openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return resolve(entries);
      entries.set(c.key, c.value);
      c.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  });
  let writing = 0;
  const put = (key, value) => {
    all.set(key, value);
    const transaction = db.transaction('drafts', 'readwrite');
    transaction.objectStore('drafts').put(value, key);
    writing += 1;
    onSaved(false);
    transaction.oncomplete = transaction.onabort = transaction.onerror = () => { writing -= 1; onSaved(writing === 0); };
  };
  return {
    /** The draft order of endpoint `id`, or undefined. */
    get: (id) => (all.has(id) ? structuredClone(all.get(id)) : undefined),
    put: (id, order) => put(id, structuredClone(order)),
    /** The endpoint edited last. */
    last: () => all.get(LAST),
    setLast: (id) => put(LAST, id),
  };
}
