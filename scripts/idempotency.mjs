// Which operations may be repeated: the idempotency classification of every operation of the
// Talon.One API (the 39 Integration operations of the current release, the 3 legacy ones, the 186
// Management ones), as data. The generator reads it into each operation's description, the
// transport's retry decision uses it (src/core/idempotency.ts holds the runtime rules), and
// docs/reliability.md shows it (scripts/reliability-table.mjs). test/generator/idempotency.test.ts
// keeps it covering exactly the spec's operations and agreeing with the reviewed method rule below.
//
// The classes:
// - `safe`: repeating cannot change the outcome (reads, PUTs that set a whole resource or value,
//   deletes, set-like adds and removes). A safe DELETE of one resource (path ending in its id) has
//   `repeat404: true`: a repeat whose earlier attempt did delete answers 404; the resource is gone
//   as asked, and the transport must not report that 404 as "nothing was applied".
// - `key`: not safe by itself, but Talon.One honours an `Idempotency-Key` for it (`keySince`: the
//   release whose text documents it): a call that carries a key is safe to repeat for 24 hours.
// - `unsafe`: a repeat may apply twice (points, codes, events, cards) or answer a confident 4xx
//   (a second ADD, "already a member", "already exists") for something that was applied.
// - `body`: safe or not by the request body; `rule` names the check in src/core/idempotency.ts.
//
// `conflict` says what the operation's 409 means: `parallel` (Talon.One's limit of parallel
// requests on one session or profile: retryable, with backoff, when the call carries a key) or
// `exists` (the thing exists already: never retried).
//
// The reviewed rule the entries follow unless they give a `reason`: GET, PUT and DELETE are safe;
// POST and PATCH are unsafe. Every entry that departs from it says why.
//
// Data only. Keep one entry per operation, sorted by name within each API.

/**
 * @typedef {'safe' | 'key' | 'unsafe' | 'body'} Repeatability
 * @typedef {{
 *   class: Repeatability,
 *   reason?: string,
 *   keySince?: '26.13' | '26.15',
 *   rule?: 'sessionStaysOpen' | 'legacySessionStaysOpen',
 *   conflict?: 'parallel' | 'exists',
 *   repeat404?: true,
 * }} Idempotency
 */

/** What each class means, for the documentation. */
export const CLASSES = {
  safe: 'repeating cannot change the outcome: retried after any retryable failure',
  key: 'safe with an `Idempotency-Key` (Talon.One answers a repeat from its store for 24 hours); unsafe without one',
  unsafe:
    'a repeat may apply twice or answer a confident 4xx: retried only after failures that prove nothing was applied',
  body: 'safe or unsafe by the request body (see its rule)',
};

/** The rule entries follow unless they give a reason. */
export function methodRule(method) {
  return method === 'POST' || method === 'PATCH' ? 'unsafe' : 'safe';
}

