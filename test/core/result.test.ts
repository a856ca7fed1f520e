/**
 * src/core/result.ts: the `ok` and `err` builders, and `Result` as callers use it (narrowing on
 * `ok`; the value and its response only on success, the error only on failure).
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { err, ok } from '../../src/core/result.js';
import {
  apiKey,
  createClient,
  deleteCustomerData,
  type Err,
  type Ok,
  type ResponseMeta,
  type Result,
  type TalonError,
} from '../../src/index.js';
import { BASE_URL, useMockServer } from '../support/msw.js';

const meta: ResponseMeta = { status: 201, headers: new Headers({ 'x-a': '1' }), attempts: 2 };

describe('ok and err', () => {
  it('ok builds exactly { ok: true, value, response }, keeping the very value and response', () => {
    const value = { id: 1 };
    const result = ok(value, meta);
    expect(result).toStrictEqual({ ok: true, value, response: meta });
    expect(result.value).toBe(value);
    expect(result.response).toBe(meta);
    expectTypeOf(result).toEqualTypeOf<Ok<{ id: number }>>();
  });

  it('err builds exactly { ok: false, error }, keeping the very error', () => {
    const error = { kind: 'network' as const, message: 'down' };
    const result = err(error);
    expect(result).toStrictEqual({ ok: false, error });
    expect(result.error).toBe(error);
    expect('value' in result).toBe(false);
    expectTypeOf(result).toEqualTypeOf<Err<{ kind: 'network'; message: string }>>();
  });

  it('keeps undefined as a value (operations that answer without a body)', () => {
    const result = ok(undefined, meta);
    expect(result).toStrictEqual({ ok: true, value: undefined, response: meta });
    expect('value' in result).toBe(true);
  });

  it('narrows on ok: value and response on success, error on failure', () => {
    const results: Result<number, string>[] = [ok(7, meta), err('no')];
    const seen = results.map((r) => {
      if (r.ok) {
        expectTypeOf(r.value).toEqualTypeOf<number>();
        expectTypeOf(r.response).toEqualTypeOf<ResponseMeta>();
        return r.value;
      }
      expectTypeOf(r.error).toEqualTypeOf<string>();
      // @ts-expect-error a failure has no value
      r.value;
      return r.error;
    });
    expect(seen).toEqual([7, 'no']);
  });
});

describe('an endpoint resolves to a Result', () => {
  const { server } = useMockServer();
  const client = createClient({ baseUrl: BASE_URL, auth: apiKey('result-key'), retry: false });
  const route = `${BASE_URL}/v1/customer_data/:integrationId`;

  it('on success, with the response status, headers and attempts', async () => {
    server.use(
      http.delete(route, () => new HttpResponse(null, { status: 204, headers: { 'x-request-id': 'r-1' } })),
    );
    const result = await deleteCustomerData(client, { integrationId: 'ada' });
    expect(result).toMatchObject({ ok: true, value: undefined, response: { status: 204, attempts: 1 } });
    if (result.ok) expect(result.response.headers.get('x-request-id')).toBe('r-1');
    expectTypeOf(result).toMatchTypeOf<Result<unknown, TalonError<Record<number, unknown>>>>();
  });

  it('on failure, with the error and nothing else', async () => {
    server.use(http.delete(route, () => HttpResponse.json({ message: 'nope' }, { status: 418 })));
    const result = await deleteCustomerData(client, { integrationId: 'ada' });
    expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 418 } });
  });
});
