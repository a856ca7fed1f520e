/**
 * Shared pieces of the hostile-input fuzz: the run budget (env FUZZ_RUNS), the hostile
 * arbitraries, a capturing `fetch` with canned answers, and the one check every call must
 * pass (`checkCall`): a Result of a known kind, and, for every request that left, a path that
 * is exactly the operation's template with each parameter as one encoded segment, query keys
 * among the operation's query names with the values given, no CR/LF in any header, the body
 * the caller gave (as the SDK sends it: the JSON of the validated body, so the same JSON value
 * with keys possibly in another order), and a valid signature.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { ERROR_KINDS } from '../faults/support.js';

// ---------------------------------------------------------------------------------------------
// Budget
// ---------------------------------------------------------------------------------------------

/** Total fuzz runs across test/fuzz: FUZZ_RUNS=<n>, FUZZ_RUNS=full (100,000), default 2,000. */
export function fuzzTotal(): number {
  const raw = process.env.FUZZ_RUNS?.trim();
  if (!raw) return 2000;
  if (raw === 'full') return 100_000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`FUZZ_RUNS must be a positive integer or "full", got ${raw}`);
  return n;
}

/** This property's share of the total (weights across test/fuzz add up to 1). */
export function share(weight: number): number {
  return Math.max(1, Math.ceil(fuzzTotal() * weight));
}

/** A test timeout that grows with the run count (about 2 ms a run on a busy core, times 10). */
export function timeoutFor(runs: number): number {
  return 30_000 + runs * 20;
}

/** Runs counted by every property, for the summary line. */
export const tally = { runs: 0, sent: 0 };

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const LONG = 'x'.repeat(10_000);

/** Strings that have broken URL builders, header writers and parsers before. */
export const SPECIALS = [
  '',
  ' ',
  '/',
  '//',
  '.',
  '..',
  '...',
  '../..',
  '/../',
  './',
  '%2F',
  '%2f',
  '%2E%2E',
  '%2e',
  '%',
  '%%',
  '%zz',
  '%00',
  '?',
  '?a=b',
  '#',
  '#frag',
  '&',
  '&x=1',
  '=',
  '+',
  ';',
  ',',
  '\\',
  '@evil.example',
  '//evil.example/x',
  'http://evil.example',
  'javascript:alert(1)',
  '\r\n',
  '\r',
  '\n',
  '\0',
  '\t',
  'a\r\nX-Injected: 1',
  'a\nSet-Cookie: x=1',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udc00',
  'a\ud83d',
  '😀',
  'é',
  'e\u0301',
  'İ',
  'ß',
  '中文',
  '<script>',
  '"',
  "'",
  '{}',
  '[]',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e999',
  '__proto__',
  'constructor',
  'toString',
  LONG,
] as const;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const specialPiece = fc.constantFrom(...SPECIALS.filter((s) => s !== LONG));

/** Hostile strings: the specials, mixes of them, random unicode (with lone surrogates), 10,000 chars. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SPECIALS), weight: 4 },
  { arbitrary: fc.array(specialPiece, { minLength: 1, maxLength: 6 }).map((a) => a.join('')), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 20 }), weight: 2 },
  {
    arbitrary: fc.string({
      unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate),
      maxLength: 10,
    }),
    weight: 1,
  },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }), weight: 2 },
  {
    arbitrary: fc.constant(LONG).chain((l) => fc.constantFrom(l, `${l}/`, `/${l}?#`, `${l}\r\n`)),
    weight: 1,
  },
);

/** What a parameter slot may receive: mostly hostile strings, sometimes anything at all. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 8 },
  { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 },
  { arbitrary: fc.constantFrom(undefined, null, 0, -1, Number.NaN, true, false, 10n), weight: 1 },
);

/** Header names: valid tokens (some of them sensitive) and hostile strings. */
const headerName = fc.oneof(
  fc.constantFrom(
    'x-trace',
    'authorization',
    'content-signature',
    'content-type',
    'accept',
    'x-a',
    'X-Upper',
  ),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
  hostileString,
);

