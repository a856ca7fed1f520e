import { headerValueProblem } from '../auth/types.js';
import { reservedHeaderProblem } from './headers.js';

/** An HTTP method the API uses. */
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

/** A `fetch` implementation: the global one, or a custom one (a fake, a proxy, a tracer). */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * When and how a failed attempt is tried again. Defaults: 2 retries (3 attempts), on network
 * errors and 408, 429, 500, 502, 503, 504, and on the parallel-request 409 of a call with an
 * `Idempotency-Key`; a failure that may have been applied (a network error after sending, a
 * timeout, 500, 502, 504) only for calls that are safe to repeat (each operation's class, see
 * docs/reliability.md); exponential backoff from 300 ms capped at 3 s; a `Retry-After` (or
 * another rate-limit header) up to 10 s is honoured, a longer one ends the call.
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2; 0 turns retries off. */
  readonly limit?: number | undefined;
  /**
   * Unset (the default): each operation's class decides which calls are retried, not the method.
   * Given: calls of these methods are retried after every retryable failure (even one that may
   * have been applied), and calls of other methods never are.
   */
  readonly methods?: readonly HttpMethod[] | undefined;
  /** Statuses that are retried. Default 408, 429, 500, 502, 503, 504. */
  readonly statusCodes?: readonly number[] | undefined;
  /** Upper bound of one backoff delay in ms. Default 3000. */
  readonly backoffLimit?: number | undefined;
  /** Longest `Retry-After` (ms) the SDK waits for; a longer one is not retried but returned. Default 10000. */
  readonly maxRetryAfter?: number | undefined;
  /** Retry an attempt that timed out. Default false. */
  readonly retryOnTimeout?: boolean | undefined;
}

/** {@link RetryOptions} with every default filled in. */
export type ResolvedRetry = { readonly [K in keyof RetryOptions]-?: Exclude<RetryOptions[K], undefined> };

