/**
 * Canary credentials must never come back out of the SDK: not in any error value of any kind,
 * not in its message, `JSON.stringify`, `util.inspect` (all depths, hidden properties), not in
 * what hooks receive (headers are passed only with `includeHeaders`, and redacted), not in the
 * client object. The hostile cases are the point: a server that echoes the key in its error
 * body, its headers, a redirect location or a content type; a response whose off-schema values
 * are the key; a network error whose message (or cause) holds it.
 */
import { inspect } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Client, ClientConfig } from '../../src/client.js';
import type { Operation } from '../../src/core/operation.js';
import type { RequestEvent, ResponseEvent } from '../../src/core/options.js';
import { send as sendIntegration } from '../../src/core/request.js';
import type { Result } from '../../src/core/result.js';
import { apiKey, contentSignature, createClient as createIntegrationClient } from '../../src/index.js';
import {
  createClient as createManagementClient,
  type ManagementClient,
} from '../../src/management/client.js';
import { csvAnswer } from '../../src/management/csv.js';
import { type ManagementOperation, send as sendManagement } from '../../src/management/send.js';
import { encodeUpload } from '../../src/management/upload.js';
import { managementKey } from '../../src/management.js';
import { ERROR_KINDS } from '../faults/support.js';

const API_KEY = 'CANARY-apikey-5d2c8e1f0a9b4c7d';
const APP_KEY = 'c0ffee00deadbeef5eedf00dcafebabe';
const MANAGEMENT_KEY = 'CANARY-mgmtkey-8e4b1d7a2c6f9e03';
/**
 * The secrets a client holds, by scheme. A client can only scrub what it knows: an apiKey client
 * has never seen an application key, and an application key never goes on the wire.
 */
const SECRETS = {
  apiKey: [API_KEY],
  contentSignature: [APP_KEY, APP_KEY.toUpperCase()],
  managementKey: [MANAGEMENT_KEY],
} as const;
const BASE = 'https://acme.europe-west1.talon.one';

const Thing = v.looseObject({ id: v.number(), name: v.string() });
const ErrorBody = v.looseObject({ message: v.string(), StatusCode: v.number() });

const getOp: Operation<{ id: number; name: string }, { 401: { message: string; StatusCode: number } }> = {
  id: 'getOp',
  method: 'GET',
  path: '/v1/things/{thingId}',
  params: v.object({ thingId: v.pipe(v.string(), v.minLength(1)), kind: v.optional(v.picklist(['a', 'b'])) }),
  query: ['kind'],
  response: Thing,
  errors: { 401: ErrorBody },
};
const postOp: Operation<{ id: number }> = {
  id: 'postOp',
  method: 'POST',
  path: '/v1/things',
  params: v.object({ body: v.object({ name: v.string(), count: v.optional(v.number()) }) }),
  body: true,
  response: v.looseObject({ id: v.number() }),
};
const v2Op: Operation<undefined> = {
  id: 'v2Op',
  method: 'PUT',
  path: '/v2/things',
  params: v.object({ body: v.unknown() }),
  body: true,
  apiKeyOnly: true,
};
/** Shaped like a Management CSV export (JSON error bodies filed under application/csv). */
const exportOp: ManagementOperation<string, { 400: { message: string; StatusCode: number } }> = {
  id: 'exportOp',
  method: 'GET',
  path: '/v1/things/export',
  params: v.object({}),
  answer: csvAnswer,
  response: v.string(),
  errors: { 400: ErrorBody },
  auth: 'managementKey',
};
/** Shaped like a Management CSV import (multipart/form-data, the file in `upFile`). */
const importOp: ManagementOperation<{ id: number }> = {
  id: 'importOp',
  method: 'POST',
  path: '/v1/things/import',
  params: v.object({ body: v.object({ upFile: v.unknown() }) }),
  upload: { field: 'upFile', encode: encodeUpload },
  response: v.looseObject({ id: v.number() }),
  auth: 'managementKey',
};

/** Every string reachable from `value`: own enumerable and hidden properties, symbols, Headers, causes. */
function strings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  if (value instanceof Headers)
    value.forEach((val, name) => {
      out.push(name, val);
    });
  for (const key of Reflect.ownKeys(value)) {
    out.push(String(key));
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) out.push(...strings(descriptor.value, seen));
  }
  return out;
}

