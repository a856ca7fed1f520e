/**
 * One attempt of a call: the `fetch` ky calls for each try. It counts the attempt, runs the
 * hooks, bounds the attempt by `timeout`, sends the signed bytes, notes whether Talon.One may
 * have applied it, ends the call on a redirect and hands ky a bounded, scrubbed copy of an error
 * answer.
 */
import type { Client } from '../client.js';
import { boundedErrorAnswer } from './body.js';
import {
  type CallFacts,
  type ResponseError,
  responseError,
  type TimeoutError,
  timeoutError,
} from './errors.js';
import { redactHeaders } from './headers.js';
import type { Operation } from './operation.js';
import { retryDelay } from './retryAfter.js';

/** @internal What the attempts of one call share. */
export interface Call extends CallFacts {
  readonly op: Operation<unknown, Record<number, unknown>>;
  readonly client: Client;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** The per-attempt limit (ms), for the headers and again for reading the body. */
  readonly timeout: number;
  /** The `totalTimeout` setting (ms), or `false` for none. */
  readonly totalTimeout: number | false;
  /**
   * When `totalTimeout` runs out (ms since the epoch; `Infinity` without one), set when the first
   * attempt is sent. The SDK enforces it, not ky: an attempt's timer, the waits between attempts
   * (./retry.ts) and the body read (../core/request.ts) all end by it.
   */
  deadline: number;
  /** Attempts made so far; each attempt counts itself. */
  attempts: number;
  /**
   * Whether an attempt so far may have been applied by Talon.One: it was answered 2xx, or it
   * failed in a way that leaves that unknown (see {@link ambiguousStatus}, {@link sentNothing}).
   */
  mayHaveBeenApplied: boolean;
}

