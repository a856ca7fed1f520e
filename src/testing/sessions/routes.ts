/**
 * The customer session operations: updates (26.13 and 2021), reading a session back, reopening a
 * closed session and returning its cart items.
 */
import type {
  GetCustomerSessionValue,
  ReopenCustomerSessionValue,
  ReturnCartItemsValue,
  UpdateCustomerSessionV2Value,
  UpdateCustomerSessionValue,
} from '../../endpoints/index.js';
import type { Effect } from '../../models/index.js';
import {
  IntegrationRequestInputSchema,
  NewCustomerSessionInputSchema,
  ReturnIntegrationRequestInputSchema,
} from '../../models/schemas.js';
import { type Answer, fail, notFound, ok } from '../answers.js';
import { customerAchievementViews } from '../campaigns/achievements.js';
import { rollbackClose } from '../campaigns/engine.js';
import { type EffectRecord, effect } from '../campaigns/rules.js';
import { campaignView } from '../campaigns/views.js';
import { integrationCouponView, inventoryReferralView, legacyCouponView } from '../coupons/views.js';
import { recordEvent } from '../events/events.js';
import { eventView, legacyEventView } from '../events/views.js';
import { returnedPart, takeBack } from '../loyalty/ledgers.js';
import { legacyLoyaltyView, loyaltyView } from '../loyalty/views.js';
import { cents } from '../money.js';
import { anonymousProfile, ensureProfile } from '../profiles/profiles.js';
import { legacyProfileView, profileView } from '../profiles/views.js';
import { type Body, type Call, isDry, type Route, wants } from '../route.js';
import { resolveReturn } from './returns.js';
import { updateSession } from './sessions.js';
import type { FakeReturn } from './types.js';
import { legacySessionView, returnView, sessionView } from './views.js';

export const updateCustomerSessionV2: Route = {
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

export const updateCustomerSession: Route = {
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

function unknownSession(id: string): Answer {
  return notFound(`Customer session ${JSON.stringify(id)}`);
}

export const getCustomerSession: Route = {
  id: 'getCustomerSession',
  method: 'GET',
  path: '/v2/customer_sessions/{customerSessionId}',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const id = call.path.customerSessionId!;
    const session = call.state.sessions.get(id);
    if (!session) return unknownSession(id);
    // The effects the session has now: those of its latest update.
    const last = [...call.state.events]
      .reverse()
      .find((e) => e.sessionId === id && e.type === 'talon_session_updated');
    return ok<GetCustomerSessionValue>(200, {
      customerSession: sessionView(session, call.config),
      // The events keep the effects the engine made (EffectRecord), as plain records.
      effects: (last?.effects ?? []).map((e) => ({ ...e })) as unknown as Effect[],
    });
  },
};

export const reopenCustomerSession: Route = {
  id: 'reopenCustomerSession',
  method: 'PUT',
  path: '/v2/customer_sessions/{customerSessionId}/reopen',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const { state, config, now } = call;
    const id = call.path.customerSessionId!;
    const session = state.sessions.get(id);
    if (!session) return unknownSession(id);
    if (session.state !== 'closed')
      return fail(
        400,
        `The customer session ${JSON.stringify(id)} is ${session.state}: only a closed session can be reopened`,
        [{ title: 'Invalid state transition' }],
      );
    const profile = session.profileId ? ensureProfile(call, session.profileId) : undefined;
    const effects = rollbackClose(state, config, session, profile, now, 'reopened');
    session.state = 'open';
    session.updated = now;
    recordEvent(call, 'talon_session_reopened', session.profileId, id, {}, effects);
    return ok<ReopenCustomerSessionValue>(200, { effects });
  },
};

