/**
 * Every answer the fake gives in the whole-API journey and the every-operation tests, validated
 * against the 26.13 spec's own JSON Schema for that operation and status, strictly: `required` and
 * `additionalProperties` exactly as the spec writes them (nothing loosened, nothing added), with a
 * standard draft 2020-12 validator (ajv). The SDK's own response schemas are tolerant on purpose
 * (an answer needs only what two releases require), so they cannot catch a fake that answers less
 * than the spec promises; this can.
 *
 * The two suites run here unchanged: this file imports them, and `createFakeTalon` is wrapped so
 * that each fake records what it answers. The 2021 operations are not in 26.13: their answers are
 * counted but not validated.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, it, vi } from 'vitest';
import { MANAGEMENT_ROUTES, ROUTES } from '../../src/testing/operations.js';
import { describeWithSpec, type OpenApi } from '../support/spec.js';

/** One answer a fake gave. */
interface Answered {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly text: string;
}

const answered = vi.hoisted(() => [] as Answered[]);

vi.mock('../../src/testing/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/testing/index.js')>();
  const createFakeTalon: typeof real.createFakeTalon = (options) => {
    const fake = real.createFakeTalon(options);
    const fetch: typeof fake.fetch = async (input, init) => {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      const response = await fake.fetch(request);
      answered.push({
        method: request.method,
        url: request.url,
        status: response.status,
        text: await response.clone().text(),
      });
      return response;
    };
    return {
      fetch,
      get state() {
        return fake.state;
      },
      reset: () => fake.reset(),
      config: fake.config,
      faults: fake.faults,
    };
  };
  return { ...real, createFakeTalon };
});

declare global {
  interface ImportMeta {
    /** Vite's import of every module a pattern matches (vitest transforms it). */
    glob(patterns: readonly string[], options: { eager: true }): Record<string, unknown>;
  }
}

// The suites whose answers are checked (by pattern, so that a renamed or split file still counts).
// The Management suite's answers are checked against the Management file.
const suites = import.meta.glob(
  ['./*journey*.test.ts', './*every-operation*.test.ts', './management.test.ts'],
  { eager: true },
);

/** The route (operation id, path template) of a request, found by the fake's own route table. */
function routeOf(method: string, url: string, routes = ROUTES) {
  const path = new URL(url).pathname;
  return routes.find(
    (r) => r.method === method && new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path),
  );
}

/** A validator for every operation, status and answer schema of the spec. */
function validators(spec: OpenApi) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('int64', { type: 'number', validate: Number.isSafeInteger });
  ajv.addFormat('float', { type: 'number', validate: Number.isFinite });
  ajv.addFormat('string', true); // a `format: string` of the spec says nothing more than `type`
  ajv.addSchema(spec as object, 'spec');
  const cache = new Map<string, ValidateFunction | null>();
  return (path: string, method: string, status: number): ValidateFunction | null | undefined => {
    const operation = spec.paths[path]?.[method.toLowerCase()];
    const response = operation?.responses[String(status)];
    if (!response) return undefined;
    const key = `${method} ${path} ${status}`;
    if (!cache.has(key)) {
      if (!response.content?.['application/json']) cache.set(key, null);
      else {
        const pointer = ['paths', path, method.toLowerCase(), 'responses', String(status), 'content']
          .map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1'))
          .join('/');
        cache.set(key, ajv.compile({ $ref: `spec#/${pointer}/application~1json/schema` }));
      }
    }
    return cache.get(key);
  };
}

/**
 * Whether the operation's `silent` parameter says `yes` answers 204: trackEventV3 documents it so
 * there although its responses list no 204 (a gap of the 26.13 file, not of the fake).
 */
function silentGives204(spec: OpenApi, path: string, method: string): boolean {
  const operation = spec.paths[path]?.[method.toLowerCase()];
  if (operation?.responses['204']) return true;
  const silent = operation?.parameters?.find((p) => 'name' in p && p.name === 'silent') as
    | { description?: string }
    | undefined;
  return silent?.description?.includes('204') ?? false;
}

