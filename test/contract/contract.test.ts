/**
 * The SDK against the OpenAPI contract, for EVERY operation it exports (`operationIds`): the
 * current ones against CURRENT (integration-api-26.13.json), the legacy three against LEGACY
 * (integration-api-2021.json), and the 186 of `talon-fetch/management` against MANAGEMENT
 * (management-api-26.13.json), all named by scripts/spec-files.mjs, by one suite per operation
 * (`operationSuite`), the Management mechanisms included (multipart uploads with the file's
 * bytes, CSV answers as text, the auth check that refuses the other API's client).
 *
 * Per operation: valid params generated from the spec (path parameters per their schema, query
 * parameters, a request body with the required fields only and one with every field) produce
 * exactly one request whose method, path (template filled, percent-encoded), query string (each
 * query parameter in its style: `explode: false` comma-joined, otherwise repeated) and JSON body
 * (valid against the spec's request schema, no unknown keys) match the spec; answers generated
 * from each documented 2xx schema (minimal, full and random) parse; documented error statuses
 * come back `documented: true`; missing, unknown and constraint-breaking params are refused
 * before anything is sent; auth schemes are the ones the spec lists. The SDK is observed only
 * through its behaviour, with a capturing `fetch`.
 */

import { describe, expect, it } from 'vitest';
import * as sdk from '../../src/index.js';
import {
  apiKey,
  type Client,
  type ContentSignatureOptions,
  contentSignature,
  createClient,
  type FetchLike,
  operationIds,
  type Result,
  type TalonError,
} from '../../src/index.js';
import { createClient as createManagementClient } from '../../src/management/client.js';
import * as management from '../../src/management.js';
import { managementKey } from '../../src/management.js';
import {
  deref,
  describeWithSpec,
  findOperation,
  type OpenApi,
  type OperationObject,
  operationsOf,
  type ParameterObject,
  parametersOf,
  type RequestBodyObject,
  requestBodyOf,
  resolveRef,
  type SchemaObject,
  type SpecOperation,
} from '../support/spec.js';
import {
  checkSchema,
  effectTypes,
  Generator,
  normalizeAnswer,
  nullList,
  requiredPaths,
  violations,
} from './generate.js';

type AnyResult = Result<unknown, TalonError<Record<number, unknown>>>;
type Call = (client: Client, params: unknown) => Promise<AnyResult>;

/** The function of an operationId in an entry (every exported operation is a function of that name). */
const callOf = (id: string, entry: object = sdk): Call => {
  const fn = (entry as Record<string, unknown>)[id];
  if (typeof fn !== 'function') throw new Error(`the SDK does not export a function ${id}`);
  return fn as Call;
};

const RESPONSE_SAMPLES = 12;
const REQUEST_SAMPLES = 12;
const ERROR_SAMPLES = 4;

const BASE = 'https://contract.example.talon.one';
const SIGNATURE: ContentSignatureOptions = { applicationId: 7, applicationKey: '0a1b2c3d' };

interface Captured {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string;
}

