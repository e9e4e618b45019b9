// The package's types. Everything from `../pkg/ordercraft.js` is generated from the Rust types
// (tsify, wasm-bindgen) and the endpoint registry (the `Orders`, `OptionsFor` and `Responses`
// maps). This file adds the JS-side pieces, and gives the entry points that take an endpoint id
// signatures generic in it (wasm-bindgen cannot write generics): a local export takes the place
// of the generated one of the same name.
import type {
  CommonOptions, EndpointId, Orders, OptionsFor, ParseOptions, Parsed, PreparedRequest, Responses, Validation,
} from '../pkg/ordercraft.js';

export * from '../pkg/ordercraft.js';
export {
  OrdercraftError, OrderValidationError, ArgumentError, UnknownEndpointError,
  isOrdercraftError, isOrderValidationError, isArgumentError, isUnknownEndpointError,
} from './errors.js';
export {
  createClient, memoryJournal, orderKey, type Client, type ClientOptions, type ClientCredentials, type SendOptions,
  type SendResult, type SendError, type Journal, type JournalEntry, type BatchOptions, type BatchProgress, type BatchResult,
  type BatchSummary, type CreatedByEarlierAttempt, type FetchLike, type AbortSignalLike, type SettleOptions,
  type StatusOptions, type OrderStatus,
} from './client.js';

/** Validates, builds and signs the order for endpoint `id`; throws `OrderValidationError` with every issue when any is an error. */
export function prepare<K extends EndpointId>(id: K, order: Orders[K], opts: OptionsFor[K] & CommonOptions): PreparedRequest;
/** A complete, valid example order for the endpoint. */
export function example<K extends EndpointId>(id: K): Orders[K];
/** Reads the endpoint's answer: `{ ok: true, data }` or `{ ok: false, error }`; throws only for an unknown id or bad `opts`. */
export function parseResponse<K extends EndpointId>(id: K, body: string, opts?: ParseOptions): Parsed<Responses[K]>;
/** Checks any value against every rule of the endpoint: `{ ok, issues }` (it exists to check untyped input). */
export function validate(id: EndpointId, order: unknown, opts?: CommonOptions): Validation;
/** Reads any TOP answer: `{ ok: true, data }` (the `<method>_response` object) or `{ ok: false, error }`. */
export function parseTopResponse(method: string, body: string, opts?: ParseOptions): Parsed<Record<string, unknown>>;

/** What `init` loads the module from in a browser: its URL (a string or a `URL`), a fetch `Response` (or its promise), its bytes or a compiled `WebAssembly.Module`. Typed structurally so that no DOM types are needed. */
export type WasmSource = string | ArrayBuffer | ArrayBufferView | PromiseLike<unknown> | object;

/**
 * Browsers: loads the module (from beside the package's JS, or from what you pass) and must be
 * awaited once before any other call; a call before it throws an `OrdercraftError` saying so.
 * Node: resolves at once.
 */
export function init(wasm?: WasmSource): Promise<void>;

/** Node only: the default file journal of `sendBatch` (append-only JSON lines, fsynced per entry; `lock` makes `<path>.lock`). */
export function fileJournal(path: string): Required<import('./client.js').Journal> & { path: string; close(): void };