/** What `onRequest` receives, once per attempt. */
export interface RequestEvent {
  readonly operation: string;
  readonly method: HttpMethod;
  readonly url: string;
  readonly attempt: number;
  /** Request headers with credential-like ones `[redacted]`; only when `hooks.includeHeaders` is true. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What `onResponse` receives, once per attempt that got an HTTP answer or failed on the network. */
export interface ResponseEvent extends RequestEvent {
  /** The HTTP status, or `undefined` when the attempt got no answer (see `failure`). */
  readonly status: number | undefined;
  /** Why the attempt got no answer, when it did not. */
  readonly failure: string | undefined;
  readonly durationMs: number;
}

/**
 * Observers for logging and tracing. They see every attempt; what they throw is ignored.
 * They never see credentials.
 */
export interface Hooks {
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  readonly onResponse?: ((event: ResponseEvent) => void) | undefined;
  /**
   * Pass request headers to the hooks, with every credential-like header (`Authorization`,
   * `Proxy-Authorization`, `Cookie`, `X-Api-Key`, `Content-Signature`) as `[redacted]`, whoever
   * set it.
   */
  readonly includeHeaders?: boolean | undefined;
}

/** Options that can be set on the client and overridden per call. */
export interface SharedOptions {
  /** Per-attempt time limit in ms for the response headers, and again for reading the body. Default 10000. */
  readonly timeout?: number | undefined;
  /** Limit in ms for the whole call, retries and waits included; `false` for none. Default 30000. */
  readonly totalTimeout?: number | false | undefined;
  /** A retry limit, `false` to turn retries off, or {@link RetryOptions}. */
  readonly retry?: number | false | RetryOptions | undefined;
  /**
   * Extra request headers. `Authorization`, `Content-Signature`, `Content-Type`, `Accept`,
   * `Content-Length` and `Idempotency-Key` (any case) are the SDK's: naming one is a `config`
   * error, nothing is sent.
   */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Validate 2xx bodies against the operation's schema. Default true; `false` returns parsed JSON unchecked. */
  readonly validateResponse?: boolean | undefined;
}

/** Per-call options, the last argument of every endpoint. */
export interface CallOptions extends SharedOptions {
  /** Cancels the call; the result is then an `aborted` error. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The `Idempotency-Key` of this call, for the operations Talon.One honours one on
   * (`returnCartItems`, `reopenCustomerSession`, `trackEventV2`, `updateCustomerProfileV2`,
   * `updateCustomerProfilesV2`, `updateCustomerSessionV2`): 1 to 255 visible ASCII characters,
   * a UUID is typical. Every attempt of the call sends it; Talon.One answers a repeat with the same
   * key and the same request from its store for 24 hours, without applying it again. Without it
   * the SDK makes one per call (`crypto.randomUUID()`); give your own so that a job that restarts
   * can send the same request again safely. A bad key, or a key for another operation, is a
   * `config` error and nothing is sent.
   */
  readonly idempotencyKey?: string | undefined;
}

export const DEFAULT_RETRY: ResolvedRetry = Object.freeze({
  limit: 2,
  methods: Object.freeze(['GET', 'PUT', 'DELETE'] as const),
  statusCodes: Object.freeze([408, 429, 500, 502, 503, 504]),
  backoffLimit: 3000,
  maxRetryAfter: 10_000,
  retryOnTimeout: false,
});

const MAX_TIMER = 2_147_483_647;
const METHODS: readonly string[] = ['GET', 'PUT', 'POST', 'DELETE'];

/** A problem found in an option: which field, and what to do about it. */
export interface OptionProblem {
  readonly field: string;
  readonly message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMs(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= MAX_TIMER;
}

/** Resolves a `retry` option against `base`, or says what is wrong with it. */
export function resolveRetry(
  value: unknown,
  base: ResolvedRetry,
  field: string,
): ResolvedRetry | OptionProblem {
  if (value === undefined) return base;
  if (value === false) return Object.freeze({ ...base, limit: 0 });
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value <= 10
      ? Object.freeze({ ...base, limit: value })
      : { field, message: 'must be a whole number of retries from 0 to 10, false, or a RetryOptions object' };
  }
  if (!isRecord(value)) return { field, message: 'must be a number, false, or a RetryOptions object' };
  const out: Record<string, unknown> = { ...base };
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const f = `${field}.${key}`;
    switch (key) {
      case 'limit':
        if (!(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10))
          return { field: f, message: 'must be a whole number from 0 to 10' };
        break;
      case 'backoffLimit':
      case 'maxRetryAfter':
        if (!isMs(v, 0)) return { field: f, message: 'must be a whole number of milliseconds' };
        break;
      case 'retryOnTimeout':
        if (typeof v !== 'boolean') return { field: f, message: 'must be true or false' };
        break;
      case 'methods':
        if (!Array.isArray(v) || !v.every((m) => typeof m === 'string' && METHODS.includes(m.toUpperCase())))
          return { field: f, message: 'must be an array of GET, PUT, POST, DELETE' };
        out[key] = Object.freeze(v.map((m: string) => m.toUpperCase()));
        continue;
      case 'statusCodes':
        if (!Array.isArray(v) || !v.every((s) => Number.isInteger(s) && s >= 400 && s <= 599))
          return { field: f, message: 'must be an array of HTTP statuses from 400 to 599' };
        out[key] = Object.freeze([...v]);
        continue;
      default:
        return {
          field: f,
          message:
            'is not a retry option (limit, methods, statusCodes, backoffLimit, maxRetryAfter, retryOnTimeout)',
        };
    }
    out[key] = v;
  }
  return Object.freeze(out) as ResolvedRetry;
}

/**
 * Checks a `headers` option: names must be HTTP tokens and none of the SDK's own headers (auth,
 * content type, accept, length), values free of CR, LF and NUL.
 */
export function checkHeaders(value: unknown, field: string): OptionProblem | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return { field, message: 'must be an object of header names to string values' };
  for (const [name, v] of Object.entries(value)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      return {
        field,
        message: `has an invalid header name ${JSON.stringify(name.slice(0, 40))}`,
      };
    const reserved = reservedHeaderProblem(name);
    if (reserved) return { field: `${field}.${name}`, message: reserved };
    const problem = headerValueProblem(v, `the value of header ${name}`);
    if (problem && !(typeof v === 'string' && v.length === 0))
      return { field: `${field}.${name}`, message: problem };
  }
  return undefined;
}

/** Checks the options shared by client and call; returns the first problem found. */
export function checkSharedOptions(
  value: Record<string, unknown>,
  prefix: string,
): OptionProblem | undefined {
  const { timeout, totalTimeout, validateResponse } = value;
  if (timeout !== undefined && !isMs(timeout, 1))
    return {
      field: `${prefix}timeout`,
      message: 'must be a whole number of milliseconds from 1 to 2147483647',
    };
  if (totalTimeout !== undefined && totalTimeout !== false && !isMs(totalTimeout, 1))
    return {
      field: `${prefix}totalTimeout`,
      message: 'must be false or a whole number of milliseconds from 1',
    };
  if (validateResponse !== undefined && typeof validateResponse !== 'boolean')
    return { field: `${prefix}validateResponse`, message: 'must be true or false' };
  return checkHeaders(value.headers, `${prefix}headers`);
}
