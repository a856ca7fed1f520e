/**
 * CSV exports: a 2xx answer is handed over as text, read by the transport's bounded reader (here a
 * stand-in with the same contract); an answer that says it is JSON or HTML is read the same way and
 * marked as not CSV.
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { type BodyReader, readCsv } from '../../src/management/csv.js';
import { BASE_URL, useMockServer } from '../support/msw.js';

const EXPORT =
  'loyaltyProgramID,loyaltySubledger,profileIntegrationID,currentBalance\n14,,p-1,120.5\n14,,p-2,0\n';

/** The bounded reader's contract: text, or a problem past `max` bytes. */
const bounded =
  (max: number): BodyReader =>
  async (response) => {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length > max ? { problem: 'too-large' } : { text: new TextDecoder().decode(bytes) };
  };

const csvResponse = (body: BodyInit | null, type: string | null = 'application/csv') =>
  new Response(body, { status: 200, headers: type === null ? {} : { 'content-type': type } });

describe('readCsv', () => {
  it.each(['application/csv', 'text/csv; charset=utf-8', 'text/plain', 'application/octet-stream', null])(
    'hands over the text of a %s answer unchanged',
    async (type) => {
      expect(await readCsv(csvResponse(EXPORT, type), bounded(1 << 20))).toEqual({ text: EXPORT });
    },
  );

  it('drops a UTF-8 byte-order mark and decodes non-ASCII text', async () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name\nJosé\n')]);
    const read: BodyReader = async (r) => ({ text: new TextDecoder().decode(await r.arrayBuffer()) });
    expect(await readCsv(csvResponse(body), read)).toEqual({ text: 'name\nJosé\n' });
  });

  it('an empty body is an empty export', async () => {
    expect(await readCsv(csvResponse(null), bounded(10))).toEqual({ text: '' });
  });

  it.each([
    'application/json',
    'application/problem+json; charset=utf-8',
    'text/html',
    'application/xhtml+xml',
  ])(
    'reads a %s answer but says it is not CSV (notCsv: its content type), keeping the text',
    async (type) => {
      const result = await readCsv(csvResponse('{"data":[]}', type), bounded(1 << 20));
      expect(result).toEqual({ text: '{"data":[]}', notCsv: type });
    },
  );

  it('a non-CSV answer is bounded by the same reader (too-large, not read whole)', async () => {
    expect(await readCsv(csvResponse('<html>'.repeat(100), 'text/html'), bounded(10))).toEqual({
      problem: 'too-large',
    });
  });

  it("passes the bounded reader's problems through (too-large past maxResponseBytes)", async () => {
    expect(await readCsv(csvResponse(EXPORT), bounded(10))).toEqual({ problem: 'too-large' });
    for (const problem of ['timeout', 'aborted', 'unreadable'] as const)
      expect(await readCsv(csvResponse(EXPORT), async () => ({ problem }))).toEqual({ problem });
  });

  it('a reader that rejects (it should not) gives unreadable, never a rejection', async () => {
    expect(await readCsv(csvResponse(EXPORT), () => Promise.reject(new Error('boom')))).toEqual({
      problem: 'unreadable',
    });
  });
});

describe('through msw', () => {
  const { server } = useMockServer();

  it('reads an export as Talon.One serves it', async () => {
    server.use(
      http.get(
        `${BASE_URL}/v1/loyalty_programs/:id/export_customer_balances`,
        () => new HttpResponse(EXPORT, { headers: { 'content-type': 'application/csv' } }),
      ),
    );
    const response = await fetch(`${BASE_URL}/v1/loyalty_programs/14/export_customer_balances`, {
      headers: { accept: 'application/csv, application/json' },
    });
    expect(await readCsv(response, bounded(1 << 20))).toEqual({ text: EXPORT });
  });
});
