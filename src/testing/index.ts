/**
 * talon-fetch/testing: a fake Talon.One Integration API for tests, as a fetch handler
 * (`createFakeTalon`), as msw handlers (`fakeTalonHandlers`) and behind a loopback HTTP server
 * (`startFakeTalonServer`). Nothing here is imported by the main entry.
 */

export type { FakeAudience } from './audiences/types.js';
export type {
  FakeAchievement,
  FakeCampaign,
  FakeCampaignSchedule,
  FakeCouponCampaign,
  FakeCouponSpec,
  FakeLoyaltyCampaign,
  FakeLoyaltyTier,
  FakeReferralCampaign,
} from './campaigns/types.js';
export type { FakeLoyaltyCard } from './cards/types.js';
export type {
  FakeCatalog,
  FakeCatalogItem,
  FakeCatalogItemSpec,
  FakeCatalogSpec,
  FakePriceAdjustment,
  FakePriceObservation,
} from './catalogs/types.js';
export {
  FAKE_ACHIEVEMENT_ID,
  FAKE_ACHIEVEMENTS,
  FAKE_API_KEY,
  FAKE_APPLICATION_ID,
  FAKE_APPLICATION_KEY,
  FAKE_AUDIENCES,
  FAKE_CAMPAIGNS,
  FAKE_CATALOG_ID,
  FAKE_CATALOGS,
  FAKE_COUPON_CAMPAIGN_ID,
  FAKE_COUPON_CODE,
  FAKE_EVENT_TYPE,
  FAKE_LOYALTY_CAMPAIGN_ID,
  FAKE_LOYALTY_CARD_CAMPAIGN_ID,
  FAKE_LOYALTY_CARD_PROGRAM_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  FAKE_LOYALTY_TIERS,
  FAKE_MANAGEMENT_KEY,
  FAKE_REFERRAL_CAMPAIGN_ID,
} from './constants.js';
export type { FakeCoupon, FakeReferral } from './coupons/types.js';
export { FAKE_LIMITS } from './door.js';
export type { FakeEvent } from './events/types.js';
export { createFakeTalon } from './fake.js';
export type {
  FakeCall,
  FakeConflictFault,
  FakeDropFault,
  FakeFault,
  FakeFaults,
  FakeFaultWhen,
  FakeHangFault,
  FakeLatencyFault,
  FakeStatusFault,
} from './fault-rules.js';
export type { FakeLedgerEntry } from './loyalty/types.js';
export { fakeTalonHandlers, type MswHttpLike } from './msw.js';
export type { FakeProfile } from './profiles/types.js';
export { type FakeTalonServer, type FakeTalonServerOptions, startFakeTalonServer } from './server.js';
export type { FakeCartItem, FakeCloseRecord, FakeReturn, FakeSession } from './sessions/types.js';
export type { FakeTalon, FakeTalonOptions, FakeTalonState, ResolvedFakeTalonOptions } from './types.js';
