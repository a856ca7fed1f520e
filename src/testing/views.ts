/**
 * How the fake's records look in answers: each function turns a record of the state into the
 * shape the SDK's response schemas describe (typed with the SDK's own output types).
 */
import type {
  Campaign,
  CartItem,
  Coupon,
  CustomerProfile,
  CustomerSession,
  CustomerSessionV2,
  Event,
  IntegrationCoupon,
  InventoryCoupon,
  InventoryReferral,
  LegacyCoupon,
  LegacyCustomerProfile,
  LegacyEvent,
  LegacyLedgerEntry,
  LegacyLoyalty,
  Loyalty,
  LoyaltyProgramLedgers,
  Referral,
} from '../models/index.js';
import { allPrograms, ledgerInfos } from './loyalty.js';
import type {
  FakeCampaign,
  FakeCartItem,
  FakeCoupon,
  FakeEvent,
  FakeProfile,
  FakeReferral,
  FakeSession,
  FakeTalonState,
  ResolvedFakeTalonOptions,
} from './types.js';

/** The account every answer names. */
export const ACCOUNT_ID = 1;

/** A date far in the future, for points that do not expire. */
const NEVER = '2999-12-31T23:59:59Z';

/** Rounds to cents. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

export function profileView(profile: FakeProfile, state: FakeTalonState): CustomerProfile {
  return {
    id: profile.id,
    created: profile.created,
    integrationId: profile.integrationId,
    attributes: { ...profile.attributes },
    accountId: ACCOUNT_ID,
    closedSessions: profile.closedSessions,
    totalSales: cents(profile.totalSales),
    loyaltyMemberships: Object.keys(profile.points).map((id) => ({ loyaltyProgramId: Number(id) })),
    audienceMemberships: profile.audiences.map((id) => ({
      id,
      name: state.audiences.get(id)?.name ?? `Audience ${id}`,
    })),
    lastActivity: profile.lastActivity,
  };
}

/** A stand-in for anonymous sessions, whose answers still need a profile (2021 API). */
export function anonymousProfile(now: string): FakeProfile {
  return {
    id: 0,
    integrationId: '',
    created: now,
    lastActivity: now,
    attributes: {},
    closedSessions: 0,
    totalSales: 0,
    audiences: [],
    points: {},
    ledger: [],
    joined: {},
  };
}

export function legacyProfileView(profile: FakeProfile, state: FakeTalonState): LegacyCustomerProfile {
  const { id: _id, sandbox: _sandbox, ...rest } = profileView(profile, state);
  // The 2021 profile requires `attributes` (26.13 made it optional).
  return { ...rest, attributes: { ...profile.attributes } };
}

