/**
 * Coupons and referrals: the coupons of the configured coupon campaigns (`seedCoupons`), finding a
 * coupon by its code (case-insensitively, as the API matches it), and making referral codes.
 */
import { type Answer, fail } from '../answers.js';
import { CONFIGURED } from '../constants.js';
import { newCode } from '../ids.js';
import { ensureProfile } from '../profiles/profiles.js';
import type { Context } from '../route.js';
import type { FakeTalonState, ResolvedFakeTalonOptions } from '../types.js';
import type { FakeCoupon, FakeReferral } from './types.js';

/** Puts the coupons of the configured coupon campaigns into a new state, keyed by their upper-case code. */
export function seedCoupons(state: FakeTalonState, config: ResolvedFakeTalonOptions): void {
  for (const campaign of config.campaigns) {
    if (campaign.type !== 'coupon') continue;
    for (const spec of campaign.coupons) {
      const s = typeof spec === 'string' ? { value: spec } : spec;
      const coupon: FakeCoupon = {
        id: state.nextId++,
        campaignId: campaign.id,
        value: s.value,
        created: CONFIGURED,
        usageLimit: s.usageLimit ?? 0,
        usageCounter: 0,
        reservationMandatory: s.reservationMandatory ?? false,
        recipientIntegrationId: s.recipientIntegrationId,
        reservedBy: [],
        redemptions: new Map(),
      };
      state.coupons.set(s.value.toUpperCase(), coupon);
    }
  }
}

/** The coupon with this code (any case), if the fake has one. */
export function findCoupon(ctx: Context, code: string): FakeCoupon | undefined {
  return ctx.state.coupons.get(code.toUpperCase());
}

/** A 400 for a campaign ID that is not one of a referral campaign. */
export function notReferralCampaign(id: number): Answer {
  return fail(400, `Campaign ${id} is not a running referral campaign of this Application`, [
    { title: 'Invalid campaign', pointer: '/campaignId' },
  ]);
}

export function createReferralRecord(
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
