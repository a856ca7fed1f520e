/**
 * The fake's rule engine: what the configured campaigns make of a session (coupons, a referral
 * code, loyalty points on closing), what closing persists, and what cancelling a closed session
 * rolls back. Deterministic: codes and transaction IDs come from a seeded generator in the state.
 */
import type { EffectOf, RuleFailureReason } from '../../models/index.js';
import type { FakeCoupon, FakeReferral } from '../coupons/types.js';
import { transactionId } from '../ids.js';
import { earn, earningDates, returnedPart, sessionCard, takeBack } from '../loyalty/ledgers.js';
import { cents } from '../money.js';
import type { FakeProfile } from '../profiles/types.js';
import type { FakeCloseRecord, FakeSession } from '../sessions/types.js';
import { sessionTotals } from '../sessions/views.js';
import type { FakeTalonState, ResolvedFakeTalonOptions } from '../types.js';
import { type EffectRecord, effect, findCampaign, ruleName, rulesetId } from './rules.js';
import type { FakeCampaign, FakeCouponCampaign, FakeLoyaltyCampaign, FakeReferralCampaign } from './types.js';

/** What the campaigns made of a session. */
export interface Evaluation {
  readonly effects: EffectRecord[];
  readonly discounts: { name: string; value: number; campaignId: number }[];
  readonly coupons: FakeCoupon[];
  readonly referral: FakeReferral | undefined;
  readonly triggered: number[];
  readonly failures: RuleFailureReason[];
}

function failure(
  campaign: FakeCampaign,
  details: string,
  extra: Partial<RuleFailureReason> = {},
): RuleFailureReason {
  return {
    campaignID: campaign.id,
    campaignName: campaign.name,
    rulesetID: rulesetId(campaign),
    ruleIndex: 0,
    ruleName: ruleName(campaign),
    details,
    ...extra,
  };
}

function couponProblem(coupon: FakeCoupon, profileId: string, campaignTaken: boolean): string | undefined {
  if (coupon.recipientIntegrationId !== undefined && coupon.recipientIntegrationId !== profileId)
    return 'CouponRecipientDoesNotMatch';
  if (coupon.reservationMandatory && !coupon.reservedBy.includes(profileId))
    return 'CouponReservationRequired';
  if (coupon.usageLimit > 0 && coupon.usageCounter >= coupon.usageLimit) return 'CouponLimitReached';
  if (campaignTaken) return 'CouponRejectedByCondition';
  return undefined;
}

function referralProblem(referral: FakeReferral, profileId: string, when: Date): string | undefined {
  if (referral.advocateProfileIntegrationId === profileId) return 'ReferralRecipientIdSameAsAdvocate';
  if (referral.friendProfileIntegrationId !== undefined && referral.friendProfileIntegrationId !== profileId)
    return 'ReferralRecipientDoesNotMatch';
  if (referral.usageLimit > 0 && referral.usageCounter >= referral.usageLimit) return 'ReferralLimitReached';
  if (referral.startDate !== undefined && Date.parse(referral.startDate) > when.getTime())
    return 'ReferralStartDateInFuture';
  if (referral.expiryDate !== undefined && Date.parse(referral.expiryDate) < when.getTime())
    return 'ReferralExpired';
  return undefined;
}

/**
 * Runs the campaigns on a session. Coupons and the referral code give their effects on every
 * update; loyalty points are added only when `closing`.
 */
