/**
 * The fake's original 14 operations, one handler each, with the schema their body is checked
 * against: the SDK's own request schemas, so the fake refuses what the SDK would refuse. The
 * other operations live in loyalty-routes.ts and more-routes.ts; `ROUTES` lists them all.
 */
import type * as v from 'valibot';
import type {
  CreateCouponReservationValue,
  CreateReferralsForMultipleAdvocatesValue,
  CreateReferralValue,
  GetCustomerInventoryValue,
  GetReservedCustomersValue,
  TrackEventValue,
  UpdateCustomerProfilesV2Value,
  UpdateCustomerProfileV2Value,
  UpdateCustomerProfileValue,
  UpdateCustomerSessionV2Value,
  UpdateCustomerSessionValue,
} from '../endpoints/index.js';
import {
  CouponReservationsInputSchema,
  CustomerProfileAudienceRequestInputSchema,
  CustomerProfileIntegrationRequestV2InputSchema,
  IntegrationRequestInputSchema,
  LegacyNewCustomerProfileInputSchema,
  MultipleCustomerProfileIntegrationRequestInputSchema,
  NewCustomerSessionInputSchema,
  NewEventInputSchema,
  NewReferralInputSchema,
  NewReferralsForMultipleAdvocatesInputSchema,
} from '../models/schemas.js';
import { customerAchievementViews, inventoryAchievementViews } from './achievements.js';
import { type Answer, fail, notFound, ok } from './answers.js';
import { findCampaign, newCode } from './engine.js';
import { LOYALTY_ROUTES, linkedCardViews, returnView } from './loyalty-routes.js';
import { MORE_ROUTES } from './more-routes.js';
import { type Context, ensureProfile, openSession, recordEvent, updateSession } from './sessions.js';
import type { FakeCoupon, FakeReferral } from './types.js';
import {
  anonymousProfile,
  campaignView,
  couponView,
  emptySession,
  eventView,
  integrationCouponView,
  inventoryCouponView,
  inventoryReferralView,
  legacyCouponView,
  legacyEventView,
  legacyLoyaltyView,
  legacyProfileView,
  legacySessionView,
  loyaltyView,
  profileView,
  referralView,
  sessionView,
} from './views.js';

/** What a handler gets: the context, decoded path parameters, the query and the checked body. */
export interface Call<B> extends Context {
  readonly path: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: B;
  /** The clock of the request (or the `now` query parameter, where the operation takes one). */
  readonly when: Date;
}

/** One operation: where it lives, what it accepts, and its handler. */
export interface Route {
  readonly id: string;
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  readonly path: string;
  readonly body?: v.GenericSchema;
  /**
   * Refuses `Content-Signature`. True for every operation of the current release (26.13 lists
   * only the API key); only the three 2021 operations accept a signature too.
   */
  readonly apiKeyOnly?: boolean;
  /** Boolean query parameters (`true`/`false`). */
  readonly flags?: readonly string[];
  /** Takes `silent=yes|no`. */
  readonly silent?: boolean;
  /** Whether this request only evaluates (`dry=true`): the fake then runs it on a copy of the state. */
  readonly dry?: (query: URLSearchParams) => boolean;
  // biome-ignore lint/suspicious/noExplicitAny: each handler narrows its own body type.
  readonly handle: (call: Call<any>) => Answer;
}

type Body<S extends v.GenericSchema> = v.InferOutput<S>;

/**
 * A date-time of a checked body. The SDK's request schemas turn a `Date` into its RFC 3339 string,
 * but their output type still says `Date | string`; this narrows it (and converts, to be safe).
 */
function rfc3339(value: Date | string | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}

const isDry = (query: URLSearchParams) => query.get('dry') === 'true';

function findCoupon(call: Context, code: string): FakeCoupon | undefined {
  return call.state.coupons.get(code.toUpperCase());
}

/** Which extra parts an answer should carry (`responseContent`). */
function wants(content: readonly string[] | undefined, part: string): boolean {
  return content?.includes(part) ?? false;
}

