/**
 * src/core/retryAfter.ts: `Retry-After` as delay-seconds or an HTTP date, into milliseconds, and
 * what the transport does with the value (reports it; a wait beyond `maxRetryAfter` ends the call).
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/core/retryAfter.js';
import { apiKey, createClient, getCustomerSession } from '../../src/index.js';
import { sparseCustomerSession } from '../support/fixtures.js';
import { BASE_URL, useMockServer } from '../support/msw.js';

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
