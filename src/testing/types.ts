/**
 * The fake's public types: its options, its campaigns and the state it keeps. The state is plain
 * data (Maps, arrays, objects) that a test may read, e.g. `fake.state.profiles.get('user-1')`.
 */

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
export interface FakeCouponCampaign {
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
export interface FakeReferralCampaign {
  readonly type: 'referral';
  readonly id: number;
  readonly name: string;
  /** Percentage off the friend's cart when the code is accepted; 0 or absent: no discount. */
  readonly percentOff?: number;
}

/** A loyalty campaign: closing a session with a profile adds points (`addLoyaltyPoints`). */
export interface FakeLoyaltyCampaign {
  readonly type: 'loyalty';
  readonly id: number;
  readonly name: string;
  readonly programId: number;
  readonly programName: string;
  /** Points per currency unit of the discounted cart total (rounded down). */
  readonly pointsPerUnit: number;
}

/** One campaign of the fake. */
export type FakeCampaign = FakeCouponCampaign | FakeReferralCampaign | FakeLoyaltyCampaign;

/** An audience profiles can join. */
export interface FakeAudience {
  readonly id: number;
  readonly name: string;
}

/** Options of `createFakeTalon`. Every field has a default (see the FAKE_* constants). */
export interface FakeTalonOptions {
  /** The API key to accept. Default {@link FAKE_API_KEY}. */
  readonly apiKey?: string;
  /** The Application ID (signer of `Content-Signature`, and `applicationId` in answers). Default 42. */
  readonly applicationId?: number;
  /** The Application key, hex, for `Content-Signature`. Default {@link FAKE_APPLICATION_KEY}. */
  readonly applicationKey?: string;
  /** The campaigns to run; replaces the default {@link FAKE_CAMPAIGNS}. */
  readonly campaigns?: readonly FakeCampaign[];
  /** The audiences that exist; replaces the default {@link FAKE_AUDIENCES}. */
  readonly audiences?: readonly FakeAudience[];
  /** The clock, for the `created`/`updated` dates. Default `() => new Date()`. */
  readonly now?: () => Date;
}

/** A cart item as the fake keeps it. */
export interface FakeCartItem {
  name?: string | undefined;
  sku: string;
  quantity: number;
  price?: number | undefined;
  category?: string | undefined;
  position: number;
  attributes?: Record<string, unknown> | undefined;
  /** Other fields of the request's cart item (weight, product, additionalCosts…), kept as sent. */
  [field: string]: unknown;
}

/** A loyalty ledger entry (points added or rolled back). */
export interface FakeLedgerEntry {
  id: number;
  created: string;
  programId: number;
  amount: number;
  reason: string;
  transactionUUID: string;
  sessionId: string;
}

/** A customer profile as the fake keeps it. */
export interface FakeProfile {
  id: number;
  integrationId: string;
  created: string;
  lastActivity: string;
  attributes: Record<string, unknown>;
  closedSessions: number;
  totalSales: number;
  /** IDs of the audiences the profile belongs to. */
  audiences: number[];
  /** Current points per loyalty program ID. */
  points: Record<number, number>;
  ledger: FakeLedgerEntry[];
}

/** What closing a session did, kept so that cancelling it can roll it back. */
export interface FakeCloseRecord {
  coupons: string[];
  referral: string | undefined;
  discounts: { name: string; value: number; campaignId: number }[];
  points: { campaignId: number; programId: number; value: number; transactionUUID: string }[];
  total: number;
}

/** A customer session as the fake keeps it. */
export interface FakeSession {
  id: number;
  integrationId: string;
  /** The profile's integration ID, or `''` for an anonymous session. */
  profileId: string;
  created: string;
  updated: string;
  state: 'open' | 'closed' | 'partially_returned' | 'cancelled';
  cartItems: FakeCartItem[];
  couponCodes: string[];
  referralCode: string | undefined;
  attributes: Record<string, unknown>;
  additionalCosts: Record<string, { price: number }>;
  identifiers: string[];
  storeIntegrationId: string | undefined;
  /** The total the 2021 API let the caller declare, if it did. */
  declaredTotal: number | undefined;
  firstSession: boolean;
  updateCount: number;
  closed: FakeCloseRecord | undefined;
}

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
  /** Redemptions (closed sessions) per profile integration ID. */
  redemptions: Record<string, number>;
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

/** An event the fake recorded (session and profile updates record one too, as the API does). */
export interface FakeEvent {
  id: number;
  created: string;
  type: string;
  profileId: string | undefined;
  sessionId: string | undefined;
  attributes: Record<string, unknown>;
  effects: Record<string, unknown>[];
}

/** Everything the fake remembers. Keys of the Maps are integration IDs, coupon codes (upper case) and referral codes. */
export interface FakeTalonState {
  profiles: Map<string, FakeProfile>;
  sessions: Map<string, FakeSession>;
  coupons: Map<string, FakeCoupon>;
  referrals: Map<string, FakeReferral>;
  events: FakeEvent[];
  audiences: Map<number, FakeAudience>;
  /** The next ID handed out (all entities share one counter). */
  nextId: number;
  /** State of the deterministic generator of referral codes and transaction IDs. */
  seed: number;
}

/** A fake Talon.One: a fetch handler with state. */
export interface FakeTalon {
  /**
   * Answers one request like the Integration API would. Pass it as a client's `fetch`, return it
   * from an msw handler, or put it behind `startFakeTalonServer`. Never rejects.
   */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** The current state, for assertions. Replaced by `reset()`. */
  readonly state: FakeTalonState;
  /** Forgets every profile, session, event, reservation and referral; keeps the options. */
  reset(): void;
  /** The options in force, defaults filled in. */
  readonly config: ResolvedFakeTalonOptions;
}

/** {@link FakeTalonOptions} with every default filled in. */
export interface ResolvedFakeTalonOptions {
  readonly apiKey: string;
  readonly applicationId: number;
  readonly applicationKey: string;
  readonly campaigns: readonly FakeCampaign[];
  readonly audiences: readonly FakeAudience[];
  readonly now: () => Date;
}