function createReferralRecord(
  call: Context,
  campaignId: number,
  advocate: string,
  fields: {
    usageLimit?: number | undefined;
    startDate?: string | undefined;
    expiryDate?: string | undefined;
    friend?: string | undefined;
    attributes?: Record<string, unknown> | undefined;
    pattern?: string | undefined;
    characters?: readonly string[] | undefined;
    batchId?: string | undefined;
  },
): FakeReferral {
  ensureProfile(call, advocate);
  const referral: FakeReferral = {
    id: call.state.nextId++,
    code: newCode(call.state, fields.pattern, fields.characters),
    campaignId,
    created: call.now,
    advocateProfileIntegrationId: advocate,
    friendProfileIntegrationId: fields.friend,
    usageLimit: fields.usageLimit ?? 0,
    usageCounter: 0,
    startDate: fields.startDate,
    expiryDate: fields.expiryDate,
    attributes: fields.attributes,
    batchId: fields.batchId,
    referredCustomers: [],
  };
  call.state.referrals.set(referral.code.toUpperCase(), referral);
  return referral;
}

function notReferralCampaign(id: number): Answer {
  return fail(400, `Campaign ${id} is not a running referral campaign of this Application`, [
    { title: 'Invalid campaign', pointer: '/campaignId' },
  ]);
}

const createCouponReservation: Route = {
  id: 'createCouponReservation',
  method: 'POST',
  path: '/v1/coupon_reservations/{couponValue}',
  apiKeyOnly: true,
  body: CouponReservationsInputSchema,
  handle(call: Call<Body<typeof CouponReservationsInputSchema>>) {
    const coupon = findCoupon(call, call.path.couponValue!);
    if (!coupon) return notFound(`Coupon ${JSON.stringify(call.path.couponValue)}`);
    for (const id of call.body.integrationIDs) {
      ensureProfile(call, id);
      if (!coupon.reservedBy.includes(id)) coupon.reservedBy.push(id);
    }
    return ok<CreateCouponReservationValue>(201, couponView(coupon));
  },
};

const deleteCouponReservation: Route = {
  id: 'deleteCouponReservation',
  method: 'DELETE',
  path: '/v1/coupon_reservations/{couponValue}',
  apiKeyOnly: true,
  body: CouponReservationsInputSchema,
  handle(call: Call<Body<typeof CouponReservationsInputSchema>>) {
    const coupon = findCoupon(call, call.path.couponValue!);
    if (!coupon) return notFound(`Coupon ${JSON.stringify(call.path.couponValue)}`);
    coupon.reservedBy = coupon.reservedBy.filter((id) => !call.body.integrationIDs.includes(id));
    return { status: 204 };
  },
};

const getReservedCustomers: Route = {
  id: 'getReservedCustomers',
  method: 'GET',
  path: '/v1/coupon_reservations/customerprofiles/{couponValue}',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const coupon = findCoupon(call, call.path.couponValue!);
    if (!coupon) return notFound(`Coupon ${JSON.stringify(call.path.couponValue)}`);
    const data = coupon.reservedBy.flatMap((id) => {
      const profile = call.state.profiles.get(id);
      return profile ? [profileView(profile, call.state)] : [];
    });
    return ok<GetReservedCustomersValue>(200, { totalResultSize: data.length, data });
  },
};

const createReferral: Route = {
  id: 'createReferral',
  method: 'POST',
  path: '/v1/referrals',
  apiKeyOnly: true,
  body: NewReferralInputSchema,
  handle(call: Call<Body<typeof NewReferralInputSchema>>) {
    const { body } = call;
    if (!findCampaign(call.config, body.campaignId, 'referral')) return notReferralCampaign(body.campaignId);
    const referral = createReferralRecord(call, body.campaignId, body.advocateProfileIntegrationId, {
      usageLimit: body.usageLimit,
      startDate: rfc3339(body.startDate),
      expiryDate: rfc3339(body.expiryDate),
      friend: body.friendProfileIntegrationId,
      attributes: body.attributes,
    });
    return ok<CreateReferralValue>(201, referralView(referral));
  },
};

const createReferralsForMultipleAdvocates: Route = {
  id: 'createReferralsForMultipleAdvocates',
  method: 'POST',
  path: '/v1/referrals_for_multiple_advocates',
  apiKeyOnly: true,
  body: NewReferralsForMultipleAdvocatesInputSchema,
  silent: true,
  handle(call: Call<Body<typeof NewReferralsForMultipleAdvocatesInputSchema>>) {
    const { body } = call;
    if (!findCampaign(call.config, body.campaignId, 'referral')) return notReferralCampaign(body.campaignId);
    const batchId = `batch-${call.state.nextId}`;
    const data = [...new Set(body.advocateProfileIntegrationIds)].map((advocate) =>
      referralView(
        createReferralRecord(call, body.campaignId, advocate, {
          usageLimit: body.usageLimit,
          startDate: rfc3339(body.startDate),
          expiryDate: rfc3339(body.expiryDate),
          attributes: body.attributes,
          pattern: body.referralPattern,
          characters: body.validCharacters,
          batchId,
        }),
      ),
    );
    if (call.query.get('silent') !== 'no') return { status: 204 };
    return ok<CreateReferralsForMultipleAdvocatesValue>(201, { totalResultSize: data.length, data });
  },
};