/** Clients whose `fetch` records each request and answers with `answer()`. */
function capturingAll(answer: () => Response = () => new Response(null, { status: 204 })) {
  const requests: Captured[] = [];
  let next = answer;
  const fetch: FetchLike = async (request) => {
    requests.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: await request.clone().text(),
    });
    return next();
  };
  const options = { baseUrl: BASE, fetch, retry: false as const };
  return {
    requests,
    client: createClient({ ...options, auth: apiKey('contract-key') }) as Client,
    signed: createClient({ ...options, auth: contentSignature(SIGNATURE) }) as Client,
    /** A Management API client (typed as `Client` so one `Call` type serves both APIs). */
    management: createManagementClient({
      ...options,
      auth: managementKey('contract-management-key'),
    }) as unknown as Client,
    answer(fn: () => Response) {
      next = fn;
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** `a.b.0.c` → `a.b[0].c`, the SDK's issue path format. */
const issuePath = (dotted: string) => dotted.replace(/\.(\d+)(?=\.|$)/g, '[$1]');

/** `value` without the property at `dotted`, or with it replaced when `replacement` is given. */
function without(value: unknown, dotted: string, ...replacement: [unknown?]): unknown {
  const copy = structuredClone(value);
  const keys = dotted.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  if (replacement.length === 0) delete target[keys[keys.length - 1]!];
  else target[keys[keys.length - 1]!] = replacement[0];
  return copy;
}

type Content = Readonly<Record<string, { readonly schema: SchemaObject }>> | undefined;

const jsonSchemaOf = (content: Content) => content?.['application/json']?.schema;

/**
 * The schema of an error answer: JSON, or the JSON schema the Management exports file under
 * `application/csv` (their errors are JSON bodies; only a `type: string` schema is the CSV itself).
 */
const errorSchemaOf = (content: Content) => {
  const csv = content?.['application/csv']?.schema;
  return jsonSchemaOf(content) ?? (csv && csv.type !== 'string' ? csv : undefined);
};

/** The file an upload sends in these tests, and the text an export answers. */
const UPLOAD_SAMPLE = 'identifier,amount\nA-1,10\n';
const CSV_SAMPLE = 'id,name\n1,first\n2,"second, with a comma"\n';

/** The file field of a `multipart/form-data` request body (the Management imports), if any. */
function uploadFieldOf(spec: OpenApi, op: OperationObject): string | undefined {
  const raw = op.requestBody;
  if (!raw) return undefined;
  const body = '$ref' in raw ? resolveRef<RequestBodyObject>(spec, raw.$ref) : raw;
  const schema = body.content['multipart/form-data']?.schema;
  if (!schema) return undefined;
  const props = deref(spec, schema).properties ?? {};
  return Object.keys(props).find((key) => props[key]?.format === 'binary');
}

/** Characters that a path segment must percent-encode. */
const AWKWARD = 'a/b c?#%ü&=+';

/**
 * A valid value for a path parameter, from its schema: integers as numbers, strings within
 * their min/max length and full of characters that need percent-encoding.
 */
export function pathValue(spec: OpenApi, p: ParameterObject, seed: number): unknown {
  const s = deref(spec, p.schema);
  if (s.type === 'integer' || s.type === 'number') return Math.max(s.minimum ?? 1, 1) + seed * 37;
  const min = Math.max(s.minLength ?? 1, 1);
  const max = s.maxLength ?? 40;
  const length = Math.min(max, Math.max(min, AWKWARD.length + 2));
  let out = `${p.name[0]}${seed}${AWKWARD}`;
  while (out.length < length) out += 'x';
  return out.slice(0, length);
}

/** Whether an array query parameter repeats its name (`explode: true`, the default of style form). */
const explodes = (p: ParameterObject) => p.explode ?? (p.style === undefined || p.style === 'form');

/** A valid value for a query parameter: arrays of two distinct items, to see how they are joined. */
export function queryValue(spec: OpenApi, p: ParameterObject, gen: Generator): unknown {
  const s = deref(spec, p.schema);
  if (s.type === 'boolean') return true;
  if (s.type === 'array') {
    const item = deref(spec, s.items ?? {});
    if (item.enum) return item.enum.slice(0, 2);
    return ['first value', String(gen.value(item) ?? 'x') || 'y'];
  }
  if (s.enum) return s.enum[s.enum.length - 1];
  if (s.default !== undefined && s.default !== null) return s.default; // e.g. silent: "yes" or "no", no enum
  return gen.value(s);
}

/** The query pairs the spec says `values` must produce, sorted. */
export function expectedQuery(
  params: readonly ParameterObject[],
  values: Record<string, unknown>,
): [string, string][] {
  const out: [string, string][] = [];
  for (const p of params) {
    if (p.in !== 'query' || values[p.name] === undefined) continue;
    const value = values[p.name];
    if (Array.isArray(value)) {
      if (explodes(p)) for (const item of value) out.push([p.name, String(item)]);
      else if (value.length > 0) out.push([p.name, value.map(String).join(',')]);
    } else out.push([p.name, String(value)]);
  }
  return out.sort();
}

/**
 * Compares one captured request with what the spec says `values` must produce: method, path,
 * query and body (valid against the request schema, no unknown keys, equal to what was given).
 * Returns the differences (empty when the request is the contract's).
 */
export function compareRequest(
  spec: OpenApi,
  found: SpecOperation,
  values: Record<string, unknown>,
  sent: Captured,
): string[] {
  const problems: string[] = [];
  const params = parametersOf(spec, found.op);
  if (sent.method !== found.method) problems.push(`method ${sent.method}, the spec says ${found.method}`);
  const path = found.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(values[name])),
  );
  if (sent.url.pathname !== path) problems.push(`path ${sent.url.pathname}, the spec says ${path}`);
  const query = [...sent.url.searchParams.entries()].sort();
  const wanted = expectedQuery(params, values);
  if (JSON.stringify(query) !== JSON.stringify(wanted))
    problems.push(`query ${JSON.stringify(query)}, the spec says ${JSON.stringify(wanted)}`);
  const body = requestBodyOf(spec, found.op);
  if (uploadFieldOf(spec, found.op)) {
    // A multipart form: its body is the upload test's.
  } else if (body) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(sent.body);
    } catch {
      problems.push(`the body is not JSON: ${sent.body.slice(0, 80)}`);
      return problems;
    }
    for (const issue of checkSchema(spec, body.schema, parsed, { mode: 'request' }))
      problems.push(`body ${issue}`);
    if (JSON.stringify(sortKeys(parsed)) !== JSON.stringify(sortKeys(values.body)))
      problems.push(`body ${sent.body.slice(0, 200)} is not the body given`);
  } else if (sent.body !== '')
    problems.push(`a body was sent where the spec has none: ${sent.body.slice(0, 80)}`);
  return problems;
}

