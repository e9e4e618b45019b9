// Browser and bundler entry: call `await init()` once before anything else. The .wasm file is
// fetched from beside pkg/ordercraft.js unless you pass its URL, a Response or its bytes.
import initWasm from '../pkg/ordercraft.js';

export * from '../pkg/ordercraft.js';
export { OrdercraftError, OrderValidationError, ArgumentError, UnknownEndpointError } from '../pkg/errors.js';
export { createClient } from './client.js';
export { memoryJournal, orderKey } from './batch.js';

let ready;

/** Loads and instantiates the module once; later calls return the same promise. */
export function init(wasm) {
  ready ??= initWasm(wasm === undefined ? undefined : { module_or_path: wasm }).then(() => undefined);
  return ready;
}
