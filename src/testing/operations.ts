/**
 * The route table: every operation of the SDK (its `operationIds`: the 39 of Integration API 26.13
 * and the three 2021 ones) mapped to the fake's route for it. It is typed by the SDK's operation
 * ids, so an operation the SDK gains fails to compile here until the fake has a route for it.
 * Each route lives with its domain (sessions/, profiles/, coupons/, loyalty/, cards/, events/,
 * audiences/, campaigns/, catalogs/), which also owns the state the route works on.
 */
import {
  createAudienceV2,
  deleteAudienceMembershipsV2,
  deleteAudienceV2,
  updateAudienceCustomersAttributes,
  updateAudienceV2,
  updateCustomerProfileAudiences,
} from './audiences/routes.js';
import { getCampaigns } from './campaigns/management-routes.js';
import {
  getCustomerAchievementHistory,
  getCustomerAchievements,
  integrationGetAllCampaigns,
} from './campaigns/routes.js';
import {
  addLoyaltyCardPoints,
  deductLoyaltyCardPoints,
  deleteLoyaltyCard,
  getLoyaltyCard,
  getLoyaltyCards,
  transferLoyaltyCard,
  updateLoyaltyCard,
} from './cards/management-routes.js';
import {
  generateLoyaltyCard,
  getLoyaltyCardBalances,
  getLoyaltyCardPoints,
  getLoyaltyCardTransactions,
  linkLoyaltyCardToProfile,
  unlinkLoyaltyCardFromProfile,
} from './cards/routes.js';
import { bestPriorPrice, syncCatalogRoute } from './catalogs/routes.js';
import {
  createCoupons,
  deleteCoupon,
  getCouponsWithoutTotalCount,
  updateCoupon,
} from './coupons/management-routes.js';
import {
  createCouponReservation,
  createReferral,
  createReferralsForMultipleAdvocates,
  deleteCouponReservation,
  getReservedCustomers,
} from './coupons/routes.js';
import { getEventV3, trackEvent, trackEventV2, trackEventV3 } from './events/routes.js';
import {
  addLoyaltyPoints,
  getLoyaltyProgram,
  getLoyaltyPrograms,
  removeLoyaltyPoints,
} from './loyalty/management-routes.js';
import {
  activateLoyaltyPoints,
  deleteLoyaltyTransactionsFromLedgers,
  getLoyaltyBalances,
  getLoyaltyProgramProfilePoints,
  getLoyaltyProgramProfileTransactions,
  joinLoyaltyProgram,
} from './loyalty/routes.js';
import { NOT_IMPLEMENTED_ROUTES } from './management-not-implemented.js';
import { getCustomerProfile, getCustomerProfiles } from './profiles/management-routes.js';
import {
  deleteCustomerData,
  getCustomerInventory,
  updateCustomerProfile,
  updateCustomerProfilesV2,
  updateCustomerProfileV2,
} from './profiles/routes.js';
import type { ManagementOperationId, OperationId, Route } from './route.js';
import { getApplicationSession, getApplicationSessions } from './sessions/management-routes.js';
import {
  getCustomerSession,
  reopenCustomerSession,
  returnCartItems,
  updateCustomerSession,
  updateCustomerSessionV2,
} from './sessions/routes.js';

export type { Call, Route } from './route.js';

/**
 * Every operation's route, by operationId, in the order requests are matched against them (the
 * first route whose method and path template fit answers).
 */
export const ROUTE_TABLE: Readonly<Record<OperationId, Route>> = {
  // Coupons and referrals
  getReservedCustomers,
  createCouponReservation,
  deleteCouponReservation,
  createReferral,
  createReferralsForMultipleAdvocates,
  // Profiles
  deleteCustomerData,
  getCustomerInventory,
  // Events (2021)
  trackEvent,
  // Profiles and sessions (2021)
  updateCustomerProfile,
  updateCustomerSession,
  // Audiences: memberships
  updateCustomerProfileAudiences,
  // Profiles and sessions
  updateCustomerProfileV2,
  updateCustomerProfilesV2,
  updateCustomerSessionV2,
  // Events
  trackEventV2,
  trackEventV3,
  getEventV3,
  // Audiences
  createAudienceV2,
  updateAudienceV2,
  deleteAudienceV2,
  deleteAudienceMembershipsV2,
  updateAudienceCustomersAttributes,
  // Campaigns and achievements
  integrationGetAllCampaigns,
  getCustomerAchievements,
  getCustomerAchievementHistory,
  // Catalogs
  syncCatalog: syncCatalogRoute,
  bestPriorPrice,
  // Loyalty (profile-based programs)
  joinLoyaltyProgram,
  getLoyaltyBalances,
  getLoyaltyProgramProfileTransactions,
  getLoyaltyProgramProfilePoints,
  activateLoyaltyPoints,
  deleteLoyaltyTransactionsFromLedgers,
  // Loyalty cards
  generateLoyaltyCard,
  linkLoyaltyCardToProfile,
  unlinkLoyaltyCardFromProfile,
  getLoyaltyCardBalances,
  getLoyaltyCardTransactions,
  getLoyaltyCardPoints,
  // Sessions after closing, and reading one back
  getCustomerSession,
  reopenCustomerSession,
  returnCartItems,
};

/** Every operation of the fake, matched in this order. */
export const ROUTES: readonly Route[] = Object.values(ROUTE_TABLE);

/**
 * Every Management API operation's route, by operationId: the stateful ones (with their domain,
 * on the same state as the Integration routes), then the 501 of every other one. Typed by the
 * Management operationIds, so an operation the SDK gains fails to compile until it has a route.
 */
export const MANAGEMENT_ROUTE_TABLE: Readonly<Record<ManagementOperationId, Route>> = {
  // Loyalty (profile-based programs)
  addLoyaltyPoints,
  removeLoyaltyPoints,
  getLoyaltyPrograms,
  getLoyaltyProgram,
  // Loyalty cards
  getLoyaltyCard,
  getLoyaltyCards,
  updateLoyaltyCard,
  transferLoyaltyCard,
  deleteLoyaltyCard,
  addLoyaltyCardPoints,
  deductLoyaltyCardPoints,
  // Coupons
  createCoupons,
  getCouponsWithoutTotalCount,
  updateCoupon,
  deleteCoupon,
  // Customer profiles
  getCustomerProfile,
  getCustomerProfiles,
  // Customer sessions and campaigns
  getApplicationSession,
  getApplicationSessions,
  getCampaigns,
  // Everything else: 501 naming the operation
  ...NOT_IMPLEMENTED_ROUTES,
};

/**
 * Every Management operation of the fake, matched after the Integration ones; those with fewer path
 * parameters first, so a literal segment wins over a parameter (`/v1/customers/no_total` before
 * `/v1/customers/{customerId}`).
 */
export const MANAGEMENT_ROUTES: readonly Route[] = Object.values(MANAGEMENT_ROUTE_TABLE).sort(
  (a, b) => a.path.split('{').length - b.path.split('{').length,
);

/** Every route of the fake, Integration then Management, in the order requests are matched. */
export const EVERY_ROUTE: readonly Route[] = [...ROUTES, ...MANAGEMENT_ROUTES];
