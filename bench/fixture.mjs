// The bench's request and response, built in code (deterministic, no files): an
// updateCustomerSessionV2 request for a 10-item cart with two coupon codes, and the
// IntegrationStateV2 a Talon.One deployment answers it with (about 20 KB of JSON): the session,
// the profile, six triggered campaigns and 27 effects of several types, one of them of a type
// this SDK version does not know yet.

const SESSION_ID = 'bench-session-0001';
const PROFILE_ID = 'customer-4711';
const CREATED = '2026-03-14T09:26:53.589793Z';
const UPDATED = '2026-03-14T09:31:07.114201Z';

const PRODUCTS = [
  ['Merino crew sweater', 'apparel/knitwear', 89.9, 2],
  ['Organic cotton tee', 'apparel/tops', 24.5, 3],
  ['Slim chino trousers', 'apparel/trousers', 69, 1],
  ['Leather belt', 'accessories/belts', 39.95, 1],
  ['Wool socks, 3-pack', 'apparel/socks', 19.9, 2],
  ['Rain jacket', 'apparel/outerwear', 149, 1],
  ['Canvas tote bag', 'accessories/bags', 29, 1],
  ['Running sneakers', 'footwear/sport', 119.95, 1],
  ['Baseball cap', 'accessories/hats', 22, 2],
  ['Gift card 25', 'gift-cards', 25, 1],
];

function cartItemInput([name, category, price, quantity], i) {
  return {
    name,
    sku: `SKU-${String(1000 + i * 37)}`,
    quantity,
    price,
    category,
    weight: 250 + i * 40,
    attributes: { color: ['navy', 'white', 'olive', 'black'][i % 4], size: ['S', 'M', 'L', 'XL'][i % 4] },
  };
}

/** The params of the bench's `updateCustomerSessionV2` call (the SDK's shape). */
export function requestParams() {
  return {
    customerSessionId: SESSION_ID,
    body: {
      customerSession: {
        profileId: PROFILE_ID,
        state: 'open',
        couponCodes: ['SPRING-15', 'EXPIRED-2025'],
        cartItems: PRODUCTS.map(cartItemInput),
        attributes: { channel: 'web', storeRegion: 'de-north' },
      },
      responseContent: ['customerSession', 'customerProfile', 'triggeredCampaigns'],
    },
  };
}

/** The path + query the SDK builds for {@link requestParams}, for the ky and raw-fetch contenders. */
export const REQUEST_PATH = `/v2/customer_sessions/${SESSION_ID}`;

function campaign(id, name, features, extra = {}) {
  return {
    id,
    created: '2025-11-02T10:00:00Z',
    applicationId: 42,
    userId: 7,
    name,
    description: `${name}: storefront promotion managed by the merchandising team.`,
    startTime: '2026-03-01T00:00:00Z',
    endTime: '2026-04-30T23:59:59Z',
    attributes: { owner: 'merchandising', budgetCode: `MKT-${id}` },
    state: 'enabled',
    activeRulesetId: id * 10 + 3,
    tags: ['spring', 'web'],
    reevaluateOnReturn: false,
    features,
    limits: [{ action: 'setDiscount', limit: 50000, entities: ['Coupon'] }],
    campaignGroups: [3],
    type: 'advanced',
    budgets: [{ action: 'setDiscount', limit: 50000, counter: 12873.5 }],
    couponRedemptionCount: 4021,
    discountCount: 12873.5,
    discountEffectCount: 9810,
    lastActivity: '2026-03-14T09:30:00Z',
    updated: '2026-03-01T08:00:00Z',
    createdBy: 'Jane Doe',
    frontendState: 'running',
    storesImported: false,
    ...extra,
  };
}

function effect(campaignId, ruleIndex, ruleName, effectType, props, extra = {}) {
  return {
    campaignId,
    rulesetId: campaignId * 10 + 3,
    ruleIndex,
    ruleName,
    effectType,
    conditionIndex: 0,
    evaluationGroupID: 1,
    evaluationGroupMode: 'stackable',
    campaignRevisionId: campaignId * 100 + 1,
    campaignRevisionVersionId: campaignId * 100 + 2,
    props,
    ...extra,
  };
}