/** The value with object keys in sorted order (to compare JSON regardless of key order). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

function expectOk(result: AnyResult, context: string): void {
  if (!result.ok) throw new Error(`${context}: ${JSON.stringify(result.error)}`);
}

function expectValidation(result: AnyResult, path: string): void {
  expect(result.ok, `expected a validation error naming ${path}`).toBe(false);
  if (result.ok) return;
  expect(result.error.kind).toBe('validation');
  if (result.error.kind !== 'validation') return;
  expect(result.error.issues.map((i) => i.path)).toContain(path);
}

/** Everything the tests of one operation need, derived from the spec. */
function contractOf(spec: OpenApi, found: SpecOperation) {
  const params = parametersOf(spec, found.op);
  const body = requestBodyOf(spec, found.op);
  const success = Object.entries(found.op.responses).find(([code]) => code.startsWith('2'));
  const successStatus = Number(success?.[0] ?? 200);
  const successSchema = jsonSchemaOf(success?.[1].content);
  const csv = !!success?.[1].content?.['application/csv'];
  const upload = uploadFieldOf(spec, found.op);
  const requiredOnly = (bodyKind: 'minimal' | 'full' = 'minimal'): Record<string, unknown> => {
    const gen = new Generator(spec, 2, { mode: 'request' });
    const out: Record<string, unknown> = {};
    for (const p of params)
      if (p.in === 'path') out[p.name] = pathValue(spec, p, 1);
      else if (p.required) out[p.name] = queryValue(spec, p, gen);
    if (upload) out.body = { [upload]: UPLOAD_SAMPLE };
    else if (body)
      out.body = new Generator(spec, bodyKind === 'minimal' ? 1 : 6, {
        mode: 'request',
        ...(bodyKind === 'minimal' ? { minimal: true } : { full: true }),
      }).value(body.schema);
    return out;
  };
  const allParams = (): Record<string, unknown> => {
    const gen = new Generator(spec, 3, { mode: 'request' });
    const out = requiredOnly('full');
    for (const p of params) if (p.in === 'query') out[p.name] = queryValue(spec, p, gen);
    return out;
  };
  const okResponse = () => {
    if (csv)
      return new Response(CSV_SAMPLE, {
        status: successStatus,
        headers: { 'content-type': 'application/csv' },
      });
    // A 204 carries no body whatever the spec writes (see the answer tests).
    if (successStatus === 204) return new Response(null, { status: 204 });
    const answer =
      successSchema && new Generator(spec, 4, { mode: 'response', minimal: true }).value(successSchema);
    return answer === undefined ? new Response(null, { status: successStatus }) : json(successStatus, answer);
  };
  return { params, body, csv, upload, requiredOnly, allParams, okResponse };
}

