/**
 * The fake's public types: its options, its campaigns and the state it keeps. The state is plain
 * data (Maps, arrays, objects) that a test may read, e.g. `fake.state.profiles.get('user-1')`.
 */

import type { FakeFault, FakeFaults } from './faults.js';
import type {
  FakeAchievement,
  FakeCampaignSchedule,
  FakeCatalog,
  FakeCatalogSpec,
  FakePriceObservation,
} from './more-types.js';

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

/** An audience profiles can join (`createAudienceV2` sets the optional fields it is given). */
export interface FakeAudience {
  readonly id: number;
  readonly name: string;
  readonly created?: string | undefined;
  readonly description?: string | undefined;
  readonly sandbox?: boolean | undefined;
  readonly subscribedApplicationsIds?: readonly number[] | undefined;
  /** The third-party platform it comes from (`createAudienceV2`). */
  readonly integration?: string | undefined;
  /** Its ID in that platform: unique per `integration`. */
  readonly integrationId?: string | undefined;
  readonly createdIn3rdParty?: boolean | undefined;
  readonly lastUpdate?: string | undefined;
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
  /** The achievements; replaces the default {@link FAKE_ACHIEVEMENTS} (`[]`: none). */
  readonly achievements?: readonly FakeAchievement[];
  /** The cart item catalogs; replaces the default {@link FAKE_CATALOGS}. */
  readonly catalogs?: readonly FakeCatalogSpec[];
  /** The clock, for the `created`/`updated` dates. Default `() => new Date()`. */
  readonly now?: () => Date;
  /** Fault rules applied in front of every operation (plain data; see {@link FakeFault}). Default none. */
  readonly faults?: readonly FakeFault[];
  /** Seed of the generator behind fault probabilities and latency ranges. Default 1. */
  readonly faultSeed?: number;
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

/**
 * A loyalty ledger entry: points added (`addition`, a positive amount) or taken back by a rollback
 * or a return (`subtraction`, a negative amount, with the `transactionUUID` of the addition).
 */
export interface FakeLedgerEntry {
  id: number;
  created: string;
  programId: number;
  amount: number;
  reason: string;
  transactionUUID: string;
  sessionId: string;
  type: 'addition' | 'subtraction';
  /** `''` for the main ledger. */
  subledgerId: string;
  /** `immediate`, `on_action` (pending until activated) or an RFC 3339 date-time. */
  startDate: string;
  /** `unlimited` or an RFC 3339 date-time. */
  expiryDate: string;
  /** The profile the points concern (on a card: the session's profile, or `''`). */
  profileId: string;
  campaignId: number;
  rulesetId: number;
  ruleName: string;
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
  /**
   * Net points (additions minus subtractions, whatever their status) per loyalty program the
   * profile is a member of; balances by status come from `ledger`.
   */
  points: Record<number, number>;
  ledger: FakeLedgerEntry[];
  /** When the profile joined each loyalty program (`joinLoyaltyProgram`, or its first points). */
  joined: Record<number, string>;
}

/** What closing a session did, kept so that cancelling it can roll it back. */
export interface FakeCloseRecord {
  coupons: string[];
  referral: string | undefined;
  discounts: { name: string; value: number; campaignId: number }[];
  points: {
    campaignId: number;
    programId: number;
    value: number;
    transactionUUID: string;
    subledgerId: string;
    /** The card the points went to, if any. */
    cardIdentifier: string | undefined;
  }[];
  total: number;
  /** The cart items' value when the session closed: returns take back their share of it. */
  cartItemTotal: number;
  /** The value of the cart items returned so far (`returnCartItems`). */
  returnedValue: number;
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
  /** Identifiers of the loyalty cards the session names. */
  loyaltyCards: string[];
  /** The returns of the session (`returnCartItems`), oldest first. */
  returns: FakeReturn[];
}

/** A return of cart items of a closed session. */
export interface FakeReturn {
  id: number;
  created: string;
  eventId: number;
  returnedCartItems: { position: number; quantity: number; sku: string }[];
}

/** A loyalty card of a card-based program. */
export interface FakeLoyaltyCard {
  id: number;
  identifier: string;
  programId: number;
  created: string;
  modified: string;
  status: 'active' | 'inactive';
  /** The linked profiles, in the order linked. */
  profiles: { integrationId: string; timestamp: string }[];
  ledger: FakeLedgerEntry[];
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
  /** The event's own ID (advanced events, `trackEventV3`): unique. */
  integrationId?: string | undefined;
  /** The closed session an advanced event refers to. */
  connectedSessionId?: string | undefined;
  storeIntegrationId?: string | undefined;
}

/** Everything the fake remembers. Keys of the Maps are integration IDs, coupon codes (upper case) and referral codes. */
export interface FakeTalonState {
  profiles: Map<string, FakeProfile>;
  sessions: Map<string, FakeSession>;
  coupons: Map<string, FakeCoupon>;
  referrals: Map<string, FakeReferral>;
  events: FakeEvent[];
  audiences: Map<number, FakeAudience>;
  /** Loyalty cards by identifier (unique across the fake's programs). */
  loyaltyCards: Map<string, FakeLoyaltyCard>;
  /** Cart item catalogs by ID. */
  catalogs: Map<number, FakeCatalog>;
  /** Every price observation, in the order recorded (`bestPriorPrice` reads it). */
  priceHistory: FakePriceObservation[];
  /** The next ID handed out (all entities share one counter). */
  nextId: number;
  /** State of the deterministic generator of referral codes and transaction IDs. */
  seed: number;
}

/** A fake Talon.One: a fetch handler with state. */
export interface FakeTalon {
  /**
   * Answers one request like the Integration API would. Pass it as a client's `fetch`, return it
   * from an msw handler, or put it behind `startFakeTalonServer`. Rejects only where a real fetch
   * would: a `drop` fault (a `TypeError`), or the caller's signal during a latency or hang fault.
   */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** The current state, for assertions. Replaced by `reset()`. */
  readonly state: FakeTalonState;
  /** Fault rules, and the record of every call: add and clear rules, read `calls` and `injected`. */
  readonly faults: FakeFaults;
  /**
   * Forgets every profile, session, event, reservation and referral; keeps the options. Faults:
   * back to the rules of `options.faults` (rules added since are removed, counts start again),
   * the call record emptied, the generator re-seeded, hangs ended.
   */
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
  readonly achievements: readonly FakeAchievement[];
  readonly catalogs: readonly FakeCatalogSpec[];
  readonly now: () => Date;
  readonly faults: readonly FakeFault[];
  readonly faultSeed: number;
}
