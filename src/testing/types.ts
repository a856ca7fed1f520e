/**
 * The fake's options, the state it keeps and the fake itself. Each domain declares the records it
 * keeps in its own types.ts (sessions/, profiles/, coupons/, loyalty/, cards/, events/, audiences/,
 * campaigns/, catalogs/); the state is plain data (Maps, arrays, objects) that a test may read, e.g.
 * `fake.state.profiles.get('user-1')`.
 */
import type { FakeAudience } from './audiences/types.js';
import type { FakeAchievement, FakeCampaign } from './campaigns/types.js';
import type { FakeLoyaltyCard } from './cards/types.js';
import type { FakeCatalog, FakeCatalogSpec, FakePriceObservation } from './catalogs/types.js';
import type { FakeCoupon, FakeReferral } from './coupons/types.js';
import type { FakeEvent } from './events/types.js';
import type { FakeFault, FakeFaults } from './fault-rules.js';
import type { FakeProfile } from './profiles/types.js';
import type { FakeSession } from './sessions/types.js';

/** Options of `createFakeTalon`. Every field has a default (see the FAKE_* constants). */
export interface FakeTalonOptions {
  /** The API key to accept. Default {@link FAKE_API_KEY}. */
  readonly apiKey?: string;
  /** The Management API key to accept on Management operations. Default {@link FAKE_MANAGEMENT_KEY}. */
  readonly managementKey?: string;
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
   * the call record emptied, the generator re-seeded, hangs ended. Every `Idempotency-Key` is
   * forgotten.
   */
  reset(): void;
  /** The options in force, defaults filled in. */
  readonly config: ResolvedFakeTalonOptions;
}

/** {@link FakeTalonOptions} with every default filled in. */
export interface ResolvedFakeTalonOptions {
  readonly apiKey: string;
  readonly managementKey: string;
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
