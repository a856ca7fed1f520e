/** scripts/gen/models.mjs: named types and valibot schemas, on the tiny hand-made spec of ./support.ts. */
import { describe, expect, it } from 'vitest';
import { script, tinyEarlier, tinyLegacy, tinySpec } from './support.js';

const { createModels, stringExpr } = await script('gen/models.mjs');
const { flatten } = await script('gen/spec.mjs');
const P = '/*#__PURE__*/ ';

function run() {
  const releases = { current: tinySpec(), earlier: [tinyEarlier()], legacy: tinyLegacy() };
  return { ...createModels({ releases }), current: releases.current, legacy: releases.legacy };
}

describe('models', () => {
  it('an allOf with a required-only part: the part that still fits is a base, every field is in the schema', () => {
    const m = run();
    expect(m.model('Thing', m.current, 'out')).toBe('Thing');
    const thing = m.models.get('Thing');
    // Entity fits (same fields, same required); NewThing does not (the extra part makes `color` required).
    expect(thing.ts).toBe(
      'export interface Thing extends Entity {\n  name: string;\n  color: "red" | "blue" | (string & {});\n  labels?: string[];\n}',
    );
    expect(thing.schema).toContain(
      `export const ThingSchema: v.GenericSchema<unknown, T.Thing> = ${P}answer({\n`,
    );
    for (const field of ['id', 'created', 'name', 'color', 'labels'])
      expect(thing.schema).toContain(`  ${field}: `);
    expect(thing.doc).toBe('A thing to create.');
    expect(m.models.has('Entity')).toBe(true);
  });

  it('a default: null list: never null in an answer (opt list or list), optional in a request', () => {
    const m = run();
    m.model('listThings_200_response', m.current, 'out');
    const list = m.models.get('ListThingsResponse');
    expect(list.ts).toContain('  data: Thing[];\n');
    expect(list.schema).toContain(`  data: ${P}list(ThingSchema),\n`);
    expect(m.models.get('Thing').schema).toContain(`  labels: ${P}optList(${P}v.string()),\n`);
    m.model('NewThing', m.current, 'in');
    const input = m.models.get('NewThingInput');
    expect(input.ts).toContain('  labels?: string[] | undefined;\n');
    expect(input.schema).toContain(`  labels: ${P}v.optional(${P}v.array(${P}v.string())),\n`);
  });

  it('an open enum: known values in the answer type, any string at run time; a picklist in requests', () => {
    const color = { type: 'string', enum: ['red', 'blue'] };
    expect(stringExpr(color, 'out')).toEqual({
      ts: '"red" | "blue" | (string & {})',
      schema: `${P}v.string()`,
    });
    expect(stringExpr(color, 'in')).toEqual({
      ts: '"red" | "blue"',
      schema: `${P}v.picklist(["red", "blue"])`,
    });
    const m = run();
    m.model('NewThing', m.current, 'in');
    expect(m.models.get('NewThingInput').schema).toBe(
      `export const NewThingInputSchema: v.GenericSchema<T.NewThingInput> = ${P}strict("NewThing", {\n` +
        `  name: ${P}v.pipe(${P}v.string(), ${P}v.minLength(1)),\n` +
        `  color: ${P}v.optional(${P}v.picklist(["red", "blue"])),\n` +
        `  labels: ${P}v.optional(${P}v.array(${P}v.string())),\n});`,
    );
  });

  it('answers require a field only where the earlier release does too; requests keep the current list', () => {
    const m = run();
    m.model('ErrorResponse', m.current, 'out');
    m.model('ErrorResponse', m.current, 'in');
    expect(m.models.get('ErrorResponse').ts).toContain('message?: string | null;');
    expect(m.models.get('ErrorResponseInput').ts).toContain('message: string;');
  });

  it('records the models a schema uses as data, in the order it uses them', () => {
    const m = run();
    m.model('listThings_200_response', m.current, 'out');
    expect([...m.models.get('ListThingsResponse').deps]).toEqual(['Thing']);
    expect([...m.models.get('Thing').deps]).toEqual([]);
    const { value, deps } = m.collecting(() =>
      m.expr(flatten({ $ref: '#/components/schemas/Thing' }, m.current), 'out', ''),
    );
    expect(value).toEqual({ ts: 'Thing', schema: 'ThingSchema' });
    expect([...deps]).toEqual(['Thing']);
  });

  it('names a legacy shape the current release also has with a Legacy prefix; each run has its own models', () => {
    const m = run();
    expect(m.model('Thing', m.legacy, 'out')).toBe('LegacyThing');
    expect(m.models.get('LegacyThing').ts).toBe('export interface LegacyThing {\n  old: string;\n}');
    expect(run().models.size).toBe(0);
  });
});
