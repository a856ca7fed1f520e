/**
 * Uploads: what users hold (Blob/File, CSV string, bytes) becomes one multipart form part with
 * exactly those bytes, under the operation's field name. The bytes are checked by serialising the
 * form the way fetch does, and once more through msw as a server would receive them.
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { encodeUpload, UPLOAD_FILENAME, UPLOAD_TYPE, uploadForm } from '../../src/management/upload.js';
import { BASE_URL, useMockServer } from '../support/msw.js';

const CSV = 'identifier,amount\ncard-1,100\nкарта-2,5\n';

/** The multipart body fetch would send for `form`, with the boundary its content type names. */
async function serialise(form: FormData): Promise<{ boundary: string; text: string; bytes: Uint8Array }> {
  const request = new Request('https://x.talon.one/upload', { method: 'POST', body: form });
  const type = request.headers.get('content-type') ?? '';
  const match = /^multipart\/form-data; boundary=(.+)$/.exec(type);
  if (!match) throw new Error(`unexpected content-type ${type}`);
  const bytes = new Uint8Array(await request.arrayBuffer());
  return { boundary: match[1]!, text: new TextDecoder().decode(bytes), bytes };
}

/** The one part every upload has, byte for byte. */
function part(boundary: string, field: string, filename: string, type: string, content: string): string {
  return (
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
    `Content-Type: ${type}\r\n\r\n` +
    `${content}\r\n` +
    `--${boundary}--\r\n`
  );
}

function formOf(value: unknown, field = 'upFile'): FormData {
  const form = uploadForm(value, field);
  if (!(form instanceof FormData)) throw new Error(`expected a form, got ${JSON.stringify(form)}`);
  return form;
}

describe('uploadForm', () => {
  const bytes = new TextEncoder().encode(CSV);
  it.each([
    ['a CSV string', CSV],
    ['a Uint8Array', bytes],
    ['an ArrayBuffer', bytes.buffer.slice(0)],
    ['a Node Buffer', Buffer.from(CSV)],
    ['a Blob without a type', new Blob([CSV])],
  ])('sends %s as one part upload.csv of type text/csv with exactly its bytes', async (_, value) => {
    const { boundary, text } = await serialise(formOf(value));
    expect(text).toBe(part(boundary, 'upFile', UPLOAD_FILENAME, UPLOAD_TYPE, CSV));
  });

  it("keeps a Blob's own type and a File's own name", async () => {
    const file = new File([CSV], 'points-2026-06.csv', { type: 'application/vnd.ms-excel' });
    const { boundary, text } = await serialise(formOf(file));
    expect(text).toBe(part(boundary, 'upFile', 'points-2026-06.csv', 'application/vnd.ms-excel', CSV));
    const typed = await serialise(formOf(new Blob([CSV], { type: 'text/plain' })));
    expect(typed.text).toBe(part(typed.boundary, 'upFile', UPLOAD_FILENAME, 'text/plain', CSV));
  });

  it('uses the field name the operation gives', async () => {
    const { boundary, text } = await serialise(formOf(CSV, 'otherField'));
    expect(text).toBe(part(boundary, 'otherField', UPLOAD_FILENAME, UPLOAD_TYPE, CSV));
  });

  it('sends only the bytes of a view, not the rest of its buffer', async () => {
    const buffer = new TextEncoder().encode(`xx${CSV}yy`);
    const view = new Uint8Array(buffer.buffer, 2, buffer.length - 4);
    const { boundary, text } = await serialise(formOf(view));
    expect(text).toBe(part(boundary, 'upFile', UPLOAD_FILENAME, UPLOAD_TYPE, CSV));
  });

  it('copies bytes: changing the array after the call changes nothing sent', async () => {
    const mutable = new TextEncoder().encode('a,b\n');
    const form = formOf(mutable);
    mutable.fill(0x7a);
    const { boundary, text } = await serialise(form);
    expect(text).toBe(part(boundary, 'upFile', UPLOAD_FILENAME, UPLOAD_TYPE, 'a,b\n'));
  });

  it('keeps binary bytes as they are (no text decoding on the way)', async () => {
    const raw = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xff, 0x00]);
    const { bytes } = await serialise(formOf(raw));
    const head = new TextEncoder().encode('Content-Type: text/csv\r\n\r\n');
    const at = indexOf(bytes, head) + head.length;
    expect([...bytes.subarray(at, at + raw.length)]).toEqual([...raw]);
  });

  it.each([
    ['a number', 42, /must be the file to upload/],
    ['null', null, /must be the file to upload/],
    ['undefined', undefined, /must be the file to upload/],
    ['a plain object', { name: 'x.csv', data: 'a,b' }, /must be the file to upload/],
    ['an array of lines', ['a,b', '1,2'], /must be the file to upload/],
    ['an empty string', '', /is empty/],
    ['an empty Blob', new Blob([]), /is empty/],
    ['a lone surrogate', 'a,\ud800\n', /lone surrogate/],
  ])('refuses %s with a validation issue at body.upFile, never a throw', (_, value, message) => {
    const issue = uploadForm(value, 'upFile');
    expect(issue).not.toBeInstanceOf(FormData);
    expect(issue).toMatchObject({ path: 'body.upFile', message: expect.stringMatching(message) });
  });
});

