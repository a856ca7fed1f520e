/**
 * Every operation the SDK offers, called through its SDK function against the fake Talon.One with
 * response validation on (the default): each answer must be `ok`, which means it parsed with the
 * SDK's response schemas, and must carry data where the API would have some. The cases are looked
 * up by the SDK's `operationIds`, so an operation added to the SDK fails here by name until it has
 * a case. Operations with `silent` are called with `silent: 'no'` so that there is a body to parse;
 * the 2021 operations are called with both kinds of credentials.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  activateLoyaltyPoints,
  apiKey,
  bestPriorPrice,
  type Client,
  contentSignature,
  createAudienceV2,
  createClient,
  createCouponReservation,
  createReferral,
  createReferralsForMultipleAdvocates,
  deleteAudienceMembershipsV2,
  deleteAudienceV2,
  deleteCouponReservation,
  deleteCustomerData,
  deleteLoyaltyTransactionsFromLedgers,
  generateLoyaltyCard,
  getCustomerAchievementHistory,
  getCustomerAchievements,
  getCustomerInventory,
  getCustomerSession,
  getEventV3,
  getLoyaltyBalances,
  getLoyaltyCardBalances,
  getLoyaltyCardPoints,
  getLoyaltyCardTransactions,
  getLoyaltyProgramProfilePoints,
  getLoyaltyProgramProfileTransactions,
  getReservedCustomers,
  integrationGetAllCampaigns,
  joinLoyaltyProgram,
  linkLoyaltyCardToProfile,
  operationIds,
  type Result,
  reopenCustomerSession,
  returnCartItems,
  syncCatalog,
  trackEvent,
  trackEventV2,
  trackEventV3,
  unlinkLoyaltyCardFromProfile,
  updateAudienceCustomersAttributes,
  updateAudienceV2,
  updateCustomerProfile,
  updateCustomerProfileAudiences,
  updateCustomerProfilesV2,
  updateCustomerProfileV2,
  updateCustomerSession,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_ACHIEVEMENT_ID,
  FAKE_API_KEY,
  FAKE_APPLICATION_ID,
  FAKE_APPLICATION_KEY,
  FAKE_CAMPAIGNS,
  FAKE_CATALOG_ID,
  FAKE_COUPON_CODE,
  FAKE_EVENT_TYPE,
  FAKE_LOYALTY_CARD_PROGRAM_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  FAKE_REFERRAL_CAMPAIGN_ID,
  type FakeCampaign,
  type FakeTalon,
} from '../../src/testing/index.js';

type OperationId = keyof typeof operationIds;

const BASE = 'https://fake.talon.one';
const PROGRAM = FAKE_LOYALTY_PROGRAM_ID;
const CARDS = FAKE_LOYALTY_CARD_PROGRAM_ID;
/** A program whose points wait for `activateLoyaltyPoints`, so that activating has something to do. */
const APPROVAL = 70;
const CARD = 'CARD-ADA-0001';
const CART = [
  { name: 'Espresso beans', sku: 'BEANS-1KG', quantity: 2, price: 24.5 },
  { name: 'Grinder', sku: 'GRIND-1', quantity: 1, price: 89 },
];
const CAMPAIGNS: readonly FakeCampaign[] = [
  ...FAKE_CAMPAIGNS,
  {
    type: 'loyalty',
    id: 90,
    name: 'Points on approval',
    programId: APPROVAL,
    programName: 'Approval points',
    pointsPerUnit: 1,
    awaitsActivation: true,
  },
];

/** What each case works with: the fake after {@link setUp}, and clients for it. */
interface World {
  readonly fake: FakeTalon;
  readonly talon: Client<'apiKey'>;
  readonly signed: Client<'contentSignature'>;
  /** The audience made in the setup, with ada as a member. */
  readonly audienceId: number;
}

let clock: Date;
let world: World;

/** The value of a successful result; fails, naming the operation and the error, otherwise. */
function value<T>(result: Result<T, { kind: string; message: string }>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  expect(result.response.status).toBeGreaterThanOrEqual(200);
  expect(result.response.status).toBeLessThan(300);
  return result.value;
}

/** ada with three closed orders (one with a coupon, on her card, partly returned), an open cart,
 * an advanced event, an audience, a reservation and a referral; a catalog with prices. */