/** @type {Record<string, Idempotency>} The Integration API, release 26.13 (39 operations). */
export const INTEGRATION = {
  activateLoyaltyPoints: {
    class: 'unsafe',
    reason: 'activates pending points: a repeat answers without the entries the first attempt activated',
  },
  bestPriorPrice: { class: 'safe', reason: 'a read (POST for its body): changes nothing' },
  createAudienceV2: {
    class: 'unsafe',
    conflict: 'exists',
    reason: 'creates an audience: a repeat makes a second one, or answers 409 for its integrationId',
  },
  createCouponReservation: {
    class: 'safe',
    reason: 'reservations are a set: reserving for the same profiles again leaves the same reservations',
  },
  createReferral: { class: 'unsafe' },
  createReferralsForMultipleAdvocates: { class: 'unsafe' },
  deleteAudienceMembershipsV2: { class: 'safe' },
  deleteAudienceV2: { class: 'safe', repeat404: true },
  deleteCouponReservation: {
    class: 'safe',
    reason: 'removes the reservations, not the coupon: a repeat finds none to remove and answers 204',
  },
  deleteCustomerData: { class: 'safe', repeat404: true },
  deleteLoyaltyTransactionsFromLedgers: {
    class: 'safe',
    reason: 'a delete (POST for its body): a repeat finds nothing more to delete',
  },
  generateLoyaltyCard: {
    class: 'unsafe',
    reason: 'creates a card: a repeat makes a second one, or answers 400 for a given cardIdentifier',
  },
  getCustomerAchievementHistory: { class: 'safe' },
  getCustomerAchievements: { class: 'safe' },
  getCustomerInventory: { class: 'safe' },
  getCustomerSession: { class: 'safe' },
  getEventV3: { class: 'safe' },
  getLoyaltyBalances: { class: 'safe' },
  getLoyaltyCardBalances: { class: 'safe' },
  getLoyaltyCardPoints: { class: 'safe' },
  getLoyaltyCardTransactions: { class: 'safe' },
  getLoyaltyProgramProfilePoints: { class: 'safe' },
  getLoyaltyProgramProfileTransactions: { class: 'safe' },
  getReservedCustomers: { class: 'safe' },
  integrationGetAllCampaigns: { class: 'safe' },
  joinLoyaltyProgram: { class: 'unsafe', reason: 'a repeat answers 400: the profile is a member already' },
  linkLoyaltyCardToProfile: {
    class: 'unsafe',
    reason: 'the API does not document a second link as a no-op: a repeat may answer 400 (card user limit)',
  },
  reopenCustomerSession: {
    class: 'key',
    keySince: '26.15',
    reason: 'without a key a repeat answers 400: only a closed session can be reopened',
  },
  returnCartItems: {
    class: 'key',
    keySince: '26.13',
    reason: 'without a key a repeat returns the items again (or answers 400)',
  },
  syncCatalog: {
    class: 'unsafe',
    reason: 'a PUT of actions, not of a resource: a repeated ADD answers 400 (the item exists already)',
  },
  trackEventV2: {
    class: 'key',
    keySince: '26.15',
    conflict: 'parallel',
    reason: 'without a key a repeat is a second event: its rules apply again',
  },
  trackEventV3: {
    class: 'unsafe',
    conflict: 'exists',
    reason:
      'a repeat answers 409: an event with that integrationId exists already (its 409 may also be the parallel-request limit; it cannot tell them apart, so it is never retried)',
  },
  unlinkLoyaltyCardFromProfile: {
    class: 'unsafe',
    reason: 'a repeat answers 400: the profile is not linked any more',
  },
  updateAudienceCustomersAttributes: { class: 'safe' },
  updateAudienceV2: { class: 'safe' },
  updateCustomerProfileAudiences: {
    class: 'safe',
    reason: 'adds and removes audience memberships, a set: a repeat leaves the same members',
  },
  updateCustomerProfileV2: {
    class: 'key',
    keySince: '26.15',
    conflict: 'parallel',
    reason: 'runs the rule engine: without a key, effects of a repeat (points, coupons) may apply again',
  },
  updateCustomerProfilesV2: {
    class: 'key',
    keySince: '26.15',
    reason:
      'Talon.One honours a key for it; without one it is treated as unsafe (audience changes, profile creation)',
  },
  updateCustomerSessionV2: {
    class: 'body',
    rule: 'sessionStaysOpen',
    keySince: '26.15',
    conflict: 'parallel',
    reason:
      'safe while the session stays open (state open or absent) or with dry: true; closing, cancelling or returning applies effects and answers 400 on a repeat. With a key always safe',
  },
};

/**
 * @type {Record<string, Idempotency>} The legacy operations of the 2021 release (no
 * `Idempotency-Key` for them).
 */
export const LEGACY = {
  trackEvent: { class: 'unsafe', reason: 'a repeat is a second event: its rules apply again' },
  updateCustomerProfile: {
    class: 'unsafe',
    reason: 'runs the rule engine: effects of a repeat (points, coupons) may apply again',
  },
  updateCustomerSession: {
    class: 'body',
    rule: 'legacySessionStaysOpen',
    reason: 'as updateCustomerSessionV2: safe while the session stays open or with dry: true',
  },
};