export const returnCartItems: Route = {
  id: 'returnCartItems',
  method: 'POST',
  path: '/v2/customer_sessions/{customerSessionId}/returns',
  apiKeyOnly: true,
  body: ReturnIntegrationRequestInputSchema,
  flags: ['dry', 'runRuleEngine'],
  dry: isDry,
  handle(call: Call<Body<typeof ReturnIntegrationRequestInputSchema>>) {
    const { state, config, now } = call;
    const id = call.path.customerSessionId!;
    const session = state.sessions.get(id);
    if (!session) return unknownSession(id);
    const record = session.closed;
    if (!record || (session.state !== 'closed' && session.state !== 'partially_returned'))
      return fail(
        400,
        `The customer session ${JSON.stringify(id)} is ${session.state}: only a closed session takes returns`,
        [{ title: 'Invalid state transition' }],
      );
    const lines = resolveReturn(session, call.body.return.returnedCartItems);
    if ('status' in lines) return lines;
    const who = session.profileId;
    const profile = who ? ensureProfile(call, who) : undefined;
    const effects: EffectRecord[] = [];
    const campaign = (campaignId: number) => config.campaigns.find((c) => c.id === campaignId);
    for (const { item, quantity } of lines) {
      const before = { ...record };
      record.returnedValue = cents(record.returnedValue + (item.price ?? 0) * quantity);
      const returned = Number(item.returnedQuantity ?? 0) + quantity;
      item.returnedQuantity = returned;
      item.remainingQuantity = item.quantity - returned;
      // What this line takes back: the share of the returned value, less what earlier lines took.
      const delta = (value: number, whole: boolean) =>
        returnedPart(value, record, whole) - returnedPart(value, before, whole);
      const position = item.position;
      for (const discount of record.discounts) {
        const value = cents(delta(discount.value, false));
        if (value > 0)
          effects.push(
            effect(campaign(discount.campaignId), 'rollbackDiscount', {
              name: discount.name,
              value,
              cartItemPosition: position,
              scope: 'cartItems',
            }),
          );
      }
      for (const added of record.points) {
        const value = takeBack(state, added, who, delta(added.value, true), now, `return: session ${id}`);
        if (value > 0)
          effects.push(
            effect(campaign(added.campaignId), 'rollbackAddedLoyaltyPoints', {
              programId: added.programId,
              subLedgerId: added.subledgerId,
              value,
              recipientIntegrationId: who,
              transactionUUID: added.transactionUUID,
              cartItemPosition: position,
              ...(added.cardIdentifier === undefined ? {} : { cardIdentifier: added.cardIdentifier }),
            }),
          );
      }
      if (profile) profile.totalSales = cents(profile.totalSales - delta(record.total, false));
    }
    session.state = 'partially_returned';
    session.updated = now;
    const event = recordEvent(call, 'talon_session_partially_returned', who, id, {}, effects);
    const previous = [...session.returns];
    const ret: FakeReturn = {
      id: state.nextId++,
      created: now,
      eventId: event.id,
      returnedCartItems: lines.map(({ item, quantity }) => ({
        position: item.position,
        quantity,
        sku: item.sku,
      })),
    };
    session.returns.push(ret);
    const content = call.body.responseContent ?? [];
    const wants = (part: (typeof content)[number]) => content.includes(part);
    const view = (r: FakeReturn) => returnView(r, session, profile, config.applicationId);
    const triggered = [...new Set(effects.map((e) => e.campaignId))].flatMap((cid) => {
      const c = campaign(cid);
      return c ? [campaignView(c, config)] : [];
    });
    return ok<ReturnCartItemsValue>(200, {
      effects,
      createdCoupons: [],
      createdReferrals: [],
      return: view(ret),
      ...(wants('customerSession') ? { customerSession: sessionView(session, config) } : {}),
      ...(wants('customerProfile') && profile ? { customerProfile: profileView(profile, state) } : {}),
      ...(wants('coupons')
        ? {
            coupons: record.coupons.flatMap((code) => {
              const coupon = state.coupons.get(code);
              return coupon ? [integrationCouponView(coupon, who)] : [];
            }),
          }
        : {}),
      ...(wants('triggeredCampaigns') ? { triggeredCampaigns: triggered } : {}),
      ...(wants('loyalty') && profile ? { loyalty: loyaltyView(profile, config) } : {}),
      ...(wants('event') ? { event: eventView(event, config) } : {}),
      ...(wants('previousReturns') ? { previousReturns: previous.map(view) } : {}),
    });
  },
};
