import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { apiKey } from '../../src/auth/apiKey.js';
import { contentSignature } from '../../src/auth/contentSignature.js';
import { createClient as createIntegrationClient } from '../../src/client.js';
import * as integration from '../../src/index.js';
import { createClient } from '../../src/management/client.js';
import { managementKey } from '../../src/management/managementKey.js';
import * as management from '../../src/management.js';

const BASE = 'https://x.talon.one';

describe('managementKey', () => {
  it('sends Authorization: ManagementKey-v1 <key> with the scheme managementKey', () => {
    const auth = managementKey('mk-123');
    const headers = new Headers();
    auth.sign(headers, new Uint8Array());
    expect(headers.get('authorization')).toBe('ManagementKey-v1 mk-123');
    expect(auth.scheme).toBe('managementKey');
    expect(auth.problem).toBeUndefined();
    expect(Object.isFrozen(auth)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['CR', 'abc\rdef'],
    ['LF', 'abc\ndef'],
    ['CRLF injection', 'abc\r\nX-Evil: 1'],
    ['NUL', 'a\u0000b'],
    ['non-Latin-1', 'ключ'],
    ['padded', ' abc '],
  ])('rejects an %s key like apiKey does, naming the Management API key', (_, key) => {
    const problem = managementKey(key).problem;
    expect(problem).toMatch(/^the Management API key /);
    // Same checks as apiKey: the same problem, only the name differs.
    expect(problem?.replace('the Management API key', 'the API key')).toBe(apiKey(key).problem);
    expect(() => createClient({ baseUrl: BASE, auth: managementKey(key) })).toThrow(
      /config: auth is unusable/,
    );
  });

  it('refuses a non-string key without throwing', () => {
    expect(managementKey(42 as unknown as string).problem).toBe('the Management API key must be a string');
  });

  it('keeps the key out of JSON, inspection, the config error and redacted text', () => {
    const key = 'canary-mgmt-key-0123456789';
    const client = createClient({ baseUrl: BASE, auth: managementKey(key) });
    expect(JSON.stringify(client)).not.toContain(key);
    expect(inspect(client, { showHidden: true, depth: Infinity })).not.toContain(key);
    expect(client.auth.redact(`a ${key} b ${key}`)).toBe('a [redacted] b [redacted]');
    try {
      createClient({ baseUrl: BASE, auth: managementKey(`${key}\n`) });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(key);
      expect(inspect(error, { showHidden: true, depth: Infinity })).not.toContain(key);
    }
  });

  it('is exported from the management entry, not from the Integration entry', () => {
    expect(management.managementKey).toBe(managementKey);
    expect('managementKey' in integration).toBe(false);
    expect('perEndpoint' in integration).toBe(false);
  });
});

describe('the refusals each scheme carries (Auth.refuses, asked by the Integration transport)', () => {
  const auths = {
    apiKey: apiKey('k'),
    contentSignature: contentSignature({ applicationId: 1, applicationKey: 'abcd' }),
    managementKey: managementKey('m'),
  };
  const ops = { integration: {}, apiKeyOnly: { apiKeyOnly: true } };

  it.each([
    ['integration', 'apiKey', undefined],
    ['integration', 'contentSignature', undefined],
    ['integration', 'managementKey', /does not accept managementKey auth .*apiKey\(key\)/],
    ['apiKeyOnly', 'apiKey', undefined],
    ['apiKeyOnly', 'contentSignature', /accepts only apiKey auth/],
    ['apiKeyOnly', 'managementKey', /does not accept managementKey auth/],
  ] as const)('a %s operation with a %s client: %s', (op, scheme, expected) => {
    const message = auths[scheme].refuses?.(ops[op]);
    if (expected === undefined) expect(message).toBeUndefined();
    else expect(message).toMatch(expected);
  });

  it('keeps the message the transport gives apiKey-only operations', () => {
    expect(auths.contentSignature.refuses?.({ apiKeyOnly: true })).toBe(
      'accepts only apiKey auth (the API lists no Content-Signature for it); create a client with auth: apiKey(key)',
    );
  });

  it('apiKey carries no refusal at all: an app on apiKey bundles none of the messages', () => {
    expect(auths.apiKey.refuses).toBeUndefined();
  });
});

describe('the two createClient functions', () => {
  it('the Management one refuses an Integration auth at start-up, naming managementKey', () => {
    expect(() =>
      createClient({ baseUrl: BASE, auth: apiKey('k') as unknown as ReturnType<typeof managementKey> }),
    ).toThrow(/config: auth must be managementKey\(key\)/);
  });

  it('the Integration one, from JavaScript, takes any auth object; its operations refuse it (test/management/auth.test.ts)', () => {
    const client = createIntegrationClient({
      baseUrl: BASE,
      auth: managementKey('m') as unknown as ReturnType<typeof apiKey>,
    });
    expect(client.auth.scheme).toBe('managementKey');
  });
});
