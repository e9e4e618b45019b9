// The package's types: everything below `../pkg/ordercraft.js` is generated from the Rust types
// (tsify, wasm-bindgen); this file only adds the two JS-side pieces, `init` and the error classes.
export * from '../pkg/ordercraft.js';
export { OrdercraftError, OrderValidationError, ArgumentError, UnknownEndpointError } from './errors.js';
export { createClient, type Client, type ClientOptions, type ClientCredentials, type SendOptions, type SendResult } from './client.js';

/**
 * Browsers: loads the module (from beside the package's JS, or from what you pass) and must be
 * awaited once before any other call. Node: resolves at once.
 */
export function init(wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
