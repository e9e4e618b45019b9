import type { EndpointId, Issue, Orders, Parsed, PreparedRequest, ResponseError, Responses, TopOptions, PandaponOptions, EccangOptions } from '../pkg/ordercraft.js';

export interface ClientCredentials {
  top?: Omit<TopOptions, 'timestamp'>;
  pandapon?: Omit<PandaponOptions, 'timestamp' | 'nonce'>;
  eccang?: EccangOptions | Omit<EccangOptions, 'endpoint'>;
}

/** What `createClient` needs of `fetch` (the global one in Node 18+ and browsers fits). */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: any }) =>
  Promise<{ status: number; text(): Promise<string>; headers?: { get(name: string): string | null } }>;

/** What `send` and `sendBatch` need of an `AbortSignal`. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface ClientOptions {
  credentials?: ClientCredentials;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Per attempt; default 15000. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 2. */
  retries?: number;
  /** First backoff step in ms (doubled each retry, full jitter); default 250. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Gateway per provider: TOP `gateway`, PandaPon `baseUrl`, ECCANG `endpoint`. */
  gateways?: { top?: string; pandapon?: string; eccang?: string };
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendOptions {
  /** Whether a request that may have been received can be sent again; defaults to the endpoint's. */
  idempotent?: boolean;
  timeoutMs?: number;
  retries?: number;
  signal?: AbortSignalLike;
  /** An earlier send (a crashed run of a batch) may have created this order: an "already exists" refusal then reports it as created. */
  mayAlreadyExist?: boolean;
  /** Awaited with the first request once it is built, before it leaves (a batch journals `sending` there); if it throws, nothing is sent. */
  beforeRequest?: (request: PreparedRequest) => unknown;
  /** Any other option goes to `prepare` (timestamp, nonce, signMethod, session, unknownFields …). */
  [option: string]: unknown;
}

/** One journal entry: an order's state change, keyed by the order's identity. */
export interface JournalEntry {
  /** The endpoint the order was sent to: a journal may serve several, whose keys may coincide. Entries without it count for any. */
  endpoint?: EndpointId;
  key: string;
  /** `absent`: settled as not created (`settle`), so the next run sends it. */
  state: 'sending' | 'ok' | 'failed' | 'invalid' | 'unknown' | 'absent';
  /** Written by `settle`: the caller looked the order up at the provider. */
  settled?: boolean;
  /** `sha256:` and the SHA-256 of the order's canonical JSON, on `sending` and its outcome: what was sent under the key (entries written before it was kept have none). */
  content?: string;
  at?: string;
  result?: SendResult;
  issues?: Issue[];
}

/** Where a batch records what it did; `append` resolves only once the entry is durable. */
export interface Journal {
  /** The entries written so far, in order: a list, or any iterable (sync or async) that a batch reads once, as it goes. */
  load(): Promise<Iterable<JournalEntry> | AsyncIterable<JournalEntry>>;
  append(entry: JournalEntry): Promise<void>;
  /**
   * Taken before `load` and held for the whole run: resolves to its release once this run is the
   * only one on the journal; rejects while another run holds it (two runs would both send the
   * orders neither had recorded). A store that two runs can reach needs it.
   */
  lock?(): Promise<() => void | Promise<void>>;
}

export interface BatchOptions {
  /** A file path (Node: append-only JSON lines, fsynced per entry, locked by `<path>.lock` while a run uses it) or a journal object. Default: none (nothing kept, no resume). */
  journal?: string | Journal;
  /** The order's identity; default: the endpoint's key field (`endpoints()[i].keyField`), else a SHA-256 of the order's canonical JSON. */
  key?: (order: unknown) => string | Promise<string>;
  /** Orders in flight at once; default 4. */
  concurrency?: number;
  /** At most this many requests started per second, for the whole batch. */
  ratePerSecond?: number;
  retries?: number;
  timeoutMs?: number;
  onProgress?: (progress: BatchProgress) => void;
  /** Each order's result as it settles, once its journal entry is written; `index` is the order's place in `orders`. */
  onResult?: (result: BatchResult, index: number) => void;
  /** `false`: the summary's `results` comes back empty, each result having gone to `onResult` only, so a batch of millions keeps none in memory. Default `true`. */
  keepResults?: boolean;
  /** Stop cleanly: requests in flight finish and are journaled, nothing new starts. */
  signal?: AbortSignalLike;
  /** Send again, where the endpoint is not idempotent, orders left unknown (they may have been created); idempotent endpoints send them again anyway. */
  resendUnknown?: boolean;
  /** Options for every send (`prepare`'s options, e.g. `unknownFields`). */
  sendOptions?: SendOptions;
}

export interface BatchProgress { done: number; total: number; ok: number; failed: number; invalid: number; unknown: number; skipped: number }