describe('encodeUpload', () => {
  it('encodes once: the bytes and the boundary of their content type belong together', async () => {
    const encoded = await encodeUpload(CSV, 'upFile');
    if ('issue' in encoded) throw new Error(encoded.issue.message);
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(encoded.contentType)?.[1];
    expect(boundary).toBeDefined();
    expect(new TextDecoder().decode(encoded.bytes)).toBe(
      part(boundary!, 'upFile', UPLOAD_FILENAME, UPLOAD_TYPE, CSV),
    );
  });

  it('passes the issue through for a value that is not a file', async () => {
    expect(await encodeUpload(7, 'upFile')).toEqual({
      issue: { path: 'body.upFile', message: expect.stringMatching(/must be the file to upload/) },
    });
  });

  it('turns a body that cannot be read into an issue, never a rejection', async () => {
    // A Blob backed by a file that vanished fails while the form is encoded: simulated here by an
    // encoder whose read rejects.
    class Unreadable {
      readonly headers = new Headers({ 'content-type': 'multipart/form-data; boundary=b' });
      arrayBuffer() {
        return Promise.reject(new Error('the file is gone'));
      }
    }
    vi.stubGlobal('Response', Unreadable);
    try {
      expect(await encodeUpload(CSV, 'upFile')).toEqual({
        issue: { path: 'body.upFile', message: 'could not be read: the file is gone' },
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('through msw, as a server receives it', () => {
  const { server, seen } = useMockServer();

  it('the server parses one file part upFile with the CSV, under the boundary sent', async () => {
    let received: { name: string; type: string; text: string } | undefined;
    server.use(
      http.post(`${BASE_URL}/v1/loyalty_programs/:id/import_points`, async ({ request }) => {
        const form = await request.formData();
        const file = form.get('upFile');
        if (file instanceof File) received = { name: file.name, type: file.type, text: await file.text() };
        return HttpResponse.json({}, { status: 204 });
      }),
    );
    const encoded = await encodeUpload(new TextEncoder().encode(CSV), 'upFile');
    if ('issue' in encoded) throw new Error(encoded.issue.message);
    const response = await fetch(`${BASE_URL}/v1/loyalty_programs/7/import_points`, {
      method: 'POST',
      headers: { 'content-type': encoded.contentType },
      body: encoded.bytes,
    });
    expect(response.status).toBe(204);
    expect(received).toEqual({ name: UPLOAD_FILENAME, type: UPLOAD_TYPE, text: CSV });
    expect(seen[0]?.headers.get('content-type')).toBe(encoded.contentType);
    await vi.waitFor(() => expect([...seen[0]!.body]).toEqual([...encoded.bytes]));
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