/** The IntegrationStateV2 body the bench's server answers with (a fresh object each call). */
export function integrationState() {
  const cartItems = PRODUCTS.map((p, i) => ({
    ...cartItemInput(p, i),
    position: i,
    returnedQuantity: 0,
    remainingQuantity: p[3],
    catalogItemID: 9000 + i,
    product: { name: p[1].split('/')[0] },
    prices: { base: { price: p[2] }, member: { price: Math.round(p[2] * 90) / 100 } },
  }));
  const total = cartItems.reduce((sum, item) => sum + item.price * item.quantity, 0);
  const effects = [
    effect(
      101,
      0,
      'Spring coupon accepted',
      'acceptCoupon',
      { value: 'SPRING-15' },
      { triggeredByCoupon: 88001 },
    ),
    effect(101, 1, '15% off the cart with SPRING-15', 'setDiscount', {
      name: '101:SPRING-15 15% off',
      value: 97.33,
      desiredValue: 97.33,
      scope: 'sessionTotal',
    }),
    ...cartItems.map((item, i) =>
      effect(102, 0, 'Member price on apparel', 'setDiscountPerItem', {
        name: `102:member price ${item.sku}`,
        value: Math.round(item.price * 10) / 100,
        position: i,
        subPosition: 0,
        desiredValue: Math.round(item.price * 10) / 100,
        scope: 'price',
        totalDiscount: Math.round(item.price * item.quantity * 10) / 100,
        desiredTotalDiscount: Math.round(item.price * item.quantity * 10) / 100,
      }),
    ),
    effect(103, 0, 'Free shipping over 200', 'setDiscount', {
      name: '103:free shipping',
      value: 4.95,
      scope: 'additionalCosts',
    }),
    effect(
      101,
      2,
      'Expired coupon',
      'rejectCoupon',
      {
        value: 'EXPIRED-2025',
        rejectionReason: 'CouponExpired',
        conditionIndex: 0,
        effectIndex: 0,
        details: 'The coupon expired on 2025-12-31T23:59:59Z.',
      },
      { triggeredByCoupon: 88002 },
    ),
    ...[0, 1, 2].map((k) =>
      effect(104, k, ['Base points', 'Double points on sneakers', 'Welcome bonus'][k], 'addLoyaltyPoints', {
        name: `104:${['base', 'sneakers', 'welcome'][k]}`,
        programId: 12,
        subLedgerId: '',
        value: [52, 240, 100][k],
        desiredValue: [52, 240, 100][k],
        recipientIntegrationId: PROFILE_ID,
        startDate: 'immediate',
        expiryDate: '2027-03-31T23:59:59Z',
        transactionUUID: `6f1c2e7a-0b9d-4c3e-9a5f-1d2e3f4a5b${60 + k}`,
        ...(k === 1 ? { cartItemPosition: 7, cartItemSubPosition: 0 } : {}),
        cardIdentifier: 'CARD-0042-7781',
      }),
    ),
    // A type this SDK version does not know yet: it must pass validation as an unknown effect.
    effect(105, 0, 'Subscription perk', 'grantSubscriptionPerk', {
      perkId: 'free-returns-90d',
      tier: 'gold',
      expires: '2026-06-14T00:00:00Z',
      channels: ['web', 'app'],
    }),
    ...cartItems.slice(0, 8).map((item, i) =>
      effect(106, 0, 'Strikethrough display', 'setDiscountPerItem', {
        name: `106:display ${item.sku}`,
        value: 0,
        position: i,
        subPosition: 0,
        scope: 'price',
        excludedFromPriceHistory: true,
      }),
    ),
    effect(101, 3, 'Second coupon accepted', 'acceptCoupon', { value: 'SPRING-15' }),
  ];
  return {
    customerSession: {
      id: 774401,
      created: CREATED,
      integrationId: SESSION_ID,
      applicationId: 42,
      profileId: PROFILE_ID,
      storeIntegrationId: 'web-de',
      evaluableCampaignIds: [101, 102, 103, 104, 105, 106],
      couponCodes: ['SPRING-15', 'EXPIRED-2025'],
      referralCode: '',
      loyaltyCards: [],
      state: 'open',
      cartItems,
      additionalCosts: { shipping: { price: 4.95 } },
      identifiers: ['device-1f2e3d4c'],
      attributes: { channel: 'web', storeRegion: 'de-north' },
      firstSession: false,
      updateCount: 3,
      total: Math.round(total * 100) / 100,
      cartItemTotal: Math.round(total * 100) / 100,
      additionalCostTotal: 4.95,
      cartItemAdditionalCostTotal: 0,
      updated: UPDATED,
    },
    customerProfile: {
      id: 150233,
      created: '2024-05-02T17:12:45Z',
      integrationId: PROFILE_ID,
      attributes: {
        Name: 'Alex Example',
        Email: 'alex@example.com',
        BirthDate: '1990-04-12T00:00:00Z',
        ShippingCountry: 'DE',
        Newsletter: true,
        Segments: ['frequent-buyer', 'apparel'],
      },
      accountId: 1,
      closedSessions: 17,
      totalSales: 2381.45,
      loyaltyMemberships: [{ joined: '2024-05-02T17:13:00Z', loyaltyProgramId: 12 }],
      audienceMemberships: [
        { id: 8, name: 'VIP' },
        { id: 11, name: 'Newsletter subscribers' },
      ],
      lastActivity: '2026-03-14T09:31:07Z',
      sandbox: false,
    },
    triggeredCampaigns: [
      campaign(101, 'Spring coupons 15%', ['coupons']),
      campaign(102, 'Member prices', ['strikethrough']),
      campaign(103, 'Free shipping over 200', []),
      campaign(104, 'Loyalty points', ['loyalty'], { createdLoyaltyPointsCount: 99120 }),
      campaign(105, 'Subscription perks', ['giveaways']),
      campaign(106, 'Strikethrough display', ['strikethrough']),
    ],
    effects,
    createdCoupons: [],
    createdReferrals: [],
  };
}