async function setUp(): Promise<World> {
  clock = new Date('2026-06-01T10:00:00Z');
  const fake = createFakeTalon({ now: () => clock, campaigns: CAMPAIGNS });
  const talon = createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), fetch: fake.fetch, retry: false });
  const signed = createClient({
    baseUrl: BASE,
    auth: contentSignature({ applicationId: FAKE_APPLICATION_ID, applicationKey: FAKE_APPLICATION_KEY }),
    fetch: fake.fetch,
    retry: false,
  });
  value(
    await generateLoyaltyCard(talon, {
      loyaltyProgramId: CARDS,
      body: { cardIdentifier: CARD, customerProfileIds: ['ada'] },
    }),
  );
  const orders: { couponCodes?: string[]; loyaltyCards?: string[] }[] = [
    { couponCodes: [FAKE_COUPON_CODE], loyaltyCards: [CARD] },
    {},
    {},
  ];
  for (const [i, extra] of orders.entries()) {
    value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: `order-${i + 1}`,
        body: { customerSession: { profileId: 'ada', cartItems: CART, state: 'closed', ...extra } },
      }),
    );
    clock = new Date(clock.getTime() + 3_600_000);
  }
  value(
    await returnCartItems(talon, {
      customerSessionId: 'order-1',
      body: { return: { returnedCartItems: [{ sku: 'BEANS-1KG', quantity: 1 }] } },
    }),
  );
  value(
    await updateCustomerSessionV2(talon, {
      customerSessionId: 'cart-open',
      body: { customerSession: { profileId: 'ada', cartItems: CART } },
    }),
  );
  value(
    await trackEventV3(talon, {
      body: { integrationId: 'evt-1', profileId: 'ada', type: FAKE_EVENT_TYPE, attributes: { via: 'app' } },
    }),
  );
  const audience = value(await createAudienceV2(talon, { body: { name: 'Coffee lovers' } }));
  value(
    await updateCustomerProfileAudiences(talon, {
      body: { data: [{ action: 'add', profileIntegrationId: 'ada', audienceId: audience.id }] },
    }),
  );
  value(
    await createCouponReservation(talon, { couponValue: 'VIP25-ONLY', body: { integrationIDs: ['ada'] } }),
  );
  value(
    await createReferral(talon, {
      body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' },
    }),
  );
  value(
    await syncCatalog(talon, {
      catalogId: FAKE_CATALOG_ID,
      body: {
        actions: CART.map((item) => ({
          type: 'ADD' as const,
          payload: { sku: item.sku, price: item.price },
        })),
      },
    }),
  );
  clock = new Date(clock.getTime() + 86_400_000);
  return { fake, talon, signed, audienceId: audience.id };
}

/** One operation's case: calls it (every way it can be called) and checks what it answers. */
type Case = (w: World) => Promise<void>;

