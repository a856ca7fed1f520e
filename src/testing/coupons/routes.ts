/**
 * The coupon and referral operations: coupon reservations and referral codes.
 */
import type {
  CreateCouponReservationValue,
  CreateReferralsForMultipleAdvocatesValue,
  CreateReferralValue,
  GetReservedCustomersValue,
} from '../../endpoints/index.js';
import {
  CouponReservationsInputSchema,
  NewReferralInputSchema,
  NewReferralsForMultipleAdvocatesInputSchema,
} from '../../models/schemas.js';
import { notFound, ok } from '../answers.js';
import { findCampaign } from '../campaigns/rules.js';
import { ensureProfile } from '../profiles/profiles.js';
import { profileView } from '../profiles/views.js';
import { type Body, type Call, type Route, rfc3339 } from '../route.js';
import { createReferralRecord, findCoupon, notReferralCampaign } from './coupons.js';
import { couponView, referralView } from './views.js';

export const createCouponReservation: Route = {
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

export const deleteCouponReservation: Route = {
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

export const getReservedCustomers: Route = {
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

export const createReferral: Route = {
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

export const createReferralsForMultipleAdvocates: Route = {
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