/** The effect types in the answer, for the report. */
export function effectTypes(state) {
  const counts = {};
  for (const e of state.effects) counts[e.effectType] = (counts[e.effectType] ?? 0) + 1;
  return counts;
}

/** The Management call of the bench: `getLoyaltyCard` (talon-fetch/management). */
export const CARD_PROGRAM_ID = 42;
export const CARD_ID = 'summer-card-0042';
export const CARD_PATH = `/v1/loyalty_programs/${CARD_PROGRAM_ID}/cards/${CARD_ID}`;

function ledger(balance) {
  return {
    currentBalance: balance,
    pendingBalance: 25,
    negativeBalance: 0,
    expiredBalance: 10,
    spentBalance: 120,
    tentativeCurrentBalance: balance,
    tentativePendingBalance: 25,
    tentativeNegativeBalance: 0,
    currentTier: { id: 3, name: 'Gold' },
    pointsToNextTier: 250,
    nextTierName: 'Platinum',
  };
}

/** A LoyaltyCard as `getLoyaltyCard` answers it: three linked profiles, the main ledger and two subledgers. */
export function loyaltyCard() {
  return {
    id: 6,
    created: '2025-09-12T10:12:42Z',
    programID: CARD_PROGRAM_ID,
    programName: 'summer_card_program',
    programTitle: 'Summer card program',
    status: 'active',
    identifier: CARD_ID,
    usersPerCardLimit: 3,
    profiles: ['alpha', 'bravo', 'charlie'].map((name, i) => ({
      integrationId: `profile-${name}`,
      timestamp: `2025-10-0${i + 1}T08:00:00Z`,
    })),
    ledger: ledger(740),
    subledgers: { drinks: ledger(120), food: ledger(80) },
    modified: '2026-11-30T17:45:00Z',
    batchId: 'batch-2025-09',
  };
}
