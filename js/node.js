// Node entry: the module is compiled synchronously on import, so `init()` has nothing to do.
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/ordercraft.js';

initSync({ module: readFileSync(new URL('../pkg/ordercraft_bg.wasm', import.meta.url)) });

export * from '../pkg/ordercraft.js';
export { OrdercraftError, OrderValidationError, ArgumentError, UnknownEndpointError } from '../pkg/errors.js';
export { createClient } from './client.js';

/** Resolves at once: in Node the module is ready on import. */
export async function init() {}
