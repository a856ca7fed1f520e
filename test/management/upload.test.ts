/**
 * Uploads through the transport: a multipart operation sends the form encoded once (the exact
 * bytes of the form part, under the content type that names its boundary), the same bytes on
 * every attempt, and is retried only where the method allows it (a POST import: not by default).
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { send } from '../../src/management/send.js';
import { BASE_URL, type SeenRequest, useMockServer } from '../support/msw.js';
import { admin, importLoyaltyPoints } from './ops.js';

const { server, seen } = useMockServer();

const URL_ = `${BASE_URL}/v1/loyalty_programs/14/import_points`;
const CSV = 'identifier,amount\ncard-1,100\ncard-2,5.5\n';
const IMPORTED = { id: 3, entity: 'LoyaltyPoints', amount: 2 };

/** The exact body a multipart form of one file part is: the boundary comes from the content type. */
function expectedForm(boundary: string, name: string, type: string, content: string): string {
  return (
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="upFile"; filename="${name}"\r\n` +
    `Content-Type: ${type}\r\n\r\n` +
    `${content}\r\n` +
    `--${boundary}--\r\n`
  );
}

function boundaryOf(request: SeenRequest): string {
  const type = request.headers.get('content-type') ?? '';
  const match = /^multipart\/form-data; boundary=(.+)$/.exec(type);
  expect(match, `content-type: ${type}`).not.toBeNull();
  return match![1]!;
}

const bodyText = (request: SeenRequest) => new TextDecoder().decode(request.body);

/** Waits until msw has read the body bytes of every seen request (it records them asynchronously). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('uploads through the transport', () => {
  it.each([
    ['a string of CSV', CSV, 'upload.csv', 'text/csv'],
    ['a Uint8Array', new TextEncoder().encode(CSV), 'upload.csv', 'text/csv'],
    [
      'a Blob with its own type',
      new Blob([CSV], { type: 'application/vnd.ms-excel' }),
      'upload.csv',
      'application/vnd.ms-excel',
    ],
    [
      'a File with its name',
      new File([CSV], 'points-2026.csv', { type: 'text/csv' }),
      'points-2026.csv',
      'text/csv',
    ],
  ])('sends %s as the exact bytes of one form part', async (_, file, name, type) => {
    server.use(http.post(URL_, () => HttpResponse.json(IMPORTED)));
    const result = await send(admin(), importLoyaltyPoints, {
      loyaltyProgramId: 14,
      notificationsEnabled: false,
      body: { upFile: file },
    });
    expect(result).toMatchObject({ ok: true, value: IMPORTED });
    await settled();
    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.method).toBe('POST');
    expect(request.url.search).toBe('?notificationsEnabled=false');
    expect(request.headers.get('accept')).toBe('application/json');
    expect(request.headers.get('authorization')).toMatch(/^ManagementKey-v1 /);
    expect(bodyText(request)).toBe(expectedForm(boundaryOf(request), name, type, CSV));
  });

  it('keeps non-ASCII text and the bytes as given (UTF-8, nothing normalized)', async () => {
    server.use(http.post(URL_, () => HttpResponse.json(IMPORTED)));
    const csv = 'identifier,amount\r\nJosé-ü,1\r\n';
    await send(admin(), importLoyaltyPoints, { loyaltyProgramId: 14, body: { upFile: csv } });
    await settled();
    const request = seen[0]!;
    const expected = new TextEncoder().encode(
      expectedForm(boundaryOf(request), 'upload.csv', 'text/csv', csv),
    );
    expect(request.body).toEqual(expected);
  });

  it('a POST import is not retried by default: a 503 is the answer after one attempt', async () => {
    server.use(http.post(URL_, () => HttpResponse.json({ message: 'busy' }, { status: 503 })));
    const result = await send(admin({ retry: { backoffLimit: 1 } }), importLoyaltyPoints, {
      loyaltyProgramId: 14,
      body: { upFile: CSV },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 503, attempts: 1 } });
    expect(seen).toHaveLength(1);
  });

  it('retried when the caller opts in for POST: every attempt sends the same bytes under the same boundary', async () => {
    let calls = 0;
    server.use(
      http.post(URL_, () => {
        calls += 1;
        return calls < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(IMPORTED);
      }),
    );
    const source = new TextEncoder().encode(CSV);
    const call = send(
      admin({ retry: { backoffLimit: 1 } }),
      importLoyaltyPoints,
      { loyaltyProgramId: 14, body: { upFile: source } },
      { retry: { methods: ['POST'], limit: 3 } },
    );
    // Changing the caller's array after the call changes nothing that is sent.
    source.fill(0x21);
    const result = await call;
    expect(result).toMatchObject({ ok: true, response: { attempts: 3 } });
    await settled();
    expect(seen).toHaveLength(3);
    const boundary = boundaryOf(seen[0]!);
    const expected = expectedForm(boundary, 'upload.csv', 'text/csv', CSV);
    for (const request of seen) {
      expect(request.headers.get('content-type')).toBe(`multipart/form-data; boundary=${boundary}`);
      expect(bodyText(request)).toBe(expected);
    }
  });

  it.each([
    ['an empty file', '', /is empty/],
    ['a number', 42, /must be the file to upload/],
    ['an array of lines', ['a,b', '1,2'], /must be the file to upload/],
    ['a string with a lone surrogate', 'a,b\n\ud800,1\n', /not well-formed Unicode/],
  ])('refuses %s: a validation error at body.upFile, nothing sent', async (_, upFile, message) => {
    const result = await send(admin(), importLoyaltyPoints, { loyaltyProgramId: 14, body: { upFile } });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'body.upFile' }] },
    });
    if (!result.ok && result.error.kind === 'validation')
      expect(result.error.issues[0]?.message).toMatch(message);
    expect(seen).toHaveLength(0);
  });
});
