// Browser and bundler entry: call `await init()` once before anything else. The .wasm file is
// fetched from beside pkg/ordercraft.js unless you pass its URL, a Response or its bytes.
import initWasm from '../pkg/ordercraft.js';
import { markReady } from './ready.js';

export * from '../pkg/guarded.js';
export { OrdercraftError, OrderValidationError, ArgumentError, UnknownEndpointError, isOrdercraftError, isOrderValidationError, isArgumentError, isUnknownEndpointError } from '../pkg/errors.js';
export { createClient } from './client.js';
export { memoryJournal, orderKey } from './batch.js';

let ready;

/** Loads and instantiates the module once; later calls return the same promise. */
export function init(wasm) {
  ready ??= initWasm(wasm === undefined ? undefined : { module_or_path: wasm }).then(markReady);
  return ready;
}
