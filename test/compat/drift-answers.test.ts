/**
 * Forward compatibility: VALID answers (generated from the current spec's response schemas with
 * every field) mutated the way new releases change answers, served by msw to the real SDK
 * functions.
 *
 * (a) extra keys at every object level, (b) unknown values in every enum field, (c) an unknown
 * effect type, (d) `null` in every optional field and in every array: the call MUST be `ok`, the
 * extra keys are still on the objects at run time, null lists became `[]`, and every effect is
 * still there. (e) a once-required field left out (each in turn, top two levels) and (f) a
 * string where a number is due: the call is either `ok` or a `response` error with
 * `problem: 'schema'` whose `body` is exactly the JSON served (never a lost answer); which one is
 * recorded (and, for (e), predicted from the answer policy where the earlier release has the
 * same schema name).
 */

import { HttpResponse, http } from 'msw';
import { expect, it } from 'vitest';
import * as sdk from '../../src/index.js';
import { apiKey, type Client, createClient, type Result, type TalonError } from '../../src/index.js';
import { effectTypes, Generator } from '../contract/generate.js';
import { BASE_URL, useMockServer } from '../support/msw.js';
import { report } from '../support/report.js';
import {
  deref,
  describeWithSpec,
  findOperation,
  type OpenApi,
  refName,
  type SchemaObject,
  specFiles,
} from '../support/spec.js';

type AnyResult = Result<unknown, TalonError<Record<number, unknown>>>;
type Call = (client: Client, params: unknown) => Promise<AnyResult>;
type Path = readonly (string | number)[];

const { server } = useMockServer();
const client = createClient({
  baseUrl: BASE_URL,
  auth: apiKey('compat-test-api-key-0001'),
  retry: false,
}) as Client;

/** The operations under test, with valid params. */
const TARGETS: readonly { id: string; params: Record<string, unknown> }[] = [
  {
    id: 'updateCustomerSessionV2',
    params: { customerSessionId: 'session-1', body: { customerSession: {} } },
  },
  { id: 'getLoyaltyCardTransactions', params: { loyaltyProgramId: 7, loyaltyCardId: 'card-0001' } },
  { id: 'getCustomerInventory', params: { integrationId: 'user-1' } },
  { id: 'integrationGetAllCampaigns', params: {} },
  { id: 'getCustomerAchievements', params: { integrationId: 'user-1' } },
];

/** Effects of known types put into IntegrationStateV2.effects. */
const KNOWN_EFFECTS = [
  'setDiscount',
  'addLoyaltyPoints',
  'rejectCoupon',
  'customEffect',
  'acceptCoupon',
  'showNotification',
];

/**
 * Fields made required by an `allOf` part that lists only `required` (no `properties`): in 26.13
 * `Campaign` (`reevaluateOnReturn`) and `CreateAchievement` (reaching `AchievementStatusEntry`).
 * 25.17 requires them too, so the policy makes them required; the generator once lost such parts.
 */
const REQUIRED_ONLY_PART_FIELDS: Readonly<Record<string, readonly string[]>> = {
  updateCustomerSessionV2: ['.triggeredCampaigns[0].reevaluateOnReturn'],
  getCustomerAchievements: ['.data[0].name', '.data[0].title', '.data[0].description', '.data[0].target'],
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function get(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) current = (current as Record<string | number, unknown> | undefined)?.[key];
  return current;
}

