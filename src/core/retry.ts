/**
 * Whether a failed attempt is tried again, and after how long: {@link retryWait}, the one place of
 * the SDK's retry rules. Each attempt is one ky request without retries of its own (ky would clone
 * every attempt's Request to keep a body the SDK never gives it); the transport (./request.ts)
 * asks `retryWait` after each failure. The rules are ky's (the retry limit, the statuses, network
 * errors, backoff, the rate-limit headers) with the SDK's own, given the operation at hand: what
 * the failure proves (./attempt.ts sorts it) and whether this call may be repeated
 * (./idempotency.ts).
 */
import { isHTTPError, isNetworkError } from 'ky';
import { AttemptEnded, ambiguousStatus, sentNothing } from './attempt.js';
import { repeatable, retriesConflict } from './idempotency.js';
import type { Operation } from './operation.js';
import { DEFAULT_RETRY, type ResolvedRetry } from './options.js';
import { exceedsMaxRetryAfter, retryDelay } from './retryAfter.js';

/** @internal What a retry decision may depend on: the operation, the call and the resolved settings. */
export interface RetryFacts {
  readonly op: Operation<unknown, Record<number, unknown>>;
  readonly retry: ResolvedRetry;
  /** The call's params, as validated (a body rule reads them). */
  readonly params: unknown;
  /** Whether the call carries an `Idempotency-Key` the operation honours. */
  readonly keyed: boolean;
  /** When the call's `totalTimeout` runs out (ms since the epoch; `Infinity` without one). */
  readonly deadline: number;
}

/**
 * @internal Whether the caller gave `retry.methods` (client or call): then the methods decide, as
 * documented before the per-operation rules, instead of the operation's class. Resolved options
 * keep the default list's identity unless it was replaced.
 */
export function explicitMethods(retry: ResolvedRetry): boolean {
  return retry.methods !== DEFAULT_RETRY.methods;
}

/**
 * @internal Whether this call may be sent again after a failure that leaves unknown whether it
 * was applied: its operation's class says so (./idempotency.ts), or the caller listed its method
 * in an explicit `retry.methods`. An operation without a class (a hand-written one) goes by the
 * default methods.
 */
export function mayRepeat(facts: RetryFacts): boolean {
  const { op, retry } = facts;
  return explicitMethods(retry)
    ? retry.methods.includes(op.method)
    : safeToRepeat(op, facts.params, facts.keyed);
}

/**
 * @internal Whether repeating this call cannot change what happened, by its operation's class
 * (the default methods for an operation without one), whatever the retry settings.
 */
export function safeToRepeat(
  op: Operation<unknown, Record<number, unknown>>,
  params: unknown,
  keyed: boolean,
): boolean {
  if (!op.idempotency) return DEFAULT_RETRY.methods.includes(op.method);
  return repeatable(op.idempotency, params, keyed);
}

/**
 * The backoff before retry `n` (1 for the first): 300 ms doubling, ±20 % so that clients that
 * failed together do not retry together, at most `backoffLimit`, and never past the call's
 * deadline (a wait cut short there is followed by no attempt: ./attempt.ts ends the call with a
 * `total` timeout, nothing sent).
 */
function backoff(facts: RetryFacts, n: number): number {
  const jittered = 300 * 2 ** (n - 1) * (0.8 + Math.random() * 0.4);
  return Math.max(Math.min(jittered, facts.retry.backoffLimit, facts.deadline - Date.now()), 0);
}

/**
 * @internal How long to wait before trying a failed call again (ms), or `undefined` to end it with
 * this failure. `attempts`: the attempts made so far. The retry limit and an explicit
 * `retry.methods` first, then what the failure proves and whether the call may be repeated:
 *
 * - A network failure (a ky `NetworkError`, or the `TypeError` a custom fetch rejects with): one
 *   that proves nothing was sent (connection refused, DNS) is retried for every call, any other
 *   only when {@link mayRepeat}.
 * - An attempt's timeout only with `retry.retryOnTimeout` and when {@link mayRepeat}; a `total`
 *   one never.
 * - A wait a rate-limit header asks for that is longer than `retry.maxRetryAfter`, or than what is
 *   left of `totalTimeout`, is not waited for: the answer that asked for it ends the call.
 * - A 409 that means Talon.One's parallel-request limit is retried when the call carries a key;
 *   one that means "exists" never, even when 409 is listed; another 409 only when listed.
 * - Another listed status (408, 429, 500, 502, 503, 504 by default) waits for its rate-limit
 *   header, or backs off; an ambiguous one (500, 502, 504, a 503 without a wait) only when
 *   {@link mayRepeat}. 413 waits for a header or ends the call.
 */
export function retryWait(
  facts: RetryFacts & { readonly attempts: number },
  error: unknown,
): number | undefined {
  const { retry, attempts } = facts;
  if (attempts > retry.limit || (explicitMethods(retry) && !retry.methods.includes(facts.op.method)))
    return undefined;
  const again = () => backoff(facts, attempts);
  if (error instanceof AttemptEnded) {
    const ended = error.error;
    const repeat = ended.kind === 'timeout' && ended.limit === 'attempt' && retry.retryOnTimeout;
    return repeat && mayRepeat(facts) ? again() : undefined;
  }
  // A fetch rejects with a TypeError when the network fails; ky names only some runtimes' wording a
  // NetworkError (not a custom fetch's, e.g. the fake's dropped connection).
  if (isNetworkError(error) || error instanceof TypeError)
    return sentNothing(error) || mayRepeat(facts) ? again() : undefined;
  if (!isHTTPError(error)) return undefined;
  const { status, headers } = error.response;
  const now = Date.now();
  const delay = retryDelay(headers, now);
  if (exceedsMaxRetryAfter(delay, retry.maxRetryAfter) || (delay && delay.ms >= facts.deadline - now))
    return undefined;
  const idempotency = facts.op.idempotency;
  if (status === 409 && idempotency) {
    if (idempotency.conflict === 'exists') return undefined;
    if (retriesConflict(idempotency, facts.keyed)) return again();
  }
  if (!retry.statusCodes.includes(status) || (ambiguousStatus(status, headers) && !mayRepeat(facts)))
    return undefined;
  if (delay) return delay.ms;
  return status === 413 ? undefined : again();
}
