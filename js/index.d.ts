// The package's types: everything below `../pkg/ordercraft.js` is generated from the Rust types
// (tsify, wasm-bindgen); this file only adds the two JS-side pieces, `init` and the error classes.
export * from '../pkg/ordercraft.js';
export { OrdercraftError, OrderValidationError, ArgumentError, UnknownEndpointError } from './errors.js';
export { createClient, memoryJournal, orderKey, type Client, type ClientOptions, type ClientCredentials, type SendOptions, type SendResult, type Journal, type JournalEntry, type BatchOptions, type BatchProgress, type BatchResult, type BatchSummary, type CreatedByEarlierAttempt } from './client.js';
/** Node only: the default file journal (append-only JSON lines, fsynced per entry). */
export function fileJournal(path: string): import('./client.js').Journal & { path: string; close(): void };

/**
 * Browsers: loads the module (from beside the package's JS, or from what you pass) and must be
 * awaited once before any other call. Node: resolves at once.
 */
export function init(wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
