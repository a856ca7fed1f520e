/** scripts/gen/spec.mjs: reading a release, on the tiny hand-made spec of ./support.ts. */
import { describe, expect, it } from 'vitest';
import { script, tinyEarlier, tinySpec } from './support.js';

const spec = await script('gen/spec.mjs');

describe('flatten', () => {
  const current = tinySpec();

  it('merges an allOf: properties in order, required lists united, a required-only part adding to them', () => {
    const thing = spec.named('Thing', current);
    expect(thing.kind).toBe('object');
    expect(Object.keys(thing.properties)).toEqual(['id', 'created', 'name', 'color', 'labels']);
    expect([...thing.required].sort()).toEqual(['color', 'id', 'name']);
    expect(thing.parts.map((p: { name: string }) => p.name)).toEqual(['Entity', 'NewThing']);
    // The part's own property objects are shared, not copied (the models stage compares them).
    expect(thing.properties.name).toBe(current.components.schemas.NewThing.properties.name);
  });

  it('reads a lone allOf [$ref] wrapper as the reference, keeping its description', () => {
    expect(spec.named('Effect', current)).toMatchObject({
      kind: 'ref',
      name: 'EffectEntity',
      description: 'An effect.',
    });
  });

  it('answers lists, maps, scalars and unknowns by kind', () => {
    const labels = spec.flatten(current.components.schemas.NewThing.properties.labels, current);
    expect(labels).toMatchObject({ kind: 'array', items: { type: 'string' } });
    expect(labels.schema.default).toBeNull();
    expect(spec.flatten({ type: 'object' }, current)).toMatchObject({ kind: 'map', value: undefined });
    expect(spec.flatten({ additionalProperties: { type: 'string' } }, current).kind).toBe('map');
    expect(spec.flatten({ type: 'boolean' }, current).kind).toBe('boolean');
    expect(spec.flatten({}, current).kind).toBe('unknown');
  });

  it('throws on a reference to a schema the spec does not define', () => {
    expect(() => spec.named('Nope', current)).toThrow('gen: schema Nope is referenced but not defined');
  });
});

describe('answerRequiredRule', () => {
  it('keeps a field required in an answer only where every earlier release requires it too', () => {
    const current = tinySpec();
    const rule = spec.answerRequiredRule(current, [tinyEarlier()]);
    expect([...rule('ErrorResponse', spec.named('ErrorResponse', current))]).toEqual([]);
    expect([...rule('Thing', spec.named('Thing', current))].sort()).toEqual(['color', 'id', 'name']);
    // Another release's schema keeps its own list.
    const earlier = tinySpec();
    expect([...rule('ErrorResponse', spec.named('ErrorResponse', earlier))]).toEqual(['message']);
  });
});

describe('operations and references', () => {
  const current = tinySpec();

  it('lists operations with method, path and path-level parameters, filtered by operationId', () => {
    const ops = spec.operationsOf(current);
    expect(
      ops.map((op: { operationId: string; method: string; path: string }) => [
        op.operationId,
        op.method,
        op.path,
      ]),
    ).toEqual([
      ['updateThing', 'PUT', '/v1/things/{thingId}'],
      ['listThings', 'GET', '/v1/things'],
    ]);
    expect(ops[0].pathParameters.map((p: { name: string }) => p.name)).toEqual(['thingId']);
    expect(ops[0].spec).toBe(current);
    expect(spec.operationsOf(current, (id: string) => id === 'listThings')).toHaveLength(1);
  });

  it('resolves a components/parameters and a components/requestBodies reference', () => {
    const op = current.paths['/v1/things/{thingId}'].put;
    expect(spec.resolveParam(op.parameters[0], current)).toMatchObject({ name: 'tags', explode: false });
    const body = spec.resolveBody(op.requestBody, current);
    expect(body.required).toBe(true);
    expect(spec.jsonSchema(body)).toEqual({ $ref: '#/components/schemas/NewThing' });
    expect(spec.resolveBody(undefined, current)).toBeUndefined();
  });
});
