/**
 * Coupons and referrals as the state keeps them.
 */

/** A coupon as the fake keeps it. */
export interface FakeCoupon {
  id: number;
  campaignId: number;
  value: string;
  created: string;
  usageLimit: number;
  usageCounter: number;
  reservationMandatory: boolean;
  recipientIntegrationId: string | undefined;
  /** Integration IDs of the profiles holding a reservation. */
  reservedBy: string[];
  /** Redemptions (closed sessions) per profile integration ID (a Map: any ID is data, `constructor` too). */
  redemptions: Map<string, number>;
}

/** A referral as the fake keeps it. */
export interface FakeReferral {
  id: number;
  code: string;
  campaignId: number;
  created: string;
  advocateProfileIntegrationId: string;
  friendProfileIntegrationId: string | undefined;
  usageLimit: number;
  usageCounter: number;
  startDate: string | undefined;
  expiryDate: string | undefined;
  attributes: Record<string, unknown> | undefined;
  batchId: string | undefined;
  referredCustomers: string[];
}
