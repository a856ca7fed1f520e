/**
 * The hand-written policies the generated schemas are built from (src/models/helpers.ts),
 * checked directly: tolerant answers that never modify the data they are given, strict request
 * objects with a "did you mean", maps that keep every key, date-times.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  answer,
  anyMap,
  closestKey,
  dateTime,
  list,
  map,
  opt,
  optList,
  strict,
} from '../../src/models/helpers.js';

const Item = answer({ sku: v.string(), tags: optList(v.string()) });
const Cart = answer({
  id: v.number(),
  items: list(Item),
  note: opt(v.string()),
  state: opt(v.string()),
});

describe('answer objects', () => {
  it('keep unknown keys, accept null in optional fields, and turn null lists into []', () => {
    const input = {
      id: 1,
      items: [{ sku: 'a', tags: null, extra: true }],
      note: null,
      state: 'frozen',
      more: 2,
    };
    const result = v.safeParse(Cart, input);
    expect(result.success).toBe(true);
    expect(result.output).toEqual({
      id: 1,
      items: [{ sku: 'a', tags: [], extra: true }],
      note: null,
      state: 'frozen',
      more: 2,
    });
  });

  it('never modify the data they are given: a change is carried by copies along its path', () => {
    const input = { id: 1, items: [{ sku: 'a', tags: null }, { sku: 'b' }], note: 'x' };
    const before = structuredClone(input);
    const result = v.safeParse(Cart, input);
    expect(input).toEqual(before);
    const output = result.output as typeof input;
    expect(output).not.toBe(input);
    expect(output.items).not.toBe(input.items);
    expect(output.items[0]).not.toBe(input.items[0]);
    // What did not change is shared, not copied.
    expect(output.items[1]).toBe(input.items[1]);
  });

  it('hand back the very object when nothing changed', () => {
    const input = { id: 2, items: [{ sku: 'a', tags: ['t'] }] };
    expect(v.safeParse(Cart, input).output).toBe(input);
  });

  it('report valibot issues with their paths for a missing field or a wrong type', () => {
    const missing = v.safeParse(Cart, { items: [] });
    expect(missing.success).toBe(false);
    expect(missing.issues?.[0]?.path?.map((p) => p.key)).toEqual(['id']);
    const wrong = v.safeParse(Cart, { id: 1, items: [{ sku: 7 }] });
    expect(wrong.success).toBe(false);
    expect(wrong.issues?.[0]?.path?.map((p) => p.key)).toEqual(['items', 0, 'sku']);
    expect(v.safeParse(Cart, 'text').success).toBe(false);
  });

  it('a required list may be null but not absent', () => {
    expect(v.safeParse(Cart, { id: 1, items: null }).output).toEqual({ id: 1, items: [] });
    expect(v.safeParse(Cart, { id: 1 }).success).toBe(false);
  });
});

describe('strict request objects', () => {
  const Session = strict('NewCustomerSessionV2', {
    profileId: v.optional(v.string()),
    cartItems: v.optional(v.array(v.string())),
    couponCodes: v.optional(v.array(v.string())),
  });
  const Params = strict('updateCustomerSessionV2 params', { customerSessionId: v.string() });

  it('name an unknown key and the key meant', () => {
    const result = v.safeParse(Session, { cartitems: [] });
    expect(result.issues?.[0]?.message).toBe(
      'is not a field of NewCustomerSessionV2; did you mean cartItems?',
    );
    expect(result.issues?.[0]?.path?.map((p) => p.key)).toEqual(['cartitems']);
  });

  it('say a missing required key is required, not that the object has the wrong type', () => {
    const result = v.safeParse(Params, {});
    expect(result.issues?.[0]?.message).toBe('is required by updateCustomerSessionV2 params');
  });

  it('refuse an array and a non-object', () => {
    expect(v.safeParse(Session, []).issues?.[0]?.message).toBe(
      'Invalid type: expected NewCustomerSessionV2 (an object) but received an array',
    );
    expect(v.safeParse(Session, 'x').issues?.[0]?.message).toMatch(
      /expected NewCustomerSessionV2 \(an object\)/,
    );
  });

  it('keep what they check and nothing else', () => {
    expect(v.parse(Session, { profileId: 'p', couponCodes: ['A'] })).toEqual({
      profileId: 'p',
      couponCodes: ['A'],
    });
  });
});

describe('closestKey', () => {
  const known = ['cartItems', 'couponCodes', 'profileId', 'state', 'type'];
  it.each([
    ['cartitems', 'cartItems'],
    ['cartItem', 'cartItems'],
    ['couponCode', 'couponCodes'],
    ['tpye', 'type'],
    ['stat', 'state'],
  ])('%s → %s', (typo, meant) => {
    expect(closestKey(typo, known)).toBe(meant);
  });
  it('suggests nothing when no key is close', () => {
    expect(closestKey('referralCode', known)).toBeUndefined();
    expect(closestKey('x', known)).toBeUndefined();
  });
});

describe('maps', () => {
  it('keep every key of a free-form map, __proto__ and constructor included, and refuse arrays', () => {
    const input = JSON.parse('{"__proto__": 1, "constructor": 2, "plain": 3}');
    const output = v.parse(anyMap(), input);
    expect(Object.keys(output)).toEqual(['__proto__', 'constructor', 'plain']);
    expect(v.safeParse(anyMap(), ['a']).success).toBe(false);
  });

  it('check the values of a typed map and keep every key', () => {
    const Costs = map(strict('AdditionalCost', { price: v.number() }));
    const input = JSON.parse('{"__proto__": {"price": 1}, "shipping": {"price": 2}}');
    const output = v.parse(Costs, input);
    expect(Object.keys(output)).toEqual(['__proto__', 'shipping']);
    const bad = v.safeParse(Costs, { shipping: { price: 'x' } });
    expect(bad.issues?.[0]?.path?.map((p) => p.key)).toEqual(['shipping', 'price']);
    expect(v.safeParse(Costs, [{ price: 1 }]).success).toBe(false);
  });
});

describe('dateTime', () => {
  it('sends a Date as RFC 3339 and an RFC 3339 string as given', () => {
    expect(v.parse(dateTime(), new Date('2026-06-24T10:00:00Z'))).toBe('2026-06-24T10:00:00.000Z');
    expect(v.parse(dateTime(), '2026-06-24T12:00:00+02:00')).toBe('2026-06-24T12:00:00+02:00');
  });
  it('refuses an invalid Date and other strings', () => {
    expect(v.safeParse(dateTime(), new Date('nope')).success).toBe(false);
    expect(v.safeParse(dateTime(), '24.06.2026').success).toBe(false);
    expect(v.safeParse(dateTime(), 1_750_000_000).success).toBe(false);
  });
});