/**
 * @type {Record<string, Idempotency>} The Management API, release 26.13 (186 operations): the
 * method rule, with the exceptions that say why.
 */
export const MANAGEMENT = {
  activateUserByEmail: { class: 'safe', reason: 'sets the user enabled: a repeat leaves it enabled' },
  addLoyaltyCardPoints: { class: 'unsafe', reason: 'adds points: a repeat adds them again' },
  addLoyaltyPoints: { class: 'unsafe', reason: 'adds points: a repeat adds them again' },
  copyCampaignToApplications: { class: 'unsafe' },
  createAccountCollection: {
    class: 'unsafe',
    conflict: 'exists',
    reason: 'creates: a repeat answers 409 (the name exists)',
  },
  createAchievement: {
    class: 'unsafe',
    conflict: 'exists',
    reason: 'creates: a repeat answers 409 (the name exists)',
  },
  createAdditionalCost: { class: 'unsafe' },
  createAttribute: { class: 'unsafe' },
  createBatchLoyaltyCards: { class: 'unsafe' },
  createCampaignFromTemplate: { class: 'unsafe' },
  createCampaignStoreBudget: {
    class: 'unsafe',
    conflict: 'exists',
    reason: 'creates: a repeat may answer 409',
  },
  createCollection: { class: 'unsafe' },
  createCoupons: { class: 'unsafe' },
  createCouponsAsynchronously: { class: 'unsafe' },
  createCouponsDeletionJob: { class: 'unsafe' },
  createCouponsForMultipleRecipients: { class: 'unsafe' },
  createInviteEmail: { class: 'unsafe' },
  createInviteV2: { class: 'unsafe' },
  createPasswordRecoveryEmail: { class: 'unsafe' },
  createSession: { class: 'unsafe' },
  createStore: {
    class: 'unsafe',
    conflict: 'exists',
    reason: 'creates: a repeat answers 409 (the integration ID exists)',
  },
  deactivateUserByEmail: { class: 'safe', reason: 'sets the user disabled: a repeat leaves it disabled' },
  deductLoyaltyCardPoints: {
    class: 'unsafe',
    reason: 'deducts points: a repeat deducts them again (or answers 400 for a balance too low)',
  },
  deleteAccountCollection: { class: 'safe', repeat404: true },
  deleteAchievement: { class: 'safe', repeat404: true },
  deleteCampaign: { class: 'safe', repeat404: true },
  deleteCampaignStoreBudgets: { class: 'safe' },
  deleteCollection: { class: 'safe', repeat404: true },
  deleteCoupon: { class: 'safe', repeat404: true },
  deleteCoupons: { class: 'safe' },
  deleteLoyaltyCard: { class: 'safe', repeat404: true },
  deleteReferral: { class: 'safe', repeat404: true },
  deleteStore: { class: 'safe', repeat404: true },
  deleteUser: { class: 'safe', repeat404: true },
  deleteUserByEmail: {
    class: 'safe',
    repeat404: true,
    reason: 'a delete (POST by email): a repeat deletes nothing more, and may answer 404',
  },
  destroySession: {
    class: 'unsafe',
    reason: 'logs the session out: a repeat answers 401, the token being gone',
  },
  disconnectCampaignStores: { class: 'safe' },
  exportAccountCollectionItems: { class: 'safe' },
  exportAchievements: { class: 'safe' },
  exportApplicationCampaignAnalytics: { class: 'safe' },
  exportAudiencesMemberships: { class: 'safe' },
  exportCampaignStoreBudgets: { class: 'safe' },
  exportCampaignStores: { class: 'safe' },
  exportCampaignValueMap: { class: 'safe' },
  exportCollectionItems: { class: 'safe' },
  exportCoupons: { class: 'safe' },
  exportCustomerSessions: { class: 'safe' },
  exportCustomersTiers: { class: 'safe' },
  exportEffects: { class: 'safe' },
  exportLoyaltyBalance: { class: 'safe' },
  exportLoyaltyBalances: { class: 'safe' },
  exportLoyaltyCardBalances: { class: 'safe' },
  exportLoyaltyCardLedger: { class: 'safe' },
  exportLoyaltyCards: { class: 'safe' },
  exportLoyaltyJoinDates: { class: 'safe' },
  exportLoyaltyLedger: { class: 'safe' },
  exportPoolGiveaways: { class: 'safe' },
  exportReferrals: { class: 'safe' },
  generateCouponRejections: { class: 'safe' },
  getAccessLogsWithoutTotalCount: { class: 'safe' },
  getAccount: { class: 'safe' },
  getAccountAnalytics: { class: 'safe' },
  getAccountCollection: { class: 'safe' },
  getAchievement: { class: 'safe' },
  getAdditionalCost: { class: 'safe' },
  getAdditionalCosts: { class: 'safe' },
  getApplication: { class: 'safe' },
  getApplicationApiHealth: { class: 'safe' },
  getApplicationCartItemFilterExpression: { class: 'safe' },
  getApplicationCustomer: { class: 'safe' },
  getApplicationCustomerFriends: { class: 'safe' },
  getApplicationCustomers: { class: 'safe' },
  getApplicationCustomersByAttributes: {
    class: 'safe',
    reason: 'a search (POST for its filter body): reads only',
  },
  getApplicationEventsWithoutTotalCount: { class: 'safe' },
  getApplicationEventTypes: { class: 'safe' },
  getApplications: { class: 'safe' },
  getApplicationSession: { class: 'safe' },
  getApplicationSessions: { class: 'safe' },
  getAttribute: { class: 'safe' },
  getAttributes: { class: 'safe' },
  getAudienceMemberships: { class: 'safe' },
  getAudiences: { class: 'safe' },
  getAudiencesAnalytics: { class: 'safe' },
  getCampaign: { class: 'safe' },
  getCampaignAnalytics: { class: 'safe' },
  getCampaignByAttributes: { class: 'safe', reason: 'a search (POST for its filter body): reads only' },
  getCampaignGroup: { class: 'safe' },
  getCampaignGroups: { class: 'safe' },
  getCampaigns: { class: 'safe' },
  getCampaignTemplates: { class: 'safe' },
  getChanges: { class: 'safe' },
  getCollection: { class: 'safe' },
  getCollectionItems: { class: 'safe' },
  getCouponsWithoutTotalCount: { class: 'safe' },
  getCustomerActivityReport: { class: 'safe' },
  getCustomerActivityReportsWithoutTotalCount: { class: 'safe' },
  getCustomerAnalytics: { class: 'safe' },
  getCustomerProfile: { class: 'safe' },
  getCustomerProfileAchievementProgress: { class: 'safe' },
  getCustomerProfiles: { class: 'safe' },
  getCustomersByAttributes: { class: 'safe', reason: 'a search (POST for its filter body): reads only' },
  getDashboardStatistics: { class: 'safe' },
  getEventTypes: { class: 'safe' },
  getExperiment: { class: 'safe' },
  getExports: { class: 'safe' },
  getLoyaltyCard: { class: 'safe' },
  getLoyaltyCards: { class: 'safe' },
  getLoyaltyCardTransactionLogs: { class: 'safe' },
  getLoyaltyLedgerBalances: { class: 'safe' },
  getLoyaltyPoints: { class: 'safe' },
  getLoyaltyProgram: { class: 'safe' },
  getLoyaltyProgramProfileLedgerTransactions: { class: 'safe' },
  getLoyaltyPrograms: { class: 'safe' },
  getLoyaltyProgramTransactions: { class: 'safe' },
  getLoyaltyStatistics: { class: 'safe' },
  getMessageLogs: { class: 'safe' },
  getReferralsWithoutTotalCount: { class: 'safe' },
  getRoleV2: { class: 'safe' },
  getRuleset: { class: 'safe' },
  getRulesets: { class: 'safe' },
  getRulesetV2: { class: 'safe' },
  getStore: { class: 'safe' },
  getUser: { class: 'safe' },
  getUsers: { class: 'safe' },
  getWebhook: { class: 'safe' },
  getWebhooks: { class: 'safe' },
  importAccountCollection: { class: 'unsafe' },
  importAllowedList: { class: 'unsafe' },
  importAudiencesMemberships: { class: 'unsafe' },
  importCampaignStoreBudget: { class: 'unsafe' },
  importCampaignStores: { class: 'unsafe' },
  importCollection: { class: 'unsafe' },
  importCoupons: { class: 'unsafe' },
  importLoyaltyCards: { class: 'unsafe' },
  importLoyaltyCustomersTiers: { class: 'unsafe' },
  importLoyaltyJoinDates: { class: 'unsafe' },
  importLoyaltyPoints: { class: 'unsafe' },
  importPoolGiveaways: { class: 'unsafe' },
  importReferrals: { class: 'unsafe' },
  inviteUserExternal: { class: 'unsafe' },
  listAccountCollections: { class: 'safe' },
  listAchievements: { class: 'safe' },
  listAllRolesV2: { class: 'safe' },
  listApplicationCartItemFilters: { class: 'safe' },
  listCampaignStoreBudgetLimits: { class: 'safe' },
  listCatalogItems: { class: 'safe' },
  listCollections: { class: 'safe' },
  listCollectionsInApplication: { class: 'safe' },
  listExperiments: { class: 'safe' },
  listStores: { class: 'safe' },
  oktaEventHandlerChallenge: { class: 'safe' },
  priceHistory: {
    class: 'safe',
    reason: 'a read (POST for its body): answers price history, changes nothing',
  },
  removeLoyaltyPoints: {
    class: 'unsafe',
    reason: 'deducts points: a repeat deducts them again (or answers 400 for a balance too low)',
  },
  resetPassword: { class: 'unsafe' },
  scimCreateGroup: { class: 'unsafe' },
  scimCreateUser: { class: 'unsafe' },
  scimDeleteGroup: { class: 'safe', repeat404: true },
  scimDeleteUser: { class: 'safe', repeat404: true },
  scimGetGroup: { class: 'safe' },
  scimGetGroups: { class: 'safe' },
  scimGetResourceTypes: { class: 'safe' },
  scimGetSchemas: { class: 'safe' },
  scimGetServiceProviderConfig: { class: 'safe' },
  scimGetUser: { class: 'safe' },
  scimGetUsers: { class: 'safe' },
  scimPatchGroup: { class: 'unsafe' },
  scimPatchUser: { class: 'unsafe' },
  scimReplaceGroupAttributes: { class: 'safe' },
  scimReplaceUserAttributes: { class: 'safe' },
  searchCouponsAdvancedApplicationWideWithoutTotalCount: {
    class: 'safe',
    reason: 'a search (POST for its filter body): reads only',
  },
  searchCouponsAdvancedWithoutTotalCount: {
    class: 'safe',
    reason: 'a search (POST for its filter body): reads only',
  },
  summarizeCampaignStoreBudget: { class: 'safe' },
  transferLoyaltyCard: {
    class: 'unsafe',
    reason: 'moves the card to a new card and blocks the old one: a repeat answers 400 for the blocked card',
  },
  updateAccountCollection: {
    class: 'safe',
    conflict: 'exists',
    reason: 'sets the collection; its 409 (another collection has that name) is never retried',
  },
  updateAchievement: { class: 'safe' },
  updateAdditionalCost: { class: 'safe' },
  updateAttribute: { class: 'safe' },
  updateCampaign: { class: 'safe' },
  updateCollection: { class: 'safe' },
  updateCoupon: { class: 'safe' },
  updateCouponBatch: { class: 'safe' },
  updateLoyaltyCard: { class: 'safe' },
  updateReferral: { class: 'safe' },
  updateRoleV2: { class: 'safe' },
  updateStore: { class: 'safe' },
  updateUser: { class: 'safe' },
};

/** Every operation's classification by operationId (the three APIs share no operationId). */
export const IDEMPOTENCY = { ...INTEGRATION, ...LEGACY, ...MANAGEMENT };
