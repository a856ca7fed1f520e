/** scripts/gen/effects.mjs: the effect union, on the tiny hand-made spec of ./support.ts. */
import { describe, expect, it } from 'vitest';
import { script, tinySpec, tinyTarget } from './support.js';

const { createModels } = await script('gen/models.mjs');
const { effectType, INTEGRATION_EFFECTS } = await script('gen/effects.mjs');
const P = '/*#__PURE__*/ ';

describe('effects', () => {
  it('takes an effect type from an override, the title, or the schema name', () => {
    const overrides = INTEGRATION_EFFECTS.overrides;
    expect(effectType('CustomEffectProps', { title: 'Custom effect' }, overrides)).toBe('customEffect');
    expect(effectType('SetDiscountEffectProps', { title: 'setDiscount' }, overrides)).toBe('setDiscount');
    expect(effectType('RollbackThingEffectProps', {}, overrides)).toBe('rollbackThing');
  });

  it('makes one member per *EffectProps schema, an unknown member and a union keyed on effectType', () => {
    const current = tinySpec();
    const m = createModels({ releases: { current }, effects: tinyTarget({ effects: true }).effects });
    expect(m.model('Effect', current, 'out')).toBe('Effect');
    const union = m.models.get('Effect');
    expect(union.ts).toBe(
      'export type Effect = CustomEffect | RollbackThingEffect | SetDiscountEffect | UnknownEffect;',
    );
    expect(union.schema).toBe(
      `export const EffectSchema: v.GenericSchema<unknown, T.Effect> = ${P}effectUnion<T.Effect>(effectBaseEntries, {\n` +
        '  customEffect: CustomEffectPropsSchema,\n  rollbackThing: RollbackThingEffectPropsSchema,\n  setDiscount: SetDiscountEffectPropsSchema,\n});',
    );
    expect([...union.deps]).toEqual([
      'CustomEffectProps',
      'RollbackThingEffectProps',
      'SetDiscountEffectProps',
      'EffectBase',
    ]);
    expect(union.doc).toBe('An effect.');
    // The base: the effect entity without effectType and props, as a plain entries object.
    expect(m.models.get('EffectBase').schema).toBe(
      `const effectBaseEntries = {\n  campaignId: ${P}v.number(),\n};`,
    );
    expect(m.models.get('SetDiscountEffect').ts).toBe(
      'export interface SetDiscountEffect extends EffectBase {\n  effectType: "setDiscount";\n  props: SetDiscountEffectProps;\n}',
    );
    expect(m.models.get('SetDiscountEffect').schema).toBeUndefined();
    expect(m.models.get('knownEffectTypes')).toMatchObject({
      schema:
        'export const knownEffectTypes: readonly T.KnownEffectType[] = ["customEffect", "rollbackThing", "setDiscount"];',
      schemaOf: 'KnownEffectType',
    });
    // Props that reference other models make those models too.
    expect([...m.models.get('RollbackThingEffectProps').deps]).toEqual(['Thing']);
  });

  it('without effects settings, Effect is an ordinary model', () => {
    const current = tinySpec();
    const m = createModels({ releases: { current } });
    m.model('Effect', current, 'out');
    expect(m.models.get('Effect').ts).toBe('export type Effect = EffectEntity;');
    expect(m.models.has('EffectBase')).toBe(false);
  });
});
