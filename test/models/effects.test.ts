import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type Effect, knownEffectTypes } from '../../src/models/index.js';
import { EffectSchema, SetDiscountEffectPropsSchema } from '../../src/models/schemas.js';

const base = { campaignId: 244, rulesetId: 73, ruleIndex: 0, ruleName: 'Give 10% off' };

describe('EffectSchema', () => {
  it('parses a known effect, types its props and keeps unknown keys', () => {
    const input = {
      ...base,
      effectType: 'setDiscount',
      props: { name: '10% off', value: 12.5, futureProp: [1, 2] },
      futureTopLevel: 'kept',
    };
    const result = v.safeParse(EffectSchema, input);
    expect(result.success).toBe(true);
    const effect = result.output as Effect;
    expect(effect).toEqual(input);
    if (effect.effectType === 'setDiscount') {
      expect(effect.props.value).toBe(12.5);
    } else {
      expect.fail('expected the setDiscount member');
    }
  });

  it('parses every known type with props that match its schema', () => {
    const acceptCoupon = { ...base, effectType: 'acceptCoupon', props: { value: 'XMAS-2026' } };
    expect(v.safeParse(EffectSchema, acceptCoupon).success).toBe(true);
    const custom = {
      ...base,
      effectType: 'customEffect',
      props: { effectId: 1, name: 'award', payload: {} },
    };
    expect(v.safeParse(EffectSchema, custom).success).toBe(true);
  });

  it('parses an effect type the SDK does not know, with arbitrary props', () => {
    const input = { ...base, effectType: 'someFutureEffect', props: { anything: { nested: true }, n: 1 } };
    const result = v.safeParse(EffectSchema, input);
    expect(result.success).toBe(true);
    expect(result.output).toEqual(input);
    // Typed as the UnknownEffect member: its effectType is none of the known ones.
    expect(knownEffectTypes).not.toContain((result.output as Effect).effectType);
  });

  it('fails a known effect type whose props do not match (the catch-all refuses known names)', () => {
    const input = { ...base, effectType: 'setDiscount', props: { name: 'x', value: 'not a number' } };
    const result = v.safeParse(EffectSchema, input);
    expect(result.success).toBe(false);
    // Checked against the setDiscount props, not let through as an unknown effect.
    expect(result.issues?.map((i) => v.getDotPath(i))).toContain('props.value');
    const missing = { ...base, effectType: 'rejectCoupon', props: { value: 'CODE' } };
    expect(v.safeParse(EffectSchema, missing).success).toBe(false);
  });

  it('fails props given as the string "{}" (as in spec examples), for known and unknown types', () => {
    expect(v.safeParse(EffectSchema, { ...base, effectType: 'rejectCoupon', props: '{}' }).success).toBe(
      false,
    );
    expect(v.safeParse(EffectSchema, { ...base, effectType: 'someFutureEffect', props: '{}' }).success).toBe(
      false,
    );
  });

  it('fails when a base field is missing or effectType is not a string', () => {
    const { ruleName: _omitted, ...noRuleName } = base;
    expect(v.safeParse(EffectSchema, { ...noRuleName, effectType: 'x', props: {} }).success).toBe(false);
    expect(v.safeParse(EffectSchema, { ...base, effectType: 7, props: {} }).success).toBe(false);
  });

  it('lists each known type once, and the props schemas stay lenient', () => {
    expect(new Set(knownEffectTypes).size).toBe(knownEffectTypes.length);
    expect(knownEffectTypes).toContain('setDiscount');
    expect(knownEffectTypes).toContain('customEffect');
    expect(knownEffectTypes).not.toContain('custom');
    expect(v.safeParse(SetDiscountEffectPropsSchema, { name: 'a', value: 1, extra: true }).output).toEqual({
      name: 'a',
      value: 1,
      extra: true,
    });
  });
});