/** Fails when any of `canaries` appears in any rendering of `value`. */
function expectClean(value: unknown, what: string, canaries: readonly string[]): void {
  const renderings = {
    json: JSON.stringify(value) ?? '',
    inspect: inspect(value, {
      depth: Infinity,
      showHidden: true,
      maxArrayLength: null,
      maxStringLength: null,
    }),
    strings: strings(value).join('\n'),
    message: String((value as { message?: unknown })?.message ?? ''),
  };
  for (const canary of canaries)
    for (const [how, text] of Object.entries(renderings))
      expect(text.includes(canary), `${what}: the canary appears in ${how}: ${text.slice(0, 400)}`).toBe(
        false,
      );
}

type Scheme = 'apiKey' | 'contentSignature' | 'managementKey';
/** A client of either API. */
type AnyClient = Client | ManagementClient;
const auths = {
  apiKey: () => apiKey(API_KEY),
  contentSignature: () => contentSignature({ applicationId: 42, applicationKey: APP_KEY }),
  managementKey: () => managementKey(MANAGEMENT_KEY),
};
/** The key a caller of `scheme` could paste by mistake (into a param, a header). */
const KEYS: Record<Scheme, string> = {
  apiKey: API_KEY,
  contentSignature: APP_KEY,
  managementKey: MANAGEMENT_KEY,
};

/**
 * `op` as the client of `scheme` can call it: a Management operation (`auth: 'managementKey'`) for
 * a managementKey client, which refuses Integration operations before anything else.
 */
function on<T, E extends Record<number, unknown>>(
  scheme: Scheme,
  op: Operation<T, E>,
): Operation<T, E> | ManagementOperation<T, E> {
  return scheme === 'managementKey' ? { ...op, auth: 'managementKey' } : op;
}

/**
 * Runs `op` through the transport of its API, as its generated function would: a Management
 * operation (`auth: 'managementKey'`) through src/management/send.ts, any other through
 * src/core/request.ts, whatever the client (a mismatch is what some cases test).
 */
function send<T, E extends Record<number, unknown>>(
  client: AnyClient,
  op: Operation<T, E> | ManagementOperation<T, E>,
  params: unknown,
  options?: Parameters<typeof sendIntegration>[3],
): Promise<Result<T, unknown>> {
  return 'auth' in op
    ? sendManagement(client as ManagementClient, op, params, options)
    : sendIntegration(client as Client, op, params, options);
}

/** A client of `scheme`'s API, made by that API's `createClient`. */
function createClient(config: Omit<ClientConfig, 'auth'> & { auth: ReturnType<(typeof auths)[Scheme]> }) {
  return (
    config.auth.scheme === 'managementKey'
      ? createManagementClient(config as Parameters<typeof createManagementClient>[0])
      : createIntegrationClient(config as ClientConfig)
  ) as AnyClient;
}

/** A client whose fetch answers with `respond`, and whose hooks record every event. */
function rig(
  scheme: Scheme,
  respond: (request: Request) => Promise<Response> | Response,
  includeHeaders = true,
) {
  const events: Array<RequestEvent | ResponseEvent> = [];
  const client = createClient({
    baseUrl: BASE,
    auth: auths[scheme](),
    retry: { backoffLimit: 1 },
    timeout: 200,
    fetch: async (request) => respond(request),
    hooks: { includeHeaders, onRequest: (e) => events.push(e), onResponse: (e) => events.push(e) },
  });
  return { client, events };
}

/**
 * Everything a hostile server (or proxy) could echo back: the auth headers it got, and the
 * secrets themselves, as if it knew them (a server that knows the application key can echo it).
 */
function echo(request: Request): string {
  return [
    request.headers.get('authorization'),
    request.headers.get('content-signature'),
    API_KEY,
    APP_KEY,
    APP_KEY.toUpperCase(),
    MANAGEMENT_KEY,
  ].join(' | ');
}

type Case = {
  readonly name: string;
  readonly kind: (typeof ERROR_KINDS)[number];
  readonly run: (scheme: Scheme) => Promise<{ result: unknown; events: unknown[]; client: AnyClient }>;
  /** The schemes the case applies to (default: all): uploads and exports are Management operations. */
  readonly schemes?: readonly Scheme[];
};

