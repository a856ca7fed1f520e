/**
 * The fake's defaults: the credentials it accepts and the campaigns it runs unless
 * `createFakeTalon(options)` says otherwise. Plain frozen data; nothing runs at import time.
 */
import type { FakeAudience } from './audiences/types.js';
import type { FakeAchievement, FakeCampaign, FakeLoyaltyTier } from './campaigns/types.js';
import type { FakeCatalogSpec } from './catalogs/types.js';

/** The account every answer names. */
export const ACCOUNT_ID = 1;

/** When the configured campaigns, achievements, audiences and catalogs were made, for `created`. */
export const CONFIGURED = '2026-01-01T00:00:00Z';

/** The API key the fake accepts by default: `auth: apiKey(FAKE_API_KEY)`. */
export const FAKE_API_KEY = 'fake-talon-api-key-0000';

/** The Management API key the fake accepts by default (`Authorization: ManagementKey-v1 <key>`). */
export const FAKE_MANAGEMENT_KEY = 'fake-talon-management-key-0000';

/** The Application ID the fake accepts as `signer` of a `Content-Signature`. */
export const FAKE_APPLICATION_ID = 42;

/** The Application key (hex) the fake checks `Content-Signature` HMAC-MD5 signatures with. */
export const FAKE_APPLICATION_KEY = '5f4dcc3b5aa765d61d8327deb882cf99';

/** The coupon code of the default coupon campaign: 10 % off the cart. */
export const FAKE_COUPON_CODE = 'SUMMER10';

/** The ID of the default coupon campaign ("Summer sale", {@link FAKE_COUPON_CODE}). */
export const FAKE_COUPON_CAMPAIGN_ID = 1;

/** The ID of the default referral campaign ("Refer a friend": the friend gets 5 % off). */
export const FAKE_REFERRAL_CAMPAIGN_ID = 2;

/** The ID of the default loyalty campaign (1 point per currency unit spent, on closing a session). */
export const FAKE_LOYALTY_CAMPAIGN_ID = 3;

/** The ID of the loyalty program the default loyalty campaign adds points to (profile-based, tiers Silver and Gold). */
export const FAKE_LOYALTY_PROGRAM_ID = 7;

/** The tiers of {@link FAKE_LOYALTY_PROGRAM_ID}: Silver from 100 active points, Gold from 500. */
export const FAKE_LOYALTY_TIERS: readonly FakeLoyaltyTier[] = /*#__PURE__*/ Object.freeze([
  { name: 'Silver', minPoints: 100 },
  { name: 'Gold', minPoints: 500 },
]);

/** The ID of the default card loyalty campaign (1 point per currency unit, on the session's loyalty card). */
export const FAKE_LOYALTY_CARD_CAMPAIGN_ID = 4;

/** The ID of the default card-based loyalty program: `generateLoyaltyCard` makes cards in it. */
export const FAKE_LOYALTY_CARD_PROGRAM_ID = 8;

/** An event type the default loyalty campaign rewards: tracking it (`trackEventV2`, `trackEventV3`) adds 50 points. */
export const FAKE_EVENT_TYPE = 'newsletter_signup';

/** The campaigns the fake runs by default. Pass `campaigns` to `createFakeTalon` to replace them. */
export const FAKE_CAMPAIGNS: readonly FakeCampaign[] = /*#__PURE__*/ Object.freeze([
  {
    type: 'coupon',
    id: FAKE_COUPON_CAMPAIGN_ID,
    name: 'Summer sale',
    percentOff: 10,
    coupons: [FAKE_COUPON_CODE, { value: 'VIP25-ONLY', reservationMandatory: true }],
  },
  { type: 'referral', id: FAKE_REFERRAL_CAMPAIGN_ID, name: 'Refer a friend', percentOff: 5 },
  {
    type: 'loyalty',
    id: FAKE_LOYALTY_CAMPAIGN_ID,
    name: 'Points on every order',
    programId: FAKE_LOYALTY_PROGRAM_ID,
    programName: 'Coffee points',
    pointsPerUnit: 1,
    eventPoints: { [FAKE_EVENT_TYPE]: 50 },
    tiers: FAKE_LOYALTY_TIERS,
  },
  {
    type: 'loyalty',
    id: FAKE_LOYALTY_CARD_CAMPAIGN_ID,
    name: 'Points on your card',
    programId: FAKE_LOYALTY_CARD_PROGRAM_ID,
    programName: 'Coffee card',
    pointsPerUnit: 1,
    cardBased: true,
  },
] satisfies FakeCampaign[]);

/** The audiences the fake knows by default (for `updateCustomerProfileAudiences` and `audiencesChanges`). */
export const FAKE_AUDIENCES: readonly FakeAudience[] = /*#__PURE__*/ Object.freeze([
  { id: 1, name: 'Newsletter' },
  { id: 2, name: 'VIP' },
]);

/** The ID of the default achievement ("3 closed orders", in the default loyalty campaign). */
export const FAKE_ACHIEVEMENT_ID = 11;

/** The achievements the fake knows by default. Pass `achievements` to `createFakeTalon` to replace them. */
export const FAKE_ACHIEVEMENTS: readonly FakeAchievement[] = /*#__PURE__*/ Object.freeze([
  {
    id: FAKE_ACHIEVEMENT_ID,
    campaignId: FAKE_LOYALTY_CAMPAIGN_ID,
    name: 'ThreeOrders',
    title: '3 closed orders',
    description: 'Close three orders',
    target: 3,
  },
] satisfies FakeAchievement[]);

/** The ID of the default cart item catalog (empty at the start; `syncCatalog` fills it). */
export const FAKE_CATALOG_ID = 5;

/** The cart item catalogs the fake knows by default. Pass `catalogs` to `createFakeTalon` to replace them. */
export const FAKE_CATALOGS: readonly FakeCatalogSpec[] = /*#__PURE__*/ Object.freeze([
  { id: FAKE_CATALOG_ID, name: 'Products', description: 'The cart item catalog of the fake Talon.One' },
] satisfies FakeCatalogSpec[]);
