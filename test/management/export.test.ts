/**
 * CSV exports through the transport: the request accepts `application/csv`, a 2xx is the text,
 * read within the same bounds as JSON answers (maxResponseBytes, the body timeout); error bodies
 * are JSON whatever their content type (the spec files them under `application/csv`). And a 429
 * with `Retry-After` on a Management operation is waited for and retried.
 */
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../src/management/send.js';
import { BASE_URL, useMockServer } from '../support/msw.js';
import { admin, exportLoyaltyBalances, getLoyaltyCard, MANAGEMENT_KEY } from './ops.js';

const { server, seen } = useMockServer();

afterEach(() => {
  vi.useRealTimers();
});

const URL_ = `${BASE_URL}/v1/loyalty_programs/14/export_customer_balances`;
const EXPORT =
  'loyaltyProgramID,loyaltySubledger,profileIntegrationID,currentBalance\n14,,p-1,120.5\n14,,p-2,0\n';
const csv = (body: BodyInit | null, status = 200, type = 'application/csv') =>
  new HttpResponse(body, { status, headers: { 'content-type': type } });

describe('CSV exports through the transport', () => {
  it('asks for application/csv and hands over the text', async () => {
    server.use(http.get(URL_, () => csv(EXPORT)));
    const result = await send(admin(), exportLoyaltyBalances, {
      loyaltyProgramId: '14',
      endDate: '2026-01-01T00:00:00Z',
    });
    expect(result).toMatchObject({ ok: true, value: EXPORT, response: { status: 200, attempts: 1 } });
    expect(seen[0]?.headers.get('accept')).toBe('application/csv');
    expect(seen[0]?.url.search).toBe('?endDate=2026-01-01T00%3A00%3A00Z');
  });

  it('drops a byte-order mark; an empty export is the empty string', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\nJosé,1\n')]);
    server.use(http.get(URL_, () => csv(bom)));
    expect(await send(admin(), exportLoyaltyBalances, { loyaltyProgramId: '14' })).toMatchObject({
      ok: true,
      value: 'a,b\nJosé,1\n',
    });
    server.use(http.get(URL_, () => csv(null)));
    expect(await send(admin(), exportLoyaltyBalances, { loyaltyProgramId: '14' })).toMatchObject({
      ok: true,
      value: '',
    });
  });

  it('a 2xx that says it is JSON is a response error schema with the parsed body kept, not a parse error', async () => {
    server.use(http.get(URL_, () => HttpResponse.json({ data: [] })));
    const result = await send(admin(), exportLoyaltyBalances, { loyaltyProgramId: '14' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'response',
        problem: 'schema',
        status: 200,
        body: { data: [] },
        issues: [{ path: '', message: 'expected CSV, got content-type application/json' }],
      },
    });
    if (!result.ok)
      expect(result.error.message).toMatch(
        /not the CSV exportLoyaltyBalances returns: expected CSV, got content-type application\/json/,
      );
  });

  it('an HTML page instead of the export keeps its text in error.body', async () => {
    server.use(
      http.get(
        URL_,
        () => new HttpResponse('<html>maintenance</html>', { headers: { 'content-type': 'text/html' } }),
      ),
    );
    const result = await send(admin(), exportLoyaltyBalances, { loyaltyProgramId: '14' });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'response', problem: 'schema', body: '<html>maintenance</html>' },
    });
  });

  it('is bounded by maxResponseBytes like a JSON answer', async () => {
    server.use(http.get(URL_, () => csv(EXPORT.repeat(100))));
    const result = await send(admin({ maxResponseBytes: 1000 }), exportLoyaltyBalances, {
      loyaltyProgramId: '14',
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'response', problem: 'too-large' } });
  });

  it('is bounded by the body timeout like a JSON answer', async () => {
    // A fetch (not msw: its socket cannot hold a body open) that answers at once, then stalls.
    const stalled = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('a,b\n'));
          },
        }),
        { headers: { 'content-type': 'application/csv' } },
      );
    const result = await send(admin({ timeout: 50, fetch: stalled }), exportLoyaltyBalances, {
      loyaltyProgramId: '14',
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', limit: 'body', timeout: 50 } });
  });

  it('parses a documented error body as JSON though it comes as application/csv', async () => {
    server.use(
      http.get(URL_, () =>
        csv(JSON.stringify({ message: 'endDate is invalid', errors: [{ title: 'bad date' }] }), 400),
      ),
    );
    const result = await send(admin(), exportLoyaltyBalances, { loyaltyProgramId: '14', endDate: 'x' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'http',
        status: 400,
        documented: true,
        body: { message: 'endDate is invalid', errors: [{ title: 'bad date' }] },
      },
    });
    if (!result.ok) expect(result.error.message).toMatch(/HTTP 400: endDate is invalid/);
  });

  it('keeps an error body that is not JSON as its text, scrubbed of the key', async () => {
    server.use(http.get(URL_, () => csv(`denied for ${MANAGEMENT_KEY}`, 401)));
    const result = await send(admin(), exportLoyaltyBalances, { loyaltyProgramId: '14' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 401, documented: false } });
    if (!result.ok && result.error.kind === 'http') {
      expect(typeof result.error.body).toBe('string');
      expect(String(result.error.body)).not.toContain(MANAGEMENT_KEY);
    }
  });
});

describe('429 with Retry-After on a Management operation', () => {
  it('waits the Retry-After, then retries and succeeds', async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const arrivals: number[] = [];
    const start = Date.now();
    server.use(
      http.get(`${BASE_URL}/v1/loyalty_programs/14/cards/C-1`, () => {
        arrivals.push(Date.now() - start);
        return arrivals.length === 1
          ? HttpResponse.json(
              { message: 'Too many requests' },
              { status: 429, headers: { 'retry-after': '2' } },
            )
          : HttpResponse.json({ id: 1, identifier: 'C-1' });
      }),
    );
    const call = send(admin(), getLoyaltyCard, { loyaltyProgramId: 14, loyaltyCardId: 'C-1' });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(arrivals).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    const result = await call;
    expect(result).toMatchObject({ ok: true, value: { identifier: 'C-1' }, response: { attempts: 2 } });
    expect(arrivals).toEqual([0, 2000]);
  });

  it('a CSV export answered 429 past maxRetryAfter is the 429 at once, its JSON body parsed', async () => {
    server.use(
      http.get(
        URL_,
        () =>
          new HttpResponse(JSON.stringify({ message: 'slow down' }), {
            status: 429,
            headers: { 'content-type': 'application/csv', 'retry-after': '120' },
          }),
      ),
    );
    const result = await send(admin({ retry: { maxRetryAfter: 60_000 } }), exportLoyaltyBalances, {
      loyaltyProgramId: '14',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 429, retryAfter: 120_000, attempts: 1, body: { message: 'slow down' } },
    });
    expect(seen).toHaveLength(1);
  });
});
