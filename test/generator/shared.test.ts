/**
 * The rule for model names both APIs use (scripts/gen/models.mjs `shared`, spec.mjs `sameSchema`),
 * on small hand-made releases: a model the first run emitted from an identical schema (the same
 * name and direction, the same JSON with everything it reaches) is imported, not emitted again; a
 * name the first run used for another shape gets the prefix; a name only one run uses stays.
 */
import { describe, expect, it } from 'vitest';
import { script, tinyTarget } from './support.js';

const { generate } = await script('gen/generate.mjs');
const { sameSchema } = await script('gen/spec.mjs');

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: object, required: string[] = []) => ({ type: 'object', properties, required });

const shared = {
  ErrorResponse: obj({ message: { type: 'string' } }, ['message']),
  Money: obj({ amount: { type: 'number' }, currency: { type: 'string' } }, ['amount']),
  // The same text in both releases; it reaches Money (a different Money makes it a different Price).
  Price: obj({ money: ref('Money') }, ['money']),
};

/** A release with one operation `op` answering `answer` and taking `input` (optional). */
function release<S extends object>(id: string, schemas: S, answer: string, input?: string) {
  return {
    openapi: '3.1.0',
    info: { version: `${id} 1.0` },
    paths: {
      [`/v1/${id}`]: {
        post: {
          operationId: id,
          ...(input ? { requestBody: { required: true, ...json(ref(input)) } } : {}),
          responses: {
            '200': { description: 'OK', ...json(ref(answer)) },
            '404': { description: 'Not found', ...json(ref('ErrorResponse')) },
          },
        },
      },
    },
    components: { schemas },
  };
}

/** The first API: Thing (answer) with a Price, ErrorResponse, and Label as an answer. */
const first = release(
  'getThing',
  {
    ...shared,
    Thing: obj({ id: { type: 'integer' }, price: ref('Price') }, ['id']),
    Label: obj({ text: { type: 'string' } }),
  },
  'Thing',
);

const target = (name: string, prefix?: string) => {
  const base = tinyTarget();
  return {
    ...base,
    name,
    out: { models: `src/${name}/models`, endpoints: `src/${name}/endpoints` },
    paths: {
      ...base.paths,
      models: {
        ...base.paths.models,
        shared: { types: '../../first/types.js', schemas: '../../first/schemas.js' },
      },
    },
    ...(prefix ? { shared: { with: 'First API', prefix } } : {}),
  };
};

/** Runs the first API, then the second sharing its models; answers the second run's files. */
function second(schemas: object, answer: string, input?: string) {
  const one = generate({ target: target('first'), specs: { current: first } });
  const two = generate({
    target: target('second', 'Second'),
    specs: { current: release('listThings', schemas, answer, input) },
    shared: one,
  });
  return {
    types: two.files.get('src/second/models/types.ts') as string,
    schemas: two.files.get('src/second/models/schemas.ts') as string,
    endpoint: two.files.get('src/second/endpoints/listThings.ts') as string,
    counts: two.counts,
  };
}

describe('models both APIs name', () => {
  it('an identical schema (with all it reaches) is imported from the first run and exported again, not emitted', () => {
    const out = second(
      { ...shared, Thing: first.components.schemas.Thing, Label: first.components.schemas.Label },
      'Thing',
    );
    // Only what the second run names itself: Thing's parts stay behind it, in the first run's files.
    expect(out.types).toContain("import type { ErrorResponse, Thing } from '../../first/types.js';");
    expect(out.types).toContain('export type { ErrorResponse, Thing };');
    expect(out.schemas).toContain(
      "import { ErrorResponseSchema, ThingSchema } from '../../first/schemas.js';",
    );
    expect(out.types).not.toMatch(/export (interface|type) (Thing|Price|Money|ErrorResponse)\b/);
    expect(out.schemas).not.toContain('export const ThingSchema');
    expect(out.counts).toMatchObject({ models: 0, shared: 2 });
    // The endpoint names the shared models as its own (through its API's models files).
    expect(out.endpoint).toContain("import type { ErrorResponse, Thing } from '../models/types.js';");
  });

  it('a name the first run used for another shape gets the prefix, and so does what uses it', () => {
    const money = obj({ amount: { type: 'string' } }, ['amount']);
    const out = second(
      {
        ...shared,
        Money: money,
        Thing: first.components.schemas.Thing,
        Label: first.components.schemas.Label,
      },
      'Thing',
    );
    // Money differs; Price and Thing have the same text but reach it: all three are the second API's own.
    expect(out.types).toMatch(/export interface SecondMoney \{\n\s+amount: string;/);
    expect(out.types).toMatch(/export interface SecondPrice \{\n\s+money: SecondMoney;/);
    expect(out.types).toMatch(/export interface SecondThing \{/);
    expect(out.types).toContain('price?: SecondPrice | null;');
    expect(out.schemas).toContain('export const SecondMoneySchema');
    // ErrorResponse is still the same: imported.
    expect(out.types).toContain("import type { ErrorResponse } from '../../first/types.js';");
    expect(out.endpoint).toContain('export type ListThingsValue = SecondThing;');
  });

  it('a name the first run emitted in the other direction only is emitted under its own name', () => {
    const out = second({ ...shared, Label: first.components.schemas.Label }, 'ErrorResponse', 'Label');
    expect(out.types).toContain('export interface LabelInput {');
    expect(out.types).not.toContain('SecondLabel');
  });

  it('sameSchema compares the JSON of a schema and of every schema it reaches', () => {
    const a = { components: { schemas: { A: obj({ b: ref('B') }), B: obj({ x: { type: 'string' } }) } } };
    const b = { components: { schemas: { A: obj({ b: ref('B') }), B: obj({ x: { type: 'integer' } }) } } };
    expect(sameSchema('A', a, a)).toBe(true);
    expect(sameSchema('B', a, b)).toBe(false);
    expect(sameSchema('A', a, b)).toBe(false);
    expect(sameSchema('Missing', a, a)).toBe(false);
  });
});
