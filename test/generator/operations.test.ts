/** scripts/gen/operations.mjs: each operation described for its module, on the tiny spec of ./support.ts. */
import { describe, expect, it } from 'vitest';
import { script, tinyLegacy, tinySpec, tinyTarget } from './support.js';

const { buildOperation, exampleCall, idempotencyOf, sample } = await script('gen/operations.mjs');
const { createModels } = await script('gen/models.mjs');
const { flatten, operationsOf } = await script('gen/spec.mjs');
const P = '/*#__PURE__*/ ';

function built(id: string, overlay?: object) {
  const current = tinySpec();
  const legacy = tinyLegacy();
  const m = createModels({ releases: { current, legacy } });
  const op = [...operationsOf(current), ...operationsOf(legacy)].find((o) => o.operationId === id);
  return { b: buildOperation(op, { m, legacy, overlay, auth: tinyTarget().auth }), m };
}

describe('operations', () => {
  it('idempotency: the table entry without its reason, as a compact literal; the method rule for an unclassified one', () => {
    expect(idempotencyOf('updateCustomerSessionV2', 'PUT')).toBe(
      "{ class: 'body', rule: 'sessionStaysOpen', keySince: '26.15', conflict: 'parallel' }",
    );
    expect(idempotencyOf('deleteAudienceV2', 'DELETE')).toBe("{ class: 'safe', repeat404: true }");
    expect(idempotencyOf('syncCatalog', 'PUT')).toBe("{ class: 'unsafe' }");
    expect(idempotencyOf('updateThing', 'PUT')).toBe("{ class: 'safe' }");
    expect(idempotencyOf('createThing', 'POST')).toBe("{ class: 'unsafe' }");
    expect(idempotencyOf('constructor', 'POST')).toBe("{ class: 'unsafe' }");
    expect(built('updateThing').b.idempotency).toBe("{ class: 'safe' }");
  });

  it('an explode: false query array travels comma-joined (csv); an exploded one does not', () => {
    const { b } = built('updateThing');
    expect(b.query).toEqual(['tags', 'subledgerId']);
    expect(b.csv).toEqual(['tags']);
    expect(b.paramTs[1]).toBe('  /** Filter by tags. */\n  tags?: string[] | undefined;');
    expect(b.paramEntries[1]).toBe(`    tags: ${P}v.optional(${P}v.array(${P}v.string())),`);
  });

  it('a requestBodies reference is the body: required, strict, typed by its model', () => {
    const { b } = built('updateThing');
    expect(b.bodyType).toBe('NewThingInput');
    expect(b.paramTs.at(-1)).toBe('  /** The request body. */\n  body: NewThingInput;');
    expect(b.paramEntries.at(-1)).toBe('    body: NewThingInputSchema,');
  });

  it('path parameters are safe integers or non-empty strings, required', () => {
    const { b } = built('updateThing');
    expect(b.paramTs[0]).toBe('  thingId: number;');
    expect(b.paramEntries[0]).toBe(`    thingId: ${P}v.pipe(${P}v.number(), ${P}v.safeInteger()),`);
  });

  it('the answer, the documented errors, the auth and the models the module uses', () => {
    const { b } = built('updateThing');
    expect(b.response).toMatchObject({ status: 200, ts: 'Thing', schema: 'ThingSchema' });
    expect(b.errors).toEqual([{ status: 404, ts: 'ErrorResponse', schema: 'ErrorResponseSchema' }]);
    expect(b.valueTs).toBe('Thing');
    expect(b.apiKeyOnly).toBe(true);
    expect(b.isLegacy).toBe(false);
    expect([...b.uses].sort()).toEqual(['ErrorResponse', 'NewThingInput', 'Thing']);
  });

  it('`silent` is yes or no and allows an empty answer', () => {
    const { b } = built('listThings');
    expect(b.paramTs[0]).toBe("  silent?: 'yes' | 'no' | undefined;");
    expect(b.emptyOk).toBe(true);
    expect(b.valueTs).toBe('ListThingsResponse | undefined');
  });

  it('a legacy operation signed with the signature scheme is not key-only, and uses Legacy models', () => {
    const { b } = built('trackThing');
    expect(b.isLegacy).toBe(true);
    expect(b.apiKeyOnly).toBe(false);
    expect(b.valueTs).toBe('LegacyThing');
  });

  it('examples: mechanical from the required parameters and a sample body, or the overlay', () => {
    expect(exampleCall(built('updateThing').b)).toBe(
      'const result = await updateThing(talon, { thingId: 1, body: { name: "text" } });',
    );
    expect(exampleCall(built('listThings', { example: 'x();' }).b)).toBe('x();');
    const current = tinySpec();
    expect(sample(flatten({ $ref: '#/components/schemas/Thing' }, current))).toBe(
      '{ name: "text", color: "red" }',
    );
  });
});
