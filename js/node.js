// Node entry: the module is compiled synchronously on import, so `init()` has nothing to do.
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/ordercraft.js';

initSync({ module: readFileSync(new URL('../pkg/ordercraft_bg.wasm', import.meta.url)) });

export * from '../pkg/ordercraft.js';
export { OrdercraftError, OrderValidationError, ArgumentError, UnknownEndpointError } from '../pkg/errors.js';
import { createClient as createAnyClient } from './client.js';
import { fileJournal } from './journal-file.js';

export { memoryJournal, orderKey } from './batch.js';
export { fileJournal };

/** `createClient` with batch journals that may be file paths (append-only JSON lines). */
export function createClient(options = {}) {
  return createAnyClient({ openJournal: fileJournal, ...options });
}

/** Resolves at once: in Node the module is ready on import. */
export async function init() {}
