// Hand-written documentation overlays for the generated endpoint modules: where the spec's own
// summary and description say too little, the text here is used instead (description), and every
// operation can get a better example than the mechanical one. Data only; read by scripts/gen.mjs.

/** @type {Record<string, { description?: string, example?: string, notes?: string, deprecated?: string }>} */
export const OVERLAYS = {
  activateLoyaltyPoints: {
    description:
      'Makes pending points of a loyalty program spendable: every point earned in one session (`body.sessionId`) or the points of the transactions listed in `body.transactionUUIDs`. Answers the ledger entries it activated.',
    example:
      "const result = await activateLoyaltyPoints(talon, { loyaltyProgramId: 12, body: { sessionId: 'cart-42' } });",
  },
  bestPriorPrice: {
    description:
      "Answers, for each SKU, its best prior price: worked out from the price history Talon.One keeps for it over the `timeframe` days (a number as a string, e.g. `'30'`) before `timeframeEndDate`. The API documents no error statuses for it.",
    example:
      "const result = await bestPriorPrice(talon, { body: { skus: ['SKU-1241028'], timeframe: '30', timeframeEndDate: new Date('2026-06-24T00:00:00Z'), timeframeEndDateType: 'strict' } });",
  },
  createAudienceV2: {
    description:
      "Creates an audience. For one of your own, give only `name`; to mirror an audience kept in another platform, also set `integrationId` to its ID there (and `integration` to the partner's name, such as `mparticle` or `segment`, for a supported technology partner). Answers the audience (HTTP 201); 409 when an audience with that `integrationId` already exists for the integration.",
    example:
      "const result = await createAudienceV2(talon, { body: { name: 'Newsletter subscribers', description: 'Opted in at checkout' } });",
  },
  createCouponReservation: {
    description:
      'Reserves a coupon for the customer profiles listed in the body (`integrationIDs`, up to 1,000), so that only they can redeem it. Answers the reserved coupon (HTTP 201).',
    example:
      "const result = await createCouponReservation(talon, { couponValue: 'SUMMER-10', body: { integrationIDs: ['user-1'] } });",
  },
  createReferral: {
    description:
      'Creates a referral code for an advocate in a referral campaign. Answers the referral with its generated `code` (HTTP 201).',
    example:
      "const result = await createReferral(talon, { body: { campaignId: 7, advocateProfileIntegrationId: 'user-1' } });",
  },
  createReferralsForMultipleAdvocates: {
    description:
      "Creates referral codes for several advocates at once. With `silent: 'no'` the API answers the created referrals (HTTP 201); with `silent: 'yes'` (the API's default when omitted) it answers 204 with no body, and the value is `undefined`.",
    example:
      "const result = await createReferralsForMultipleAdvocates(talon, { silent: 'no', body: { campaignId: 7, usageLimit: 1, advocateProfileIntegrationIds: ['a', 'b'] } });",
  },
  deleteAudienceMembershipsV2: {
    description:
      'Removes every member from an audience; the audience itself stays. Answers 204 with no body (value `undefined`); 404 when there is no such audience.',
    example: 'const result = await deleteAudienceMembershipsV2(talon, { audienceId: 17 });',
  },
  deleteAudienceV2: {
    description:
      'Deletes an audience and every membership in it (the customer profiles themselves stay). Answers 204 with no body (value `undefined`); 404 when there is no such audience.',
    example: 'const result = await deleteAudienceV2(talon, { audienceId: 17 });',
  },
  deleteCouponReservation: {
    description:
      'Removes the reservations of a coupon for the customer profiles listed in the body. Answers 204 with no body (value `undefined`).',
    example:
      "const result = await deleteCouponReservation(talon, { couponValue: 'SUMMER-10', body: { integrationIDs: ['user-1'] } });",
  },
  deleteCustomerData: {
    description:
      'Deletes all data of a customer profile (sessions, events, loyalty data; for data-protection requests). Answers 204 with no body (value `undefined`); 404 when the profile does not exist.',
    example: "const result = await deleteCustomerData(talon, { integrationId: 'user-1' });",
  },
  deleteLoyaltyTransactionsFromLedgers: {
    description:
      "Deletes a customer's transactions in a profile-based loyalty program: in every ledger (`scope: 'AllSubledgers'`) or only in the subledgers listed in `subledgerIds` (`scope: 'SelectedSubledgers'`). Answers 204 with no body (value `undefined`).",
    example:
      "const result = await deleteLoyaltyTransactionsFromLedgers(talon, { loyaltyProgramId: 12, integrationId: 'user-1', body: { scope: 'SelectedSubledgers', subledgerIds: ['fashion'] } });",
  },
  generateLoyaltyCard: {
    description:
      "Creates a loyalty card in a card-based program, optionally linked at once to the profiles in `customerProfileIds` (no more than the program's users-per-card limit). The card's identifier is `cardIdentifier` when given, else it follows the program's code format. Answers the card.",
    example:
      "const result = await generateLoyaltyCard(talon, { loyaltyProgramId: 14, body: { status: 'active', customerProfileIds: ['user-1'] } });",
  },
  getCustomerAchievementHistory: {
    description:
      "Lists a customer's progress records in one achievement, filtered by progress status and by creation date (`startDate`, `endDate`).",
    example:
      "const result = await getCustomerAchievementHistory(talon, { integrationId: 'user-1', achievementId: 5, progressStatus: ['completed'], pageSize: 50 });",
    notes:
      'Paginated (`{ data, totalResultSize }`): walk every page with `paginate`, `paginateItems` or `collectItems`.',
  },
  getCustomerAchievements: {
    description:
      'Lists the achievements open to a customer with their progress in each, filtered by campaign, achievement, achievement status or progress status.',
    example:
      "const result = await getCustomerAchievements(talon, { integrationId: 'user-1', achievementStatus: ['active'], currentProgressStatus: ['inprogress'], pageSize: 50 });",
    notes:
      'Paginated (`{ data, totalResultSize }`): walk every page with `paginate`, `paginateItems` or `collectItems`.',
  },
  getCustomerInventory: {
    description:
      'Reads what a customer holds: set the flags (`profile`, `referrals`, `coupons`, `loyalty`, `giveaways`, `achievements`) for the parts you want included.',
    example:
      "const result = await getCustomerInventory(talon, { integrationId: 'user-1', coupons: true, loyalty: true });",
  },
  getCustomerSession: {
    description:
      "Reads a customer session and the effects it currently has, without changing anything. updateCustomerSessionV2 answers the same data when it writes (ask for it with `responseContent: ['customerSession']`), so a read right after a write is rarely needed.",
    example: "const result = await getCustomerSession(talon, { customerSessionId: 'cart-42' });",
  },
  getEventV3: {
    description:
      'Reads an advanced event (one tracked with trackEventV3) by the `integrationId` it was tracked with. 404 when there is none.',
    example: "const result = await getEventV3(talon, { integrationId: 'evt-2026-06-24-0001' });",
  },
  getLoyaltyBalances: {
    description:
      "Reads a customer's point balances in a loyalty program, as at now or at `endDate`, for every subledger or one (`subledgerId`); `includeTiers` adds the current tier and the points to the next one, `includeProjectedTier` the projected tier. Balances are computed on each request, so narrow it with `subledgerId` where you can.",
    example:
      "const result = await getLoyaltyBalances(talon, { loyaltyProgramId: 12, integrationId: 'user-1', includeTiers: true });",
  },
  getLoyaltyCardBalances: {
    description:
      'Reads the point balances of a loyalty card, as at now or at `endDate`, for every subledger or the ones listed in `subledgerId`, with the profiles linked to the card.',
    example:
      "const result = await getLoyaltyCardBalances(talon, { loyaltyProgramId: 14, loyaltyCardId: 'CARD-7Q2X9K', subledgerId: ['fashion'] });",
  },
  getLoyaltyCardPoints: {
    description:
      'Lists the unused points on a loyalty card, one entry per batch of points: `active` (ready to spend), `pending` (start date still ahead) or `expired`, sortable by start or expiry date.',
    example:
      "const result = await getLoyaltyCardPoints(talon, { loyaltyProgramId: 14, loyaltyCardId: 'CARD-7Q2X9K', status: 'active', pageSize: 100 });",
    notes:
      'Paginated (`{ data, hasMore }`): walk every page with `paginate`, `paginateItems` or `collectItems`.',
  },
  getLoyaltyCardTransactions: {
    description:
      'Lists the transactions of a loyalty card, filtered by subledger, type, date range, session or transaction ID. Without filters the API answers the 50 latest.',
    example:
      "const result = await getLoyaltyCardTransactions(talon, { loyaltyProgramId: 14, loyaltyCardId: 'CARD-7Q2X9K', startDate: '2026-06-01T00:00:00Z', pageSize: 100 });",
    notes:
      'Paginated (`{ data, hasMore }`): walk every page with `paginate`, `paginateItems` or `collectItems`.',
  },
  getLoyaltyProgramProfilePoints: {
    description:
      "Lists a customer's unused points in a profile-based program, one entry per batch of points: `active` (ready to spend), `pending` (start date still ahead) or `expired`, sortable by start or expiry date.",
    example:
      "const result = await getLoyaltyProgramProfilePoints(talon, { loyaltyProgramId: 12, integrationId: 'user-1', status: 'pending', sort: 'expiryDate', pageSize: 100 });",
    notes:
      'Paginated (`{ data, hasMore }`): walk every page with `paginate`, `paginateItems` or `collectItems`.',
  },
  getLoyaltyProgramProfileTransactions: {
    description:
      "Lists a customer's loyalty transactions in a program, filtered by subledger, type, date range, session or transaction ID. Without filters the API answers the 50 latest.",
    example:
      "const result = await getLoyaltyProgramProfileTransactions(talon, { loyaltyProgramId: 12, integrationId: 'user-1', loyaltyTransactionType: 'session', startDate: new Date('2026-06-01T00:00:00Z'), pageSize: 50 });",
    notes:
      'Paginated (`{ data, hasMore }`): walk every page with `paginate`, `paginateItems` or `collectItems`.',
  },
  getReservedCustomers: {
    description:
      'Lists the customer profiles that hold a reservation of a coupon (`{ data: CustomerProfile[] }`).',
    example: "const result = await getReservedCustomers(talon, { couponValue: 'SUMMER-10' });",
  },
  integrationGetAllCampaigns: {
    description:
      'Lists the running campaigns of the Application the API key belongs to, filtered by campaign IDs, start and end date windows, store or audience.',
    example:
      "const result = await integrationGetAllCampaigns(talon, { startAfter: '2026-06-01T00:00:00Z', storeId: 3, pageSize: 100 });",
    notes:
      'Paginated (`{ data, hasMore }`): walk every page with `paginate`, `paginateItems` or `collectItems`.',
  },
  joinLoyaltyProgram: {
    description:
      'Enrols a customer in a profile-based loyalty program, creating the profile first when it does not exist. Fails when the program does not exist or the customer is already a member. Answers with no body (value `undefined`).',
    example:
      "const result = await joinLoyaltyProgram(talon, { loyaltyProgramId: 12, integrationId: 'user-1' });",
  },
  linkLoyaltyCardToProfile: {
    description:
      "Links a customer profile to a loyalty card, which makes the card registered; a card takes as many profiles as the program's card user limit allows. Answers the card.",
    example:
      "const result = await linkLoyaltyCardToProfile(talon, { loyaltyProgramId: 14, loyaltyCardId: 'CARD-7Q2X9K', body: { integrationId: 'user-1' } });",
  },
  reopenCustomerSession: {
    description:
      'Reopens a closed customer session so that it can be changed again: its state becomes `open`, the `talon_session_reopened` event is recorded, and what its closing did is rolled back (budgets, effects, pending loyalty points; a few kinds, such as awarded giveaways, created coupons and referrals, reservations and attribute updates, stay). Answers the effects of the rollback.',
    example: "const result = await reopenCustomerSession(talon, { customerSessionId: 'cart-42' });",
    notes:
      "To start a new order instead, cancel the closed session with updateCustomerSessionV2 (`state: 'cancelled'`) and create a new one.",
  },
  returnCartItems: {
    description:
      'Records the return of items of a closed session, each chosen by its `position` in `cartItems` or its `sku`, with a `quantity`. The session becomes `partially_returned` and the effects tied to those items are rolled back; `runRuleEngine: true` re-evaluates the campaigns that are set to re-evaluate on return. Answers the integration state.',
    example:
      "const result = await returnCartItems(talon, { customerSessionId: 'cart-42', runRuleEngine: true, body: { return: { returnedCartItems: [{ position: 0, quantity: 1 }] } } });",
    notes:
      "To make a repeated request harmless, send an `Idempotency-Key` header (a UUID, at most 255 characters) in the call options: `returnCartItems(talon, params, { headers: { 'Idempotency-Key': crypto.randomUUID() } })`. Talon.One keeps the answer to a keyed request for 24 hours. The SDK does not retry this POST unless `retry.methods` includes `'POST'`.",
  },
  syncCatalog: {
    description:
      'Changes the items of a cart item catalog: `ADD`, `PATCH`, `REMOVE` one item by SKU, `PATCH_MANY` or `REMOVE_MANY` the items an attribute filter selects, or `ADD_PRICE_ADJUSTMENT`. One action type per request, up to 1,000 items, SKUs unique within it. `payload` is a free-form object whose shape depends on `type` (for `ADD`: `sku`, `price`, `attributes`, `replaceIfExists`). Answers the catalog.',
    example:
      "const result = await syncCatalog(talon, { catalogId: 6, body: { actions: [{ type: 'ADD', payload: { sku: 'SKU-1241028', price: 99.99, replaceIfExists: true, attributes: { color: 'navy' } } }] } });",
  },
  trackEvent: {
    description:
      'Tracks a custom event for a customer profile with the 2021 (V1) Integration API and answers the resulting integration state with its effects (HTTP 201). `dry: true` evaluates without persisting.',
    example:
      "const result = await trackEvent(talon, { body: { profileId: 'user-1', sessionId: 'cart-1', type: 'pageView', attributes: {} } });",
    deprecated:
      'A 2021 (V1) operation that the current API no longer lists; use {@link trackEventV2} (POST /v2/events) or {@link trackEventV3} (POST /v3/events).',
  },
  trackEventV2: {
    description:
      "Tracks a custom event (defined in the Campaign Manager first) for a customer profile and runs the rules; an unknown `profileId` creates the profile. Set `body.profileId`: the API needs it although the schema does not mark it required. With `silent: 'no'` the answer carries the effects; with `silent: 'yes'` (the API's default when omitted) the API answers 204 with no body.",
    example:
      "const result = await trackEventV2(talon, { silent: 'no', body: { profileId: 'user-1', type: 'productShared', attributes: { channel: 'email' }, responseContent: ['triggeredCampaigns'] } });",
    notes:
      "The answer holds only the parts `body.responseContent` asks for (`customerProfile` only with `'customerProfile'`, and so on); `effects`, `createdCoupons` and `createdReferrals` are always there.\n\n409 when requests for the same customer run in parallel: send them one at a time. A 409 is retried only if you opt in, e.g. `retry: { statusCodes: [409, 408, 429, 500, 502, 503, 504], methods: ['POST'] }` (these lists replace the defaults). With POST opted in, network errors are retried too, which may record an event twice.",
  },
  trackEventV3: {
    description:
      "Tracks an advanced event: an event with its own `integrationId`, recorded at most once, that may point to a closed session (`connectedSessionId`) for the rules to read. An unknown `profileId` creates the profile. With `silent: 'no'` the answer carries the effects and what `responseContent` asks for (e.g. `advancedEvent`).",
    example:
      "const result = await trackEventV3(talon, { silent: 'no', body: { integrationId: 'evt-2026-06-24-0001', profileId: 'user-1', type: 'reviewSubmitted', connectedSessionId: 'cart-42' } });",
    notes:
      "Read a tracked event back with getEventV3.\n\n409 when requests for the same customer run in parallel: send them one at a time. A 409 is retried only if you opt in, e.g. `retry: { statusCodes: [409, 408, 429, 500, 502, 503, 504], methods: ['POST'] }` (these lists replace the defaults). A 409 can also mean that an event with this `integrationId` exists already, which no retry changes.",
  },
  unlinkLoyaltyCardFromProfile: {
    description:
      'Removes the link between a customer profile and a registered loyalty card. Answers the card.',
    example:
      "const result = await unlinkLoyaltyCardFromProfile(talon, { loyaltyProgramId: 14, loyaltyCardId: 'CARD-7Q2X9K', body: { integrationId: 'user-1' } });",
  },
  updateAudienceCustomersAttributes: {
    description:
      'Sets profile attributes on every customer in an audience. The body is a map of attribute names to values (the attributes must exist in the Campaign Manager). Answers 204 with no body (value `undefined`).',
    example:
      'const result = await updateAudienceCustomersAttributes(talon, { audienceId: 17, body: { NewsletterOptIn: true } });',
  },
  updateAudienceV2: {
    description:
      'Renames an audience created by an integration (and sets which Applications subscribe to it). It does not run the rules, and it does not change members: use updateCustomerProfileV2 or updateCustomerProfileAudiences for those.',
    example:
      "const result = await updateAudienceV2(talon, { audienceId: 17, body: { name: 'Newsletter subscribers (EU)' } });",
  },
  updateCustomerProfile: {
    description:
      'Creates or updates a customer profile with the 2021 (V1) Integration API and answers the integration state with its effects. `dry: true` evaluates without persisting.',
    example:
      "const result = await updateCustomerProfile(talon, { integrationId: 'user-1', body: { attributes: { Name: 'Ada' } } });",
    deprecated:
      'A 2021 (V1) operation that the current API no longer lists; use {@link updateCustomerProfileV2}.',
  },
  updateCustomerProfileAudiences: {
    description:
      'Adds customer profiles to audiences and removes them from others, in one request. Answers 204 with no body (value `undefined`).',
    example:
      "const result = await updateCustomerProfileAudiences(talon, { body: { data: [{ action: 'add', profileIntegrationId: 'user-1', audienceId: 3 }] } });",
  },
  updateCustomerProfileV2: {
    description:
      'Creates or updates a customer profile (attributes, audience memberships). With `runRuleEngine: true` the rules run and the answer carries effects; `dry: true` (with `runRuleEngine`) evaluates without persisting. The answer is a CustomerProfileIntegrationResponseV2 (the 2021 documents said IntegrationStateV2).',
    example:
      "const result = await updateCustomerProfileV2(talon, { integrationId: 'user-1', runRuleEngine: true, body: { attributes: { Name: 'Ada' }, responseContent: ['customerProfile'] } });",
    notes:
      "The answer holds only the parts `body.responseContent` asks for (`customerProfile` only with `'customerProfile'`, and so on).\n\n409 when requests for the same profile run in parallel: send them one at a time. A 409 is retried only if you opt in, e.g. `retry: { statusCodes: [409, 408, 429, 500, 502, 503, 504] }` (these lists replace the defaults).",
  },
  updateCustomerProfilesV2: {
    description:
      "Creates or updates up to 1,000 customer profiles in one request, without running the rules. With `silent: 'no'` the API answers the updated profiles; with `silent: 'yes'` (the API's default when omitted) it answers an empty 2xx and the value is `undefined`.",
    example:
      "const result = await updateCustomerProfilesV2(talon, { silent: 'no', body: { customerProfiles: [{ integrationId: 'user-1', attributes: {} }] } });",
  },
  updateCustomerSession: {
    description:
      'Creates or updates a customer session with the 2021 (V1) Integration API and answers the integration state with its effects. `dry: true` evaluates without persisting.',
    example:
      "const result = await updateCustomerSession(talon, { customerSessionId: 'cart-1', body: { profileId: 'user-1', state: 'open' } });",
    deprecated:
      'A 2021 (V1) operation that the current API no longer lists; use {@link updateCustomerSessionV2}.',
  },
  updateCustomerSessionV2: {
    description:
      'Creates or updates a customer session (cart items, coupon codes, referral code, state) and runs the rules: the answer carries the effects to apply. Set `body.customerSession.state` to `closed` to close it. `dry: true` evaluates without persisting; `now` evaluates as at a future date-time. A profile named in `profileId` that does not exist yet is created.',
    example:
      "const result = await updateCustomerSessionV2(talon, { customerSessionId: 'cart-1', body: { customerSession: { profileId: 'user-1', couponCodes: ['SUMMER-10'] }, responseContent: ['customerSession', 'customerProfile'] } });",
    notes:
      "The answer holds only the parts `body.responseContent` asks for (`customerSession` only with `'customerSession'`, and so on); `effects`, `createdCoupons` and `createdReferrals` are always there.\n\n409 when requests for the same session run in parallel: send them one at a time. A 409 is retried only if you opt in, e.g. `retry: { statusCodes: [409, 408, 429, 500, 502, 503, 504] }` (these lists replace the defaults).",
  },
};