describeWithSpec('contract: every exported operation against the OpenAPI spec', (specs) => {
  const ids = Object.keys(operationIds) as (keyof typeof operationIds)[];

  it(`the spec files are the ones described in shared/spec/README.md (${specs.files.current}, ${specs.files.legacy})`, () => {
    expect(specs.current.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(specs.legacy.components.securitySchemes ?? {})).toContain('integration_auth');
    expect(Object.keys(specs.current.components.securitySchemes ?? {})).not.toContain('integration_auth');
    expect(ids).toHaveLength(42);
    expect(ids.filter((id) => operationIds[id] === '2021').sort()).toEqual(
      [...specs.legacyOperations].sort(),
    );
  });

  it('the effect types the SDK knows are those of the *EffectProps schemas', () => {
    expect([...effectTypes(specs.current).keys()].sort()).toEqual([...sdk.knownEffectTypes].sort());
  });

  describe('self-check: the comparison catches a request that is not the contract', () => {
    const found = findOperation(specs.current, 'createReferral')!;
    it('a mutated copy of the spec (other path, one more required body field) is reported', async () => {
      const c = contractOf(specs.current, found);
      const cap = capturingAll(c.okResponse);
      const values = c.requiredOnly('full');
      expectOk(await callOf('createReferral')(cap.client, values), 'createReferral');
      expect(compareRequest(specs.current, found, values, cap.requests[0]!)).toEqual([]);
      const mutated = structuredClone(specs.current) as OpenApi & {
        components: { schemas: Record<string, { required?: string[] }> };
      };
      mutated.components.schemas.NewReferral!.required = [
        ...(mutated.components.schemas.NewReferral!.required ?? []),
        'friendProfileIntegrationId',
      ];
      const moved = { ...found, path: '/v1/referral' };
      const values2 = { ...values, body: { ...(values.body as object) } };
      delete (values2.body as Record<string, unknown>).friendProfileIntegrationId;
      const cap2 = capturingAll(c.okResponse);
      expectOk(await callOf('createReferral')(cap2.client, values2), 'createReferral');
      const problems = compareRequest(mutated, moved, values2, cap2.requests[0]!);
      expect(problems.join('\n')).toMatch(/path \/v1\/referrals, the spec says \/v1\/referral/);
      expect(problems.join('\n')).toMatch(/required property friendProfileIntegrationId is missing/);
    });

    it('checkSchema reports unknown keys, missing required fields, wrong types, enums and bounds', () => {
      const schema: SchemaObject = { $ref: '#/components/schemas/NewReferral' };
      const good = new Generator(specs.current, 9, { mode: 'request', full: true }).value(schema) as Record<
        string,
        unknown
      >;
      expect(checkSchema(specs.current, schema, good, { mode: 'request' })).toEqual([]);
      expect(checkSchema(specs.current, schema, { ...good, extra: 1 }, { mode: 'request' })).toEqual([
        '(root): extra is not a property of the schema',
      ]);
      expect(checkSchema(specs.current, schema, { ...good, campaignId: 'x' }, { mode: 'request' })).toEqual([
        '(root).campaignId: expected a integer, got string',
      ]);
      const { campaignId: _, ...missing } = good;
      expect(checkSchema(specs.current, schema, missing, { mode: 'request' })).toEqual([
        '(root): required property campaignId is missing',
      ]);
      expect(
        checkSchema(
          specs.current,
          {
            type: 'object',
            properties: { a: { type: 'string', enum: ['x'] }, n: { type: 'integer', minimum: 1 } },
          },
          { a: 'y', n: 0 },
          { mode: 'response' },
        ),
      ).toEqual(['(root).a: "y" is not one of ["x"]', '(root).n: below the minimum 1']);
    });
  });

  it('a missing required body field is reported as missing, not as "expected an object"', async () => {
    const cap = capturingAll();
    const result = await callOf('updateCustomerSessionV2')(cap.client, {
      customerSessionId: 's-1',
      body: {},
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!result.ok && result.error.kind === 'validation') {
      expect(result.error.issues[0]?.path).toBe('body.customerSession');
      expect(result.error.issues[0]?.message).not.toMatch(/expected IntegrationRequest \(an object\)/);
    }
  });

  for (const id of ids) {
    const legacy = operationIds[id] === '2021';
    operationSuite({
      spec: legacy ? specs.legacy : specs.current,
      file: legacy ? specs.files.legacy : specs.files.current,
      id,
      call: callOf(id),
      kind: 'integration',
      acceptsSignature:
        legacy && !!findOperation(specs.legacy, id)?.op.security?.some((s) => 'integration_auth' in s),
    });
  }
});

/** How one operation is called and what its API allows (see {@link operationSuite}). */
interface SuiteOptions {
  readonly spec: OpenApi;
  readonly file: string;
  readonly id: string;
  readonly call: Call;
  /** `integration`: apiKey clients (contentSignature where `acceptsSignature`); `management`: managementKey clients. */
  readonly kind: 'integration' | 'management';
  readonly acceptsSignature?: boolean;
}

/** The contract tests of one operation (one `describe`), for either API. */
function operationSuite({ spec, file, id, call, kind, acceptsSignature = false }: SuiteOptions): void {
  const found = findOperation(spec, id);
  if (!found) {
    it(`${id}: is in ${file}`, () => {
      throw new Error(`${id} is not an operation of ${file}`);
    });
    return;
  }
  const { method, path, op } = found;
  const c = contractOf(spec, found);
  const capturing = (answer?: () => Response) => {
    const cap = capturingAll(answer);
    return kind === 'management' ? { ...cap, client: cap.management } : cap;
  };
  // An export's request is checked whatever its answer; its answer waits for the CSV wiring.
  const expectSent: typeof expectOk = c.csv ? () => {} : expectOk;
  const queryParams = c.params.filter((p) => p.in === 'query');
  const name = (what: string) => `${id}: ${what}`;

  describe(`${id} (${method} ${path}, ${file})`, () => {
    it(name('required params only (minimal body): one request, exactly the contract'), async () => {
      const cap = capturing(c.okResponse);
      const values = c.requiredOnly('minimal');
      expectSent(await call(cap.client, values), 'required params');
      expect(cap.requests).toHaveLength(1);
      expect(compareRequest(spec, found, values, cap.requests[0]!)).toEqual([]);
    });

    it(name('every parameter and every body field: one request, exactly the contract'), async () => {
      const cap = capturing(c.okResponse);
      const values = c.allParams();
      expectSent(await call(cap.client, values), 'all params');
      expect(cap.requests).toHaveLength(1);
      expect(compareRequest(spec, found, values, cap.requests[0]!)).toEqual([]);
      // Every query parameter the spec lists was sent.
      expect(new Set(cap.requests[0]!.url.searchParams.keys())).toEqual(
        new Set(queryParams.map((p) => p.name)),
      );
    });

    it(name('an unknown parameter is refused, naming it; nothing is sent'), async () => {
      const cap = capturing(c.okResponse);
      const result = await call(cap.client, { ...c.requiredOnly(), notASpecParameter: 'x' });
      expectValidation(result, 'notASpecParameter');
      expect(cap.requests).toHaveLength(0);
    });

    for (const p of c.params.filter((p) => p.required)) {
      it(
        name(
          `required ${p.in} parameter ${p.name}: refused when missing${p.in === 'path' ? ' or empty' : ''}`,
        ),
        async () => {
          const cap = capturing(c.okResponse);
          const values = c.requiredOnly();
          delete values[p.name];
          expectValidation(await call(cap.client, values), p.name);
          if (p.in === 'path') {
            const s = deref(spec, p.schema);
            const empty = s.type === 'integer' ? '1' : '';
            expectValidation(await call(cap.client, { ...c.requiredOnly(), [p.name]: empty }), p.name);
          }
          expect(cap.requests).toHaveLength(0);
        },
      );
    }

    for (const p of c.params.filter((p) => p.in === 'path')) {
      const s = deref(spec, p.schema);
      if (s.type !== 'string' || (s.minLength === undefined && s.maxLength === undefined)) continue;
      it(
        name(`path parameter ${p.name}: lengths outside ${s.minLength}–${s.maxLength} are refused`),
        async () => {
          const cap = capturing(c.okResponse);
          if (s.minLength && s.minLength > 1)
            expectValidation(
              await call(cap.client, { ...c.requiredOnly(), [p.name]: 'x'.repeat(s.minLength - 1) }),
              p.name,
            );
          if (s.maxLength !== undefined)
            expectValidation(
              await call(cap.client, { ...c.requiredOnly(), [p.name]: 'x'.repeat(s.maxLength + 1) }),
              p.name,
            );
          expect(cap.requests).toHaveLength(0);
          if (s.maxLength !== undefined) {
            expectSent(
              await call(cap.client, { ...c.requiredOnly(), [p.name]: 'ü'.repeat(s.maxLength) }),
              'max',
            );
            expect(cap.requests[0]?.url.pathname).toContain(encodeURIComponent('ü'.repeat(s.maxLength)));
          }
        },
      );
    }

    for (const p of queryParams) {
      const s = deref(spec, p.schema);
      it(
        name(
          `query parameter ${p.name} (${p.required ? 'required' : 'optional'}${s.type === 'array' ? `, explode ${explodes(p)}` : ''}) is sent under that name, in its style`,
        ),
        async () => {
          const cap = capturing(c.okResponse);
          const value = queryValue(spec, p, new Generator(spec, 5, { mode: 'request' }));
          const values = { ...c.requiredOnly(), [p.name]: value };
          expectSent(await call(cap.client, values), p.name);
          expect(cap.requests[0]?.url.searchParams.getAll(p.name)).toEqual(
            expectedQuery([p], values).map(([, v]) => v),
          );
          if (s.type === 'array' && !explodes(p))
            expect(cap.requests[0]?.url.search).toContain(
              new URLSearchParams([[p.name, (value as unknown[]).map(String).join(',')]]).toString(),
            );
        },
      );
    }

    if (c.body) {
      const bodySchema = c.body.schema;
      const full = new Generator(spec, 6, { mode: 'request', full: true }).value(bodySchema);
      const paths = requiredPaths(spec, bodySchema, full);

      if (c.body.required)
        it(name('the request body is required'), async () => {
          const cap = capturing(c.okResponse);
          const values = c.requiredOnly();
          delete values.body;
          expectValidation(await call(cap.client, values), 'body');
          expect(cap.requests).toHaveLength(0);
        });

      it(name('the generated bodies are valid against the spec (the generator itself)'), () => {
        expect(checkSchema(spec, bodySchema, full, { mode: 'request' })).toEqual([]);
        expect(checkSchema(spec, bodySchema, c.requiredOnly().body, { mode: 'request' })).toEqual([]);
      });

      const top = deref(spec, bodySchema);
      if (top.properties && Object.keys(top.properties).length > 0)
        it(name('an unknown body key is refused, naming it and the field meant'), async () => {
          const cap = capturing(c.okResponse);
          const [first] = Object.keys(top.properties!);
          const typo = `${first!.toUpperCase()}_`;
          const result = await call(cap.client, {
            ...c.requiredOnly('full'),
            body: { ...(full as object), [typo]: 1 },
          });
          expectValidation(result, `body.${typo}`);
          expect(cap.requests).toHaveLength(0);
        });

      for (const dotted of paths) {
        it(name(`required body field ${issuePath(dotted)}: refused when missing`), async () => {
          const cap = capturing(c.okResponse);
          expectValidation(
            await call(cap.client, { ...c.requiredOnly(), body: without(full, dotted) }),
            `body.${issuePath(dotted)}`,
          );
          expect(cap.requests).toHaveLength(0);
        });
      }

      const broken = violations(spec, bodySchema, full);
      if (broken.length > 0)
        it(
          name(
            'a body value that breaks a constraint of the spec (type, enum, length, bounds, items, pattern) is refused',
          ),
          async () => {
            const cap = capturing(c.okResponse);
            const missed: string[] = [];
            for (const v of broken) {
              const result = await call(cap.client, {
                ...c.requiredOnly(),
                body: without(full, v.path, v.value),
              });
              const paths =
                !result.ok && result.error.kind === 'validation'
                  ? result.error.issues.map((i) => i.path)
                  : [];
              if (
                !paths.some(
                  (p) => p === `body.${issuePath(v.path)}` || p.startsWith(`body.${issuePath(v.path)}[`),
                )
              )
                missed.push(
                  `body.${issuePath(v.path)} ${v.rule}: ${JSON.stringify(v.value).slice(0, 40)} → ${result.ok ? 'accepted and sent' : result.error.message}`,
                );
            }
            expect(missed).toEqual([]);
            expect(cap.requests).toHaveLength(0);
          },
        );

      it(
        name(`${REQUEST_SAMPLES} random spec-valid request bodies are accepted and sent as given`),
        async () => {
          const cap = capturing(c.okResponse);
          const failures: string[] = [];
          for (let seed = 100; seed < 100 + REQUEST_SAMPLES; seed++) {
            const body = new Generator(spec, seed, { mode: 'request' }).value(bodySchema);
            const values = { ...c.requiredOnly(), body };
            const result = await call(cap.client, values);
            if (!result.ok)
              failures.push(`seed ${seed}: ${result.error.message} in ${JSON.stringify(body).slice(0, 400)}`);
            else
              for (const problem of compareRequest(spec, found, values, cap.requests.at(-1)!))
                failures.push(`seed ${seed}: ${problem}`);
          }
          expect(failures).toEqual([]);
        },
      );
    }

    if (kind === 'management') {
      it(name('a managementKey client sends Authorization: ManagementKey-v1 <key>'), async () => {
        const cap = capturing(c.okResponse);
        expectSent(await call(cap.client, c.requiredOnly()), 'managementKey client');
        expect(cap.requests[0]?.headers.get('authorization')).toBe(
          'ManagementKey-v1 contract-management-key',
        );
      });
      it(name('an apiKey or contentSignature client gets a config error, nothing sent'), async () => {
        const cap = capturingAll(c.okResponse);
        for (const client of [cap.client, cap.signed]) {
          const result = await call(client, c.requiredOnly());
          expect(result).toMatchObject({ ok: false, error: { kind: 'config', field: 'auth' } });
        }
        expect(cap.requests).toHaveLength(0);
      });
    } else
      it(
        name(
          acceptsSignature
            ? `${file} lists integration_auth: a contentSignature client is accepted and signs`
            : `${file} lists only api_key_v1: a contentSignature client gets a config error`,
        ),
        async () => {
          const cap = capturing(c.okResponse);
          const result = await call(cap.signed, c.requiredOnly());
          if (acceptsSignature) {
            expectOk(result, 'contentSignature client');
            expect(cap.requests[0]?.headers.get('content-signature')).toMatch(
              /^signer=7; signature=[0-9a-f]{32}$/,
            );
            expect(cap.requests[0]?.headers.has('authorization')).toBe(false);
          } else {
            expect(result).toMatchObject({ ok: false, error: { kind: 'config', field: 'auth' } });
            expect(cap.requests).toHaveLength(0);
          }
          const keyed = capturing(c.okResponse);
          expectOk(await call(keyed.client, c.requiredOnly()), 'apiKey client');
          expect(keyed.requests[0]?.headers.get('authorization')).toBe('ApiKey-v1 contract-key');
        },
      );

    if (c.upload) {
      const field = c.upload;
      it(
        name(`the file field ${field}: anything but a file is refused at body.${field}, nothing sent`),
        async () => {
          const cap = capturing(c.okResponse);
          for (const notAFile of [42, { csv: 'a' }, ['a,b'], null]) {
            const result = await call(cap.client, { ...c.requiredOnly(), body: { [field]: notAFile } });
            expectValidation(result, `body.${field}`);
          }
          expectValidation(await call(cap.client, { ...c.requiredOnly(), body: {} }), `body.${field}`);
          expect(cap.requests).toHaveLength(0);
        },
      );
      it(name(`multipart/form-data: one part named ${field} with the file's bytes`), async () => {
        const cap = capturing(c.okResponse);
        expectOk(await call(cap.client, c.requiredOnly()), 'upload');
        expect(cap.requests[0]?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
        expect(cap.requests[0]?.body).toContain(`name="${field}"; filename="upload.csv"`);
        expect(cap.requests[0]?.body).toContain(UPLOAD_SAMPLE);
      });
    }

    for (const [code, response] of Object.entries(op.responses)) {
      const status = Number(code);
      const schema = status >= 400 ? errorSchemaOf(response.content) : jsonSchemaOf(response.content);
      if (status >= 200 && status < 300 && response.content?.['application/csv']) {
        it(name(`HTTP ${status}: the CSV text is the value, as sent`), async () => {
          const cap = capturing(c.okResponse);
          const result = await call(cap.client, c.requiredOnly());
          expect(result).toMatchObject({ ok: true, value: CSV_SAMPLE, response: { status } });
        });
        continue;
      }
      if (status >= 200 && status < 300) {
        // A 204 carries no body whatever the spec writes (updateCustomerProfilesV2 and trackEventV2
        // document `type: string` content for their 204 "No content").
        if (!schema || status === 204) {
          it(name(`HTTP ${status} without a body: ok, value undefined`), async () => {
            const cap = capturing(() => new Response(null, { status }));
            const result = await call(cap.client, c.requiredOnly());
            expect(result).toMatchObject({ ok: true, value: undefined, response: { status } });
          });
          continue;
        }
        it(name(`HTTP ${status}: the minimal answer (required fields only) parses, unchanged`), async () => {
          const body = new Generator(spec, 8, { mode: 'response', minimal: true }).value(schema);
          expect(checkSchema(spec, schema, body, { mode: 'response' })).toEqual([]);
          const cap = capturing(() => json(status, body));
          const result = await call(cap.client, c.requiredOnly());
          expectOk(result, 'minimal answer');
          expect(result).toMatchObject({ response: { status } });
          if (result.ok) expect(result.value).toEqual(normalizeAnswer(spec, schema, body));
        });
        it(name(`HTTP ${status}: the full answer (every field) parses, unchanged`), async () => {
          const body = new Generator(spec, 7, { mode: 'response', full: true }).value(schema);
          expect(checkSchema(spec, schema, body, { mode: 'response' })).toEqual([]);
          const cap = capturing(() => json(status, body));
          const result = await call(cap.client, c.requiredOnly());
          expectOk(result, 'full answer');
          if (result.ok) expect(result.value).toEqual(normalizeAnswer(spec, schema, body));
        });
        it(
          name(
            `HTTP ${status}: ${RESPONSE_SAMPLES} random answers from the schema parse (null lists become [])`,
          ),
          async () => {
            const cap = capturing();
            const failures: string[] = [];
            for (let seed = 1000; seed < 1000 + RESPONSE_SAMPLES; seed++) {
              const body = new Generator(spec, seed, { mode: 'response' }).value(schema);
              if (body === null) continue; // a null answer as a whole: its own test below
              cap.answer(() => json(status, body));
              const result = await call(cap.client, c.requiredOnly());
              if (!result.ok) failures.push(`seed ${seed}: ${result.error.message}`);
              else expect(result.value).toEqual(normalizeAnswer(spec, schema, body));
            }
            expect(failures).toEqual([]);
          },
        );
        if (nullList(deref(spec, schema)))
          it(
            name(`HTTP ${status}: the answer is a list with default null: a null answer is an empty list`),
            async () => {
              const cap = capturing(() => json(status, null));
              const result = await call(cap.client, c.requiredOnly());
              expect(result).toMatchObject({ ok: true, value: [] });
            },
          );
      } else if (status >= 400) {
        it(
          name(`documented HTTP ${status}: generated error bodies come back documented and parsed`),
          async () => {
            const cap = capturing();
            for (let seed = 0; seed < ERROR_SAMPLES; seed++) {
              const body = schema
                ? new Generator(spec, 2000 + seed, {
                    mode: 'response',
                    ...(seed === 0 ? { minimal: true } : seed === 1 ? { full: true } : {}),
                  }).value(schema)
                : undefined;
              cap.answer(() => (body === undefined ? new Response(null, { status }) : json(status, body)));
              const result = await call(cap.client, c.requiredOnly());
              expect(result).toMatchObject({
                ok: false,
                error: { kind: 'http', status, documented: true },
              });
              if (!result.ok && result.error.kind === 'http' && schema)
                expect(result.error.body).toEqual(normalizeAnswer(spec, schema, body));
            }
          },
        );
      }
    }

    const silent = queryParams.find((p) => p.name === 'silent');
    if (silent)
      it(name('silent: "yes" (the default): an empty 200 or 204 is ok, value undefined'), async () => {
        for (const status of [200, 204]) {
          const cap = capturing(() => new Response(null, { status }));
          const result = await call(cap.client, { ...c.requiredOnly(), silent: 'yes' });
          expect(result).toMatchObject({ ok: true, value: undefined, response: { status } });
        }
      });

    const undocumented = [400, 401, 403, 404, 409, 422].filter((s) => !(String(s) in op.responses));
    if (undocumented.length > 0)
      it(
        name(`statuses the spec does not list (${undocumented.join(', ')}) are documented: false`),
        async () => {
          const cap = capturing();
          for (const status of undocumented) {
            cap.answer(() => json(status, { message: 'nope', StatusCode: status }));
            const result = await call(cap.client, c.requiredOnly());
            expect(result).toMatchObject({ ok: false, error: { kind: 'http', status, documented: false } });
          }
        },
      );
  });
}

describeWithSpec(
  'contract: every operation of talon-fetch/management against the Management spec',
  (specs) => {
    const ids = Object.keys(management.operationIds);

    it(`the Management spec is ${specs.files.management}: 186 operations, 13 uploads, 21 exports, all exported`, () => {
      expect(specs.management.openapi).toMatch(/^3\.1\./);
      expect(ids).toHaveLength(186);
      const ops = [...operationsOf(specs.management).values()];
      expect(ops.filter((o) => uploadFieldOf(specs.management, o.op))).toHaveLength(13);
      expect(
        ops.filter((o) =>
          Object.values(o.op.responses).some(
            (r) => r.content?.['application/csv'] && r.content['application/csv'].schema.type === 'string',
          ),
        ),
      ).toHaveLength(21);
    });

    for (const id of ids)
      operationSuite({
        spec: specs.management,
        file: specs.files.management,
        id,
        call: callOf(id, management),
        kind: 'management',
      });
  },
);
