/**
 * src/core/retryAfter.ts: the server's "wait this long" headers (Retry-After, RateLimit-Reset,
 * X-RateLimit-Retry-After, X-RateLimit-Reset) read as ky reads them, the one maxRetryAfter policy,
 * `parseRetryAfter` (delay-seconds or an HTTP date into milliseconds), and what the transport
 * does with the value (reports it; a wait beyond `maxRetryAfter` ends the call).
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { exceedsMaxRetryAfter, parseRetryAfter, retryDelay } from '../../src/core/retryAfter.js';
import { apiKey, createClient, getCustomerSession } from '../../src/index.js';
import { sparseCustomerSession } from '../support/fixtures.js';
import { BASE_URL, useMockServer } from '../support/msw.js';

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

describe('Retry-After, as parsed and as the transport applies it', () => {
  const NOW = Date.parse('2026-06-01T10:00:00Z');

  describe('parseRetryAfter', () => {
    it('reads delay-seconds as milliseconds, surrounding spaces and leading zeros allowed', () => {
      expect(parseRetryAfter('0', NOW)).toBe(0);
      expect(parseRetryAfter('1', NOW)).toBe(1000);
      expect(parseRetryAfter('120', NOW)).toBe(120_000);
      expect(parseRetryAfter('  7  ', NOW)).toBe(7000);
      expect(parseRetryAfter('007', NOW)).toBe(7000);
      // A four-digit number is seconds, not a year.
      expect(parseRetryAfter('2026', NOW)).toBe(2_026_000);
    });

    it('reads a very long delay as a finite number (the cap is applied by the caller)', () => {
      const ms = parseRetryAfter('99999999999', NOW);
      expect(ms).toBe(99_999_999_999_000);
      expect(Number.isFinite(ms)).toBe(true);
    });

    it('reads the three HTTP date formats as milliseconds from now', () => {
      // 2026-06-01T10:01:30Z is a Monday, 90 s after NOW.
      expect(parseRetryAfter('Mon, 01 Jun 2026 10:01:30 GMT', NOW)).toBe(90_000);
      expect(parseRetryAfter('Monday, 01-Jun-26 10:01:30 GMT', NOW)).toBe(90_000);
      // asctime has no zone: the run time reads it as local time.
      const local = NOW + new Date(NOW).getTimezoneOffset() * 60_000;
      expect(parseRetryAfter('Mon Jun  1 10:01:30 2026', local)).toBe(90_000);
    });

    it('reads a date in the past (or now) as 0, never negative', () => {
      expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', NOW)).toBe(0);
      expect(parseRetryAfter('Mon, 01 Jun 2026 10:00:00 GMT', NOW)).toBe(0);
    });

    it('gives undefined for an absent or blank header', () => {
      expect(parseRetryAfter(null, NOW)).toBeUndefined();
      expect(parseRetryAfter('', NOW)).toBeUndefined();
      expect(parseRetryAfter('   ', NOW)).toBeUndefined();
    });

    it.each([
      ['a word', 'soon'],
      ['a unit', '5s'],
      ['hex', '0x10'],
      ['an exponent', '1e3'],
      ['a negative number', '-5'],
      ['a signed number', '+5'],
      ['a fraction', '1.5'],
      ['two numbers', '1 2'],
      ['a day name alone', 'Monday'],
      ['an impossible date', 'Mon, 99 Foo 2026 10:00:00 GMT'],
    ])('gives undefined for garbage: %s (%j)', (_label, header) => {
      expect(parseRetryAfter(header, NOW)).toBeUndefined();
    });
  });

  describe('Retry-After as the transport applies it', () => {
    const { server, seen } = useMockServer();
    const route = `${BASE_URL}/v2/customer_sessions/:id`;
    const session = { customerSession: sparseCustomerSession(), effects: [] };
    const client = (maxRetryAfter: number) =>
      createClient({
        baseUrl: BASE_URL,
        auth: apiKey('retry-after-key'),
        retry: { limit: 2, backoffLimit: 1, maxRetryAfter },
      });
    const tooMany = (retryAfter: string) =>
      new HttpResponse(null, { status: 429, headers: { 'retry-after': retryAfter } });

    it('a wait beyond maxRetryAfter ends the call after one attempt, reporting the wait in ms', async () => {
      server.use(http.get(route, () => tooMany('2')));
      const result = await getCustomerSession(client(1999), { customerSessionId: 's' });
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'http', status: 429, retryAfter: 2000, attempts: 1 },
      });
      expect(seen).toHaveLength(1);
    });

    it('a wait within maxRetryAfter is retried', async () => {
      let calls = 0;
      server.use(http.get(route, () => (++calls === 1 ? tooMany('0') : HttpResponse.json(session))));
      const result = await getCustomerSession(client(0), { customerSessionId: 's' });
      expect(result, JSON.stringify(!result.ok && result.error)).toMatchObject({
        ok: true,
        response: { status: 200, attempts: 2 },
      });
    });

    it('an unparsable Retry-After is reported as undefined, not as "retry now"', async () => {
      server.use(http.get(route, () => tooMany('-5')));
      const result = await getCustomerSession(client(0), { customerSessionId: 's' }, { retry: false });
      expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 429, attempts: 1 } });
      if (!result.ok && result.error.kind === 'http') expect(result.error.retryAfter).toBeUndefined();
    });
  });
});
