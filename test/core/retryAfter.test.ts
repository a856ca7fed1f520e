import { describe, expect, it } from 'vitest';
import { exceedsMaxRetryAfter, parseRetryAfter, retryDelay } from '../../src/core/retryAfter.js';

const NOW = Date.UTC(2026, 5, 24, 12, 0, 0); // Wed, 24 Jun 2026 12:00:00 GMT
const h = (init: Record<string, string>) => new Headers(init);
const inSeconds = (s: number) => new Date(NOW + s * 1000).toUTCString();

describe('retryDelay', () => {
  it('reads nothing when no timing header is present', () => {
    expect(retryDelay(h({ 'content-type': 'application/json' }), NOW)).toBeUndefined();
  });

  describe.each([
    ['Retry-After', 'retry-after'],
    ['RateLimit-Reset', 'ratelimit-reset'],
    ['X-RateLimit-Retry-After', 'x-ratelimit-retry-after'],
    ['X-RateLimit-Reset', 'x-ratelimit-reset'],
    ['X-Rate-Limit-Reset', 'x-ratelimit-reset'],
  ] as const)('%s', (header, from) => {
    it('in seconds', () => {
      expect(retryDelay(h({ [header]: '7' }), NOW)).toEqual({ ms: 7000, from });
      expect(retryDelay(h({ [header]: ' 0 ' }), NOW)).toEqual({ ms: 0, from });
    });
    it('as an HTTP date (IMF-fixdate)', () => {
      expect(retryDelay(h({ [header]: inSeconds(30) }), NOW)).toEqual({ ms: 30_000, from });
    });
    it('as a date in the past: no wait', () => {
      expect(retryDelay(h({ [header]: inSeconds(-30) }), NOW)).toEqual({ ms: 0, from });
    });
    it('unparsable: undefined (the backoff applies)', () => {
      expect(retryDelay(h({ [header]: 'soon' }), NOW)).toBeUndefined();
      expect(retryDelay(h({ [header]: '-5' }), NOW)).toBeUndefined();
      expect(retryDelay(h({ [header]: '1.5' }), NOW)).toBeUndefined();
    });
  });

  it('reads epoch seconds on the reset headers, as ky does', () => {
    const epoch = String(Math.floor(NOW / 1000) + 90);
    expect(retryDelay(h({ 'RateLimit-Reset': epoch }), NOW)).toEqual({ ms: 90_000, from: 'ratelimit-reset' });
    expect(retryDelay(h({ 'X-RateLimit-Reset': epoch }), NOW)).toEqual({
      ms: 90_000,
      from: 'x-ratelimit-reset',
    });
    expect(retryDelay(h({ 'X-RateLimit-Reset': String(Math.floor(NOW / 1000) - 5) }), NOW)).toEqual({
      ms: 0,
      from: 'x-ratelimit-reset',
    });
  });

  it('reads the same large number as seconds of delay on Retry-After', () => {
    const epoch = String(Math.floor(NOW / 1000) + 90);
    expect(retryDelay(h({ 'Retry-After': epoch }), NOW)?.ms).toBe(Number(epoch) * 1000);
  });

  it('lets the first header present win, in ky’s order, even when it is unparsable', () => {
    const all = {
      'Retry-After': '1',
      'RateLimit-Reset': '2',
      'X-RateLimit-Retry-After': '3',
      'X-RateLimit-Reset': '4',
    };
    expect(retryDelay(h(all), NOW)).toEqual({ ms: 1000, from: 'retry-after' });
    const { 'Retry-After': _, ...rest } = all;
    expect(retryDelay(h(rest), NOW)).toEqual({ ms: 2000, from: 'ratelimit-reset' });
    const { 'RateLimit-Reset': __, ...last } = rest;
    expect(retryDelay(h(last), NOW)).toEqual({ ms: 3000, from: 'x-ratelimit-retry-after' });
    expect(retryDelay(h({ 'Retry-After': 'later', 'RateLimit-Reset': '2' }), NOW)).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads the three HTTP-date forms (asctime in a UTC runtime)', () => {
    const at = Date.UTC(1994, 10, 6, 8, 49, 37);
    const past = at + 60_000;
    expect(retryDelay(h({ 'Retry-After': 'Sun, 06 Nov 1994 08:49:37 GMT' }), at - 5000)?.ms).toBe(5000);
    expect(retryDelay(h({ 'Retry-After': 'Sunday, 06-Nov-94 08:49:37 GMT' }), at - 5000)?.ms).toBe(5000);
    expect(retryDelay(h({ 'Retry-After': 'Sun, 06 Nov 1994 08:49:37 GMT' }), past)?.ms).toBe(0);
    if (new Date(0).getTimezoneOffset() === 0)
      expect(retryDelay(h({ 'Retry-After': 'Sun Nov  6 08:49:37 1994' }), at - 5000)?.ms).toBe(5000);
  });
  it('refuses what is not a date, even what Date.parse would read', () => {
    for (const text of ['2026-06-24T12:00:00Z', '1.5', '-5', '12/31/2026', 'soon', ''])
      expect(retryDelay(h({ 'Retry-After': text }), NOW), text).toBeUndefined();
  });
});

describe('the maxRetryAfter policy', () => {
  it('stops for a delay longer than the limit, from any header', () => {
    for (const header of ['Retry-After', 'RateLimit-Reset', 'X-RateLimit-Retry-After', 'X-RateLimit-Reset']) {
      expect(exceedsMaxRetryAfter(retryDelay(h({ [header]: '120' }), NOW), 10_000)).toBe(true);
      expect(exceedsMaxRetryAfter(retryDelay(h({ [header]: '10' }), NOW), 10_000)).toBe(false);
      expect(exceedsMaxRetryAfter(retryDelay(h({ [header]: inSeconds(11) }), NOW), 10_000)).toBe(true);
    }
    expect(exceedsMaxRetryAfter(undefined, 0)).toBe(false);
  });
});

describe('parseRetryAfter (kept for its callers)', () => {
  it('reads seconds and HTTP dates of Retry-After', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(inSeconds(5), NOW)).toBe(5000);
    expect(parseRetryAfter(inSeconds(-5), NOW)).toBe(0);
  });
  it('answers undefined when absent, empty or unparsable', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('  ', NOW)).toBeUndefined();
    expect(parseRetryAfter('tomorrow', NOW)).toBeUndefined();
  });
});
