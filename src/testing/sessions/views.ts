/**
 * How sessions look in answers: the 26.13 session (`CustomerSessionV2`), the 2021 one, their cart
 * items and totals, and the returns of a session.
 */
import type { CartItem, CustomerSession, CustomerSessionV2, Return } from '../../models/index.js';
import { ACCOUNT_ID } from '../constants.js';
import { cents } from '../money.js';
import type { FakeProfile } from '../profiles/types.js';
import type { ResolvedFakeTalonOptions } from '../types.js';
import type { FakeCartItem, FakeReturn, FakeSession } from './types.js';

/**
 * The totals of a session (before discounts): cart items, the session's additional costs, the sum
 * of both, and the additional costs of the cart items (each item's costs per unit, times its
 * quantity).
 */
export function sessionTotals(session: FakeSession): {
  cartItemTotal: number;
  additionalCostTotal: number;
  total: number;
  cartItemAdditionalCostTotal: number;
} {
  let cartItemTotal = 0;
  let cartItemAdditionalCostTotal = 0;
  for (const item of session.cartItems) {
    cartItemTotal += (item.price ?? 0) * item.quantity;
    const costs = item.additionalCosts as Readonly<Record<string, { price: number }>> | undefined;
    for (const cost of Object.values(costs ?? {})) cartItemAdditionalCostTotal += cost.price * item.quantity;
  }
  let additionalCostTotal = 0;
  for (const cost of Object.values(session.additionalCosts)) additionalCostTotal += cost.price;
  const total = session.declaredTotal ?? cartItemTotal + additionalCostTotal;
  return {
    cartItemTotal: cents(cartItemTotal),
    additionalCostTotal: cents(additionalCostTotal),
    total: cents(total),
    cartItemAdditionalCostTotal: cents(cartItemAdditionalCostTotal),
  };
}

/**
 * A cart item as answers carry it: the fields the request set (the answer type has no
 * `undefined` values: a field is there or absent).
 */
export function cartItemView(item: FakeCartItem): CartItem {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (value !== undefined) view[key] = value;
  // Every field came through the SDK's CartItemInput (or the 2021 CartItem) request schema,
  // whose fields are all fields of the CartItem answer; `position` is the fake's own.
  return view as unknown as CartItem;
}

export function sessionView(session: FakeSession, config: ResolvedFakeTalonOptions): CustomerSessionV2 {
  const totals = sessionTotals(session);
  return {
    id: session.id,
    created: session.created,
    integrationId: session.integrationId,
    applicationId: config.applicationId,
    profileId: session.profileId,
    ...(session.storeIntegrationId === undefined ? {} : { storeIntegrationId: session.storeIntegrationId }),
    couponCodes: [...session.couponCodes],
    ...(session.referralCode === undefined ? {} : { referralCode: session.referralCode }),
    state: session.state,
    cartItems: session.cartItems.map(cartItemView),
    additionalCosts: { ...session.additionalCosts },
    identifiers: [...session.identifiers],
    loyaltyCards: [...session.loyaltyCards],
    attributes: { ...session.attributes },
    firstSession: session.firstSession,
    updateCount: session.updateCount,
    ...totals,
    updated: session.updated,
  };
}

export function legacySessionView(
  session: FakeSession,
  config: ResolvedFakeTalonOptions,
  discounts: Record<string, number>,
): CustomerSession {
  return {
    integrationId: session.integrationId,
    created: session.created,
    applicationId: config.applicationId,
    profileId: session.profileId,
    coupon: session.couponCodes[0] ?? '',
    referral: session.referralCode ?? '',
    state: session.state === 'partially_returned' ? 'closed' : session.state,
    cartItems: session.cartItems.map((item) => ({
      name: item.name ?? item.sku,
      sku: item.sku,
      quantity: item.quantity,
      price: item.price ?? 0,
      position: item.position,
      ...(item.category === undefined ? {} : { category: item.category }),
      ...(item.attributes === undefined ? {} : { attributes: { ...item.attributes } }),
    })),
    identifiers: [...session.identifiers],
    total: sessionTotals(session).total,
    attributes: { ...session.attributes },
    firstSession: session.firstSession,
    discounts,
  };
}

/** A return of a session as answers carry it (`return`, `previousReturns`). */
export function returnView(
  ret: FakeReturn,
  session: FakeSession,
  profile: FakeProfile | undefined,
  appId: number,
): Return {
  return {
    id: ret.id,
    created: ret.created,
    applicationId: appId,
    accountId: ACCOUNT_ID,
    returnedCartItems: ret.returnedCartItems.map((item) => ({ ...item })),
    eventId: ret.eventId,
    sessionId: session.id,
    sessionIntegrationId: session.integrationId,
    ...(profile ? { profileId: profile.id, profileIntegrationId: profile.integrationId } : {}),
  };
}
