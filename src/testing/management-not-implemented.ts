/**
 * The Management API operations the fake does not keep state for: each answers 501 naming the
 * operation (Talon.One's error body), never a silent empty 200. The table holds their method and
 * path template (the request line the SDK sends) and is typed by the Management operationIds less
 * the stateful ones, so an operation the SDK gains fails to compile in operations.ts until it is
 * listed here or gets a route.
 */
import { fail } from './answers.js';
import type { ManagementOperationId, Route } from './route.js';

/** The Management operations the fake answers from its state (their routes live with their domain). */
export type StatefulManagementOperation =
  | 'addLoyaltyPoints'
  | 'removeLoyaltyPoints'
  | 'getLoyaltyPrograms'
  | 'getLoyaltyProgram'
  | 'getLoyaltyCard'
  | 'getLoyaltyCards'
  | 'updateLoyaltyCard'
  | 'transferLoyaltyCard'
  | 'deleteLoyaltyCard'
  | 'addLoyaltyCardPoints'
  | 'deductLoyaltyCardPoints'
  | 'createCoupons'
  | 'getCouponsWithoutTotalCount'
  | 'updateCoupon'
  | 'deleteCoupon'
  | 'getCustomerProfile'
  | 'getCustomerProfiles'
  | 'getApplicationSession'
  | 'getApplicationSessions'
  | 'getCampaigns';

type Method = Route['method'];

/** Method and path template of every other Management operation. */
const REQUEST_LINES: Readonly<
  Record<Exclude<ManagementOperationId, StatefulManagementOperation>, readonly [Method, string]>
