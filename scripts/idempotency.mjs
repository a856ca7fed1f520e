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
// Data only (plus two helpers to write it compactly): per API, the operations that follow the
// rule with nothing more to say are listed by class (safe`…`, unsafe`…`, safeRepeat404`…`), the
// others as objects; every list sorted by name. A name given twice throws.

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

/** Entries of one class (plus `extra` fields) for the names of a template, separated by white space. */
const plain =
  (cls, extra = {}) =>
  ([text]) =>
    Object.fromEntries(
      text
        .trim()
        .split(/\s+/)
        .map((id) => [id, { class: cls, ...extra }]),
    );
/** Rule-following entries, by class: safe`name name …`, unsafe`…`; safeRepeat404`…` for deletes of one resource. */
const safe = plain('safe');
const unsafe = plain('unsafe');
const safeRepeat404 = plain('safe', { repeat404: true });

/** The groups merged into one table; a name given twice is an error, not a silent override. */
function table(...groups) {
  const out = {};
  for (const group of groups)
    for (const [id, entry] of Object.entries(group)) {
      if (Object.hasOwn(out, id)) throw new Error(`scripts/idempotency.mjs: ${id} is classified twice`);
      out[id] = entry;
    }
  return out;
}

/**
 * @type {Record<string, Idempotency>} The Integration API, release 26.13 (39 operations): rule-following
 * entries by class, then the ones with more to say.
 */
export const INTEGRATION = table(
  safe`
    deleteAudienceMembershipsV2 getCustomerAchievementHistory getCustomerAchievements
    getCustomerInventory getCustomerSession getEventV3 getLoyaltyBalances getLoyaltyCardBalances
    getLoyaltyCardPoints getLoyaltyCardTransactions getLoyaltyProgramProfilePoints
    getLoyaltyProgramProfileTransactions getReservedCustomers integrationGetAllCampaigns
    updateAudienceCustomersAttributes updateAudienceV2
  `,
  safeRepeat404`
    deleteAudienceV2 deleteCustomerData
  `,
  unsafe`
    createReferral createReferralsForMultipleAdvocates
  `,
  {
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
    deleteCouponReservation: {
      class: 'safe',
      reason: 'removes the reservations, not the coupon: a repeat finds none to remove and answers 204',
    },
    deleteLoyaltyTransactionsFromLedgers: {
      class: 'safe',
      reason: 'a delete (POST for its body): a repeat finds nothing more to delete',
    },
    generateLoyaltyCard: {
      class: 'unsafe',
      reason: 'creates a card: a repeat makes a second one, or answers 400 for a given cardIdentifier',
    },
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
    updateCustomerProfileAudiences: {
      class: 'safe',
      reason: 'adds and removes audience memberships, a set: a repeat leaves the same members',
    },
    updateCustomerProfilesV2: {
      class: 'key',
      keySince: '26.15',
      reason:
        'Talon.One honours a key for it; without one it is treated as unsafe (audience changes, profile creation)',
    },
    updateCustomerProfileV2: {
      class: 'key',
      keySince: '26.15',
      conflict: 'parallel',
      reason: 'runs the rule engine: without a key, effects of a repeat (points, coupons) may apply again',
    },
    updateCustomerSessionV2: {
      class: 'body',
      rule: 'sessionStaysOpen',
      keySince: '26.15',
      conflict: 'parallel',
      reason:
        'safe while the session stays open (state open or absent) or with dry: true; closing, cancelling or returning applies effects and answers 400 on a repeat. With a key always safe',
    },
  },
);

/**
 * @type {Record<string, Idempotency>} The legacy operations of the 2021 release (no
 * `Idempotency-Key` for them).
 */
export const LEGACY = table({
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
});

/**
 * @type {Record<string, Idempotency>} The Management API, release 26.13 (186 operations): the
 * method rule, with the exceptions that say why.
 */
