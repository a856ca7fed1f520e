/**
 * The server's "wait this long" headers, read the one way ky reads them (ky 2.x,
 * `core/retry-timing.js`), so that the SDK's `maxRetryAfter` policy judges exactly the delay ky
 * would wait:
 *
 * - the first header present wins, in this order: `Retry-After`, `RateLimit-Reset`,
 *   `X-RateLimit-Retry-After`, `X-RateLimit-Reset` (or its alias `X-Rate-Limit-Reset`); a later
 *   header is not consulted when an earlier one is present but unparsable (ky then falls back to
 *   its own backoff, and so does the answer here: `undefined`);
 * - a value is whole seconds of delay, or an HTTP date. ky accepts exactly the three RFC 9110
 *   forms (IMF-fixdate, RFC 850, asctime); here a value that starts with a day name and that
 *   `Date.parse` reads counts (so the parser stays small). A date ky would refuse (and answer
 *   with its own short backoff) can so only end a call sooner, never make it wait longer;
 * - for the reset headers (`RateLimit-Reset`, `X-RateLimit-Reset`) whole seconds that, read as
 *   milliseconds, fall on or after 2024-01-01 are epoch seconds (an instant), not a delay;
 * - a date or instant in the past is a delay of 0.
 *
 * Policy (one for all of them): a delay longer than `maxRetryAfter` is not waited for, and not
 * capped either: the call ends with the `http` error and its `retryAfter`.
 */

/** Which header {@link retryDelay} read. */
export type RetryDelaySource =
  | 'retry-after'
  | 'ratelimit-reset'
  | 'x-ratelimit-retry-after'
  | 'x-ratelimit-reset';

/** A delay the server asked for: how long, and which header said so. */
export interface RetryDelay {
  /** Milliseconds from `now`; never negative. */
  readonly ms: number;
  readonly from: RetryDelaySource;
}

/** What can be asked of a set of response headers (a `Headers`, or anything with `get`). */
export interface HeaderSource {
  get(name: string): string | null;
}

const TIMESTAMP_THRESHOLD = Date.UTC(2024, 0, 1);
/** One header value as a delay in ms from `now`; `epoch` lets large whole numbers be epoch seconds. */
function delayOf(value: string, now: number, epoch: boolean): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const ms = Number(text) * 1000;
    return Math.max(0, epoch && ms >= TIMESTAMP_THRESHOLD ? ms - now : ms);
  }
  // Every HTTP-date form starts with a day name; that keeps Date.parse away from numbers like 1.5.
  const at = /^[A-Z][a-z]{2}/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const SOURCES: readonly (readonly [RetryDelaySource, readonly string[], boolean])[] = [
  ['retry-after', ['retry-after'], false],
  ['ratelimit-reset', ['ratelimit-reset'], true],
  ['x-ratelimit-retry-after', ['x-ratelimit-retry-after'], false],
  ['x-ratelimit-reset', ['x-ratelimit-reset', 'x-rate-limit-reset'], true],
];

/**
 * The delay the answer's headers ask for before a retry, read as ky reads them (see the module
 * comment), or `undefined` when no such header is present or the one that counts is unparsable.
 * Pure: `now` is the current time in epoch ms. Never throws.
 */
export function retryDelay(headers: HeaderSource, now: number): RetryDelay | undefined {
  for (const [from, names, epoch] of SOURCES) {
    for (const name of names) {
      const value = headers.get(name);
      if (value === null) continue;
      const ms = delayOf(value, now, epoch);
      return ms === undefined ? undefined : { ms, from };
    }
  }
  return undefined;
}

/**
 * Whether a server-asked delay ends the call instead of being waited for: the one policy for
 * every header {@link retryDelay} reads (longer than `maxRetryAfter`: stop, never cap).
 */
export function exceedsMaxRetryAfter(delay: RetryDelay | undefined, maxRetryAfter: number): boolean {
  return delay !== undefined && delay.ms > maxRetryAfter;
}

/**
 * Parses a `Retry-After` header (delay in seconds, or an HTTP date) into milliseconds from `now`.
 * Returns `undefined` when the header is absent or unparsable; never negative. A date must start
 * with its day name, as every HTTP date format does (`Wed, 21 Oct 2015 07:28:00 GMT`): the
 * run time's `Date.parse` also reads `-5`, `1.5` or `1 2` as dates long past, which would mean
 * "retry now".
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  return value === null ? undefined : delayOf(value, now, false);
}