const thingParams = { thingId: 'thing-1' };

const cases: Case[] = [
  {
    name: 'validation: bad params',
    kind: 'validation',
    async run(scheme) {
      const { client, events } = rig(scheme, () => Response.json({}));
      return { result: await send(client, on(scheme, getOp), { thingId: '' }), events, client };
    },
  },
  {
    name: 'validation: the key itself passed where a value is due',
    kind: 'validation',
    async run(scheme) {
      const { client, events } = rig(scheme, () => Response.json({}));
      const key = KEYS[scheme];
      return { result: await send(client, on(scheme, getOp), { thingId: 'x', kind: key }), events, client };
    },
  },
  {
    name: 'validation: a body field given the key with the wrong type',
    kind: 'validation',
    async run(scheme) {
      const { client, events } = rig(scheme, () => Response.json({}));
      const key = KEYS[scheme];
      return {
        result: await send(client, on(scheme, postOp), { body: { name: 'n', count: key } }),
        events,
        client,
      };
    },
  },
  {
    name: 'config: bad call options',
    kind: 'config',
    async run(scheme) {
      const { client, events } = rig(scheme, () => Response.json({}));
      return { result: await send(client, on(scheme, getOp), thingParams, { timeout: -1 }), events, client };
    },
  },
  {
    name: 'config: a header option carrying the key with a line break',
    kind: 'config',
    async run(scheme) {
      const { client, events } = rig(scheme, () => Response.json({}));
      return {
        result: await send(client, on(scheme, getOp), thingParams, {
          headers: { 'x-key': `${API_KEY}\r\n${APP_KEY}\r\n${MANAGEMENT_KEY}` },
        }),
        events,
        client,
      };
    },
  },
  {
    name: 'config: an apiKey-only operation',
    kind: 'config',
    async run(scheme) {
      const { client, events } = rig(scheme, () => new Response(null, { status: 204 }));
      const result = await send(client, v2Op, { body: { key: API_KEY } });
      // contentSignature is refused before sending (and managementKey, on an Integration
      // operation); apiKey goes through: make it fail on config instead.
      return scheme !== 'apiKey'
        ? { result, events, client }
        : { result: await send(client, v2Op, { body: {} }, { retry: { limit: 99 } }), events, client };
    },
  },
  {
    name: 'config: not a client (a look-alike holding the auth)',
    kind: 'config',
    async run(scheme) {
      const { client, events } = rig(scheme, () => Response.json({}));
      const fake = { ...client } as AnyClient;
      return { result: await send(fake, on(scheme, getOp), thingParams), events, client };
    },
  },
  {
    name: 'http: a 401 whose body, headers and message echo the key',
    kind: 'http',
    async run(scheme) {
      const { client, events } = rig(scheme, (request) =>
        Response.json(
          {
            message: `invalid credentials: ${echo(request)}`,
            errors: [{ title: echo(request), source: { header: request.headers.get('authorization') } }],
            StatusCode: 401,
          },
          {
            status: 401,
            headers: { 'x-echo': echo(request), 'www-authenticate': `ApiKey-v1 realm="${API_KEY}"` },
          },
        ),
      );
      return { result: await send(client, on(scheme, getOp), thingParams), events, client };
    },
  },
  {
    name: 'http: an undocumented 503 echoing the key in plain text, retried',
    kind: 'http',
    async run(scheme) {
      const { client, events } = rig(
        scheme,
        (request) =>
          new Response(`upstream said: ${echo(request)}`, { status: 503, headers: { 'x-key': API_KEY } }),
      );
      return { result: await send(client, on(scheme, getOp), thingParams), events, client };
    },
  },
  {
    name: 'http: an export error filed under application/csv (parsed as JSON) that echoes the key',
    schemes: ['managementKey'],
    kind: 'http',
    async run(scheme) {
      const { client, events } = rig(
        scheme,
        (request) =>
          new Response(JSON.stringify({ message: `bad request ${echo(request)}`, StatusCode: 400 }), {
            status: 400,
            headers: { 'content-type': 'application/csv', 'x-echo': echo(request) },
          }),
      );
      return { result: await send(client, exportOp, {}), events, client };
    },
  },
  {
    name: 'response: an export answered with JSON whose content type echoes the key',
    schemes: ['managementKey'],
    kind: 'response',
    async run(scheme) {
      const { client, events } = rig(
        scheme,
        (request) =>
          new Response(`{"k":"${KEYS[scheme]}"}`, {
            headers: { 'content-type': `application/json; k=${echo(request).replace(/[^\w-]/g, '')}` },
          }),
      );
      return { result: await send(client, exportOp, {}), events, client };
    },
  },
  {
    name: 'validation: an upload whose file is an object holding the key',
    schemes: ['managementKey'],
    kind: 'validation',
    async run(scheme) {
      const { client, events } = rig(scheme, () => Response.json({ id: 1 }));
      const upFile = { key: KEYS[scheme] };
      return { result: await send(client, importOp, { body: { upFile } }), events, client };
    },
  },
  {
    name: 'http: an upload answered 500 echoing the key (POST: not retried)',
    schemes: ['managementKey'],
    kind: 'http',
    async run(scheme) {
      const { client, events } = rig(
        scheme,
        (request) =>
          new Response(`failed: ${echo(request)}`, { status: 500, headers: { 'x-key': echo(request) } }),
      );
      const upFile = `identifier,amount\n${KEYS[scheme]},1\n`;
      return { result: await send(client, importOp, { body: { upFile } }), events, client };
    },
  },
  {
    name: 'network: a fetch failure whose message and cause hold the key',
    kind: 'network',
    async run(scheme) {
      const { client, events } = rig(scheme, (request) => {
        throw new TypeError('fetch failed', { cause: new Error(`connect refused for ${echo(request)}`) });
      });
      return { result: await send(client, on(scheme, getOp), thingParams), events, client };
    },
  },
  {
    name: 'network: a custom fetch that throws an Error whose message is the key',
    kind: 'network',
    async run(scheme) {
      const { client, events } = rig(scheme, (request) => {
        throw new Error(`proxy rejected ${echo(request)}`);
      });
      return { result: await send(client, on(scheme, postOp), { body: { name: 'n' } }), events, client };
    },
  },
  {
    name: 'network: a custom fetch that throws a bare string holding the key',
    kind: 'network',
    async run(scheme) {
      const { client, events } = rig(scheme, (request) => {
        throw `bad ${echo(request)}`;
      });
      return { result: await send(client, on(scheme, getOp), thingParams), events, client };
    },
  },
  {
    name: 'timeout: a server that never answers',
    kind: 'timeout',
    async run(scheme) {
      const { client, events } = rig(
        scheme,
        (request) =>
          new Promise((_, reject) =>
            request.signal.addEventListener('abort', () => reject(new Error(`aborted ${echo(request)}`))),
          ),
      );
      return { result: await send(client, on(scheme, getOp), thingParams, { timeout: 30 }), events, client };
    },
  },
  {
    name: 'aborted: a signal whose reason holds the key',
    kind: 'aborted',
    async run(scheme) {
      const controller = new AbortController();
      const { client, events } = rig(
        scheme,
        (request) =>
          new Promise((_, reject) => {
            request.signal.addEventListener('abort', () => reject(request.signal.reason));
            controller.abort(new Error(`cancelled, key ${API_KEY} ${APP_KEY} ${MANAGEMENT_KEY}`));
          }),
      );
      return {
        result: await send(client, on(scheme, getOp), thingParams, { signal: controller.signal }),
        events,
        client,
      };
    },
  },
  {
    name: 'response: a content type that echoes the key',
    kind: 'response',
    async run(scheme) {
      const { client, events } = rig(
        scheme,
        (request) =>
          new Response('{}', { headers: { 'content-type': `text/${echo(request).replace(/[^\w-]/g, '')}` } }),
      );
      return { result: await send(client, on(scheme, getOp), thingParams), events, client };
    },
  },
  {
    name: 'response: a redirect whose location carries the key',
    kind: 'response',
    async run(scheme) {
      const { client, events } = rig(
        scheme,
        () =>
          new Response(null, {
            status: 302,
            headers: { location: `https://evil.example/?k=${API_KEY}&a=${APP_KEY}&m=${MANAGEMENT_KEY}` },
          }),
      );
      return { result: await send(client, on(scheme, getOp), thingParams), events, client };
    },
  },
  {
    name: 'response: a 200 whose off-schema values are the key',
    kind: 'response',
    async run(scheme) {
      const { client, events } = rig(scheme, (request) =>
        Response.json({ id: echo(request), name: 5, extra: API_KEY }, { headers: { 'x-key': API_KEY } }),
      );
      return { result: await send(client, on(scheme, getOp), thingParams), events, client };
    },
  },
  {
    name: 'response: a 200 that is not JSON and holds the key',
    kind: 'response',
    async run(scheme) {
      const { client, events } = rig(
        scheme,
        (request) =>
          new Response(`{"id": ${echo(request)}`, { headers: { 'content-type': 'application/json' } }),
      );
      return { result: await send(client, on(scheme, getOp), thingParams), events, client };
    },
  },
  {
    name: 'response: a body past maxResponseBytes',
    kind: 'response',
    async run(scheme) {
      const events: unknown[] = [];
      const client = createClient({
        baseUrl: BASE,
        auth: auths[scheme](),
        maxResponseBytes: 10,
        fetch: async () => Response.json({ id: 1, name: KEYS[scheme] }),
        hooks: { includeHeaders: true, onResponse: (e) => events.push(e) },
      });
      return { result: await send(client, on(scheme, getOp), thingParams), events, client };
    },
  },
];

