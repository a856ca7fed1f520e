/**
 * Whether a failed attempt is tried again. ky applies the rules it knows (the retry limit, the
 * statuses, network errors, backoff, the rate-limit headers); {@link retryDecision} is the one
 * place where the SDK's own rules are added, with the operation at hand: what the failure proves
 * (./attempt.ts sorts it) and whether this call may be repeated (./idempotency.ts).
 */
import { isHTTPError, isNetworkError, type RetryOptions as KyRetryOptions } from 'ky';
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
 * @internal The SDK's word on a failed attempt, asked once ky's limit (and, for an explicit
 * `retry.methods`, method) check passed: `true` retries with backoff, `false` ends the call with
 * this failure, `undefined` leaves it to ky's rules (a network error, or a listed status with the
 * wait its rate-limit headers ask for).
 *
 * - A network failure is a ky `NetworkError`, or the `TypeError` a (custom) fetch rejects with.
 * - A failure that proves nothing was applied (connection refused, DNS, 408, 429, 503 with a
 *   wait, another 4xx the caller listed) is left to ky for every call.
 * - An ambiguous one (a network error after sending, an attempt's timeout, 500, 502, 504) is
 *   retried only when {@link mayRepeat}; a timeout only with `retry.retryOnTimeout`.
 * - A 409 that means Talon.One's parallel-request limit is retried when the call carries a key;
 *   one that means "exists" never, even when 409 is listed; another 409 only when listed.
 * - A wait longer than `retry.maxRetryAfter` (any of the rate-limit headers), or than what is
 *   left of `totalTimeout`, is not waited for: the answer that asked for it ends the call.
 */
export function retryDecision(facts: RetryFacts, error: Error): boolean | undefined {
  if (error instanceof AttemptEnded) {
    const ended = error.error;
    return (
      ended.kind === 'timeout' && ended.limit === 'attempt' && facts.retry.retryOnTimeout && mayRepeat(facts)
    );
  }
  if (isNetworkError(error)) return sentNothing(error) || mayRepeat(facts) ? undefined : false;
  // A fetch rejects with a TypeError when the network fails; ky recognises only some runtimes'
  // wording (not a custom fetch's, e.g. the fake's dropped connection), so the SDK decides here.
  if (error instanceof TypeError) return sentNothing(error) || mayRepeat(facts);
  if (!isHTTPError(error)) return undefined;
  const { status, headers } = error.response;
  const now = Date.now();
  const delay = retryDelay(headers, now);
  if (exceedsMaxRetryAfter(delay, facts.retry.maxRetryAfter)) return false;
  // A wait the call has no time left for is not started: the answer that asked for it ends the call.
  if (delay && delay.ms >= facts.deadline - now) return false;
  if (status === 409) {
    const idempotency = facts.op.idempotency;
    if (idempotency?.conflict === 'exists') return false;
    if (idempotency && retriesConflict(idempotency, facts.keyed)) return true;
    return undefined;
  }
  return ambiguousStatus(status, headers) && !mayRepeat(facts) ? false : undefined;
}

/** Backoff delays vary by ±20 %, so that clients that failed together do not retry together. */
const jitter = (delay: number) => delay * (0.8 + Math.random() * 0.4);

/**
 * A backoff wait, jittered, and never past the call's deadline: a wait cut short there is followed
 * by no attempt (./attempt.ts ends the call with a `total` timeout, nothing sent).
 */
const backoff = (facts: RetryFacts) => (delay: number) =>
  Math.min(jitter(delay), Math.max(facts.deadline - Date.now(), 0));

/**
 * @internal ky's retry options for a call. A rate-limit header counts for every retried status;
 * ky's own timeout handling is not used (attempts time out in ./attempt.ts, which says so).
 */
export function kyRetry(facts: RetryFacts): KyRetryOptions {
  const { retry } = facts;
  const statusCodes = [...retry.statusCodes];
  return {
    ...retry,
    // Without an explicit `retry.methods` the operation's class decides, not ky's method list:
    // ky is told that this call's method may be retried, and `shouldRetry` rules.
    methods: explicitMethods(retry) ? [...retry.methods] : [facts.op.method],
    statusCodes,
    afterStatusCodes: statusCodes,
    jitter: backoff(facts),
    shouldRetry: ({ error }) => retryDecision(facts, error),
  };
}