export function evaluate(
  state: FakeTalonState,
  config: ResolvedFakeTalonOptions,
  session: FakeSession,
  closing: boolean,
  when: Date,
): Evaluation {
  const effects: EffectRecord[] = [];
  const discounts: Evaluation['discounts'] = [];
  const coupons: FakeCoupon[] = [];
  const triggered = new Set<number>();
  const failures: RuleFailureReason[] = [];
  const { cartItemTotal } = sessionTotals(session);
  let remaining = cartItemTotal;
  const discount = (campaign: FakeCouponCampaign | FakeReferralCampaign, percent: number, extra = {}) => {
    const value = cents(Math.min(remaining, (cartItemTotal * percent) / 100));
    if (value <= 0) return;
    remaining = cents(remaining - value);
    const name = `${campaign.name}: ${percent}% off`;
    discounts.push({ name, value, campaignId: campaign.id });
    effects.push(effect(campaign, 'setDiscount', { name, value, scope: 'cartItems' }, extra));
  };

  const seen = new Set<string>();
  for (const code of session.couponCodes) {
    const key = code.toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const coupon = state.coupons.get(key);
    const campaign = coupon && findCampaign(config, coupon.campaignId, 'coupon');
    if (!coupon || !campaign) {
      effects.push(effect(undefined, 'rejectCoupon', { value: code, rejectionReason: 'CouponNotFound' }));
      continue;
    }
    const problem = couponProblem(coupon, session.profileId, triggered.has(campaign.id));
    if (problem) {
      effects.push(effect(campaign, 'rejectCoupon', { value: coupon.value, rejectionReason: problem }));
      failures.push(failure(campaign, problem, { couponID: coupon.id, couponValue: coupon.value }));
      continue;
    }
    triggered.add(campaign.id);
    coupons.push(coupon);
    effects.push(effect(campaign, 'acceptCoupon', { value: coupon.value }, { triggeredByCoupon: coupon.id }));
    discount(campaign, campaign.percentOff, { triggeredByCoupon: coupon.id });
  }

  let accepted: FakeReferral | undefined;
  const code = session.referralCode;
  if (code) {
    const referral = state.referrals.get(code.toUpperCase());
    const campaign = referral && findCampaign(config, referral.campaignId, 'referral');
    if (!referral || !campaign) {
      effects.push(effect(undefined, 'rejectReferral', { value: code, rejectionReason: 'ReferralNotFound' }));
    } else {
      const problem = referralProblem(referral, session.profileId, when);
      if (problem) {
        effects.push(effect(campaign, 'rejectReferral', { value: referral.code, rejectionReason: problem }));
        failures.push(failure(campaign, problem, { referralID: referral.id, referralValue: referral.code }));
      } else {
        accepted = referral;
        triggered.add(campaign.id);
        effects.push(effect(campaign, 'acceptReferral', { value: referral.code }));
        if (campaign.percentOff) discount(campaign, campaign.percentOff);
      }
    }
  }

  if (closing) {
    for (const campaign of config.campaigns) {
      if (campaign.type !== 'loyalty') continue;
      // A card-based program earns on the session's card, a profile-based one on its profile.
      const card = campaign.cardBased ? sessionCard(state, campaign.programId, session) : undefined;
      if (campaign.cardBased ? !card : session.profileId === '') continue;
      const value = Math.floor(remaining * campaign.pointsPerUnit);
      if (value <= 0) continue;
      triggered.add(campaign.id);
      effects.push(
        effect(campaign, 'addLoyaltyPoints', {
          name: ruleName(campaign),
          programId: campaign.programId,
          subLedgerId: campaign.subledgerId ?? '',
          value,
          recipientIntegrationId: session.profileId,
          transactionUUID: transactionId(state),
          ...earningDates(campaign, when),
          ...(card ? { cardIdentifier: card.identifier } : {}),
        }),
      );
    }
  }
  return { effects, discounts, coupons, referral: accepted, triggered: [...triggered], failures };
}