/** Error codes (of a failure's cause chain) that prove the request never left: no connection was made. */
const UNSENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * @internal Whether a network failure proves nothing was sent: a refused connection, a name that
 * did not resolve, an unreachable host, as far as the runtime tells (Node and undici name them in
 * the cause chain's `code`). Any other failure may have come after the request was sent.
 */
export function sentNothing(error: unknown): boolean {
  let at: unknown = error;
  for (let depth = 0; depth < 5 && typeof at === 'object' && at !== null; depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string' && UNSENT_CODES.has(code)) return true;
    at = (at as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * @internal Whether an error status leaves unknown if the request was applied: a 5xx, except a
 * 503 that asks for a wait (the server refused the request). 4xx statuses are refusals.
 */
export function ambiguousStatus(status: number, headers: Headers): boolean {
  if (status < 500) return false;
  return !(status === 503 && retryDelay(headers, Date.now()) !== undefined);
}

/**
 * @internal Thrown (to ky) by an attempt that ended in a way the SDK names itself: `error` is
 * the call's result unless ky tries again, which it does only for a timeout with
 * `retry.retryOnTimeout` (see ./retry.ts).
 */
export class AttemptEnded extends Error {
  constructor(readonly error: TimeoutError | ResponseError) {
    super(error.message);
  }
}

/** A fetch as ky calls it. */
type KyFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * @internal The time limit of the next step of `call` that `timeout` bounds (an attempt's
 * headers, the 2xx body): `timeout`, or what is left before the call's deadline when that is less
 * (`total`: then `totalTimeout` is what runs out). `ms` is 0 when the deadline has passed.
 */
export function stepLimit(call: Call): { readonly ms: number; readonly total: boolean } {
  const left = call.deadline - Date.now();
  return left < call.timeout ? { ms: Math.max(left, 0), total: true } : { ms: call.timeout, total: false };
}

/** @internal The `timeout` error of a step whose {@link stepLimit} ran out (`step`: which limit `timeout` was). */
export function stepTimeout(call: Call, total: boolean, step: 'attempt' | 'body'): TimeoutError {
  return total
    ? timeoutError(call, 'total', call.totalTimeout as number)
    : timeoutError(call, step, call.timeout);
}

/**
 * @internal The fetch ky calls for each attempt of `call`. ky builds its Request without a body,
 * so it has no body stream to tee for retries: every attempt sends `body`, the serialized,
 * signed bytes themselves. ky is given no `timeout` or `totalTimeout` of its own: the attempt's
 * timer is here, bounded by the call's deadline too, so that the error says which limit ran out.
 * An attempt due after the deadline is not sent.
 */
export function attemptFetch(call: Call, body: Uint8Array<ArrayBuffer> | null): KyFetch {
  return (target, init) => {
    // ky calls this with the Request it built, once per attempt.
    const input = target as Request;
    const limit = stepLimit(call);
    if (limit.ms === 0) return Promise.reject(new AttemptEnded(stepTimeout(call, true, 'attempt')));
    const attempt = ++call.attempts;
    // The attempt's own signal: aborted by its timer, and by ky (the caller's signal).
    const controller = new AbortController();
    const outer = input.signal;
    const forward = () => controller.abort(outer.reason);
    if (outer.aborted) forward();
    else outer.addEventListener('abort', forward);
    // The Request a custom fetch gets follows `controller.signal` through a weak link that garbage
    // collection breaks once nothing holds the Request (nodejs/node#55428): the pending timer
    // holds it here until the attempt ends, so that fetch always hears the abort.
    const held: { request?: Request | undefined } = {};
    return new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => {
        // The request went out and no answer came: it may have been applied.
        call.mayHaveBeenApplied = true;
        controller.abort();
        held.request = undefined;
        reject(new AttemptEnded(stepTimeout(call, limit.total, 'attempt')));
      }, limit.ms);
      const settled = () => {
        clearTimeout(timer);
        held.request = undefined;
        outer.removeEventListener('abort', forward);
      };
      // One settle step per outcome (no `.finally` promise in between).
      exchange(call, input, init, body, controller.signal, attempt, held).then(
        (response) => {
          settled();
          resolve(response);
        },
        (error: unknown) => {
          settled();
          reject(error);
        },
      );
    });
  };
}

function safely(fn: (() => void) | undefined): void {
  try {
    fn?.();
  } catch {
    // Hooks observe; what they throw must not change the call.
  }
}

/**
 * The end of a call answered with a redirect (3xx, or the opaque answer a browser gives for
 * one), or `undefined` for any other answer. Redirects are never followed, so the credentials
 * stay with the configured baseUrl; this is the one place that says so.
 */
function redirected(call: Call, response: Response): AttemptEnded | undefined {
  // An opaque answer (`opaqueredirect`, or `opaque` from a browser) has status 0.
  const status = response.status;
  if (status !== 0 && (status < 300 || status >= 400)) return undefined;
  response.body?.cancel().catch(() => {});
  const location = response.headers.get('location') ?? 'another location';
  const detail = `a redirect to ${location} was not followed, so credentials stay with the configured baseUrl`;
  return new AttemptEnded(responseError(call, status, 'redirect', detail));
}

/** Sends the attempt, tells the hooks, and sorts the answer: a redirect ends the call. */
async function exchange(
  call: Call,
  input: Request,
  init: RequestInit | undefined,
  body: Uint8Array<ArrayBuffer> | null,
  signal: AbortSignal,
  attempt: number,
  held: { request?: Request | undefined },
): Promise<Response> {
  const { client, op } = call;
  const hooks = client.hooks;
  const url = input.url;
  // What the hooks see; built only when a hook will see it.
  const base =
    hooks?.onRequest || hooks?.onResponse
      ? {
          operation: op.id,
          method: op.method,
          url,
          attempt,
          ...(hooks.includeHeaders ? { headers: redactHeaders(input.headers) } : {}),
        }
      : undefined;
  if (base) safely(() => hooks?.onRequest?.(base));
  const started = Date.now();
  let response!: Response;
  let failure: string | undefined;
  let thrown: unknown;
  try {
    const custom = client.fetch;
    // A custom fetch is promised a Request: one with the bytes, made for this attempt.
    const request = custom ? new Request(input, body ? { body, signal } : { signal }) : undefined;
    held.request = request;
    response = await (custom && request
      ? custom(request, init)
      : globalThis.fetch(url, {
          method: input.method,
          headers: input.headers,
          body,
          signal,
          redirect: 'manual',
        }));
  } catch (error) {
    thrown = error;
    failure = call.redact(error instanceof Error ? error.message : String(error));
    if (!sentNothing(error)) call.mayHaveBeenApplied = true;
  }
  if (base)
    safely(() =>
      hooks?.onResponse?.({ ...base, status: response?.status, failure, durationMs: Date.now() - started }),
    );
  if (failure !== undefined) throw thrown;
  if (response.ok || ambiguousStatus(response.status, response.headers)) call.mayHaveBeenApplied = true;
  const redirect = redirected(call, response);
  if (redirect) throw redirect;
  if (response.ok) return response;
  // A non-2xx answer: ky reads its body whole before deciding on a retry.
  return boundedErrorAnswer(response, call.timeout, signal, call.redact);
}