/** Call options: absent, anything, or plausible records with hostile values. */
export const hostileOptions: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  { arbitrary: fc.anything({ maxDepth: 2 }), weight: 2 },
  {
    arbitrary: fc
      .record(
        {
          timeout: fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.anything({ maxDepth: 0 })),
          totalTimeout: fc.oneof(
            fc.constant(false),
            fc.integer({ min: -5, max: 5000 }),
            fc.anything({ maxDepth: 0 }),
          ),
          retry: fc.oneof(
            fc.constant(false),
            fc.integer({ min: -1, max: 12 }),
            fc.record(
              {
                limit: fc.integer({ min: -1, max: 3 }),
                methods: fc.array(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'post', 'PATCH', 'x')),
                statusCodes: fc.array(fc.integer({ min: 300, max: 600 }), { maxLength: 4 }),
                backoffLimit: fc.integer({ min: -1, max: 2 }),
                maxRetryAfter: fc.integer({ min: -1, max: 10 }),
                retryOnTimeout: fc.oneof(fc.boolean(), fc.anything({ maxDepth: 0 })),
                extra: fc.anything({ maxDepth: 0 }),
              },
              { requiredKeys: [] },
            ),
            fc.anything({ maxDepth: 1 }),
          ),
          headers: fc.oneof(
            fc.dictionary(headerName, hostileString, { maxKeys: 3 }),
            fc.dictionary(headerName, fc.anything({ maxDepth: 0 }), { maxKeys: 2 }),
            fc.anything({ maxDepth: 1 }),
          ),
          validateResponse: fc.oneof(fc.boolean(), fc.anything({ maxDepth: 0 })),
          signal: fc.constantFrom(undefined, 'abort', { aborted: false }, 'live'),
          unknownOption: fc.anything({ maxDepth: 1 }),
        },
        { requiredKeys: [] },
      )
      .map((o) => {
        const out: Record<string, unknown> = { ...o };
        if (o.signal === 'abort') out.signal = AbortSignal.abort(new Error('fuzz'));
        if (o.signal === 'live') out.signal = new AbortController().signal;
        return out;
      }),
    weight: 4,
  },
);

// ---------------------------------------------------------------------------------------------
// Capturing fetch with canned answers
// ---------------------------------------------------------------------------------------------

/** A request as it left the SDK. */
export interface Captured {
  readonly method: string;
  readonly url: URL;
  readonly rawUrl: string;
  readonly headers: Array<[string, string]>;
  readonly body: Uint8Array;
}

export const ANSWERS = [
  'ok',
  'created',
  'empty-204',
  'bad-request',
  'unauthorized',
  'unavailable',
  'network',
  'not-json',
  'html',
  'redirect',
] as const;
export type Answer = (typeof ANSWERS)[number];

function answer(kind: Answer, okBody: unknown): Response {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const apiError = (status: number) =>
    json(status, {
      message: 'fuzz',
      errors: [{ title: 'fuzz', source: { pointer: '/x' } }],
      StatusCode: status,
    });
  switch (kind) {
    case 'ok':
      return json(200, okBody);
    case 'created':
      return json(201, okBody);
    case 'empty-204':
      return new Response(null, { status: 204 });
    case 'bad-request':
      return apiError(400);
    case 'unauthorized':
      return apiError(401);
    case 'unavailable':
      return apiError(503);
    case 'network':
      throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
    case 'not-json':
      return new Response('{"truncated":', { status: 200, headers: { 'content-type': 'application/json' } });
    case 'html':
      return new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    case 'redirect':
      return new Response(null, { status: 302, headers: { location: 'https://evil.example/' } });
  }
}

/** A `fetch` that records each request and answers `kind`; never touches the network. */
export function capturingFetch(captured: Captured[], kind: () => Answer, okBody: () => unknown) {
  return async (request: Request): Promise<Response> => {
    const body = new Uint8Array(await request.arrayBuffer());
    const headers: Array<[string, string]> = [];
    request.headers.forEach((value, name) => {
      headers.push([name, value]);
    });
    captured.push({ method: request.method, url: new URL(request.url), rawUrl: request.url, headers, body });
    return answer(kind(), okBody());
  };
}

// ---------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------

/** What the checker needs to know of an operation. */
export interface OpShape {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly query?: readonly string[];
  readonly body?: boolean;
}