const deleteCustomerData: Route = {
  id: 'deleteCustomerData',
  method: 'DELETE',
  path: '/v1/customer_data/{integrationId}',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const id = call.path.integrationId!;
    const { state } = call;
    if (!state.profiles.delete(id)) return notFound(`Customer profile ${JSON.stringify(id)}`);
    for (const [key, session] of state.sessions) if (session.profileId === id) state.sessions.delete(key);
    state.events = state.events.filter((event) => event.profileId !== id);
    for (const coupon of state.coupons.values()) {
      coupon.reservedBy = coupon.reservedBy.filter((who) => who !== id);
      delete coupon.redemptions[id];
    }
    for (const [key, referral] of state.referrals)
      if (referral.advocateProfileIntegrationId === id) state.referrals.delete(key);
    for (const card of state.loyaltyCards.values())
      if (card.profiles.some((p) => p.integrationId === id)) {
        card.profiles = card.profiles.filter((p) => p.integrationId !== id);
        card.modified = call.now;
      }
    return { status: 204 };
  },
};

const getCustomerInventory: Route = {
  id: 'getCustomerInventory',
  method: 'GET',
  path: '/v1/customer_profiles/{integrationId}/inventory',
  apiKeyOnly: true,
  flags: ['profile', 'referrals', 'coupons', 'loyalty', 'giveaways', 'achievements'],
  handle(call: Call<undefined>) {
    const id = call.path.integrationId!;
    const { state, config, query } = call;
    const profile = state.profiles.get(id);
    if (!profile) return notFound(`Customer profile ${JSON.stringify(id)}`);
    const on = (flag: string) => query.get(flag) === 'true';
    const body: GetCustomerInventoryValue = {};
    if (on('profile')) body.profile = profileView(profile, state);
    if (on('loyalty')) body.loyalty = { ...loyaltyView(profile, config), cards: linkedCardViews(call, id) };
    if (on('referrals'))
      body.referrals = [...state.referrals.values()]
        .filter((r) => r.advocateProfileIntegrationId === id)
        .map(inventoryReferralView);
    if (on('coupons'))
      body.coupons = [...state.coupons.values()]
        .filter((c) => c.reservedBy.includes(id) || c.recipientIntegrationId === id)
        .map((c) => inventoryCouponView(c, id));
    if (on('giveaways')) body.giveaways = [];
    if (on('achievements')) body.achievements = inventoryAchievementViews(state, config, id);
    return ok(200, body);
  },
};

const trackEvent: Route = {
  id: 'trackEvent',
  method: 'POST',
  path: '/v1/events',
  body: NewEventInputSchema,
  dry: isDry,
  handle(call: Call<Body<typeof NewEventInputSchema>>) {
    const { body, state, config, now } = call;
    const session = openSession(call, body.sessionId, body.profileId);
    if ('status' in session) return session;
    const owner = session.profileId;
    const profile = owner ? ensureProfile(call, owner) : anonymousProfile(now);
    const event = recordEvent(call, body.type, owner, body.sessionId, body.attributes, []);
    return ok<TrackEventValue>(201, {
      session: legacySessionView(session, config, {}),
      profile: legacyProfileView(profile, state),
      event: legacyEventView(event, profile, config),
    });
  },
};

const updateCustomerProfile: Route = {
  id: 'updateCustomerProfile',
  method: 'PUT',
  path: '/v1/customer_profiles/{integrationId}',
  body: LegacyNewCustomerProfileInputSchema,
  dry: isDry,
  handle(call: Call<Body<typeof LegacyNewCustomerProfileInputSchema>>) {
    const { state, config, now } = call;
    const id = call.path.integrationId!;
    const profile = ensureProfile(call, id);
    if (call.body.attributes) profile.attributes = { ...profile.attributes, ...call.body.attributes };
    const event = recordEvent(call, 'talon_profile_updated', id, undefined, call.body.attributes ?? {}, []);
    return ok<UpdateCustomerProfileValue>(200, {
      session: legacySessionView(emptySession(id, now), config, {}),
      profile: legacyProfileView(profile, state),
      event: legacyEventView(event, profile, config),
      loyalty: legacyLoyaltyView(profile, config),
    });
  },
};