function set(value: unknown, path: Path, replacement: unknown): void {
  const parent = get(value, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = replacement;
}

function remove(value: unknown, path: Path): void {
  const parent = get(value, path.slice(0, -1)) as Record<string | number, unknown>;
  delete parent[path[path.length - 1]!];
}

const show = (path: Path) =>
  path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('') || '(root)';

/** One node of an answer, with its (flattened) schema and the raw schema it was reached by. */
interface Node {
  readonly path: Path;
  readonly raw: SchemaObject;
  readonly schema: SchemaObject;
  readonly value: unknown;
  /** Whether the property is required by its object's schema (array items and the root: true). */
  readonly required: boolean;
  /** The raw schema of the object this node is a property of. */
  readonly owner: SchemaObject | undefined;
}

/** Every node of `value` the schema describes (free-form content is not descended into). */
function nodes(
  spec: OpenApi,
  raw: SchemaObject,
  value: unknown,
  path: Path = [],
  required = true,
  owner: SchemaObject | undefined = undefined,
  out: Node[] = [],
): Node[] {
  const schema = deref(spec, raw);
  out.push({ path, raw, schema, value, required, owner });
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      nodes(spec, schema.items ?? {}, item, [...path, i], true, undefined, out);
    });
  } else if (isObject(value)) {
    const props = refName(raw) === 'Effect' ? effectTypes(spec).get(String(value.effectType)) : undefined;
    const req = new Set(schema.required ?? []);
    for (const [key, item] of Object.entries(value)) {
      const own = schema.properties?.[key];
      const prop =
        key === 'props' && props
          ? { $ref: `#/components/schemas/${props}` }
          : (own ??
            (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined));
      if (prop)
        nodes(spec, prop, item, [...path, key], own ? req.has(key) : true, own ? raw : undefined, out);
    }
  }
  return out;
}

/** An object with named properties (not a free-form map). */
const structured = (s: SchemaObject) => !!s.properties && Object.keys(s.properties).length > 0;
const listOfStructured = (spec: OpenApi, s: SchemaObject) =>
  s.type === 'array' && structured(deref(spec, s.items ?? {}));

/** Keeps only the paths that no other path in the list contains. */
const outermost = (paths: Path[]): Path[] =>
  paths.filter((p) => !paths.some((q) => q !== p && q.length < p.length && q.every((k, i) => p[i] === k)));