/** The totals of a session: cart items, additional costs, and the sum of both (before discounts). */
export function sessionTotals(session: FakeSession): {
  cartItemTotal: number;
  additionalCostTotal: number;
  total: number;
} {
  let cartItemTotal = 0;
  for (const item of session.cartItems) cartItemTotal += (item.price ?? 0) * item.quantity;
  let additionalCostTotal = 0;
  for (const cost of Object.values(session.additionalCosts)) additionalCostTotal += cost.price;
  const total = session.declaredTotal ?? cartItemTotal + additionalCostTotal;
  return {
    cartItemTotal: cents(cartItemTotal),
    additionalCostTotal: cents(additionalCostTotal),
    total: cents(total),
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

/** The placeholder session of a 2021 answer that concerns no session (a profile update). */
export function emptySession(profileId: string, now: string): FakeSession {
  return {
    id: 0,
    integrationId: '',
    profileId,
    created: now,
    updated: now,
    state: 'open',
    cartItems: [],
    couponCodes: [],
    referralCode: undefined,
    attributes: {},
    additionalCosts: {},
    identifiers: [],
    storeIntegrationId: undefined,
    declaredTotal: undefined,
    firstSession: false,
    updateCount: 0,
    closed: undefined,
    loyaltyCards: [],
    returns: [],
  };
}

export function couponView(coupon: FakeCoupon): Coupon {
  return {
    id: coupon.id,
    created: coupon.created,
    campaignId: coupon.campaignId,
    value: coupon.value,
    usageLimit: coupon.usageLimit,
    usageCounter: coupon.usageCounter,
    reservationCounter: coupon.reservedBy.length,
    ...(coupon.recipientIntegrationId === undefined
      ? {}
      : { recipientIntegrationId: coupon.recipientIntegrationId }),
    reservation: true,
    isReservationMandatory: coupon.reservationMandatory,
    attributes: {},
  };
}

export function integrationCouponView(coupon: FakeCoupon, profileId: string): IntegrationCoupon {
  return { ...couponView(coupon), profileRedemptionCount: coupon.redemptions[profileId] ?? 0 };
}

export function inventoryCouponView(coupon: FakeCoupon, profileId: string): InventoryCoupon {
  const used = coupon.usageLimit > 0 && coupon.usageCounter >= coupon.usageLimit;
  return { ...integrationCouponView(coupon, profileId), state: used ? 'used' : 'active' };
}

export function legacyCouponView(coupon: FakeCoupon): LegacyCoupon {
  const { reservationCounter: _r, isReservationMandatory: _m, ...rest } = couponView(coupon);
  // The 2021 coupon requires `value` and `usageLimit` (26.13 made them optional).
  return { ...rest, value: coupon.value, usageLimit: coupon.usageLimit };
}

export function referralView(referral: FakeReferral): Referral {
  return {
    id: referral.id,
    created: referral.created,
    ...(referral.startDate === undefined ? {} : { startDate: referral.startDate }),
    ...(referral.expiryDate === undefined ? {} : { expiryDate: referral.expiryDate }),
    usageLimit: referral.usageLimit,
    campaignId: referral.campaignId,
    advocateProfileIntegrationId: referral.advocateProfileIntegrationId,
    ...(referral.friendProfileIntegrationId === undefined
      ? {}
      : { friendProfileIntegrationId: referral.friendProfileIntegrationId }),
    ...(referral.attributes === undefined ? {} : { attributes: { ...referral.attributes } }),
    code: referral.code,
    usageCounter: referral.usageCounter,
    ...(referral.batchId === undefined ? {} : { batchId: referral.batchId }),
  };
}

export function inventoryReferralView(referral: FakeReferral): InventoryReferral {
  return { ...referralView(referral), referredCustomers: [...referral.referredCustomers] };
}

const FEATURES = { coupon: 'coupons', referral: 'referrals', loyalty: 'loyalty' } as const;

export function campaignView(campaign: FakeCampaign, config: ResolvedFakeTalonOptions): Campaign {
  return {
    id: campaign.id,
    created: '2026-01-01T00:00:00Z',
    applicationId: config.applicationId,
    userId: 1,
    name: campaign.name,
    description: `A campaign of the fake Talon.One (${campaign.type})`,
    state: 'enabled',
    tags: ['fake'],
    reevaluateOnReturn: false,
    features: [FEATURES[campaign.type]],
    limits: [],
    type: 'advanced',
    frontendState: 'running',
    storesImported: false,
  };
}

/** The loyalty balances of a profile, per program it is a member of, keyed by program ID. */
export function programLedgers(
  profile: FakeProfile,
  config: ResolvedFakeTalonOptions,
): Record<string, LoyaltyProgramLedgers> {
  const programs: Record<string, LoyaltyProgramLedgers> = {};
  // The profile-based programs the profile is a member of, with its balances now.
  for (const program of allPrograms(config)) {
    const joined = profile.joined[program.id];
    if (program.cardBased || joined === undefined) continue;
    const { main, subledgers } = ledgerInfos(profile.ledger, program, config.now().getTime());
    programs[String(program.id)] = {
      id: program.id,
      title: program.title,
      name: program.name,
      joinDate: joined,
      ledger: main,
      ...(Object.keys(subledgers).length ? { subLedgers: subledgers } : {}),
    };
  }
  return programs;
}

/** The loyalty balances of a profile, per program of the loyalty campaigns. */
export function loyaltyView(profile: FakeProfile, config: ResolvedFakeTalonOptions): Loyalty {
  return { programs: programLedgers(profile, config) };
}

export function legacyLoyaltyView(profile: FakeProfile, config: ResolvedFakeTalonOptions): LegacyLoyalty {
  const programs: LegacyLoyalty['programs'] = {};
  for (const [key, program] of Object.entries(programLedgers(profile, config))) {
    const { currentBalance, pendingBalance, expiredBalance, spentBalance, tentativeCurrentBalance } =
      program.ledger;
    programs[key] = {
      id: program.id,
      title: program.title,
      name: program.name,
      ledger: { currentBalance, pendingBalance, expiredBalance, spentBalance, tentativeCurrentBalance },
    };
  }
  return { programs };
}

/** The 2021 ledger entries of an event (a `LegacyEvent` requires them, with `profileId`). */
export function ledgerEntryViews(profile: FakeProfile, event: FakeEvent): LegacyLedgerEntry[] {
  return profile.ledger
    .filter((entry) => entry.sessionId === event.sessionId && entry.created === event.created)
    .map((entry) => ({
      id: entry.id,
      created: entry.created,
      profileId: profile.integrationId,
      accountId: ACCOUNT_ID,
      loyaltyProgramId: entry.programId,
      eventId: event.id,
      amount: entry.amount,
      reason: entry.reason,
      expiryDate: NEVER,
    }));
}

export function eventView(event: FakeEvent, config: ResolvedFakeTalonOptions): Event {
  return {
    id: event.id,
    created: event.created,
    applicationId: config.applicationId,
    ...(event.profileId === undefined ? {} : { profileId: event.profileId }),
    type: event.type,
    attributes: { ...event.attributes },
    ...(event.sessionId === undefined ? {} : { sessionId: event.sessionId }),
    effects: event.effects.map((effect) => ({ ...effect })),
  };
}

export function legacyEventView(
  event: FakeEvent,
  profile: FakeProfile,
  config: ResolvedFakeTalonOptions,
): LegacyEvent {
  const { storeIntegrationId: _s, ledgerEntries: _l, ...rest } = eventView(event, config);
  return { ...rest, ledgerEntries: ledgerEntryViews(profile, event) };
}
