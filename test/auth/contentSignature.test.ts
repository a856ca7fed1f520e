import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentSignature } from '../../src/auth/contentSignature.js';
import { apiKey, createClient, TalonConfigError } from '../../src/index.js';

function signatureOf(applicationKey: string, body: Uint8Array): string {
  const headers = new Headers();
  contentSignature({ applicationId: 42, applicationKey }).sign(headers, body);
  const value = headers.get('content-signature') ?? '';
  const match = /^signer=42; signature=([0-9a-f]{32})$/.exec(value);
  if (!match) throw new Error(`malformed header: ${value}`);
  return match[1]!;
}

function nodeSignature(applicationKey: string, body: Uint8Array): string {
  return createHmac('md5', Buffer.from(applicationKey, 'hex')).update(body).digest('hex');
}

describe('contentSignature', () => {
  it('matches node:crypto HMAC-MD5 byte for byte on 1,000 random bodies and keys', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 4096 }),
          fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
          fc.constant(new Uint8Array(0)),
        ),
        fc.uint8Array({ minLength: 1, maxLength: 96 }),
        (body, keyBytes) => {
          const key = Buffer.from(keyBytes).toString('hex');
          expect(signatureOf(key, body)).toBe(nodeSignature(key, body));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('signs the empty body, non-ASCII text and upper-case hex keys like node:crypto', () => {
    const key = randomBytes(32).toString('hex');
    for (const text of ['', 'Grüße, 世界 🎉', '{"a":"\\u0000"}']) {
      const body = new TextEncoder().encode(text);
      expect(signatureOf(key, body)).toBe(nodeSignature(key, body));
      expect(signatureOf(key.toUpperCase(), body)).toBe(nodeSignature(key, body));
    }
  });

  it.each([
    ['empty', ''],
    ['odd length', 'abc'],
    ['not hex', 'zz11'],
    ['white space', ' abcd'],
    ['line break', 'ab\r\ncd'],
  ])('rejects a %s application key at createClient', (_, applicationKey) => {
    const auth = contentSignature({ applicationId: 1, applicationKey });
    expect(auth.problem).toMatch(/applicationKey/);
    expect(() => createClient({ baseUrl: 'https://x.talon.one', auth })).toThrow(TalonConfigError);
  });

  it('rejects an application ID that is not a positive integer', () => {
    for (const applicationId of [0, -1, 1.5, 'abc', '1\r\nx']) {
      expect(contentSignature({ applicationId, applicationKey: 'abcd' }).problem).toMatch(/applicationId/);
    }
  });

  it('keeps the key out of JSON and inspection', async () => {
    const { inspect } = await import('node:util');
    const secret = 'deadbeefcafebabe0123456789abcdef';
    const auth = contentSignature({ applicationId: 1, applicationKey: secret });
    expect(JSON.stringify(auth)).not.toContain(secret);
    expect(inspect(auth, { showHidden: true, depth: Infinity })).not.toContain(secret);
    expect(auth.redact(`x${secret}y${secret.toUpperCase()}`)).toBe('x[redacted]y[redacted]');
  });
});

describe('apiKey', () => {
  it('sends Authorization: ApiKey-v1 <key>', () => {
    const headers = new Headers();
    apiKey('abc123').sign(headers, new Uint8Array());
    expect(headers.get('authorization')).toBe('ApiKey-v1 abc123');
  });

  it.each([
    ['empty', ''],
    ['CR', 'abc\rdef'],
    ['LF', 'abc\ndef'],
    ['CRLF injection', 'abc\r\nX-Evil: 1'],
    ['NUL', 'a\u0000b'],
    ['non-Latin-1', 'ключ'],
  ])('rejects an %s key as invalid configuration', (_, key) => {
    expect(apiKey(key).problem).toBeDefined();
    expect(() => createClient({ baseUrl: 'https://x.talon.one', auth: apiKey(key) })).toThrow(
      /config: auth is unusable/,
    );
  });

  it('keeps the key out of JSON, inspection and the config error message', async () => {
    const { inspect } = await import('node:util');
    const key = 'canary-key-0123456789';
    const client = createClient({ baseUrl: 'https://x.talon.one', auth: apiKey(key) });
    expect(JSON.stringify(client)).not.toContain(key);
    expect(inspect(client, { showHidden: true, depth: Infinity })).not.toContain(key);
    try {
      createClient({ baseUrl: 'https://x.talon.one', auth: apiKey(`${key}\n`) });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(key);
      expect(inspect(error, { showHidden: true, depth: Infinity })).not.toContain(key);
    }
  });
});