> = {
  activateUserByEmail: ['POST', '/v1/users/activate'],
  copyCampaignToApplications: ['POST', '/v1/applications/{applicationId}/campaigns/{campaignId}/copy'],
  createAccountCollection: ['POST', '/v1/collections'],
  createAchievement: ['POST', '/v1/applications/{applicationId}/campaigns/{campaignId}/achievements'],
  createAdditionalCost: ['POST', '/v1/additional_costs'],
  createAttribute: ['POST', '/v1/attributes'],
  createBatchLoyaltyCards: ['POST', '/v1/loyalty_programs/{loyaltyProgramId}/cards/batch'],
  createCampaignFromTemplate: ['POST', '/v1/applications/{applicationId}/create_campaign_from_template'],
  createCampaignStoreBudget: [
    'POST',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/stores/budgets',
  ],
  createCollection: ['POST', '/v1/applications/{applicationId}/campaigns/{campaignId}/collections'],
  createCouponsAsynchronously: [
    'POST',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/coupons_async',
  ],
  createCouponsDeletionJob: [
    'POST',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/coupons_deletion_jobs',
  ],
  createCouponsForMultipleRecipients: [
    'POST',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/coupons_with_recipients',
  ],
  createInviteEmail: ['POST', '/v1/invite_emails'],
  createInviteV2: ['POST', '/v2/invites'],
  createPasswordRecoveryEmail: ['POST', '/v1/password_recovery_emails'],
  createSession: ['POST', '/v1/sessions'],
  createStore: ['POST', '/v1/applications/{applicationId}/stores'],
  deactivateUserByEmail: ['POST', '/v1/users/deactivate'],
  deleteAccountCollection: ['DELETE', '/v1/collections/{collectionId}'],
  deleteAchievement: [
    'DELETE',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/achievements/{achievementId}',
  ],
  deleteCampaign: ['DELETE', '/v1/applications/{applicationId}/campaigns/{campaignId}'],
  deleteCampaignStoreBudgets: [
    'DELETE',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/stores/budgets',
  ],
  deleteCollection: [
    'DELETE',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/collections/{collectionId}',
  ],
  deleteCoupons: ['DELETE', '/v1/applications/{applicationId}/campaigns/{campaignId}/coupons'],
  deleteReferral: [
    'DELETE',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/referrals/{referralId}',
  ],
  deleteStore: ['DELETE', '/v1/applications/{applicationId}/stores/{storeId}'],
  deleteUser: ['DELETE', '/v1/users/{userId}'],
  deleteUserByEmail: ['POST', '/v1/users/delete'],
  destroySession: ['DELETE', '/v1/sessions'],
  disconnectCampaignStores: ['DELETE', '/v1/applications/{applicationId}/campaigns/{campaignId}/stores'],
  exportAccountCollectionItems: ['GET', '/v1/collections/{collectionId}/export'],
  exportAchievements: [
    'GET',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/achievements/{achievementId}/export',
  ],
  exportApplicationCampaignAnalytics: ['GET', '/v1/applications/{applicationId}/campaign_analytics/export'],
  exportAudiencesMemberships: ['GET', '/v1/audiences/{audienceId}/memberships/export'],
  exportCampaignStoreBudgets: [
    'GET',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/stores/budgets/export',
  ],
  exportCampaignStores: ['GET', '/v1/applications/{applicationId}/campaigns/{campaignId}/stores/export'],
  exportCampaignValueMap: [
    'GET',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/value_maps/{valueMapId}/export',
  ],
  exportCollectionItems: [
    'GET',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/collections/{collectionId}/export',
  ],
  exportCoupons: ['GET', '/v1/applications/{applicationId}/export_coupons'],
  exportCustomerSessions: ['GET', '/v1/applications/{applicationId}/export_customer_sessions'],
  exportCustomersTiers: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/export_customers_tiers'],
  exportEffects: ['GET', '/v1/applications/{applicationId}/export_effects'],
  exportLoyaltyBalance: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/export_customer_balance'],
  exportLoyaltyBalances: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/export_customer_balances'],
  exportLoyaltyCardBalances: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/export_card_balances'],
  exportLoyaltyCardLedger: [
    'GET',
    '/v1/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}/export_log',
  ],
  exportLoyaltyCards: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/cards/export'],
  exportLoyaltyJoinDates: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/export_join_dates'],
  exportLoyaltyLedger: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}/export_log'],
  exportPoolGiveaways: ['GET', '/v1/giveaways/pools/{poolId}/export'],
  exportReferrals: ['GET', '/v1/applications/{applicationId}/export_referrals'],
  generateCouponRejections: ['GET', '/v1/coupon_rejections'],
  getAccessLogsWithoutTotalCount: ['GET', '/v1/applications/{applicationId}/access_logs/no_total'],
  getAccount: ['GET', '/v1/accounts/{accountId}'],
  getAccountAnalytics: ['GET', '/v1/accounts/{accountId}/analytics'],
  getAccountCollection: ['GET', '/v1/collections/{collectionId}'],
  getAchievement: [
    'GET',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/achievements/{achievementId}',
  ],
  getAdditionalCost: ['GET', '/v1/additional_costs/{additionalCostId}'],
  getAdditionalCosts: ['GET', '/v1/additional_costs'],
  getApplication: ['GET', '/v1/applications/{applicationId}'],
  getApplicationApiHealth: ['GET', '/v1/applications/{applicationId}/health_report'],
  getApplicationCartItemFilterExpression: [
    'GET',
    '/v1/applications/{applicationId}/cart_item_filters/{cartItemFilterId}/expressions/{expressionId}',
  ],
  getApplicationCustomer: ['GET', '/v1/applications/{applicationId}/customers/{customerId}'],
  getApplicationCustomerFriends: ['GET', '/v1/applications/{applicationId}/profile/{integrationId}/friends'],
  getApplicationCustomers: ['GET', '/v1/applications/{applicationId}/customers'],
  getApplicationCustomersByAttributes: ['POST', '/v1/applications/{applicationId}/customer_search'],
  getApplicationEventsWithoutTotalCount: ['GET', '/v1/applications/{applicationId}/events/no_total'],
  getApplicationEventTypes: ['GET', '/v1/applications/{applicationId}/event_types'],
  getApplications: ['GET', '/v1/applications'],
  getAttribute: ['GET', '/v1/attributes/{attributeId}'],
  getAttributes: ['GET', '/v1/attributes'],
  getAudienceMemberships: ['GET', '/v1/audiences/{audienceId}/memberships'],
  getAudiences: ['GET', '/v1/audiences'],
  getAudiencesAnalytics: ['GET', '/v1/audiences/analytics'],
  getCampaign: ['GET', '/v1/applications/{applicationId}/campaigns/{campaignId}'],
  getCampaignAnalytics: ['GET', '/v1/applications/{applicationId}/campaigns/{campaignId}/analytics'],
  getCampaignByAttributes: ['POST', '/v1/applications/{applicationId}/campaigns_search'],
  getCampaignGroup: ['GET', '/v1/campaign_groups/{campaignGroupId}'],
  getCampaignGroups: ['GET', '/v1/campaign_groups'],
  getCampaignTemplates: ['GET', '/v1/campaign_templates'],
  getChanges: ['GET', '/v1/changes'],
  getCollection: [
    'GET',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/collections/{collectionId}',
  ],
  getCollectionItems: ['GET', '/v1/collections/{collectionId}/items'],
  getCustomerActivityReport: [
    'GET',
    '/v1/applications/{applicationId}/customer_activity_reports/{customerId}',
  ],
  getCustomerActivityReportsWithoutTotalCount: [
    'GET',
    '/v1/applications/{applicationId}/customer_activity_reports/no_total',
  ],
  getCustomerAnalytics: ['GET', '/v1/applications/{applicationId}/customers/{customerId}/analytics'],
  getCustomerProfileAchievementProgress: [
    'GET',
    '/v1/applications/{applicationId}/achievement_progress/{integrationId}',
  ],
  getCustomersByAttributes: ['POST', '/v1/customer_search/no_total'],
  getDashboardStatistics: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/dashboard'],
  getEventTypes: ['GET', '/v1/event_types'],
  getExperiment: ['GET', '/v1/applications/{applicationId}/experiments/{experimentId}'],
  getExports: ['GET', '/v1/exports'],
  getLoyaltyCardTransactionLogs: [
    'GET',
    '/v1/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}/logs',
  ],
  getLoyaltyLedgerBalances: [
    'GET',
    '/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}/ledger_balances',
  ],
  getLoyaltyPoints: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}'],
  getLoyaltyProgramProfileLedgerTransactions: [
    'GET',
    '/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}/ledger_transactions',
  ],
  getLoyaltyProgramTransactions: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/transactions'],
  getLoyaltyStatistics: ['GET', '/v1/loyalty_programs/{loyaltyProgramId}/statistics'],
  getMessageLogs: ['GET', '/v1/message_logs'],
  getReferralsWithoutTotalCount: [
    'GET',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/referrals/no_total',
  ],
  getRoleV2: ['GET', '/v2/roles/{roleId}'],
  getRuleset: ['GET', '/v1/applications/{applicationId}/campaigns/{campaignId}/rulesets/{rulesetId}'],
  getRulesets: ['GET', '/v1/applications/{applicationId}/campaigns/{campaignId}/rulesets'],
  getRulesetV2: ['GET', '/v2/applications/{applicationId}/campaigns/{campaignId}/rulesets/{rulesetId}'],
  getStore: ['GET', '/v1/applications/{applicationId}/stores/{storeId}'],
  getUser: ['GET', '/v1/users/{userId}'],
  getUsers: ['GET', '/v1/users'],
  getWebhook: ['GET', '/v1/webhooks/{webhookId}'],
  getWebhooks: ['GET', '/v1/webhooks'],
  importAccountCollection: ['POST', '/v1/collections/{collectionId}/import'],
  importAllowedList: ['POST', '/v1/attributes/{attributeId}/allowed_list/import'],
  importAudiencesMemberships: ['POST', '/v1/audiences/{audienceId}/memberships/import'],
  importCampaignStoreBudget: [
    'POST',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/stores/budgets/import',
  ],
  importCampaignStores: ['POST', '/v1/applications/{applicationId}/campaigns/{campaignId}/stores/import'],
  importCollection: [
    'POST',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/collections/{collectionId}/import',
  ],
  importCoupons: ['POST', '/v1/applications/{applicationId}/campaigns/{campaignId}/import_coupons'],
  importLoyaltyCards: ['POST', '/v1/loyalty_programs/{loyaltyProgramId}/import_cards'],
  importLoyaltyCustomersTiers: ['POST', '/v1/loyalty_programs/{loyaltyProgramId}/import_customers_tiers'],
  importLoyaltyJoinDates: ['POST', '/v1/loyalty_programs/{loyaltyProgramId}/import_join_dates'],
  importLoyaltyPoints: ['POST', '/v1/loyalty_programs/{loyaltyProgramId}/import_points'],
  importPoolGiveaways: ['POST', '/v1/giveaways/pools/{poolId}/import'],
  importReferrals: ['POST', '/v1/applications/{applicationId}/campaigns/{campaignId}/import_referrals'],
  inviteUserExternal: ['POST', '/v1/users/invite'],
  listAccountCollections: ['GET', '/v1/collections'],
  listAchievements: ['GET', '/v1/applications/{applicationId}/campaigns/{campaignId}/achievements'],
  listAllRolesV2: ['GET', '/v2/roles'],
  listApplicationCartItemFilters: ['GET', '/v1/applications/{applicationId}/cart_item_filters'],
  listCampaignStoreBudgetLimits: [
    'GET',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/stores/budgets',
  ],
  listCatalogItems: ['GET', '/v1/catalogs/{catalogId}/items'],
  listCollections: ['GET', '/v1/applications/{applicationId}/campaigns/{campaignId}/collections'],
  listCollectionsInApplication: ['GET', '/v1/applications/{applicationId}/collections'],
  listExperiments: ['GET', '/v1/applications/{applicationId}/experiments'],
  listStores: ['GET', '/v1/applications/{applicationId}/stores'],
  oktaEventHandlerChallenge: ['GET', '/v1/provisioning/okta'],
  priceHistory: ['POST', '/v1/applications/{applicationId}/price_history'],
  resetPassword: ['POST', '/v1/reset_password'],
  scimCreateGroup: ['POST', '/v1/provisioning/scim/Groups'],
  scimCreateUser: ['POST', '/v1/provisioning/scim/Users'],
  scimDeleteGroup: ['DELETE', '/v1/provisioning/scim/Groups/{groupId}'],
  scimDeleteUser: ['DELETE', '/v1/provisioning/scim/Users/{userId}'],
  scimGetGroup: ['GET', '/v1/provisioning/scim/Groups/{groupId}'],
  scimGetGroups: ['GET', '/v1/provisioning/scim/Groups'],
  scimGetResourceTypes: ['GET', '/v1/provisioning/scim/ResourceTypes'],
  scimGetSchemas: ['GET', '/v1/provisioning/scim/Schemas'],
  scimGetServiceProviderConfig: ['GET', '/v1/provisioning/scim/ServiceProviderConfig'],
  scimGetUser: ['GET', '/v1/provisioning/scim/Users/{userId}'],
  scimGetUsers: ['GET', '/v1/provisioning/scim/Users'],
  scimPatchGroup: ['PATCH', '/v1/provisioning/scim/Groups/{groupId}'],
  scimPatchUser: ['PATCH', '/v1/provisioning/scim/Users/{userId}'],
  scimReplaceGroupAttributes: ['PUT', '/v1/provisioning/scim/Groups/{groupId}'],
  scimReplaceUserAttributes: ['PUT', '/v1/provisioning/scim/Users/{userId}'],
  searchCouponsAdvancedApplicationWideWithoutTotalCount: [
    'POST',
    '/v1/applications/{applicationId}/coupons_search_advanced/no_total',
  ],
  searchCouponsAdvancedWithoutTotalCount: [
    'POST',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/coupons_search_advanced/no_total',
  ],
  summarizeCampaignStoreBudget: [
    'GET',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/stores/budgets/summary',
  ],
  updateAccountCollection: ['PUT', '/v1/collections/{collectionId}'],
  updateAchievement: [
    'PUT',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/achievements/{achievementId}',
  ],
  updateAdditionalCost: ['PUT', '/v1/additional_costs/{additionalCostId}'],
  updateAttribute: ['PUT', '/v1/attributes/{attributeId}'],
  updateCampaign: ['PUT', '/v1/applications/{applicationId}/campaigns/{campaignId}'],
  updateCollection: [
    'PUT',
    '/v1/applications/{applicationId}/campaigns/{campaignId}/collections/{collectionId}',
  ],
  updateCouponBatch: ['PUT', '/v1/applications/{applicationId}/campaigns/{campaignId}/coupons'],
  updateReferral: ['PUT', '/v1/applications/{applicationId}/campaigns/{campaignId}/referrals/{referralId}'],
  updateRoleV2: ['PUT', '/v2/roles/{roleId}'],
  updateStore: ['PUT', '/v1/applications/{applicationId}/stores/{storeId}'],
  updateUser: ['PUT', '/v1/users/{userId}'],
};

/** The 501 route of one Management operation the fake does not implement. */
function notImplemented(id: ManagementOperationId, method: Method, path: string): Route {
  return {
    id,
    method,
    path,
    auth: 'managementKey',
    handle: () =>
      fail(
        501,
        `The fake Talon.One does not implement the Management operation ${id} (${method} ${path}); see the talon-fetch/testing README for the Management operations it keeps state for`,
        [{ title: 'Not implemented', details: `${id} is not simulated by the fake` }],
      ),
  };
}

/** The 501 routes, by operationId. */
export const NOT_IMPLEMENTED_ROUTES = Object.fromEntries(
  Object.entries(REQUEST_LINES).map(([id, [method, path]]) => [
    id,
    notImplemented(id as ManagementOperationId, method, path),
  ]),
) as Readonly<Record<Exclude<ManagementOperationId, StatefulManagementOperation>, Route>>;
