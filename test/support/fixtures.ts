/**
 * Realistic, valid bodies of the Integration API, built from the spec's required fields with
 * values valid against its schema (RFC 3339 date-times, objects as objects: the spec's own
 * examples often are not). Every builder takes overrides, so a test states only what it checks.
 */

/** An RFC 3339 date-time, as the live API sends it. */
export const at = (day: number, time = '10:15:22') =>
  `2026-05-${String(day).padStart(2, '0')}T${time}.123456Z`;

type Json = Record<string, unknown>;

const with_ = <T extends Json>(base: T, overrides: Json = {}): T & Json => ({ ...base, ...overrides });

// Errors

export const errorResponse = (o?: Json) =>
  with_(
    {
      message: 'Invalid request body',
      errors: [
        {
          title: 'missing field',
          details: 'customerSession is required',
          source: { pointer: '/customerSession' },
        },
      ],
    },
    o,
  );

export const errorResponseWithStatus = (status: number, o?: Json) =>
  with_({ message: status === 404 ? 'Not found' : 'Unauthorized - Invalid API key', StatusCode: status }, o);

// Profiles, sessions, cart items

export const customerProfile = (o?: Json) =>
  with_(
    {
      id: 6,
      created: at(1),
      integrationId: 'URNGV8294NV',
      attributes: { Language: 'english', ShippingCountry: 'DE', Grüße: '✓' },
      accountId: 31,
      closedSessions: 3,
      totalSales: 299.99,
      loyaltyMemberships: [{ joined: at(2), loyaltyProgramId: 323414846 }],
      audienceMemberships: [{ id: 2, name: 'Travel audience' }],
      lastActivity: at(3),
      sandbox: false,
    },
    o,
  );

export const cartItem = (o?: Json) =>
  with_(
    {
      name: 'Air Glide',
      sku: 'SKU1241028',
      quantity: 2,
      price: 99.99,
      category: 'shoes',
      product: { name: 'sample_product' },
      position: 0,
      attributes: { material: 'leather' },
      additionalCosts: { shipping: { price: 9 } },
      prices: { member: { price: 90, adjustmentReferenceId: '68851723-e6fa-488f-ace9-112581e6c19b' } },
    },
    o,
  );

export const customerSessionV2 = (o?: Json) =>
  with_(
    {
      id: 133,
      created: at(4),
      integrationId: 'cart-7',
      applicationId: 322,
      profileId: 'URNGV8294NV',
      couponCodes: ['XMAS-20-2026'],
      state: 'open',
      cartItems: [cartItem()],
      additionalCosts: { shipping: { price: 9 } },
      attributes: { ShippingCity: 'Berlin' },
      firstSession: false,
      updateCount: 2,
      total: 208.98,
      cartItemTotal: 199.98,
      additionalCostTotal: 9,
      updated: at(4, '10:16:00'),
    },
    o,
  );

// Coupons and referrals

export const coupon = (o?: Json) =>
  with_(
    {
      id: 4928,
      created: at(1),
      campaignId: 211,
      value: 'XMAS-20-2026',
      usageLimit: 100,
      usageCounter: 3,
      startDate: at(1),
      expiryDate: at(31),
      limits: [{ action: 'redeemCoupon', limit: 10, period: 'daily', entities: ['Coupon', 'Profile'] }],
      reservation: true,
      isReservationMandatory: false,
      attributes: { channel: 'web' },
    },
    o,
  );

export const integrationCoupon = (o?: Json) => with_(coupon({ profileRedemptionCount: 1 }), o);
export const inventoryCoupon = (o?: Json) => with_(integrationCoupon({ state: 'active' }), o);

export const referral = (o?: Json) =>
  with_(
    {
      id: 6,
      created: at(10),
      usageLimit: 1,
      campaignId: 78,
      advocateProfileIntegrationId: 'URNGV8294NV',
      friendProfileIntegrationId: 'BZGGC2454PA',
      attributes: { channel: 'web' },
      code: '27G47Y54VH9L',
      usageCounter: 0,
      expiryDate: at(30),
    },
    o,
  );