export interface BatchResult {
  /** Absent only for an `invalid` order that cannot be read as JSON (a BigInt, a cycle) and has no key field: it has nothing to be known by. */
  key?: string;
  /** `skipped`: the journal already had a verdict for it (`recorded`), for the same content. `invalid` with a `duplicate` issue: its key was created with other content (a refused order changed since is sent again). `unknown`: no verdict came, it may or may not have been created; a rerun sends it again where the endpoint is idempotent, elsewhere reconcile it. */
  state: 'ok' | 'failed' | 'invalid' | 'unknown' | 'skipped';
  recorded?: 'ok' | 'failed' | 'unknown';
  result?: SendResult;
  issues?: Issue[];
}

export interface BatchSummary {
  total: number; ok: number; failed: number; invalid: number; unknown: number; skipped: number;
  /** The signal stopped the batch before every order was read. */
  stopped: boolean;
  /** One per order, in the order given (empty with `keepResults: false`). */
  results: BatchResult[];
}

/**
 * A retry refused because the order already exists, after an attempt whose answer never came:
 * that attempt created the order. `data` is what the refusal says of it (ECCANG: `reference_no`).
 */
export interface CreatedByEarlierAttempt {
  ok: true;
  createdByEarlierAttempt: true;
  data: Record<string, unknown>;
  refusal: ResponseError;
}

/**
 * A transport failure (`timeout`, `network`, `aborted`, `http_<status>`). `notSent` is there only
 * when no request of the send can have been processed (the connection was refused, the port is one
 * fetch blocks, or the caller aborted before a request went out): otherwise the order may have been
 * received. `unprocessed`: the provider refused the send's every request before processing it (a
 * rate limit, to the last retry), so nothing was created. A batch sends a `failed` order with
 * either again on its next run.
 */
export type SendError = ResponseError & { notSent?: true; unprocessed?: true };

/** The parsed answer, or the provider's or the transport's failure. */
export type SendResult<T = unknown> = (Extract<Parsed<T>, { ok: true }> | { ok: false; error: SendError } | CreatedByEarlierAttempt) & { attempts: number };

export interface Client {
  send<K extends EndpointId>(id: K, order: Orders[K], options?: SendOptions): Promise<SendResult<Responses[K]>>;
  /** Sends many orders, never losing or doubling one: see the README, "Batches". */
  sendBatch<K extends EndpointId>(id: K, orders: Iterable<unknown> | AsyncIterable<unknown>, options?: BatchOptions): Promise<BatchSummary>;
  /**
   * Records what you found at the provider for an order a batch left `unknown`: `exists: true`,
   * it was created (`ok` from now on); `false`, it was not (the next run sends it). Holds the
   * journal's lock; refuses (`ArgumentError`) an order that has a verdict or was never sent.
   */
  settle(id: EndpointId, key: string | number, options: SettleOptions): Promise<JournalEntry>;
  /**
   * Where each order the journal has seen for this endpoint stands, in the order first seen (after
   * a crash, say, to find the orders to look up before `settle`). Sends nothing; holds the
   * journal's lock, so it is refused (`ArgumentError`) while a run is sending.
   */
  status(id: EndpointId, options: StatusOptions): Promise<OrderStatus[]>;
}

export interface StatusOptions {
  /** The journal the batch was sent with: a file path (Node) or a journal object. */
  journal: string | Journal;
}

/** One order as its journal has it now (`status`). */
export interface OrderStatus {
  key: string;
  /**
   * By today's rule: `unknown` is without a verdict (it may exist: look it up, then `settle`), also
   * for an order a run left in flight when it stopped (`interrupted`); `absent` was settled as not
   * created (the next run sends it).
   */
  state: 'ok' | 'failed' | 'invalid' | 'unknown' | 'absent';
  at?: string;
  /** The run stopped (it died, or was killed) while this order's request was in flight. */
  interrupted?: true;
  /** Recorded by `settle`: the caller looked the order up at the provider. */
  settled?: true;
  /** What came back for a `failed` order, or for an `unknown` one that got an answer without a verdict. */
  error?: SendError;
  /** Why an `invalid` order was not sent. */
  issues?: Issue[];
}

export interface SettleOptions extends StatusOptions {
  /** Whether the order exists at the provider. */
  exists: boolean;
}

/** An in-memory journal (its `entries` are visible), or the model of a shared store's. */
export function memoryJournal(entries?: JournalEntry[]): Journal & { entries: JournalEntry[] };
/**
 * The default key of an order at an endpoint: its key field where it fills it, else `sha256:` and
 * the digest of its content (the canonical JSON it is sent as: a Date by its text), which needs
 * Web Crypto's `crypto.subtle` (browsers give it only to pages over https or from localhost;
 * without it, an `OrdercraftError` saying so; for an order JSON cannot write, a BigInt or a
 * cycle, an `ArgumentError`).
 */
export function orderKey(endpoint: { keyField?: string }, order: unknown): Promise<string>;

export function createClient(options?: ClientOptions): Client;
