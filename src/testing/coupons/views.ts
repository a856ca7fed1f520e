/**
 * How coupons and referrals look in answers (26.13, the inventory's, and 2021).
 */
import type {
  Coupon,
  IntegrationCoupon,
  InventoryCoupon,
  InventoryReferral,
  LegacyCoupon,
  Referral,
} from '../../models/index.js';
import type { FakeCoupon, FakeReferral } from './types.js';

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
  return { ...couponView(coupon), profileRedemptionCount: coupon.redemptions.get(profileId) ?? 0 };
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