const updateCustomerSession: Route = {
  id: 'updateCustomerSession',
  method: 'PUT',
  path: '/v1/customer_sessions/{customerSessionId}',
  body: NewCustomerSessionInputSchema,
  dry: isDry,
  handle(call: Call<Body<typeof NewCustomerSessionInputSchema>>) {
    const { body, state, config, now } = call;
    const outcome = updateSession(
      call,
      call.path.customerSessionId!,
      {
        profileId: body.profileId,
        state: body.state,
        cartItems: body.cartItems,
        couponCodes: body.coupon === undefined ? undefined : body.coupon ? [body.coupon] : [],
        referralCode: body.referral,
        attributes: body.attributes,
        identifiers: body.identifiers,
        declaredTotal: body.total,
      },
      call.when,
      'talon_session_updated',
    );
    if ('status' in outcome) return outcome;
    const profile = outcome.profile ?? anonymousProfile(now);
    const discounts: Record<string, number> = {};
    for (const d of outcome.evaluation?.discounts ?? []) discounts[d.name] = d.value;
    const coupon = outcome.evaluation?.coupons[0];
    return ok<UpdateCustomerSessionValue>(200, {
      session: legacySessionView(outcome.session, config, discounts),
      profile: legacyProfileView(profile, state),
      event: legacyEventView(outcome.event, profile, config),
      ...(outcome.profile ? { loyalty: legacyLoyaltyView(outcome.profile, config) } : {}),
      ...(coupon ? { coupon: legacyCouponView(coupon) } : {}),
    });
  },
};

const updateCustomerProfileAudiences: Route = {
  id: 'updateCustomerProfileAudiences',
  method: 'POST',
  path: '/v2/customer_audiences',
  body: CustomerProfileAudienceRequestInputSchema,
  apiKeyOnly: true,
  handle(call: Call<Body<typeof CustomerProfileAudienceRequestInputSchema>>) {
    const items = call.body.data ?? [];
    const unknown = items.find((item) => !call.state.audiences.has(item.audienceId));
    if (unknown) return notFound(`Audience ${unknown.audienceId}`);
    for (const item of items) {
      const profile = ensureProfile(call, item.profileIntegrationId);
      const rest = profile.audiences.filter((id) => id !== item.audienceId);
      profile.audiences = item.action === 'add' ? [...rest, item.audienceId] : rest;
    }
    return { status: 204 };
  },
};

const updateCustomerProfileV2: Route = {
  id: 'updateCustomerProfileV2',
  method: 'PUT',
  path: '/v2/customer_profiles/{integrationId}',
  body: CustomerProfileIntegrationRequestV2InputSchema,
  apiKeyOnly: true,
  flags: ['runRuleEngine', 'dry'],
  // As the API documents: dry only works together with runRuleEngine.
  dry: (query) => isDry(query) && query.get('runRuleEngine') === 'true',
  handle(call: Call<Body<typeof CustomerProfileIntegrationRequestV2InputSchema>>) {
    const { body, state, config } = call;
    const id = call.path.integrationId!;
    const changes = body.audiencesChanges;
    const unknown = [...(changes?.adds ?? []), ...(changes?.deletes ?? [])].find(
      (a) => !state.audiences.has(a),
    );
    if (unknown !== undefined)
      return fail(400, `Audience ${unknown} does not exist`, [
        { title: 'Unknown audience', pointer: '/audiencesChanges' },
      ]);
    const profile = ensureProfile(call, id);
    if (body.attributes) profile.attributes = { ...profile.attributes, ...body.attributes };
    if (changes) {
      const kept = profile.audiences.filter((a) => !changes.deletes.includes(a) && !changes.adds.includes(a));
      profile.audiences = [...kept, ...changes.adds.filter((a) => !changes.deletes.includes(a))];
    }
    const event = recordEvent(call, 'talon_profile_updated', id, undefined, body.attributes ?? {}, []);
    const content = body.responseContent;
    return ok<UpdateCustomerProfileV2Value>(200, {
      effects: [],
      createdCoupons: [],
      createdReferrals: [],
      ...(wants(content, 'customerProfile') ? { customerProfile: profileView(profile, state) } : {}),
      ...(wants(content, 'triggeredCampaigns') ? { triggeredCampaigns: [] } : {}),
      ...(wants(content, 'loyalty') ? { loyalty: loyaltyView(profile, config) } : {}),
      ...(wants(content, 'event') ? { event: eventView(event, config) } : {}),
      ...(wants(content, 'awardedGiveaways') ? { awardedGiveaways: [] } : {}),
      ...(wants(content, 'ruleFailureReasons') ? { ruleFailureReasons: [] } : {}),
    });
  },
};

