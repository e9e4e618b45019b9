import type { EndpointId, Order, Parsed, ResponseError, TopOptions, PandaponOptions, EccangOptions } from '../pkg/ordercraft.js';

export interface ClientCredentials {
  top?: Omit<TopOptions, 'timestamp'>;
  pandapon?: Omit<PandaponOptions, 'timestamp' | 'nonce'>;
  eccang?: EccangOptions | Omit<EccangOptions, 'endpoint'>;
}

export interface ClientOptions {
  credentials?: ClientCredentials;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
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
  signal?: AbortSignal;
  /** Any other option goes to `prepare` (timestamp, nonce, signMethod, session …). */
  [option: string]: unknown;
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

/** The parsed answer, or a transport failure (`timeout`, `network`, `aborted`, `http_<status>`). */
export type SendResult = (Parsed<any> | { ok: false; error: ResponseError } | CreatedByEarlierAttempt) & { attempts: number };

export interface Client {
  send<K extends EndpointId>(id: K, order: Order, options?: SendOptions): Promise<SendResult>;
}

export function createClient(options?: ClientOptions): Client;