const CASES: Partial<Record<OperationId, Case>> = {
  async activateLoyaltyPoints({ talon }) {
    const answer = value(
      await activateLoyaltyPoints(talon, { loyaltyProgramId: APPROVAL, body: { sessionId: 'order-2' } }),
    );
    expect(answer.ledgerEntries).toHaveLength(1);
    expect(answer.ledgerEntries?.[0]).toMatchObject({ programID: APPROVAL, customerSessionID: 'order-2' });
  },
  async bestPriorPrice({ talon }) {
    const prices = value(
      await bestPriorPrice(talon, {
        body: { skus: ['GRIND-1'], timeframe: '30', timeframeEndDate: clock, timeframeEndDateType: 'strict' },
      }),
    );
    expect(prices).toMatchObject([{ sku: 'GRIND-1', price: 89 }]);
  },
  async createAudienceV2({ talon, fake }) {
    const audience = value(
      await createAudienceV2(talon, { body: { name: 'Tea lovers', description: 'Tea' } }),
    );
    expect(audience).toMatchObject({ name: 'Tea lovers', description: 'Tea' });
    expect(fake.state.audiences.get(audience.id)?.name).toBe('Tea lovers');
  },
  async createCouponReservation({ talon }) {
    const coupon = value(
      await createCouponReservation(talon, {
        couponValue: FAKE_COUPON_CODE,
        body: { integrationIDs: ['bob'] },
      }),
    );
    expect(coupon).toMatchObject({ value: FAKE_COUPON_CODE, reservationCounter: 1 });
  },
  async createReferral({ talon }) {
    const referral = value(
      await createReferral(talon, {
        body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'bob' },
      }),
    );
    expect(referral).toMatchObject({ advocateProfileIntegrationId: 'bob', code: expect.any(String) });
  },
  async createReferralsForMultipleAdvocates({ talon }) {
    const answer = value(
      await createReferralsForMultipleAdvocates(talon, {
        silent: 'no',
        body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationIds: ['ada', 'bob'] },
      }),
    );
    expect(answer?.data.map((r) => r.advocateProfileIntegrationId)).toEqual(['ada', 'bob']);
  },
  async deleteAudienceMembershipsV2({ talon, fake, audienceId }) {
    expect(value(await deleteAudienceMembershipsV2(talon, { audienceId }))).toBeUndefined();
    expect(fake.state.profiles.get('ada')?.audiences).not.toContain(audienceId);
  },
  async deleteAudienceV2({ talon, fake, audienceId }) {
    expect(value(await deleteAudienceV2(talon, { audienceId }))).toBeUndefined();
    expect(fake.state.audiences.has(audienceId)).toBe(false);
  },
  async deleteCouponReservation({ talon, fake }) {
    const params = { couponValue: 'VIP25-ONLY', body: { integrationIDs: ['ada'] } };
    expect(value(await deleteCouponReservation(talon, params))).toBeUndefined();
    expect(fake.state.coupons.get('VIP25-ONLY')?.reservedBy).toEqual([]);
  },
  async deleteCustomerData({ talon, fake }) {
    expect(value(await deleteCustomerData(talon, { integrationId: 'ada' }))).toBeUndefined();
    expect(fake.state.profiles.has('ada')).toBe(false);
  },
  async deleteLoyaltyTransactionsFromLedgers({ talon, fake }) {
    expect(fake.state.profiles.get('ada')?.ledger.some((e) => e.programId === PROGRAM)).toBe(true);
    const params = {
      loyaltyProgramId: PROGRAM,
      integrationId: 'ada',
      body: { scope: 'AllSubledgers' as const },
    };
    expect(value(await deleteLoyaltyTransactionsFromLedgers(talon, params))).toBeUndefined();
    expect(fake.state.profiles.get('ada')?.ledger.some((e) => e.programId === PROGRAM)).toBe(false);
  },
  async generateLoyaltyCard({ talon }) {
    const card = value(
      await generateLoyaltyCard(talon, { loyaltyProgramId: CARDS, body: { customerProfileIds: ['bob'] } }),
    );
    expect(card).toMatchObject({ programID: CARDS, profiles: [{ integrationId: 'bob' }] });
    expect(card.identifier).not.toBe(CARD);
  },
  async getCustomerAchievementHistory({ talon }) {
    const history = value(
      await getCustomerAchievementHistory(talon, {
        integrationId: 'ada',
        achievementId: FAKE_ACHIEVEMENT_ID,
      }),
    );
    expect(history.data).toMatchObject([{ status: 'completed', progress: 3 }]);
  },
  async getCustomerAchievements({ talon }) {
    const list = value(await getCustomerAchievements(talon, { integrationId: 'ada' }));
    expect(list.data).toMatchObject([{ id: FAKE_ACHIEVEMENT_ID, currentProgress: { status: 'completed' } }]);
  },
  async getCustomerInventory({ talon }) {
    const all = value(
      await getCustomerInventory(talon, {
        integrationId: 'ada',
        profile: true,
        loyalty: true,
        referrals: true,
        coupons: true,
        giveaways: true,
        achievements: true,
      }),
    );
    expect(all.profile?.closedSessions).toBe(3);
    expect(all.loyalty?.programs[String(PROGRAM)]?.ledger.currentBalance).toBeGreaterThan(0);
    expect(all.loyalty?.cards?.map((c) => c.identifier)).toEqual([CARD]);
    expect(all.referrals).toHaveLength(1);
    expect(all.coupons?.map((c) => c.value)).toEqual(['VIP25-ONLY']);
    expect(all.achievements).toHaveLength(1);
    expect(all.giveaways).toEqual([]); // giveaways are not simulated
  },
  async getCustomerSession({ talon }) {
    const read = value(await getCustomerSession(talon, { customerSessionId: 'order-1' }));
    expect(read.customerSession).toMatchObject({ integrationId: 'order-1', state: 'partially_returned' });
    expect(read.customerSession?.cartItems).toHaveLength(2);
  },
  async getEventV3({ talon }) {
    const event = value(await getEventV3(talon, { integrationId: 'evt-1' }));
    expect(event).toMatchObject({ integrationId: 'evt-1', profileId: 'ada', type: FAKE_EVENT_TYPE });
    expect(event.effects).toHaveLength(1);
  },
  async getLoyaltyBalances({ talon }) {
    const balances = value(
      await getLoyaltyBalances(talon, {
        loyaltyProgramId: PROGRAM,
        integrationId: 'ada',
        includeTiers: true,
      }),
    );
    expect(balances.balance?.activePoints).toBeGreaterThan(0);
    expect(balances.balance?.currentTier?.name).toBeDefined();
  },
  async getLoyaltyCardBalances({ talon }) {
    const balances = value(
      await getLoyaltyCardBalances(talon, { loyaltyProgramId: CARDS, loyaltyCardId: CARD }),
    );
    expect(balances.balance?.activePoints).toBeGreaterThan(0);
    expect(balances.profiles?.map((p) => p.integrationId)).toEqual(['ada']);
  },
  async getLoyaltyCardPoints({ talon }) {
    const points = value(await getLoyaltyCardPoints(talon, { loyaltyProgramId: CARDS, loyaltyCardId: CARD }));
    expect(points.data.length).toBeGreaterThan(0);
  },
  async getLoyaltyCardTransactions({ talon }) {
    const page = value(
      await getLoyaltyCardTransactions(talon, { loyaltyProgramId: CARDS, loyaltyCardId: CARD }),
    );
    // Earned on order-1, part taken back by its return.
    expect(page.data.map((t) => t.type)).toEqual(['subtraction', 'addition']);
  },
  async getLoyaltyProgramProfilePoints({ talon }) {
    const points = value(
      await getLoyaltyProgramProfilePoints(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' }),
    );
    expect(points.data.length).toBeGreaterThan(0);
  },
  async getLoyaltyProgramProfileTransactions({ talon }) {
    const page = value(
      await getLoyaltyProgramProfileTransactions(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' }),
    );
    expect(page.data.length).toBeGreaterThanOrEqual(4); // three orders, a return, an event
  },
  async getReservedCustomers({ talon }) {
    const reserved = value(await getReservedCustomers(talon, { couponValue: 'VIP25-ONLY' }));
    expect(reserved.data.map((p) => p.integrationId)).toEqual(['ada']);
  },
  async integrationGetAllCampaigns({ talon }) {
    const campaigns = value(await integrationGetAllCampaigns(talon, {}));
    expect(campaigns.data.map((c) => c.id)).toEqual(CAMPAIGNS.map((c) => c.id));
  },
  async joinLoyaltyProgram({ talon, fake }) {
    value(await updateCustomerProfileV2(talon, { integrationId: 'bob', body: {} }));
    expect(value(await joinLoyaltyProgram(talon, { loyaltyProgramId: PROGRAM, integrationId: 'bob' }))).toBe(
      undefined,
    );
    expect(fake.state.profiles.get('bob')?.joined[PROGRAM]).toBeDefined();
  },
  async linkLoyaltyCardToProfile({ talon }) {
    const card = value(
      await linkLoyaltyCardToProfile(talon, {
        loyaltyProgramId: CARDS,
        loyaltyCardId: CARD,
        body: { integrationId: 'bob' },
      }),
    );
    expect(card.profiles?.map((p) => p.integrationId)).toEqual(['ada', 'bob']);
  },
  async reopenCustomerSession({ talon }) {
    const reopened = value(await reopenCustomerSession(talon, { customerSessionId: 'order-3' }));
    expect(reopened.effects.map((e) => e.effectType)).toContain('rollbackAddedLoyaltyPoints');
  },
  async returnCartItems({ talon }) {
    const returned = value(
      await returnCartItems(talon, {
        customerSessionId: 'order-1',
        body: {
          return: { returnedCartItems: [{ sku: 'GRIND-1' }] },
          responseContent: [
            'customerSession',
            'customerProfile',
            'coupons',
            'triggeredCampaigns',
            'referral',
            'loyalty',
            'event',
            'previousReturns',
          ],
        },
      }),
    );
    expect(returned.effects.map((e) => e.effectType)).toContain('rollbackAddedLoyaltyPoints');
    expect(returned.previousReturns).toHaveLength(1);
    expect(returned.coupons?.map((c) => c.value)).toEqual([FAKE_COUPON_CODE]);
    expect(returned.customerProfile?.integrationId).toBe('ada');
  },
  async syncCatalog({ talon }) {
    const catalog = value(
      await syncCatalog(talon, {
        catalogId: FAKE_CATALOG_ID,
        body: { actions: [{ type: 'PATCH', payload: { sku: 'GRIND-1', price: 79 } }] },
      }),
    );
    expect(catalog).toMatchObject({ id: FAKE_CATALOG_ID, version: 3 });
  },
  async trackEvent({ talon, signed }) {
    for (const client of [talon, signed]) {
      const answer = value(
        await trackEvent(client, {
          body: {
            profileId: 'ada',
            type: 'viewed_product',
            attributes: { sku: 'GRIND-1' },
            sessionId: 'cart-open',
          },
        }),
      );
      expect(answer.event).toMatchObject({ type: 'viewed_product', profileId: 'ada' });
      expect(answer.session.cartItems).toHaveLength(2);
      expect(answer.profile.integrationId).toBe('ada');
    }
  },
  async trackEventV2({ talon }) {
    const answer = value(
      await trackEventV2(talon, {
        silent: 'no',
        body: {
          profileId: 'ada',
          type: FAKE_EVENT_TYPE,
          responseContent: ['customerProfile', 'triggeredCampaigns', 'loyalty', 'event', 'achievements'],
        },
      }),
    );
    expect(answer?.effects.map((e) => e.effectType)).toEqual(['addLoyaltyPoints']);
    expect(answer?.event?.type).toBe(FAKE_EVENT_TYPE);
    expect(answer?.achievements).toHaveLength(1);
  },
  async trackEventV3({ talon }) {
    const answer = value(
      await trackEventV3(talon, {
        silent: 'no',
        body: {
          integrationId: 'evt-2',
          profileId: 'ada',
          type: FAKE_EVENT_TYPE,
          responseContent: ['customerProfile', 'triggeredCampaigns', 'loyalty', 'advancedEvent'],
        },
      }),
    );
    expect(answer?.effects.map((e) => e.effectType)).toEqual(['addLoyaltyPoints']);
    expect(answer?.advancedEvent).toMatchObject({ integrationId: 'evt-2', type: FAKE_EVENT_TYPE });
  },
  async unlinkLoyaltyCardFromProfile({ talon }) {
    const card = value(
      await unlinkLoyaltyCardFromProfile(talon, {
        loyaltyProgramId: CARDS,
        loyaltyCardId: CARD,
        body: { integrationId: 'ada' },
      }),
    );
    expect(card).toMatchObject({ identifier: CARD, profiles: [] });
  },
  async updateAudienceCustomersAttributes({ talon, fake, audienceId }) {
    const params = { audienceId, body: { Beans: 'dark roast' } };
    expect(value(await updateAudienceCustomersAttributes(talon, params))).toBeUndefined();
    expect(fake.state.profiles.get('ada')?.attributes).toMatchObject({ Beans: 'dark roast' });
  },
  async updateAudienceV2({ talon, audienceId }) {
    const renamed = value(await updateAudienceV2(talon, { audienceId, body: { name: 'Bean fans' } }));
    expect(renamed).toMatchObject({ id: audienceId, name: 'Bean fans' });
  },
  async updateCustomerProfile({ talon, signed, fake }) {
    for (const [client, via] of [
      [talon, 'key'],
      [signed, 'signature'],
    ] as const) {
      const answer = value(
        await updateCustomerProfile(client, { integrationId: 'ada', body: { attributes: { via } } }),
      );
      expect(answer.profile).toMatchObject({ integrationId: 'ada', attributes: { via } });
      expect(answer.loyalty?.programs[String(PROGRAM)]?.ledger.currentBalance).toBeGreaterThan(0);
      expect(fake.state.profiles.get('ada')?.attributes).toMatchObject({ via });
    }
  },
  async updateCustomerProfileAudiences({ talon, fake }) {
    const params = {
      body: { data: [{ action: 'add' as const, profileIntegrationId: 'bob', audienceId: 2 }] },
    };
    expect(value(await updateCustomerProfileAudiences(talon, params))).toBeUndefined();
    expect(fake.state.profiles.get('bob')?.audiences).toEqual([2]);
  },
  async updateCustomerProfilesV2({ talon }) {
    const answer = value(
      await updateCustomerProfilesV2(talon, {
        silent: 'no',
        body: {
          customerProfiles: [{ integrationId: 'ada', attributes: { a: 1 } }, { integrationId: 'bob' }],
        },
      }),
    );
    expect(answer?.integrationStates?.map((s) => s.customerProfile.integrationId)).toEqual(['ada', 'bob']);
  },
  async updateCustomerProfileV2({ talon }) {
    const answer = value(
      await updateCustomerProfileV2(talon, {
        integrationId: 'ada',
        runRuleEngine: true,
        body: {
          attributes: { Name: 'Ada' },
          responseContent: ['customerProfile', 'triggeredCampaigns', 'loyalty', 'event'],
        },
      }),
    );
    expect(answer.customerProfile?.audienceMemberships?.map((a) => a.name)).toEqual(['Coffee lovers']);
    expect(answer.loyalty?.programs[String(PROGRAM)]).toBeDefined();
    expect(answer.event?.type).toBe('talon_profile_updated');
  },
  async updateCustomerSession({ talon, signed }) {
    for (const [client, id] of [
      [talon, 'legacy-key'],
      [signed, 'legacy-signature'],
    ] as const) {
      const answer = value(
        await updateCustomerSession(client, {
          customerSessionId: id,
          body: { profileId: 'ada', coupon: FAKE_COUPON_CODE, cartItems: CART },
        }),
      );
      expect(answer.session).toMatchObject({ integrationId: id, total: 138 });
      expect(answer.coupon?.value).toBe(FAKE_COUPON_CODE);
      expect(Object.values(answer.session.discounts)).toEqual([13.8]);
    }
  },
  async updateCustomerSessionV2({ talon }) {
    const open = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'cart-open',
        body: {
          customerSession: { couponCodes: [FAKE_COUPON_CODE] },
          responseContent: [
            'customerSession',
            'customerProfile',
            'coupons',
            'triggeredCampaigns',
            'loyalty',
            'referral',
            'event',
            'awardedGiveaways',
            'ruleFailureReasons',
            'campaignEligibility',
            'achievements',
          ],
        },
      }),
    );
    expect(open.effects.map((e) => e.effectType)).toEqual(['acceptCoupon', 'setDiscount']);
    expect(open.achievements).toMatchObject([{ id: FAKE_ACHIEVEMENT_ID, currentProgress: { progress: 3 } }]);
    expect(open.customerSession?.cartItems).toHaveLength(2);
    expect(open.coupons?.map((c) => c.value)).toEqual([FAKE_COUPON_CODE]);
    expect(open.triggeredCampaigns?.length).toBeGreaterThan(0);
    // Cancelling the partly returned order: the rollbacks, and its return.
    const cancelled = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'order-1',
        body: { customerSession: { state: 'cancelled' }, responseContent: ['previousReturns'] },
      }),
    );
    expect(cancelled.effects.map((e) => e.effectType)).toContain('rollbackAddedLoyaltyPoints');
    expect(cancelled.previousReturns).toHaveLength(1);
  },
};

describe('every SDK operation against the fake Talon.One', () => {
  beforeEach(async () => {
    world = await setUp();
  });

  it('has a case for every operation and none for an operation the SDK does not have', () => {
    expect(Object.keys(CASES).filter((id) => !(id in operationIds))).toEqual([]);
    expect(Object.keys(operationIds).filter((id) => !(id in CASES))).toEqual([]);
  });

  it('checks answers with the response schemas: a malformed 200 is a `response` error', async () => {
    const talon = createClient({
      baseUrl: BASE,
      auth: apiKey(FAKE_API_KEY),
      retry: false,
      fetch: async () => Response.json({ effects: 'none' }),
    });
    const result = await getCustomerSession(talon, { customerSessionId: 'order-1' });
    expect(result.ok === false && result.error.kind).toBe('response');
  });

  for (const id of Object.keys(operationIds) as OperationId[])
    it(`${id} answers ok, parsed with the SDK's response schemas, with data`, async () => {
      const run = CASES[id];
      if (!run)
        throw new Error(
          `no case for the operation ${id}: add one to CASES in test/testing/every-operation.test.ts`,
        );
      await run(world);
    });
});
