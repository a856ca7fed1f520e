/**
 * The customer profile operations: updates (26.13 and 2021), the inventory, and deleting a customer's data.
 */
import type {
  GetCustomerInventoryValue,
  UpdateCustomerProfilesV2Value,
  UpdateCustomerProfileV2Value,
  UpdateCustomerProfileValue,
} from '../../endpoints/index.js';
import {
  CustomerProfileIntegrationRequestV2InputSchema,
  LegacyNewCustomerProfileInputSchema,
  MultipleCustomerProfileIntegrationRequestInputSchema,
} from '../../models/schemas.js';
import { fail, notFound, ok } from '../answers.js';
import { inventoryAchievementViews } from '../campaigns/achievements.js';
import { linkedCardViews } from '../cards/cards.js';
import { inventoryCouponView, inventoryReferralView } from '../coupons/views.js';
import { recordEvent } from '../events/events.js';
import { eventView, legacyEventView } from '../events/views.js';
import { legacyLoyaltyView, loyaltyView } from '../loyalty/views.js';
import { type Body, type Call, isDry, type Route, wants } from '../route.js';
import { emptySession } from '../sessions/sessions.js';
import { legacySessionView } from '../sessions/views.js';
import { ensureProfile } from './profiles.js';
import { legacyProfileView, profileView } from './views.js';

export const updateCustomerProfileV2: Route = {
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

export const updateCustomerProfilesV2: Route = {
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

export const updateCustomerProfile: Route = {
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

export const getCustomerInventory: Route = {
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

export const deleteCustomerData: Route = {
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
      coupon.redemptions.delete(id);
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