describe.each(['apiKey', 'contentSignature', 'managementKey'] as const)('%s canaries', (scheme) => {
  const applying = cases.filter((c) => !c.schemes || c.schemes.includes(scheme));
  it.each(applying.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const { result, events, client } = await c.run(scheme);
    expect(result).toMatchObject({ ok: false, error: { kind: c.kind } });
    const error = (result as { error: unknown }).error;
    const canaries = SECRETS[scheme];
    expectClean(result, `${c.name}: the result`, canaries);
    expectClean(error, `${c.name}: the error`, canaries);
    expectClean(events, `${c.name}: the hook events`, canaries);
    expectClean(client, `${c.name}: the client`, canaries);
  });

  it('covers every error kind', () => {
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(ERROR_KINDS));
  });

  it('hooks get headers only with includeHeaders, and then with the credentials redacted', async () => {
    for (const includeHeaders of [false, true]) {
      const { client, events } = rig(scheme, () => Response.json({ id: 1, name: 'a' }), includeHeaders);
      const result = await send(
        client,
        on(scheme, postOp),
        { body: { name: 'n' } },
        { headers: { 'x-trace': 't-1' } },
      );
      expect(result.ok).toBe(true);
      expect(events).toHaveLength(2);
      for (const event of events) {
        if (!includeHeaders) expect(event).not.toHaveProperty('headers');
        else {
          const header = scheme === 'contentSignature' ? 'content-signature' : 'authorization';
          expect(event.headers).toMatchObject({ [header]: '[redacted]', 'x-trace': 't-1' });
        }
      }
      expectClean(events, 'hook events', SECRETS[scheme]);
    }
  });

  it('the client and its auth print no key', () => {
    const { client } = rig(scheme, () => Response.json({}));
    expectClean(client, 'client', SECRETS[scheme]);
    expectClean(client.auth, 'auth', SECRETS[scheme]);
    expectClean(String(client.auth), 'String(auth)', SECRETS[scheme]);
  });
});

it('the canary really is sent (the tests above would be vacuous otherwise)', async () => {
  let seen = '';
  const { client } = rig('apiKey', (request) => {
    seen = request.headers.get('authorization') ?? '';
    return Response.json({ id: 1, name: 'a' });
  });
  await send(client, getOp, thingParams);
  expect(seen).toBe(`ApiKey-v1 ${API_KEY}`);
});

it('the Management canary really is sent (as ManagementKey-v1)', async () => {
  let seen = '';
  const { client } = rig('managementKey', (request) => {
    seen = request.headers.get('authorization') ?? '';
    return Response.json({ id: 1, name: 'a' });
  });
  await send(client, on('managementKey', getOp), thingParams);
  expect(seen).toBe(`ManagementKey-v1 ${MANAGEMENT_KEY}`);
});
