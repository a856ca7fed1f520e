/**
 * src/core/errors.ts: `fail` and the error union as an endpoint hands it over. One error of every
 * kind, each frozen, with exactly the fields its interface lists, a message naming the operation,
 * and never the API key, even when the server echoes it back.
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fail } from '../../src/core/errors.js';
import {
  apiKey,
  type Client,
  type ClientConfig,
  contentSignature,
  createClient,
  type DocumentedHttpError,
  type FetchLike,
  getCustomerSession,
  type TalonError,
  type UndocumentedHttpError,
  updateCustomerSessionV2,
} from '../../src/index.js';
import { BASE_URL, useMockServer } from '../support/msw.js';

const KEY = 'errors-secret-key-93c1';
const OP = 'getCustomerSession';
const route = `${BASE_URL}/v2/customer_sessions/:id`;
const params = { customerSessionId: 's-1' };
/** The fields of an HTTP status error besides kind, operation and message. */
const HTTP_FIELDS = [
  'attempts',
  'body',
  'documented',
  'headers',
  'mayHaveBeenApplied',
  'retryAfter',
  'status',
];

describe('fail', () => {
  it('freezes the error it is given and returns that same object', () => {
    const error = { kind: 'network' as const, operation: 'op', message: 'down', attempts: 1 };
    const out = fail(error);
    expect(out).toBe(error);
    expect(Object.isFrozen(out)).toBe(true);
    expect(() => {
      (out as { message: string }).message = 'changed';
    }).toThrow(TypeError);
    expect(out.message).toBe('down');
  });
});