function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const detail =
      e.keyword === 'required'
        ? `missing ${(e.params as { missingProperty: string }).missingProperty}`
        : e.keyword === 'additionalProperties'
          ? `unexpected ${(e.params as { additionalProperty: string }).additionalProperty}`
          : (e.message ?? e.keyword);
    return `${e.instancePath || '/'} ${detail}`;
  });
}

describeWithSpec('every answer of the fake, against the 26.13 spec', (specs) => {
  it('runs the journey and the every-operation suites here', () => {
    const names = Object.keys(suites);
    expect(names.some((n) => n.includes('journey'))).toBe(true);
    expect(names.some((n) => n.includes('every-operation'))).toBe(true);
  });

  it('every answer the suites got has the spec schema of its operation and status', () => {
    const validate = validators(specs.current);
    const legacy = new Set(specs.legacyOperations);
    const problems = new Set<string>();
    const checked = new Map<string, number>();
    let unchecked = 0;
    for (const a of answered) {
      const route = routeOf(a.method, a.url);
      if (!route) continue; // a path the fake does not implement: its 404/405 is no operation's
      if (legacy.has(route.id)) {
        unchecked++;
        continue;
      }
      // A 204 has no body, whatever the spec's "No content" entry declares.
      if (a.status === 204 && silentGives204(specs.current, route.path, a.method)) {
        if (a.text !== '') problems.add(`${route.id} 204: a body`);
        checked.set(route.id, (checked.get(route.id) ?? 0) + 1);
        continue;
      }
      const validator = validate(route.path, a.method, a.status);
      if (validator === undefined) {
        problems.add(`${route.id} ${a.status}: a status the spec does not document`);
        continue;
      }
      checked.set(route.id, (checked.get(route.id) ?? 0) + 1);
      if (validator === null) {
        if (a.text !== '') problems.add(`${route.id} ${a.status}: a body where the spec has none`);
        continue;
      }
      let body: unknown;
      try {
        body = JSON.parse(a.text);
      } catch {
        problems.add(`${route.id} ${a.status}: not JSON`);
        continue;
      }
      if (!validator(body))
        for (const error of describeErrors(validator.errors))
          problems.add(`${route.id} ${a.status}: ${error}`);
    }
    expect([...problems].sort()).toEqual([]);
    // Not vacuous: every operation of 26.13 answered at least once, and checked.
    const current = ROUTES.filter((r) => !legacy.has(r.id)).map((r) => r.id);
    expect(current.filter((id) => !checked.has(id))).toEqual([]);
    expect(unchecked).toBeGreaterThan(0);
  });

  it('every Management answer the Management suite got has the Management spec schema of its operation and status', () => {
    const validate = validators(specs.management);
    const problems = new Set<string>();
    const checked = new Set<string>();
    for (const a of answered) {
      if (ROUTES.some((r) => r === routeOf(a.method, a.url))) continue;
      const route = routeOf(a.method, a.url, MANAGEMENT_ROUTES);
      if (!route || a.status === 501) continue; // 501: the fake's own answer for what it does not simulate
      const validator = validate(route.path, a.method, a.status);
      if (validator === undefined) {
        // The Management file documents few errors; an undocumented error status still has the API's error body.
        if (a.status < 400) problems.add(`${route.id} ${a.status}: a status the spec does not document`);
        continue;
      }
      checked.add(route.id);
      if (validator === null) {
        if (a.text !== '') problems.add(`${route.id} ${a.status}: a body where the spec has none`);
        continue;
      }
      if (!validator(JSON.parse(a.text)))
        for (const error of describeErrors(validator.errors))
          problems.add(`${route.id} ${a.status}: ${error}`);
    }
    expect([...problems].sort()).toEqual([]);
    // Not vacuous: every stateful Management operation answered and was checked.
    const stateful = MANAGEMENT_ROUTES.filter((r) => r.handle.length > 0).map((r) => r.id);
    expect(stateful.filter((id) => !checked.has(id))).toEqual([]);
  });

  it('the check fails for an answer off the spec', () => {
    const validate = validators(specs.current);
    const session = validate('/v2/customer_sessions/{customerSessionId}', 'GET', 200)!;
    expect(session({ customerSession: {}, effects: [] })).toBe(false);
    expect(describeErrors(session.errors)).toContain('/customerSession missing integrationId');
  });
});