export const inventoryReferral = (o?: Json) => with_(referral({ referredCustomers: ['BZGGC2454PA'] }), o);

// Campaigns, loyalty, giveaways, achievements, events

export const campaign = (o?: Json) =>
  with_(
    {
      id: 211,
      created: at(1),
      applicationId: 322,
      userId: 388,
      name: 'Summer promotions',
      description: '20% off shoes',
      state: 'enabled',
      tags: ['summer'],
      reevaluateOnReturn: false,
      features: ['coupons', 'loyalty'],
      limits: [{ action: 'setDiscount', limit: 1000, entities: ['Coupon'] }],
      type: 'advanced',
      frontendState: 'running',
      storesImported: false,
    },
    o,
  );

const ledger = (o?: Json) =>
  with_(
    {
      currentBalance: 120,
      pendingBalance: 10,
      expiredBalance: 0,
      spentBalance: 40,
      tentativeCurrentBalance: 130,
      currentTier: { id: 1, name: 'Gold' },
    },
    o,
  );

export const loyalty = (o?: Json) =>
  with_(
    {
      programs: {
        '12': { id: 12, title: 'Points', name: 'points', ledger: ledger(), subLedgers: { shoes: ledger() } },
      },
      cards: [
        {
          id: 7,
          created: at(2),
          programID: 12,
          status: 'active',
          identifier: 'card-0001',
          usersPerCardLimit: 1,
          profiles: [{ integrationId: 'URNGV8294NV', timestamp: at(2) }],
          ledger: ledger(),
        },
      ],
    },
    o,
  );

export const giveaway = (o?: Json) =>
  with_(
    { id: 5, created: at(5), code: 'GIVE-123', poolId: 3, used: false, profileIntegrationId: 'URNGV8294NV' },
    o,
  );

export const achievement = (o?: Json) =>
  with_(
    {
      status: 'inprogress',
      progress: 3,
      achievementId: 9,
      name: 'FreeCoffee10',
      title: 'Free coffee',
      description: 'Buy 10 coffees',
      campaignId: 211,
      target: 10,
      achievementRecurrencePolicy: 'no_recurrence',
      achievementActivationPolicy: 'user_action',
    },
    o,
  );

export const event = (o?: Json) =>
  with_(
    {
      id: 9001,
      created: at(4),
      applicationId: 322,
      profileId: 'URNGV8294NV',
      type: 'talon_session_updated',
      attributes: {},
      sessionId: 'cart-7',
      effects: [{ effectType: 'setDiscount', props: { name: '10% off', value: 10 } }],
      ledgerEntries: [
        {
          id: 1,
          created: at(4),
          profileId: 'URNGV8294NV',
          accountId: 31,
          loyaltyProgramId: 12,
          eventId: 9001,
          amount: 10,
          reason: 'purchase',
          expiryDate: at(30),
        },
      ],
      meta: { couponRejectionReason: { campaignId: 211, couponId: 4928, reason: 'CouponExpired' } },
    },
    o,
  );

export const ruleFailureReason = (o?: Json) =>
  with_(
    {
      campaignID: 211,
      campaignName: 'Summer promotions',
      rulesetID: 73,
      ruleIndex: 0,
      ruleName: 'Cart over 100',
      details: 'cart too small',
    },
    o,
  );

// Effects

const effectBase = { campaignId: 211, rulesetId: 73, ruleIndex: 0, ruleName: 'Give 10% off' };

