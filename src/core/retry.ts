/**
 * Whether a failed attempt is tried again. ky applies the rules it knows (the retry limit, the
 * methods, the statuses, network errors, backoff, `Retry-After`); {@link retryDecision} is the
 * one place where the SDK's own rules are added, with the operation at hand.
 */
import { isHTTPError, type RetryOptions as KyRetryOptions } from 'ky';
import { AttemptEnded } from './attempt.js';
import type { Operation } from './operation.js';
import type { ResolvedRetry } from './options.js';
import { parseRetryAfter } from './retryAfter.js';

/** @internal What a retry decision may depend on: the operation and the resolved settings. */
export interface RetryFacts {
  readonly op: Operation<unknown, Record<number, unknown>>;
  readonly retry: ResolvedRetry;
}

/**
 * @internal The SDK's word on a failed attempt, asked only once ky's limit and method checks
 * passed: `true` retries, `false` ends the call with this failure, `undefined` leaves it to ky's
 * rules (retry on a network error or a listed status).
 *
 * - An attempt that ran out of `timeout` is retried only with `retry.retryOnTimeout`; one that
 *   ended otherwise on its own (a redirect) never is.
 * - A `Retry-After` longer than `retry.maxRetryAfter` is not waited for: the answer is returned.
 */
export function retryDecision(facts: RetryFacts, error: Error): boolean | undefined {
  if (error instanceof AttemptEnded) return error.error.kind === 'timeout' && facts.retry.retryOnTimeout;
  if (!isHTTPError(error)) return undefined;
  const wait = parseRetryAfter(error.response.headers.get('retry-after'), Date.now());
  return wait !== undefined && wait > facts.retry.maxRetryAfter ? false : undefined;
}

/** Backoff delays vary by ±20 %, so that clients that failed together do not retry together. */
const jitter = (delay: number) => delay * (0.8 + Math.random() * 0.4);

/**
 * @internal ky's retry options for a call. A `Retry-After` counts for every retried status;
 * ky's own timeout handling is not used (attempts time out in ./attempt.ts, which says so).
 */
export function kyRetry(facts: RetryFacts): KyRetryOptions {
  const { retry } = facts;
  const statusCodes = [...retry.statusCodes];
  return {
    ...retry,
    methods: [...retry.methods],
    statusCodes,
    afterStatusCodes: statusCodes,
    jitter,
    shouldRetry: ({ error }) => retryDecision(facts, error),
  };
}