export const MANAGEMENT = table(
  safe`
    deleteCampaignStoreBudgets deleteCoupons disconnectCampaignStores
    exportAccountCollectionItems exportAchievements exportApplicationCampaignAnalytics
    exportAudiencesMemberships exportCampaignStoreBudgets exportCampaignStores
    exportCampaignValueMap exportCollectionItems exportCoupons exportCustomerSessions
    exportCustomersTiers exportEffects exportLoyaltyBalance exportLoyaltyBalances
    exportLoyaltyCardBalances exportLoyaltyCardLedger exportLoyaltyCards exportLoyaltyJoinDates
    exportLoyaltyLedger exportPoolGiveaways exportReferrals generateCouponRejections
    getAccessLogsWithoutTotalCount getAccount getAccountAnalytics getAccountCollection
    getAchievement getAdditionalCost getAdditionalCosts getApplication getApplicationApiHealth
    getApplicationCartItemFilterExpression getApplicationCustomer getApplicationCustomerFriends
    getApplicationCustomers getApplicationEventsWithoutTotalCount getApplicationEventTypes
    getApplications getApplicationSession getApplicationSessions getAttribute getAttributes
    getAudienceMemberships getAudiences getAudiencesAnalytics getCampaign getCampaignAnalytics
    getCampaignGroup getCampaignGroups getCampaigns getCampaignTemplates getChanges
    getCollection getCollectionItems getCouponsWithoutTotalCount getCustomerActivityReport
    getCustomerActivityReportsWithoutTotalCount getCustomerAnalytics getCustomerProfile
    getCustomerProfileAchievementProgress getCustomerProfiles getDashboardStatistics
    getEventTypes getExperiment getExports getLoyaltyCard getLoyaltyCards
    getLoyaltyCardTransactionLogs getLoyaltyLedgerBalances getLoyaltyPoints getLoyaltyProgram
    getLoyaltyProgramProfileLedgerTransactions getLoyaltyPrograms getLoyaltyProgramTransactions
    getLoyaltyStatistics getMessageLogs getReferralsWithoutTotalCount getRoleV2 getRuleset
    getRulesets getRulesetV2 getStore getUser getUsers getWebhook getWebhooks
    listAccountCollections listAchievements listAllRolesV2 listApplicationCartItemFilters
    listCampaignStoreBudgetLimits listCatalogItems listCollections listCollectionsInApplication
    listExperiments listStores oktaEventHandlerChallenge scimGetGroup scimGetGroups
    scimGetResourceTypes scimGetSchemas scimGetServiceProviderConfig scimGetUser scimGetUsers
    scimReplaceGroupAttributes scimReplaceUserAttributes summarizeCampaignStoreBudget
    updateAchievement updateAdditionalCost updateAttribute updateCampaign updateCollection
    updateCoupon updateCouponBatch updateLoyaltyCard updateReferral updateRoleV2 updateStore
    updateUser
  `,
  safeRepeat404`
    deleteAccountCollection deleteAchievement deleteCampaign deleteCollection deleteCoupon
    deleteLoyaltyCard deleteReferral deleteStore deleteUser scimDeleteGroup scimDeleteUser
  `,
  unsafe`
    copyCampaignToApplications createAdditionalCost createAttribute createBatchLoyaltyCards
    createCampaignFromTemplate createCollection createCoupons createCouponsAsynchronously
    createCouponsDeletionJob createCouponsForMultipleRecipients createInviteEmail createInviteV2
    createPasswordRecoveryEmail createSession importAccountCollection importAllowedList
    importAudiencesMemberships importCampaignStoreBudget importCampaignStores importCollection
    importCoupons importLoyaltyCards importLoyaltyCustomersTiers importLoyaltyJoinDates
    importLoyaltyPoints importPoolGiveaways importReferrals inviteUserExternal resetPassword
    scimCreateGroup scimCreateUser scimPatchGroup scimPatchUser
  `,
  {
    activateUserByEmail: { class: 'safe', reason: 'sets the user enabled: a repeat leaves it enabled' },
    addLoyaltyCardPoints: { class: 'unsafe', reason: 'adds points: a repeat adds them again' },
    addLoyaltyPoints: { class: 'unsafe', reason: 'adds points: a repeat adds them again' },
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
    createCampaignStoreBudget: {
      class: 'unsafe',
      conflict: 'exists',
      reason: 'creates: a repeat may answer 409',
    },
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
    deleteUserByEmail: {
      class: 'safe',
      repeat404: true,
      reason: 'a delete (POST by email): a repeat deletes nothing more, and may answer 404',
    },
    destroySession: {
      class: 'unsafe',
      reason: 'logs the session out: a repeat answers 401, the token being gone',
    },
    getApplicationCustomersByAttributes: {
      class: 'safe',
      reason: 'a search (POST for its filter body): reads only',
    },
    getCampaignByAttributes: { class: 'safe', reason: 'a search (POST for its filter body): reads only' },
    getCustomersByAttributes: { class: 'safe', reason: 'a search (POST for its filter body): reads only' },
    priceHistory: {
      class: 'safe',
      reason: 'a read (POST for its body): answers price history, changes nothing',
    },
    removeLoyaltyPoints: {
      class: 'unsafe',
      reason: 'deducts points: a repeat deducts them again (or answers 400 for a balance too low)',
    },
    searchCouponsAdvancedApplicationWideWithoutTotalCount: {
      class: 'safe',
      reason: 'a search (POST for its filter body): reads only',
    },
    searchCouponsAdvancedWithoutTotalCount: {
      class: 'safe',
      reason: 'a search (POST for its filter body): reads only',
    },
    transferLoyaltyCard: {
      class: 'unsafe',
      reason:
        'moves the card to a new card and blocks the old one: a repeat answers 400 for the blocked card',
    },
    updateAccountCollection: {
      class: 'safe',
      conflict: 'exists',
      reason: 'sets the collection; its 409 (another collection has that name) is never retried',
    },
  },
);

/** Every operation's classification by operationId (the three APIs share no operationId). */
export const IDEMPOTENCY = table(INTEGRATION, LEGACY, MANAGEMENT);
