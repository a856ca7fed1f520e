/**
 * Parses a `Retry-After` header (delay in seconds, or an HTTP date) into milliseconds from `now`.
 * Returns `undefined` when the header is absent or unparsable; never negative. A date must start
 * with its day name, as every HTTP date format does (`Wed, 21 Oct 2015 07:28:00 GMT`): the
 * run time's `Date.parse` also reads `-5`, `1.5` or `1 2` as dates long past, which would mean
 * "retry now".
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