const updateCustomerProfilesV2: Route = {
  id: 'updateCustomerProfilesV2',
  method: 'PUT',
  path: '/v2/customer_profiles',
  body: MultipleCustomerProfileIntegrationRequestInputSchema,
  apiKeyOnly: true,
  silent: true,
  handle(call: Call<Body<typeof MultipleCustomerProfileIntegrationRequestInputSchema>>) {
    const updated = (call.body.customerProfiles ?? []).map((item) => {
      const profile = ensureProfile(call, item.integrationId);
      if (item.attributes) profile.attributes = { ...profile.attributes, ...item.attributes };
      return profile;
    });
    if (call.query.get('silent') !== 'no') return { status: 204 };
    return ok<UpdateCustomerProfilesV2Value>(200, {
      integrationStates: updated.map((profile) => ({ customerProfile: profileView(profile, call.state) })),
    });
  },
};

const updateCustomerSessionV2: Route = {
  id: 'updateCustomerSessionV2',
  method: 'PUT',
  path: '/v2/customer_sessions/{customerSessionId}',
  body: IntegrationRequestInputSchema,
  apiKeyOnly: true,
  flags: ['dry'],
  dry: isDry,
  handle(call: Call<Body<typeof IntegrationRequestInputSchema>>) {
    const { state, config } = call;
    const input = call.body.customerSession;
    const outcome = updateSession(
      call,
      call.path.customerSessionId!,
      {
        profileId: input.profileId,
        state: input.state,
        cartItems: input.cartItems,
        couponCodes: input.couponCodes,
        referralCode: input.referralCode,
        attributes: input.attributes,
        additionalCosts: input.additionalCosts,
        identifiers: input.identifiers,
        storeIntegrationId: input.storeIntegrationId,
        loyaltyCards: input.loyaltyCards,
      },
      call.when,
      'talon_session_updated',
    );
    if ('status' in outcome) return outcome;
    const { session, profile, evaluation } = outcome;
    const content = call.body.responseContent;
    const owner = session.profileId;
    const triggered = (evaluation?.triggered ?? []).flatMap((id) => {
      const campaign = config.campaigns.find((c) => c.id === id);
      return campaign ? [campaignView(campaign, config)] : [];
    });
    const referral = evaluation?.referral;
    return ok<UpdateCustomerSessionV2Value>(200, {
      effects: outcome.effects,
      createdCoupons: [],
      createdReferrals: [],
      ...(wants(content, 'customerSession') ? { customerSession: sessionView(session, config) } : {}),
      ...(wants(content, 'customerProfile') && profile
        ? { customerProfile: profileView(profile, state) }
        : {}),
      ...(wants(content, 'coupons')
        ? { coupons: (evaluation?.coupons ?? []).map((c) => integrationCouponView(c, owner)) }
        : {}),
      ...(wants(content, 'triggeredCampaigns') ? { triggeredCampaigns: triggered } : {}),
      ...(wants(content, 'referral') && referral ? { referral: inventoryReferralView(referral) } : {}),
      ...(wants(content, 'loyalty') && profile ? { loyalty: loyaltyView(profile, config) } : {}),
      ...(wants(content, 'event') ? { event: eventView(outcome.event, config) } : {}),
      ...(wants(content, 'awardedGiveaways') ? { awardedGiveaways: [] } : {}),
      ...(wants(content, 'ruleFailureReasons') ? { ruleFailureReasons: evaluation?.failures ?? [] } : {}),
      ...(wants(content, 'campaignEligibility') ? { campaignEligibility: [] } : {}),
      ...(wants(content, 'achievements') && profile
        ? { achievements: customerAchievementViews(state, config, profile.integrationId) }
        : {}),
      ...(wants(content, 'previousReturns')
        ? {
            previousReturns: session.returns.map((r) =>
              returnView(r, session, profile, config.applicationId),
            ),
          }
        : {}),
    });
  },
};

/** Every operation of the fake, matched in this order. */
export const ROUTES: readonly Route[] = [
  getReservedCustomers,
  createCouponReservation,
  deleteCouponReservation,
  createReferral,
  createReferralsForMultipleAdvocates,
  deleteCustomerData,
  getCustomerInventory,
  trackEvent,
  updateCustomerProfile,
  updateCustomerSession,
  updateCustomerProfileAudiences,
  updateCustomerProfileV2,
  updateCustomerProfilesV2,
  updateCustomerSessionV2,
  ...MORE_ROUTES,
  ...LOYALTY_ROUTES,
];
