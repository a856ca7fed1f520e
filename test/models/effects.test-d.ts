import { describe, expectTypeOf, test } from 'vitest';
import type {
  Effect,
  EffectOf,
  KnownEffectType,
  RejectCouponEffectProps,
  SetDiscountEffectProps,
  UnknownEffect,
  UnknownEffectType,
} from '../../src/models/index.js';

describe('Effect narrowing', () => {
  test('a switch on effectType narrows props per known type', () => {
    const inspect = (effect: Effect) => {
      switch (effect.effectType) {
        case 'setDiscount':
          expectTypeOf(effect.props).toEqualTypeOf<SetDiscountEffectProps>();
          expectTypeOf(effect.props.value).toEqualTypeOf<number>();
          return effect.props.name;
        case 'rejectCoupon':
          expectTypeOf(effect.props).toEqualTypeOf<RejectCouponEffectProps>();
          expectTypeOf(effect.props.rejectionReason).toEqualTypeOf<string>();
          return effect.props.value;
        default:
          // Other known types and unknown ones: the base fields and props are still there.
          expectTypeOf(effect.campaignId).toEqualTypeOf<number>();
          expectTypeOf(effect.effectType).toEqualTypeOf<
            Exclude<KnownEffectType, 'setDiscount' | 'rejectCoupon'> | UnknownEffectType
          >();
          expectTypeOf<UnknownEffect>().toExtend<typeof effect>();
          // Known props are named interfaces (no index signature); all are objects.
          expectTypeOf(effect.props).toExtend<object>();
          return effect.ruleName;
      }
    };
    expectTypeOf(inspect).returns.toEqualTypeOf<string>();
  });

  test('EffectOf picks one member; an unknown effect is not one of them', () => {
    expectTypeOf<EffectOf<'setDiscount'>['props']>().toEqualTypeOf<SetDiscountEffectProps>();
    expectTypeOf<EffectOf<'setDiscount'>['effectType']>().toEqualTypeOf<'setDiscount'>();
    expectTypeOf<UnknownEffect>().not.toExtend<EffectOf<'setDiscount'>>();
    expectTypeOf<'setDiscount'>().not.toExtend<UnknownEffectType>();
    expectTypeOf<UnknownEffectType>().toExtend<string>();
    expectTypeOf<Effect['effectType']>().toExtend<string>();
    expectTypeOf<UnknownEffect['props']>().toEqualTypeOf<{ [key: string]: unknown }>();
  });
});
