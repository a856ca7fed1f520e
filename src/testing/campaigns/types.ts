/**
 * The campaigns and achievements the fake runs, as options give them: coupon, referral and
 * loyalty campaigns (with their schedules, which only the campaign listing reads), loyalty tiers
 * and achievements.
 */

/**
 * When a campaign runs and what it is linked to. Only `integrationGetAllCampaigns` reads these
 * (it lists the campaigns running at the fake's clock and filters on them); the rule engine runs
 * every configured campaign whatever its schedule.
 */
export interface FakeCampaignSchedule {
  /** When the campaign starts (RFC 3339); absent: it has always run. */
  readonly startTime?: string;
  /** When the campaign ends (RFC 3339); absent: it never ends. */
  readonly endTime?: string;
  /** The stores the campaign is linked to (`linkedStoreIds`, the `storeId` filter). */
  readonly storeIds?: readonly number[];
  /** The audiences the campaign is linked to (`linkedAudienceIds`, the `audienceId` filter). */
  readonly audienceIds?: readonly number[];
}

/** A coupon of a coupon campaign: a bare code, or a code with limits. */
export interface FakeCouponSpec {
  /** The code customers enter. Matched case-insensitively, like the API does. */
  readonly value: string;
  /** How many sessions may redeem it (closed sessions count); 0 or absent: unlimited. */
  readonly usageLimit?: number;
  /** Only profiles holding a reservation (`createCouponReservation`) may redeem it. */
  readonly reservationMandatory?: boolean;
  /** Only this profile may redeem it. */
  readonly recipientIntegrationId?: string;
}

/** A campaign whose coupons take a percentage off the cart (`acceptCoupon` + `setDiscount`). */
export interface FakeCouponCampaign extends FakeCampaignSchedule {
  readonly type: 'coupon';
  readonly id: number;
  readonly name: string;
  /** Percentage off the cart items' total, e.g. 10. */
  readonly percentOff: number;
  readonly coupons: readonly (string | FakeCouponSpec)[];
}

/**
 * A referral campaign: `createReferral` makes codes for it; a session of another profile that
 * carries such a code gets `acceptReferral` (and a `setDiscount` when `percentOff` is set).
 */
export interface FakeReferralCampaign extends FakeCampaignSchedule {
  readonly type: 'referral';
  readonly id: number;
  readonly name: string;
  /** Percentage off the friend's cart when the code is accepted; 0 or absent: no discount. */
  readonly percentOff?: number;
}

/** A tier of a loyalty program: a ledger with at least `minPoints` active points is in it. */
export interface FakeLoyaltyTier {
  readonly name: string;
  /** The active points from which the tier applies. */
  readonly minPoints: number;
}

/**
 * A loyalty campaign: closing a session adds points (`addLoyaltyPoints`) to the profile's ledger in
 * its program or, for a card-based program, to the card the session names in `loyaltyCards`.
 * Campaigns that share a `programId` share the program; the first one sets its name, kind and tiers.
 */
export interface FakeLoyaltyCampaign extends FakeCampaignSchedule {
  readonly type: 'loyalty';
  readonly id: number;
  readonly name: string;
  readonly programId: number;
  readonly programName: string;
  /** Points per currency unit of the discounted cart total (rounded down). */
  readonly pointsPerUnit: number;
  /** Points for a tracked event (`trackEventV2`, `trackEventV3`) by event type, e.g. `{ newsletter_signup: 50 }`. */
  readonly eventPoints?: Readonly<Record<string, number>>;
  /**
   * Days the points stay pending after closing; they become active by themselves then, or at once
   * with `activateLoyaltyPoints`. Default 0: active at once.
   */
  readonly pendingDays?: number;
  /** The points stay pending (start date `on_action`) until `activateLoyaltyPoints`; wins over `pendingDays`. */
  readonly awaitsActivation?: boolean;
  /** Days the points stay valid once active. Absent: they never expire. */
  readonly expiryDays?: number;
  /** The subledger the points go to. Default `''`: the program's main ledger. */
  readonly subledgerId?: string;
  /** The program's tiers (balances name the highest one the active points reach). */
  readonly tiers?: readonly FakeLoyaltyTier[];
  /** A card-based program: points go to the session's loyalty card; profiles cannot join it. */
  readonly cardBased?: boolean;
  /** Card-based programs: how many profiles one card takes. 0 or absent: no limit. */
  readonly usersPerCard?: number;
}

/** One campaign of the fake. */
export type FakeCampaign = FakeCouponCampaign | FakeReferralCampaign | FakeLoyaltyCampaign;

/**
 * An achievement: a customer's closed sessions count towards its `target` ("3 closed orders").
 * Progress is worked out from the sessions the fake keeps, so a cancelled (or reopened) session
 * stops counting at once.
 */
export interface FakeAchievement {
  readonly id: number;
  /** The campaign the achievement belongs to: one of the configured campaigns. */
  readonly campaignId: number;
  /** The internal name: a letter, then letters, digits or `_`. */
  readonly name: string;
  /** The display name. */
  readonly title: string;
  readonly description?: string;
  /** How many closed sessions complete it (a whole number, at least 1). */
  readonly target: number;
  /** `no_recurrence` (default): completed once. `on_completion`: starts again after each completion. */
  readonly recurrencePolicy?: 'no_recurrence' | 'on_completion';
  /**
   * A fixed start (RFC 3339, `activationPolicy: fixed_schedule`): the achievement is `scheduled`
   * before it, and only sessions closed from then on count. Absent: `user_action`, always `active`.
   */
  readonly fixedStartDate?: string;
}