export const effects = {
  setDiscount: (o?: Json) =>
    with_(
      {
        ...effectBase,
        effectType: 'setDiscount',
        props: { name: '10% off', value: 20.5, scope: 'sessionTotal' },
      },
      o,
    ),
  setDiscountPerItem: (o?: Json) =>
    with_(
      {
        ...effectBase,
        ruleIndex: 1,
        effectType: 'setDiscountPerItem',
        props: { name: 'shoes 5 off', value: 5, position: 0, totalDiscount: 10 },
        triggeredForCatalogItem: 786,
      },
      o,
    ),
  acceptCoupon: (o?: Json) =>
    with_(
      {
        ...effectBase,
        effectType: 'acceptCoupon',
        props: { value: 'XMAS-20-2026' },
        triggeredByCoupon: 4928,
      },
      o,
    ),
  rejectCoupon: (o?: Json) =>
    with_(
      {
        ...effectBase,
        effectType: 'rejectCoupon',
        props: { value: 'OLD-CODE', rejectionReason: 'CouponExpired', details: 'expired on 2026-04-30' },
      },
      o,
    ),
  addLoyaltyPoints: (o?: Json) =>
    with_(
      {
        ...effectBase,
        effectType: 'addLoyaltyPoints',
        props: {
          name: 'Points for purchase',
          programId: 12,
          subLedgerId: '',
          value: 20,
          recipientIntegrationId: 'URNGV8294NV',
          transactionUUID: 'a8f1e2c4-3b5d-4e6f-8a9b-0c1d2e3f4a5b',
          startDate: at(4),
        },
      },
      o,
    ),
  customEffect: (o?: Json) =>
    with_(
      {
        ...effectBase,
        effectType: 'customEffect',
        props: { effectId: 3, name: 'freeShipping', payload: { carrier: 'dhl' } },
      },
      o,
    ),
  /** A type this SDK version does not know: must still parse, props untyped. */
  unknown: (o?: Json) =>
    with_(
      { ...effectBase, effectType: 'launchRocket', props: { altitude: 100, crew: ['a'] }, futureField: true },
      o,
    ),
};

// Whole responses

export const integrationStateV2 = (o?: Json) =>
  with_(
    {
      customerSession: customerSessionV2(),
      customerProfile: customerProfile(),
      effects: [
        effects.setDiscount(),
        effects.acceptCoupon(),
        effects.setDiscountPerItem(),
        effects.addLoyaltyPoints(),
        effects.rejectCoupon(),
      ],
      createdCoupons: [],
      createdReferrals: [],
      triggeredCampaigns: [campaign()],
      ruleFailureReasons: [ruleFailureReason()],
      coupons: [integrationCoupon()],
      loyalty: loyalty(),
      event: event(),
      awardedGiveaways: [giveaway()],
    },
    o,
  );

export const customerProfileIntegrationResponseV2 = (o?: Json) =>
  with_(
    {
      customerProfile: customerProfile(),
      effects: [effects.addLoyaltyPoints(), effects.customEffect()],
      createdCoupons: [coupon({ id: 5000, value: 'WELCOME-1' })],
      createdReferrals: [referral()],
      triggeredCampaigns: [campaign()],
      loyalty: loyalty(),
    },
    o,
  );

export const multipleProfilesResponse = (o?: Json) =>
  with_(
    {
      integrationStates: [
        { customerProfile: customerProfile() },
        { customerProfile: customerProfile({ id: 7, integrationId: 'BZGGC2454PA' }) },
      ],
    },
    o,
  );

export const customerInventory = (o?: Json) =>
  with_(
    {
      profile: customerProfile(),
      loyalty: loyalty(),
      referrals: [inventoryReferral()],
      coupons: [inventoryCoupon()],
      giveaways: [giveaway()],
      achievements: [achievement()],
    },
    o,
  );

export const reservedCustomers = (o?: Json) =>
  with_(
    {
      totalResultSize: 2,
      data: [customerProfile(), customerProfile({ id: 7, integrationId: 'BZGGC2454PA' })],
    },
    o,
  );

export const referralsForMultipleAdvocates = (o?: Json) =>
  with_(
    {
      totalResultSize: 2,
      data: [
        referral(),
        referral({ id: 7, code: 'HJ7K2P9QW3RT', advocateProfileIntegrationId: 'DRPVV9476AF' }),
      ],
    },
    o,
  );

