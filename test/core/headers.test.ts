import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { redactHeaders, reservedHeaderProblem } from '../../src/core/headers.js';
import { send } from '../../src/core/request.js';
import { apiKey, createClient } from '../../src/index.js';
import { BASE_URL, useMockServer } from '../support/msw.js';
import { getThing, postThing } from '../support/ops.js';

const { server, seen } = useMockServer();
const KEY = 'test-key-123';
const RESERVED = ['authorization', 'content-signature', 'content-type', 'accept', 'content-length'];
const client = createClient({ baseUrl: BASE_URL, auth: apiKey(KEY), retry: false });

describe('headers the SDK owns', () => {
  it('are refused by name, in any case', () => {
    for (const name of RESERVED) {
      expect(reservedHeaderProblem(name)).toMatch(/set by the SDK.*cannot be given/);
      expect(reservedHeaderProblem(name.toUpperCase())).toBe(reservedHeaderProblem(name));
    }
    for (const name of ['x-trace', 'constructor', '__proto__', 'toString'])
      expect(reservedHeaderProblem(name)).toBeUndefined();
    // One key per call, shared by its attempts: the call option gives it, never a header.
    expect(reservedHeaderProblem('Idempotency-Key')).toMatch(/idempotencyKey call option/);
  });

  it.each(RESERVED)('a call header %s is a config error naming it, and nothing is sent', async (name) => {
    server.use(http.post(`${BASE_URL}/v1/things`, () => HttpResponse.json({ id: 1 }, { status: 201 })));
    const upper = name.toUpperCase();
    const result = await send(client, postThing, { body: { name: 'n' } }, { headers: { [upper]: 'x' } });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'config', field: `options.headers.${upper}` },
    });
    expect(result.ok ? '' : result.error.message).toContain(upper);
    expect(seen).toHaveLength(0);
  });

  it('other headers still go out', async () => {
    server.use(http.get(`${BASE_URL}/v1/things/:id`, () => HttpResponse.json({ id: 1, name: 'a' })));
    const result = await send(client, getThing, { thingId: 'x' }, { headers: { 'x-trace': 't-1' } });
    expect(result.ok).toBe(true);
    expect(seen[0]?.headers.get('x-trace')).toBe('t-1');
    expect(seen[0]?.headers.get('authorization')).toBe(`ApiKey-v1 ${KEY}`);
  });
});

describe('redactHeaders', () => {
  it('masks every credential-like header, whoever set it, and keeps the rest', () => {
    const headers = new Headers({
      Authorization: `ApiKey-v1 ${KEY}`,
      'Proxy-Authorization': 'Basic dTpw',
      Cookie: 'session=abc',
      'X-Api-Key': 'k2',
      'Content-Signature': 'signer=1; signature=ff',
      'content-type': 'application/json',
      'x-trace': 't-1',
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: '[redacted]',
      'proxy-authorization': '[redacted]',
      cookie: '[redacted]',
      'x-api-key': '[redacted]',
      'content-signature': '[redacted]',
      'content-type': 'application/json',
      'x-trace': 't-1',
    });
  });

  it('answers an empty record for no headers', () => {
    expect(redactHeaders(new Headers())).toEqual({});
  });
});
