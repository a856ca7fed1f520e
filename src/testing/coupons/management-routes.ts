/**
 * The Management API's coupon operations: creating coupons in a coupon campaign (redeemable at
 * once through the Integration side), listing them (`…WithoutTotalCount`), updating the limits the
 * fake keeps (usage limit, mandatory reservation, recipient) and deleting one.
 */
import type {
  CreateCouponsValue,
  GetCouponsWithoutTotalCountValue,
  UpdateCouponValue,
} from '../../management/endpoints/index.js';
import { NewCouponsInputSchema, UpdateCouponInputSchema } from '../../management/models/schemas.js';
import { type Answer, fail, notFound, ok } from '../answers.js';
import { findCampaign } from '../campaigns/rules.js';
import { newCode } from '../ids.js';
import { otherApplication, page, pathId, QueryReader } from '../query.js';
import type { Body, Call, Route } from '../route.js';
import type { FakeCoupon } from './types.js';
import { couponView } from './views.js';

const COUPONS = '/v1/applications/{applicationId}/campaigns/{campaignId}/coupons';

/** The coupon campaign of the path (in the fake's Application); or the 400/404. */
function couponCampaignOf(call: Call<unknown>): number | Answer {
  const refused = otherApplication(call.path, call.config.applicationId);
  if (refused) return refused;
  const id = pathId(call.path, 'campaignId');
  if (typeof id !== 'number') return id;
  return findCampaign(call.config, id, 'coupon') ? id : notFound(`Coupon campaign ${id}`);
}

/** The coupon of the path's `couponId` in the path's campaign; or the 400/404. */
function couponOf(call: Call<unknown>): FakeCoupon | Answer {
  const campaignId = couponCampaignOf(call);
  if (typeof campaignId !== 'number') return campaignId;
  const id = pathId(call.path, 'couponId');
  if (typeof id !== 'number') return id;
  for (const coupon of call.state.coupons.values())
    if (coupon.id === id && coupon.campaignId === campaignId) return coupon;
  return notFound(`Coupon ${id} of campaign ${campaignId}`);
}

export const createCoupons: Route = {
  id: 'createCoupons',
  method: 'POST',
  path: COUPONS,
  auth: 'managementKey',
  silent: true,
  body: NewCouponsInputSchema,
  handle(call: Call<Body<typeof NewCouponsInputSchema>>) {
    const campaignId = couponCampaignOf(call);
    if (typeof campaignId !== 'number') return campaignId;
    const { body, state, now } = call;
    const pattern = body.couponPattern ?? '########';
    if (!pattern.includes('#') && body.numberOfCoupons > 1)
      return fail(400, 'couponPattern needs # placeholders to make more than one coupon', [
        { title: 'Invalid coupon pattern', pointer: '/couponPattern' },
      ]);
    const made: FakeCoupon[] = [];
    for (let i = 0; i < body.numberOfCoupons; i++) {
      const value = pattern.includes('#') ? newCode(state, pattern, body.validCharacters) : pattern;
      if (state.coupons.has(value.toUpperCase()) || state.referrals.has(value.toUpperCase()))
        return fail(400, `A coupon or referral ${JSON.stringify(value)} exists already`, [
          { title: 'Duplicate coupon code', pointer: '/couponPattern' },
        ]);
      const coupon: FakeCoupon = {
        id: state.nextId++,
        campaignId,
        value,
        created: now,
        usageLimit: body.usageLimit ?? 0,
        usageCounter: 0,
        reservationMandatory: body.isReservationMandatory ?? false,
        recipientIntegrationId: body.recipientIntegrationId,
        reservedBy: [],
        redemptions: new Map(),
      };
      state.coupons.set(value.toUpperCase(), coupon);
      made.push(coupon);
    }
    if (call.query.get('silent') !== 'no') return { status: 204 };
    return ok<CreateCouponsValue>(200, { totalResultSize: made.length, data: made.map(couponView) });
  },
};

export const getCouponsWithoutTotalCount: Route = {
  id: 'getCouponsWithoutTotalCount',
  method: 'GET',
  path: `${COUPONS}/no_total`,
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const campaignId = couponCampaignOf(call);
    if (typeof campaignId !== 'number') return campaignId;
    const q = new QueryReader(call.query);
    const pageSize = q.int('pageSize', 1, 1000) ?? 1000;
    const skip = q.int('skip', 0) ?? 0;
    const after = q.date('createdAfter');
    const before = q.date('createdBefore');
    if (q.problem) return q.problem;
    const value = call.query.get('value');
    const exact = call.query.get('exactMatch') === 'true';
    const recipient = call.query.get('recipientIntegrationId');
    const coupons = [...call.state.coupons.values()].filter(
      (c) =>
        c.campaignId === campaignId &&
        (value === null ||
          (exact ? c.value === value : c.value.toUpperCase().includes(value.toUpperCase()))) &&
        (recipient === null || c.recipientIntegrationId === recipient) &&
        (after === undefined || Date.parse(c.created) > after) &&
        (before === undefined || Date.parse(c.created) < before),
    );
    return ok<GetCouponsWithoutTotalCountValue>(200, {
      hasMore: skip + pageSize < coupons.length,
      data: page(coupons, skip, pageSize).map(couponView),
    });
  },
};

export const updateCoupon: Route = {
  id: 'updateCoupon',
  method: 'PUT',
  path: `${COUPONS}/{couponId}`,
  auth: 'managementKey',
  body: UpdateCouponInputSchema,
  handle(call: Call<Body<typeof UpdateCouponInputSchema>>) {
    const coupon = couponOf(call);
    if ('status' in coupon) return coupon;
    const { body } = call;
    if (body.usageLimit !== undefined) coupon.usageLimit = body.usageLimit;
    if (body.isReservationMandatory !== undefined) coupon.reservationMandatory = body.isReservationMandatory;
    if (body.recipientIntegrationId !== undefined)
      coupon.recipientIntegrationId = body.recipientIntegrationId;
    return ok<UpdateCouponValue>(200, couponView(coupon));
  },
};

export const deleteCoupon: Route = {
  id: 'deleteCoupon',
  method: 'DELETE',
  path: `${COUPONS}/{couponId}`,
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const coupon = couponOf(call);
    if ('status' in coupon) return coupon;
    call.state.coupons.delete(coupon.value.toUpperCase());
    return { status: 204 };
  },
};
