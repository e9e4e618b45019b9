// Node entry: the module is compiled synchronously on import, so `init()` has nothing to do.
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/ordercraft.js';
import { markReady } from './ready.js';
import { createClient as createAnyClient } from './client.js';
import { fileJournal } from './journal-file.js';

initSync({ module: readFileSync(new URL('../pkg/ordercraft_bg.wasm', import.meta.url)) });
markReady();

export * from '../pkg/guarded.js';
export { OrdercraftError, OrderValidationError, ArgumentError, UnknownEndpointError, isOrdercraftError, isOrderValidationError, isArgumentError, isUnknownEndpointError } from '../pkg/errors.js';
export { memoryJournal, orderKey } from './batch.js';
export { fileJournal };

/** `createClient` with batch journals that may be file paths (append-only JSON lines). */
export function createClient(options = {}) {
  return createAnyClient({ openJournal: fileJournal, ...options });
}

/** Resolves at once: in Node the module is ready on import. */
export async function init() {}