export interface CallRecord {
  readonly op: OpShape;
  /** The base URL's path prefix (no trailing slash), e.g. '' or '/proxy'. */
  readonly prefix: string;
  readonly origin: string;
  readonly params: unknown;
  readonly result: unknown;
  readonly captured: readonly Captured[];
  /** The exact Authorization value expected, or the hex application key for signatures. */
  readonly auth: { readonly apiKey: string } | { readonly appId: string; readonly appKey: string };
  /** The call could not have been valid (not a client, …): nothing may leave. */
  readonly mustNotSend?: boolean;
}

/** What encodeURIComponent can produce (empty only for an empty value, which schemas refuse). */
const SEGMENT = /^[A-Za-z0-9\-_.!~*'()%]*$/;

function fail(message: string, record: CallRecord): never {
  const params = (() => {
    try {
      return JSON.stringify(record.params, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 300);
    } catch {
      return String(record.params);
    }
  })();
  throw new Error(
    `${record.op.id}: ${message}\n  params: ${params}\n  urls: ${record.captured.map((c) => c.rawUrl.slice(0, 300)).join(' ')}`,
  );
}

/** Checks one call against every invariant; throws with a readable message when one breaks. */
export function checkCall(record: CallRecord): void {
  const { op, result, captured } = record;
  tally.runs += 1;
  // 1. A Result, of a known kind.
  if (typeof result !== 'object' || result === null) fail('did not resolve to an object', record);
  const r = result as {
    ok?: unknown;
    value?: unknown;
    response?: { attempts?: unknown };
    error?: Record<string, unknown>;
  };
  if (r.ok === true) {
    if (!('value' in r) || typeof r.response !== 'object')
      fail('an ok Result without value/response', record);
    if (r.response.attempts !== captured.length)
      fail(`attempts ${String(r.response.attempts)} but ${captured.length} requests`, record);
  } else if (r.ok === false) {
    const error = r.error;
    if (typeof error !== 'object' || error === null) fail('an error Result without an error', record);
    if (!(ERROR_KINDS as readonly unknown[]).includes(error.kind))
      fail(`unknown error kind ${String(error.kind)}`, record);
    if (typeof error.message !== 'string' || error.message.length === 0)
      fail('an error without a message', record);
    if (error.message.includes('internal error'))
      fail(`reached the last-resort catch: ${error.message}`, record);
    if (error.operation !== op.id) fail(`error.operation ${String(error.operation)}`, record);
    if ((error.kind === 'validation' || error.kind === 'config') && captured.length > 0)
      fail(`a ${error.kind} error, yet ${captured.length} request(s) left`, record);
    if (typeof error.attempts === 'number' && error.attempts !== captured.length)
      fail(`error.attempts ${error.attempts} but ${captured.length} requests`, record);
  } else fail('resolved to something that is not a Result', record);
  if (record.mustNotSend && captured.length > 0)
    fail('a request left for a call that cannot be valid', record);
  if (captured.length === 0) return;
  tally.sent += 1;
  if (captured.length > 11) fail(`${captured.length} attempts`, record);

  const params = record.params as Record<string, unknown>;
  const template = op.path.split('/');
  for (const request of captured) {
    // 2. Method, origin, path: exactly the template, each parameter one encoded segment.
    if (request.method !== op.method) fail(`method ${request.method}`, record);
    if (request.url.origin !== record.origin) fail(`origin ${request.url.origin}`, record);
    if (request.url.hash !== '') fail('a fragment in the URL', record);
    const pathname = request.url.pathname;
    if (!pathname.startsWith(`${record.prefix}/`)) fail(`path ${pathname} lost the base path`, record);
    const segments = pathname.slice(record.prefix.length).split('/');
    if (segments.length !== template.length)
      fail(
        `path ${pathname.slice(0, 200)} has ${segments.length} segments, template ${op.path} has ${template.length}`,
        record,
      );
    template.forEach((part, i) => {
      const segment = segments[i]!;
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) {
        if (segment !== part) fail(`segment ${i} is ${segment}, template says ${part}`, record);
        return;
      }
      if (!SEGMENT.test(segment))
        fail(`segment ${name} = ${segment.slice(0, 80)} is not percent-encoded`, record);
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        fail(`segment ${name} does not decode`, record);
      }
      if (decoded !== String(params[name]))
        fail(`segment ${name} decodes to ${decoded.slice(0, 80)}, not the input`, record);
    });
    // 3. Query: only the operation's names, with exactly the values given.
    const allowed = new Set(op.query ?? []);
    const keys = new Set(request.url.searchParams.keys());
    for (const key of keys)
      if (!allowed.has(key))
        fail(`query key ${JSON.stringify(key.slice(0, 60))} is not a query parameter of ${op.id}`, record);
    for (const name of allowed) {
      const given = params[name];
      // A Date is sent as RFC 3339 (its UTC ISO form); anything else as its string.
      const text = (x: unknown) => (x instanceof Date ? x.toISOString() : String(x));
      const expected =
        given === undefined || given === null ? [] : Array.isArray(given) ? given.map(text) : [text(given)];
      const actual = request.url.searchParams.getAll(name);
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        fail(
          `query ${name} is ${JSON.stringify(actual).slice(0, 100)}, given ${JSON.stringify(expected).slice(0, 100)}`,
          record,
        );
    }
    // 4. Headers: no CR, LF or NUL anywhere; the credentials as configured.
    for (const [name, value] of request.headers)
      if (/[\r\n\0]/.test(name) || /[\r\n\0]/.test(value)) fail(`header ${name} carries CR/LF/NUL`, record);
    const header = (n: string) => request.headers.find(([k]) => k === n)?.[1];
    if ('apiKey' in record.auth) {
      if (header('authorization') !== `ApiKey-v1 ${record.auth.apiKey}`)
        fail('wrong authorization header', record);
    } else {
      const signature = createHmac('md5', Buffer.from(record.auth.appKey, 'hex'))
        .update(request.body)
        .digest('hex');
      if (header('content-signature') !== `signer=${record.auth.appId}; signature=${signature}`)
        fail('the content signature does not match the bytes sent', record);
    }
    // 5. Body: the JSON of what the caller passed (every key and value kept; the order of the
    // keys is the schema's), written compactly, or nothing.
    const text = new TextDecoder().decode(request.body);
    if (!op.body) {
      if (text !== '') fail(`a body ${text.slice(0, 80)} for an operation without one`, record);
    } else {
      const given = JSON.stringify((params as { body?: unknown }).body);
      let sent: unknown;
      try {
        sent = JSON.parse(text);
      } catch {
        fail(`body ${text.slice(0, 80)} is not JSON`, record);
      }
      if (text !== JSON.stringify(sent)) fail(`body ${text.slice(0, 80)} is not compact JSON`, record);
      if (given === undefined) fail('a body was sent, yet params.body has no JSON', record);
      const difference = firstDifference(JSON.parse(given), sent, 'body');
      if (difference) fail(`body ${text.slice(0, 80)} is not the JSON of params.body: ${difference}`, record);
    }
  }
}