describeWithSpec('forward compatibility: answers mutated the way releases change them', (specs) => {
  const spec = specs.current;
  const earlier = specFiles.loadSpec(specFiles.EARLIER[0]!) as OpenApi;

  function schemaOf(id: string): SchemaObject {
    const found = findOperation(spec, id);
    if (!found) throw new Error(`${id} is not in ${specs.files.current}`);
    const schema = found.op.responses['200']?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`${id} documents no 200 JSON answer`);
    return schema;
  }

  /** A valid answer with every field (and, for IntegrationStateV2, effects of known types). */
  function fullAnswer(id: string, seed = 11): Record<string, unknown> {
    const schema = schemaOf(id);
    const answer = new Generator(spec, seed, { mode: 'response', full: true }).value(schema) as Record<
      string,
      unknown
    >;
    if (id === 'updateCustomerSessionV2') {
      const types = effectTypes(spec);
      answer.effects = KNOWN_EFFECTS.map((type, i) => ({
        ...(new Generator(spec, 100 + i, { mode: 'response', full: true }).value({
          $ref: '#/components/schemas/EffectEntity',
        }) as object),
        effectType: type,
        props: new Generator(spec, 200 + i, { mode: 'response', full: true }).value({
          $ref: `#/components/schemas/${types.get(type)}`,
        }),
      }));
    }
    return answer;
  }

  async function serve(id: string, params: Record<string, unknown>, body: unknown): Promise<AnyResult> {
    const text = JSON.stringify(body);
    server.use(
      http.all(`${BASE_URL}/*`, () =>
        HttpResponse.text(text, { headers: { 'content-type': 'application/json' } }),
      ),
    );
    const call = (sdk as unknown as Record<string, Call>)[id]!;
    return call(client, params);
  }

  /** The value of an `ok` result; fails naming the mutation otherwise. */
  function mustBeOk(result: AnyResult, what: string): unknown {
    if (!result.ok)
      throw new Error(`${what}: expected ok, got ${result.error.kind}: ${result.error.message}`);
    return result.value;
  }

  /** Either ok, or a schema error that carries exactly what was served. Returns which. */
  function okOrSchemaError(result: AnyResult, served: unknown, what: string): 'ok' | 'schema' {
    if (result.ok) return 'ok';
    const error = result.error;
    if (error.kind !== 'response' || error.problem !== 'schema')
      throw new Error(`${what}: expected ok or a response/schema error, got ${error.kind}: ${error.message}`);
    expect(error.body, `${what}: the body of the schema error is the answer served`).toEqual(served);
    return 'schema';
  }

  for (const { id, params } of TARGETS) {
    const schema = schemaOf(id);

    it(`${id}: the full valid answer parses, unchanged (baseline)`, async () => {
      const answer = fullAnswer(id);
      expect(mustBeOk(await serve(id, params, answer), 'baseline')).toEqual(answer);
    });

    it(`${id}: (a) an extra key at every object level is accepted and kept at run time`, async () => {
      const answer = fullAnswer(id);
      const objects = nodes(spec, schema, answer).filter((n) => structured(n.schema) && isObject(n.value));
      expect(objects.length).toBeGreaterThan(1);
      objects.forEach((n, i) => {
        (get(answer, n.path) as Record<string, unknown>)[`futureField${i}`] = { addedIn: '27.1', n: i };
      });
      const value = mustBeOk(await serve(id, params, answer), '(a)');
      const lost = objects
        .map((n, i) => [n, i] as const)
        .filter(
          ([n, i]) =>
            JSON.stringify((get(value, n.path) as Record<string, unknown>)?.[`futureField${i}`]) !==
            JSON.stringify({ addedIn: '27.1', n: i }),
        )
        .map(([n]) => show(n.path));
      expect(lost, 'objects whose extra key was dropped').toEqual([]);
      expect(value).toEqual(answer);
      if (id === 'updateCustomerSessionV2')
        expect((value as { effects: unknown[] }).effects).toHaveLength(KNOWN_EFFECTS.length);
    });

    it(`${id}: (b) an unknown value in every enum field is accepted and kept`, async () => {
      const answer = fullAnswer(id);
      const enums = nodes(spec, schema, answer).filter((n) => n.schema.enum && typeof n.value === 'string');
      enums.forEach((n, i) => {
        set(answer, n.path, `futureValue${i}`);
      });
      const value = mustBeOk(await serve(id, params, answer), '(b)');
      for (const [i, n] of enums.entries()) expect(get(value, n.path), show(n.path)).toBe(`futureValue${i}`);
      expect(value).toEqual(answer);
    });

    if (id === 'updateCustomerSessionV2')
      it(`${id}: (c) an unknown effect type is accepted, with its props, and no effect is lost`, async () => {
        const answer = fullAnswer(id);
        const effects = answer.effects as Record<string, unknown>[];
        const unknown = {
          ...effects[0],
          effectType: 'grantTimeMachine',
          props: { years: 3, nested: { a: [1] } },
        };
        effects.splice(2, 0, unknown);
        const value = mustBeOk(await serve(id, params, answer), '(c)') as {
          effects: Record<string, unknown>[];
        };
        expect(value.effects).toHaveLength(KNOWN_EFFECTS.length + 1);
        expect(value.effects.map((e) => e.effectType)).toEqual(effects.map((e) => e.effectType));
        expect(value.effects[2]).toEqual(unknown);
        expect(value).toEqual(answer);
      });

    it(`${id}: (d) null in every optional field and every list at once: ok, null lists are []`, async () => {
      const answer = fullAnswer(id);
      const all = nodes(spec, schema, answer);
      const targets = outermost(
        all
          .filter((n) => n.path.length > 0)
          .filter((n) =>
            n.schema.type === 'array'
              ? !listOfStructured(spec, n.schema)
              : !n.required && !structured(n.schema) && typeof n.path[n.path.length - 1] === 'string',
          )
          .map((n) => n.path),
      );
      expect(targets.length).toBeGreaterThan(0);
      const arrays = new Set(all.filter((n) => n.schema.type === 'array').map((n) => show(n.path)));
      for (const path of targets) set(answer, path, null);
      const value = mustBeOk(await serve(id, params, answer), '(d)');
      const wrong = targets
        .filter((path) => JSON.stringify(get(value, path)) !== (arrays.has(show(path)) ? '[]' : 'null'))
        .map((path) => `${show(path)} → ${JSON.stringify(get(value, path))}`);
      expect(wrong).toEqual([]);
      if (id === 'updateCustomerSessionV2')
        expect((value as { effects: unknown[] }).effects).toHaveLength(KNOWN_EFFECTS.length);
    });

    it(`${id}: (d) null in each list of objects and each optional object, one at a time: ok`, async () => {
      const base = fullAnswer(id);
      const targets = nodes(spec, schema, base).filter(
        (n) =>
          n.path.length > 0 &&
          typeof n.path[n.path.length - 1] === 'string' &&
          (listOfStructured(spec, n.schema) || (!n.required && structured(n.schema))),
      );
      expect(targets.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const n of targets) {
        const answer = structuredClone(base);
        set(answer, n.path, null);
        const result = await serve(id, params, answer);
        if (!result.ok) wrong.push(`${show(n.path)}: ${result.error.message}`);
        else if (JSON.stringify(get(result.value, n.path)) !== (n.schema.type === 'array' ? '[]' : 'null'))
          wrong.push(`${show(n.path)} → ${JSON.stringify(get(result.value, n.path))}`);
        else if (id === 'updateCustomerSessionV2' && show(n.path) !== '.effects')
          expect((result.value as { effects: unknown[] }).effects).toHaveLength(KNOWN_EFFECTS.length);
      }
      expect(wrong).toEqual([]);
    });

    it(`${id}: (e) a once-required field left out (each in turn, top two levels): ok or a schema error with the answer`, async () => {
      const base = fullAnswer(id);
      const targets = nodes(spec, schema, base).filter(
        (n) =>
          n.required &&
          n.owner &&
          typeof n.path[n.path.length - 1] === 'string' &&
          n.path.filter((k) => typeof k === 'string').length <= 2,
      );
      expect(targets.length).toBeGreaterThan(0);
      const record: Record<string, string> = {};
      const mispredicted: string[] = [];
      for (const n of targets) {
        const answer = structuredClone(base);
        remove(answer, n.path);
        const outcome = okOrSchemaError(await serve(id, params, answer), answer, `(e) ${show(n.path)}`);
        const owner = refName(n.owner!);
        const key = String(n.path[n.path.length - 1]);
        // The policy: required in an answer only when 26.13 AND 25.17 (same schema name) require it.
        const earlierSchema = owner ? earlier.components.schemas[owner] : undefined;
        if (earlierSchema) {
          const predicted = deref(earlier, earlierSchema).required?.includes(key) ? 'schema' : 'ok';
          if (predicted !== outcome)
            mispredicted.push(`${show(n.path)} (${owner}.${key}): ${outcome}, the policy says ${predicted}`);
        }
        record[show(n.path)] = `${outcome}${owner ? ` (${owner})` : ''}`;
      }
      expect(mispredicted).toEqual([]);
      report(
        `drift-${id}-e`,
        `${id} (e) left out → outcome:\n${Object.entries(record)
          .map(([p, o]) => `  ${p}: ${o}`)
          .join('\n')}`,
      );
    });

    const gap = REQUIRED_ONLY_PART_FIELDS[id];
    if (gap)
      it(`${id}: (e) fields required by both releases through a required-only allOf part are required (${gap.join(', ')})`, async () => {
        const base = fullAnswer(id);
        const outcomes: string[] = [];
        for (const shown of gap) {
          const n = nodes(spec, schema, base).find((node) => show(node.path) === shown)!;
          const answer = structuredClone(base);
          remove(answer, n.path);
          outcomes.push(`${shown}: ${okOrSchemaError(await serve(id, params, answer), answer, shown)}`);
        }
        expect(outcomes).toEqual(gap.map((shown) => `${shown}: schema`));
      });

    it(`${id}: (f) a string where a number is due: ok or a schema error with the answer, never a coerced value`, async () => {
      const base = fullAnswer(id);
      const numbers = nodes(spec, schema, base).filter(
        (n) => (n.schema.type === 'number' || n.schema.type === 'integer') && typeof n.value === 'number',
      );
      expect(numbers.length).toBeGreaterThan(0);
      const step = Math.max(1, Math.ceil(numbers.length / 150));
      const accepted: string[] = [];
      let refused = 0;
      for (const n of numbers.filter((_, i) => i % step === 0)) {
        const answer = structuredClone(base);
        set(answer, n.path, '12');
        const result = await serve(id, params, answer);
        if (okOrSchemaError(result, answer, `(f) ${show(n.path)}`) === 'schema') refused++;
        else {
          expect(get(result.ok ? result.value : undefined, n.path)).toBe('12');
          accepted.push(show(n.path));
        }
      }
      expect(refused).toBeGreaterThan(0);
      report(
        `drift-${id}-f`,
        `${id} (f) string for number: ${refused} refused (schema error), ${accepted.length} accepted${accepted.length ? `:\n  ${accepted.join('\n  ')}` : ''}`,
      );
    });
  }
});