/** Persists what closing a session did: redemptions, referred friend, points, sales. */
export function applyClose(
  state: FakeTalonState,
  config: ResolvedFakeTalonOptions,
  session: FakeSession,
  profile: FakeProfile | undefined,
  evaluation: Evaluation,
  now: string,
): void {
  const who = session.profileId;
  for (const coupon of evaluation.coupons) {
    coupon.usageCounter++;
    coupon.redemptions.set(who, (coupon.redemptions.get(who) ?? 0) + 1);
  }
  const referral = evaluation.referral;
  if (referral) {
    referral.usageCounter++;
    if (who && !referral.referredCustomers.includes(who)) referral.referredCustomers.push(who);
  }
  const points: FakeCloseRecord['points'] = [];
  for (const e of evaluation.effects) {
    if (e.effectType !== 'addLoyaltyPoints') continue;
    const campaign = findCampaign(config, e.campaignId as number, 'loyalty') as FakeLoyaltyCampaign;
    const reason = `${campaign.name} (session ${session.integrationId})`;
    const earned = earn(state, session.integrationId, e as EffectOf<'addLoyaltyPoints'>, now, reason);
    if (earned) points.push(earned);
  }
  const discounted = cents(
    sessionTotals(session).total - evaluation.discounts.reduce((s, d) => s + d.value, 0),
  );
  if (profile) {
    profile.closedSessions++;
    profile.totalSales = cents(profile.totalSales + discounted);
  }
  session.closed = {
    coupons: evaluation.coupons.map((c) => c.value.toUpperCase()),
    referral: referral?.code.toUpperCase(),
    discounts: evaluation.discounts,
    points,
    total: discounted,
    cartItemTotal: sessionTotals(session).cartItemTotal,
    returnedValue: 0,
  };
}

/**
 * Undoes what closing a session did (less what returns took back already) and answers the
 * rollback effects. `why` names the cause in the ledger (`cancelled`, `reopened`).
 */
export function rollbackClose(
  state: FakeTalonState,
  config: ResolvedFakeTalonOptions,
  session: FakeSession,
  profile: FakeProfile | undefined,
  now: string,
  why = 'cancelled',
): EffectRecord[] {
  const record = session.closed;
  if (!record) return [];
  const who = session.profileId;
  const effects: EffectRecord[] = [];
  for (const discount of record.discounts) {
    const campaign = config.campaigns.find((c) => c.id === discount.campaignId);
    const value = cents(discount.value - returnedPart(discount.value, record, false));
    if (value > 0) effects.push(effect(campaign, 'rollbackDiscount', { name: discount.name, value }));
  }
  for (const key of record.coupons) {
    const coupon = state.coupons.get(key);
    if (!coupon) continue;
    coupon.usageCounter = Math.max(0, coupon.usageCounter - 1);
    coupon.redemptions.set(who, Math.max(0, (coupon.redemptions.get(who) ?? 0) - 1));
    effects.push(
      effect(findCampaign(config, coupon.campaignId, 'coupon'), 'rollbackCoupon', { value: coupon.value }),
    );
  }
  const referral = record.referral ? state.referrals.get(record.referral) : undefined;
  if (referral) {
    referral.usageCounter = Math.max(0, referral.usageCounter - 1);
    referral.referredCustomers = referral.referredCustomers.filter((id) => id !== who);
    effects.push(
      effect(findCampaign(config, referral.campaignId, 'referral'), 'rollbackReferral', {
        value: referral.code,
      }),
    );
  }
  for (const added of record.points) {
    const reason = `rollback: session ${session.integrationId} ${why}`;
    const left = added.value - returnedPart(added.value, record, true);
    const value = takeBack(state, added, who, left, now, reason);
    if (value <= 0) continue;
    effects.push(
      effect(findCampaign(config, added.campaignId, 'loyalty'), 'rollbackAddedLoyaltyPoints', {
        programId: added.programId,
        subLedgerId: added.subledgerId,
        value,
        recipientIntegrationId: who,
        transactionUUID: added.transactionUUID,
        ...(added.cardIdentifier === undefined ? {} : { cardIdentifier: added.cardIdentifier }),
      }),
    );
  }
  if (profile) {
    profile.closedSessions = Math.max(0, profile.closedSessions - 1);
    profile.totalSales = cents(
      profile.totalSales - (record.total - returnedPart(record.total, record, false)),
    );
  }
  session.closed = undefined;
  return effects;
}