/**
 * A JSON value as text with the keys of every object sorted, so two values compare equal
 * whatever the order of their keys (own keys only: `__proto__` is a key like any other).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Where two JSON values differ (keys in any order), e.g. `body.attributes: key "constructor" dropped`; undefined when equal. */
export function firstDifference(given: unknown, sent: unknown, path: string): string | undefined {
  if (canonicalJson(given) === canonicalJson(sent)) return undefined;
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObject(given) && isObject(sent)) {
    for (const key of Object.keys(given))
      if (!Object.hasOwn(sent, key)) return `${path}: key ${JSON.stringify(key)} dropped`;
    for (const key of Object.keys(sent))
      if (!Object.hasOwn(given, key)) return `${path}: key ${JSON.stringify(key)} added`;
    for (const key of Object.keys(given)) {
      const inner = firstDifference(given[key], sent[key], `${path}.${key}`);
      if (inner) return inner;
    }
  }
  if (Array.isArray(given) && Array.isArray(sent) && given.length === sent.length)
    for (const [i, item] of given.entries()) {
      const inner = firstDifference(item, sent[i], `${path}[${i}]`);
      if (inner) return inner;
    }
  return `${path}: ${canonicalJson(sent).slice(0, 60)} instead of ${canonicalJson(given).slice(0, 60)}`;
}

/** Runs `call`, failing if it throws or rejects instead of resolving. */
export async function mustResolve(call: () => unknown): Promise<unknown> {
  let promise: unknown;
  try {
    promise = call();
  } catch (error) {
    throw new Error(`threw synchronously: ${String(error)}`);
  }
  if (!(promise instanceof Promise)) throw new Error('did not return a promise');
  try {
    return await promise;
  } catch (error) {
    throw new Error(`rejected: ${String(error)}`);
  }
}