describe('the error union, one of each kind', () => {
  const { server } = useMockServer();
  const make = (extra: Partial<ClientConfig> = {}): Client<'apiKey'> =>
    createClient({ baseUrl: BASE_URL, auth: apiKey(KEY), retry: false, ...extra } as ClientConfig<'apiKey'>);
  const call = (client: Client<'apiKey'> = make(), p: unknown = params, signal?: AbortSignal) =>
    getCustomerSession(client, p as typeof params, signal ? { signal } : {});

  /** The error of a failed call, checked to be frozen, of `kind`, with exactly `keys`, and key-free. */
  async function errorOf(
    pending: Promise<Awaited<ReturnType<typeof call>>>,
    kind: TalonError['kind'],
    keys: string[],
  ): Promise<Record<string, unknown>> {
    const result = await pending;
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error('expected an error');
    const error = result.error as unknown as Record<string, unknown>;
    expect(error.kind, String(error.message)).toBe(kind);
    expect(Object.isFrozen(error)).toBe(true);
    expect(Object.keys(error).sort()).toEqual(['kind', 'message', 'operation', ...keys].sort());
    expect(error.operation).toBe(OP);
    expect(error.message).toEqual(expect.stringContaining(OP));
    expect(JSON.stringify(error)).not.toContain(KEY);
    return error;
  }

  it('validation: the issues with their paths; nothing was sent', async () => {
    const error = await errorOf(call(make(), { customerSessionId: 1 }), 'validation', ['issues']);
    expect(error.issues).toEqual([expect.objectContaining({ path: 'customerSessionId' })]);
    expect(error.message).toMatch(/nothing was sent$/);
  });

  it('config: the field that cannot be used', async () => {
    const signed = createClient({
      baseUrl: BASE_URL,
      auth: contentSignature({ applicationId: 1, applicationKey: 'abcd' }),
    }) as unknown as Client<'apiKey'>;
    const error = await errorOf(call(signed), 'config', ['field']);
    expect(error.field).toBe('auth');
  });

  it('http, documented: status, parsed body, headers, retryAfter and attempts', async () => {
    const body = { message: 'unauthorized', StatusCode: 401 };
    server.use(
      http.get(route, () => HttpResponse.json(body, { status: 401, headers: { 'retry-after': '3' } })),
    );
    const error = await errorOf(call(), 'http', HTTP_FIELDS);
    expect(error).toMatchObject({ documented: true, status: 401, body, retryAfter: 3000, attempts: 1 });
    expect(error.headers).toBeInstanceOf(Headers);
  });

  it('http, undocumented: the body as it came, and the API message quoted', async () => {
    server.use(http.get(route, () => HttpResponse.json({ message: 'I am a teapot' }, { status: 418 })));
    const error = await errorOf(call(), 'http', HTTP_FIELDS);
    expect(error).toMatchObject({ documented: false, status: 418, body: { message: 'I am a teapot' } });
    expect(error.retryAfter).toBeUndefined();
    expect(error.message).toContain('I am a teapot');
  });

  it('http: a server that echoes the key gets it redacted from the message and the body', async () => {
    const echo = { message: `bad key ${KEY}`, StatusCode: 401 };
    server.use(http.get(route, () => HttpResponse.json(echo, { status: 401 })));
    const error = await errorOf(call(), 'http', HTTP_FIELDS);
    expect(error.message).toContain('[redacted]');
  });

  it('network: the attempts made', async () => {
    const down: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    const error = await errorOf(call(make({ fetch: down })), 'network', ['attempts', 'mayHaveBeenApplied']);
    expect(error.attempts).toBe(1);
    // A failure with no sign that nothing was sent: the request may have reached the server.
    expect(error.mayHaveBeenApplied).toBe(true);
  });

  it('timeout: the limit that ran out and the attempts', async () => {
    const hang: FetchLike = (input, init) =>
      new Promise((_, reject) => {
        const signal = init?.signal ?? input.signal;
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    const error = await errorOf(call(make({ fetch: hang, timeout: 5 })), 'timeout', [
      'attempts',
      'limit',
      'mayHaveBeenApplied',
      'timeout',
    ]);
    expect(error).toMatchObject({ timeout: 5, attempts: 1, limit: 'attempt' });
  });

  it('aborted: nothing more than kind, operation and message', async () => {
    const controller = new AbortController();
    controller.abort();
    await errorOf(call(make(), params, controller.signal), 'aborted', []);
  });

  it('response: the problem, the status and the issues (not-json: no body)', async () => {
    server.use(http.get(route, () => HttpResponse.html('<html>maintenance</html>')));
    const error = await errorOf(call(), 'response', ['issues', 'problem', 'status']);
    expect(error).toMatchObject({ problem: 'not-json', status: 200, issues: [] });
  });

  it('response, schema: the parsed body comes along, key redacted', async () => {
    server.use(http.get(route, () => HttpResponse.json({ customerSession: { id: KEY } })));
    const error = await errorOf(call(), 'response', ['body', 'issues', 'problem', 'status']);
    expect(error.problem).toBe('schema');
    expect(error.body).toEqual({ customerSession: { id: '[redacted]' } });
  });
});

describe('the types', () => {
  it('narrow on kind, and on documented and status for HTTP errors', () => {
    type E = TalonError<{ 401: { message: string }; 404: { message: string; StatusCode: number } }>;
    const label = (e: E): string => {
      switch (e.kind) {
        case 'http':
          if (e.documented && e.status === 404) {
            expectTypeOf(e).toEqualTypeOf<
              DocumentedHttpError<404, { message: string; StatusCode: number }>
            >();
            return `404 ${e.body.StatusCode}`;
          }
          if (!e.documented) expectTypeOf(e).toEqualTypeOf<UndocumentedHttpError>();
          return `http ${e.status}`;
        case 'validation':
          return e.issues.map((i) => i.path).join();
        case 'config':
          return e.field;
        case 'timeout':
          return String(e.timeout);
        case 'response':
          return e.problem;
        default:
          expectTypeOf(e.kind).toEqualTypeOf<'network' | 'aborted'>();
          return e.kind;
      }
    };
    const headers = new Headers();
    const http404 = {
      kind: 'http' as const,
      operation: OP,
      message: 'm',
      headers,
      retryAfter: undefined,
      attempts: 1,
      mayHaveBeenApplied: false,
    };
    expect(
      label({ ...http404, documented: true, status: 404, body: { message: 'x', StatusCode: 404 } }),
    ).toBe('404 404');
    expect(label({ ...http404, documented: false, status: 500, body: 'x' } as E)).toBe('http 500');
    expect(label(fail({ kind: 'aborted', operation: OP, message: 'm' }))).toBe('aborted');
  });
});

describe('the advice of a call that may have been applied', () => {
  const closing = {
    customerSessionId: 'o1',
    body: { customerSession: { profileId: 'ada', state: 'closed' as const } },
  };
  const failing: FetchLike = async () =>
    new Response(JSON.stringify({ message: 'boom' }), {
      status: 500,
      headers: { 'content-type': 'application/json' },
    });
  const close = (options: { idempotencyKey?: string }) =>
    updateCustomerSessionV2(
      createClient({ baseUrl: BASE_URL, auth: apiKey(KEY), fetch: failing, retry: false }),
      closing,
      options,
    );

  it('says to read the session first, and to resend with the key only when the caller chose it', async () => {
    const own = await close({ idempotencyKey: 'order-o1-close' });
    expect(own.ok === false && own.error.message).toContain('read the session with getCustomerSession');
    expect(own.ok === false && own.error.message).toContain('same idempotencyKey');
    const made = await close({});
    expect(made.ok === false && made.error.message).toContain('read the session with getCustomerSession');
    expect(made.ok === false && made.error.message).not.toContain('idempotencyKey');
  });
});