// The 2021 release (V1 operations)

export const legacyIntegrationState = (o?: Json) =>
  with_(
    {
      session: {
        integrationId: 'cart-7',
        created: at(4),
        applicationId: 322,
        profileId: 'URNGV8294NV',
        coupon: 'XMAS-20-2026',
        referral: '',
        state: 'open',
        cartItems: [{ name: 'Air Glide', sku: 'SKU1241028', quantity: 1, price: 99.99, category: 'shoes' }],
        total: 99.99,
        attributes: {},
        firstSession: true,
        discounts: { '10% off': 9.99 },
      },
      profile: {
        integrationId: 'URNGV8294NV',
        created: at(1),
        attributes: { Language: 'english' },
        accountId: 31,
        closedSessions: 0,
        totalSales: 0,
        lastActivity: at(4),
      },
      event: event({ type: 'pageViewed', attributes: { page: '/shoes' } }),
      loyalty: {
        programs: {
          '12': {
            id: 12,
            title: 'Points',
            name: 'points',
            ledger: {
              currentBalance: 1,
              pendingBalance: 0,
              expiredBalance: 0,
              spentBalance: 0,
              tentativeCurrentBalance: 1,
            },
          },
        },
      },
      coupon: {
        id: 4928,
        created: at(1),
        campaignId: 211,
        value: 'XMAS-20-2026',
        usageLimit: 1,
        usageCounter: 0,
      },
    },
    o,
  );

// Bodies of the 26.13 operations' tests: fixed dates, and null where the live API sends null for
// an empty list (the SDK's schemas turn such a `default: null` list into [])

/** The date-time of every record in the 26.13 bodies below. */
export const CREATED = '2026-06-24T10:15:22.123Z';

/** `ErrorResponseWithStatus` with `message`, a detailed error and an unknown key (`requestId`). */
export const errorWithStatus = (status: number, message = 'not found') => ({
  message,
  errors: [{ title: message, details: 'see source', source: { pointer: '/id', parameter: 'id' } }],
  StatusCode: status,
  requestId: 'req-1',
});

/** An `Effect` of a known type (`setDiscount`). */
export const setDiscountEffect = () => ({
  campaignId: 244,
  rulesetId: 73,
  ruleIndex: 0,
  ruleName: '10% off',
  effectType: 'setDiscount',
  props: { name: '10% off', value: 12.5 },
});

/** An `Effect` of a type this SDK version does not know. */
export const unknownEffect = () => ({
  campaignId: 244,
  rulesetId: 73,
  ruleIndex: 1,
  ruleName: 'future',
  effectType: 'launchRocket',
  props: { countdown: 3 },
});

/** A closed `CustomerSessionV2` with `couponCodes: null`. */
export const sparseCustomerSession = (overrides: Record<string, unknown> = {}) => ({
  id: 6,
  created: CREATED,
  integrationId: 'session-1',
  applicationId: 322,
  profileId: 'URNGV8294NV',
  couponCodes: null,
  loyaltyCards: ['card-1'],
  state: 'closed',
  cartItems: [{ name: 'Air Glide', sku: 'SKU1241028', quantity: 2, price: 99.99 }],
  attributes: { ShippingCity: 'Berlin' },
  firstSession: false,
  updateCount: 3,
  total: 199.98,
  cartItemTotal: 199.98,
  additionalCostTotal: 0,
  updated: CREATED,
  ...overrides,
});

/** A `CustomerProfile` with `loyaltyMemberships: null` and no audience memberships. */
export const sparseCustomerProfile = (overrides: Record<string, unknown> = {}) => ({
  id: 6,
  created: CREATED,
  integrationId: 'URNGV8294NV',
  attributes: { Language: 'english' },
  accountId: 31,
  closedSessions: 3,
  totalSales: 299.97,
  loyaltyMemberships: null,
  lastActivity: CREATED,
  ...overrides,
});
