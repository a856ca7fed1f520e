/**
 * One customer, ada, through every operation of the SDK against the fake Talon.One, asserting
 * on the state at each step: she joins the loyalty program and gets a card, earns points by
 * closing orders (pending, then activated), returns an item and loses its share of the points,
 * completes "3 closed orders", reopens and closes an order again, tracks events (an advanced one
 * read back by its integrationId, and counted once), joins and leaves an audience that is renamed
 * and deleted, and in the end loses her points with her transactions and then her data. The
 * journey records which operations it called and fails when one is missing.
 */
import { expect, it } from 'vitest';
import {
  activateLoyaltyPoints,
  apiKey,
  bestPriorPrice,
  collectItems,
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
  type Effect,
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
  paginateItems,
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
  FAKE_LOYALTY_CAMPAIGN_ID,
  FAKE_LOYALTY_CARD_PROGRAM_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  FAKE_REFERRAL_CAMPAIGN_ID,
  type FakeCampaign,
} from '../../src/testing/index.js';
import { ROUTES } from '../../src/testing/operations.js';

const BASE = 'https://fake.talon.one';
const PROGRAM = FAKE_LOYALTY_PROGRAM_ID;
const CARDS = FAKE_LOYALTY_CARD_PROGRAM_ID;
const DAY = 86_400_000;
const BEANS = { name: 'Espresso beans', sku: 'BEANS-1KG', quantity: 2, price: 24.5 }; // 49.00
const GRINDER = { name: 'Grinder', sku: 'GRIND-1', quantity: 1, price: 89 };
const CART = [BEANS, GRINDER]; // 138.00

/** The default campaigns, with the points of the profile program pending for 14 days. */
const CAMPAIGNS: readonly FakeCampaign[] = FAKE_CAMPAIGNS.map((c) =>
  c.id === FAKE_LOYALTY_CAMPAIGN_ID && c.type === 'loyalty' ? { ...c, pendingDays: 14 } : c,
);

/** The operation of a request, found by the fake's own routes. */
function operationOf(request: Request): string | undefined {
  const path = new URL(request.url).pathname;
  return ROUTES.find(
    (r) => r.method === request.method && new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path),
  )?.id;
}

function value<T>(result: Result<T, { kind: string; message: string }>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

function status(result: Result<unknown, { kind: string; message: string }>): number | undefined {
  return result.ok ? result.response.status : (result.error as { status?: number }).status;
}

function points(effects: readonly Effect[], type: 'addLoyaltyPoints' | 'rollbackAddedLoyaltyPoints') {
  return effects.flatMap((e) =>
    e.effectType === type ? [[e.props.value, e.props.cardIdentifier ?? 'profile'] as const] : [],
  );
}

it('one customer through every operation, the state following each step', async () => {
  let clock = new Date('2026-06-01T10:00:00Z');
  const later = (days: number) => {
    clock = new Date(clock.getTime() + days * DAY);
  };
  const fake = createFakeTalon({ now: () => clock, campaigns: CAMPAIGNS });
  const called = new Set<string>();
  const fetch = (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const id = operationOf(request);
    if (id) called.add(id);
    return fake.fetch(request);
  };
  const talon = createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), fetch, retry: false });
  const signed = createClient({
    baseUrl: BASE,
    auth: contentSignature({ applicationId: FAKE_APPLICATION_ID, applicationKey: FAKE_APPLICATION_KEY }),
    fetch,
    retry: false,
  });
  const ada = () => fake.state.profiles.get('ada');
  const balance = async () =>
    value(
      await getLoyaltyBalances(talon, {
        loyaltyProgramId: PROGRAM,
        integrationId: 'ada',
        includeTiers: true,
      }),
    ).balance;
  const card = (loyaltyCardId: string) => ({ loyaltyProgramId: CARDS, loyaltyCardId });
  const close = (id: string, cartItems: typeof CART, extra: Record<string, unknown> = {}) =>
    updateCustomerSessionV2(talon, {
      customerSessionId: id,
      body: {
        customerSession: { profileId: 'ada', cartItems, state: 'closed', ...extra },
        responseContent: ['customerSession', 'loyalty'],
      },
    });

  // --- The profile: created by a V2 update, changed in bulk and by the 2021 API (signed). ---
  const created = value(
    await updateCustomerProfileV2(talon, {
      integrationId: 'ada',
      body: { attributes: { Name: 'Ada' }, responseContent: ['customerProfile'] },
    }),
  );
  expect(created.customerProfile).toMatchObject({ integrationId: 'ada', closedSessions: 0 });
  const bulk = value(
    await updateCustomerProfilesV2(talon, {
      silent: 'no',
      body: { customerProfiles: [{ integrationId: 'ada', attributes: { City: 'Berlin' } }] },
    }),
  );
  expect(bulk?.integrationStates).toHaveLength(1);
  value(
    await updateCustomerProfile(signed, { integrationId: 'ada', body: { attributes: { Plan: 'gold' } } }),
  );
  expect(ada()?.attributes).toEqual({ Name: 'Ada', City: 'Berlin', Plan: 'gold' });

  // --- Loyalty: she joins the program and gets a card. ---
  value(await joinLoyaltyProgram(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' }));
  expect(ada()?.joined[PROGRAM]).toBe(clock.toISOString());
  expect(await balance()).toMatchObject({ activePoints: 0, pendingPoints: 0, nextTierName: 'Silver' });
  const generated = value(await generateLoyaltyCard(talon, { loyaltyProgramId: CARDS, body: {} }));
  const CARD = generated.identifier;
  expect(generated.profiles).toEqual([]);
  expect(fake.state.loyaltyCards.has(CARD)).toBe(true);
  const linked = value(
    await linkLoyaltyCardToProfile(talon, { ...card(CARD), body: { integrationId: 'ada' } }),
  );
  expect(linked.profiles?.map((p) => p.integrationId)).toEqual(['ada']);

  // --- Order 1 with the coupon, on her card: open, read back, closed. ---
  const open = value(
    await updateCustomerSessionV2(talon, {
      customerSessionId: 'order-1',
      body: { customerSession: { profileId: 'ada', cartItems: CART, couponCodes: [FAKE_COUPON_CODE] } },
    }),
  );
  expect(open.effects.map((e) => e.effectType)).toEqual(['acceptCoupon', 'setDiscount']);
  const read = value(await getCustomerSession(talon, { customerSessionId: 'order-1' }));
  expect(read.customerSession).toMatchObject({ state: 'open', total: 138 });
  // Closing earns 1 point per unit of the discounted cart (124.20): pending for 14 days on her
  // ledger, active at once on the card.
  const first = value(await close('order-1', CART, { loyaltyCards: [CARD] }));
  expect(points(first.effects, 'addLoyaltyPoints')).toEqual([
    [124, 'profile'],
    [124, CARD],
  ]);
  expect(await balance()).toMatchObject({ activePoints: 0, pendingPoints: 124 });
  expect(value(await getLoyaltyCardBalances(talon, card(CARD))).balance?.activePoints).toBe(124);

  // The pending points of order 1 are activated.
  const activated = value(
    await activateLoyaltyPoints(talon, { loyaltyProgramId: PROGRAM, body: { sessionId: 'order-1' } }),
  );
  expect(activated.ledgerEntries?.map((e) => e.amount)).toEqual([124]);
  expect(await balance()).toMatchObject({
    activePoints: 124,
    pendingPoints: 0,
    currentTier: { name: 'Silver' },
  });

  // --- The grinder goes back: its share of the points (89 of 138) leaves her ledger and the card. ---
  const returned = value(
    await returnCartItems(talon, {
      customerSessionId: 'order-1',
      body: { return: { returnedCartItems: [{ sku: 'GRIND-1' }] }, responseContent: ['previousReturns'] },
    }),
  );
  expect(points(returned.effects, 'rollbackAddedLoyaltyPoints')).toEqual([
    [80, 'profile'],
    [80, CARD],
  ]);
  expect(returned.previousReturns).toEqual([]);
  expect(fake.state.sessions.get('order-1')?.state).toBe('partially_returned');
  expect((await balance())?.activePoints).toBe(44);
  expect(value(await getLoyaltyCardBalances(talon, card(CARD))).balance?.activePoints).toBe(44);

  // --- Two more orders complete "3 closed orders". ---
  later(1);
  value(await close('order-2', CART));
  const inProgress = value(await getCustomerAchievements(talon, { integrationId: 'ada' }));
  expect(inProgress.data[0]?.currentProgress).toMatchObject({ status: 'inprogress', progress: 2 });
  later(1);
  value(await close('order-3', CART));
  const done = value(await getCustomerAchievements(talon, { integrationId: 'ada' }));
  expect(done.data[0]?.currentProgress).toMatchObject({
    status: 'completed',
    progress: 3,
    completionDate: clock.toISOString(),
  });
  expect(await balance()).toMatchObject({ activePoints: 44, pendingPoints: 276 });

  // --- Order 3 is reopened (its points and its progress go back), changed and closed again. ---
  later(1);
  const reopened = value(await reopenCustomerSession(talon, { customerSessionId: 'order-3' }));
  expect(points(reopened.effects, 'rollbackAddedLoyaltyPoints')).toEqual([[138, 'profile']]);
  expect(fake.state.sessions.get('order-3')?.state).toBe('open');
  expect(await balance()).toMatchObject({ activePoints: 44, pendingPoints: 138 });
  const undone = value(await getCustomerAchievements(talon, { integrationId: 'ada' }));
  expect(undone.data[0]?.currentProgress).toMatchObject({ status: 'inprogress', progress: 2 });
  const again = value(await close('order-3', [BEANS]));
  expect(points(again.effects, 'addLoyaltyPoints')).toEqual([[49, 'profile']]);
  const history = value(
    await getCustomerAchievementHistory(talon, { integrationId: 'ada', achievementId: FAKE_ACHIEVEMENT_ID }),
  );
  expect(history.data).toMatchObject([
    { status: 'completed', progress: 3, completionDate: clock.toISOString() },
  ]);

  // Two weeks later the pending points of orders 2 and 3 are active: Silver, 269 to Gold.
  later(15);
  expect(await balance()).toMatchObject({
    activePoints: 44 + 138 + 49,
    pendingPoints: 0,
    currentTier: { name: 'Silver' },
    nextTierName: 'Gold',
    pointsToNextTier: 500 - 231,
  });
  const unused = value(
    await getLoyaltyProgramProfilePoints(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' }),
  );
  expect(unused.data.map((p) => p.amount).reduce((a, b) => a + b, 0)).toBe(231);

  // --- Her transactions, walked with the pagination helpers, newest first. ---
  const all = value(
    await getLoyaltyProgramProfileTransactions(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' }),
  );
  expect(all.data.map((t) => [t.customerSessionId, t.amount])).toEqual([
    ['order-3', 49],
    ['order-3', -138],
    ['order-3', 138],
    ['order-2', 138],
    ['order-1', -80],
    ['order-1', 124],
  ]);
  const walked = await collectItems(getLoyaltyProgramProfileTransactions, talon, {
    loyaltyProgramId: PROGRAM,
    integrationId: 'ada',
    pageSize: 4,
  });
  expect(walked.ok && walked.value).toEqual(all.data);
  const cardAmounts: number[] = [];
  for await (const tx of paginateItems(getLoyaltyCardTransactions, talon, { ...card(CARD), pageSize: 1 }))
    cardAmounts.push(value(tx).amount);
  expect(cardAmounts).toEqual([-80, 124]);
  const cardPoints = value(await getLoyaltyCardPoints(talon, card(CARD)));
  expect(cardPoints.data.map((p) => p.amount)).toEqual([44]);

  // --- Events: a custom event earns 50 (pending) points; an advanced one counts once and reads back. ---
  const custom = value(
    await trackEventV2(talon, { silent: 'no', body: { profileId: 'ada', type: FAKE_EVENT_TYPE } }),
  );
  expect(points(custom?.effects ?? [], 'addLoyaltyPoints')).toEqual([[50, 'profile']]);
  const advanced = () =>
    trackEventV3(talon, {
      silent: 'no',
      body: {
        integrationId: 'evt-newsletter',
        profileId: 'ada',
        type: FAKE_EVENT_TYPE,
        attributes: { list: 'weekly' },
      },
    });
  expect(points(value(await advanced())?.effects ?? [], 'addLoyaltyPoints')).toEqual([[50, 'profile']]);
  expect(status(await advanced())).toBe(409);
  expect(ada()?.points[PROGRAM]).toBe(231 + 50 + 50);
  const event = value(await getEventV3(talon, { integrationId: 'evt-newsletter' }));
  expect(event).toMatchObject({
    integrationId: 'evt-newsletter',
    profileId: 'ada',
    attributes: { list: 'weekly' },
  });
  const legacy = value(
    await trackEvent(signed, {
      body: { profileId: 'ada', type: 'viewed_product', attributes: {}, sessionId: 'browse-1' },
    }),
  );
  expect(legacy.event.type).toBe('viewed_product');
  expect(fake.state.events.filter((e) => e.profileId === 'ada' && e.type === FAKE_EVENT_TYPE)).toHaveLength(
    2,
  );

  // --- An audience: she joins, it sets her attributes, is renamed, emptied and deleted. ---
  const audience = value(await createAudienceV2(talon, { body: { name: 'Coffee lovers' } }));
  value(
    await updateCustomerProfileAudiences(talon, {
      body: { data: [{ action: 'add', profileIntegrationId: 'ada', audienceId: audience.id }] },
    }),
  );
  expect(ada()?.audiences).toEqual([audience.id]);
  value(await updateAudienceCustomersAttributes(talon, { audienceId: audience.id, body: { Roast: 'dark' } }));
  expect(ada()?.attributes.Roast).toBe('dark');
  value(await updateAudienceV2(talon, { audienceId: audience.id, body: { name: 'Bean fans' } }));
  const renamed = value(await getCustomerInventory(talon, { integrationId: 'ada', profile: true }));
  expect(renamed.profile?.audienceMemberships).toEqual([{ id: audience.id, name: 'Bean fans' }]);
  value(await deleteAudienceMembershipsV2(talon, { audienceId: audience.id }));
  expect(ada()?.audiences).toEqual([]);
  value(await deleteAudienceV2(talon, { audienceId: audience.id }));
  expect(fake.state.audiences.has(audience.id)).toBe(false);

  // --- The catalog: prices synced, then the best prior price from the price history. ---
  const synced = value(
    await syncCatalog(talon, {
      catalogId: FAKE_CATALOG_ID,
      body: { actions: CART.map((i) => ({ type: 'ADD' as const, payload: { sku: i.sku, price: i.price } })) },
    }),
  );
  expect(synced.version).toBe(2);
  later(10);
  value(
    await syncCatalog(talon, {
      catalogId: FAKE_CATALOG_ID,
      body: { actions: [{ type: 'PATCH', payload: { sku: 'GRIND-1', price: 79 } }] },
    }),
  );
  expect(fake.state.catalogs.get(FAKE_CATALOG_ID)?.items.get('GRIND-1')?.price).toBe(79);
  later(1);
  const prior = (timeframeEndDateType: 'strict' | 'price') =>
    bestPriorPrice(talon, {
      body: { skus: ['GRIND-1'], timeframe: '30', timeframeEndDate: clock, timeframeEndDateType },
    });
  expect(value(await prior('strict'))[0]?.price).toBe(79); // the lowest of the last 30 days
  expect(value(await prior('price'))[0]?.price).toBe(89); // the lowest before the current price

  // --- The campaigns that run, walked one by one. ---
  const campaigns = await collectItems(integrationGetAllCampaigns, talon, { pageSize: 1 });
  expect(campaigns.ok && campaigns.value.map((c) => c.id)).toEqual(CAMPAIGNS.map((c) => c.id));

  // --- Coupons and referrals. ---
  value(
    await createCouponReservation(talon, { couponValue: 'VIP25-ONLY', body: { integrationIDs: ['ada'] } }),
  );
  const reserved = value(await getReservedCustomers(talon, { couponValue: 'VIP25-ONLY' }));
  expect(reserved.data.map((p) => p.integrationId)).toEqual(['ada']);
  value(
    await deleteCouponReservation(talon, { couponValue: 'VIP25-ONLY', body: { integrationIDs: ['ada'] } }),
  );
  expect(fake.state.coupons.get('VIP25-ONLY')?.reservedBy).toEqual([]);
  value(
    await createReferral(talon, {
      body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' },
    }),
  );
  value(
    await createReferralsForMultipleAdvocates(talon, {
      silent: 'no',
      body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationIds: ['ada'] },
    }),
  );
  expect(
    [...fake.state.referrals.values()].filter((r) => r.advocateProfileIntegrationId === 'ada'),
  ).toHaveLength(2);

  // --- A cart through the 2021 API, then cancelled. ---
  const legacyCart = value(
    await updateCustomerSession(signed, {
      customerSessionId: 'legacy-cart',
      body: { profileId: 'ada', cartItems: [BEANS], coupon: FAKE_COUPON_CODE },
    }),
  );
  expect(Object.values(legacyCart.session.discounts)).toEqual([4.9]); // 10 % of 49
  value(
    await updateCustomerSession(talon, { customerSessionId: 'legacy-cart', body: { state: 'cancelled' } }),
  );
  expect(fake.state.sessions.get('legacy-cart')?.state).toBe('cancelled');

  // --- Everything she has, in one inventory; then the card is unlinked. ---
  const inventory = value(
    await getCustomerInventory(talon, {
      integrationId: 'ada',
      profile: true,
      loyalty: true,
      referrals: true,
      coupons: true,
      achievements: true,
    }),
  );
  expect(inventory.profile).toMatchObject({ closedSessions: 3 });
  // The points of the two events are still pending (14 days, like those of orders).
  expect(inventory.loyalty?.programs[String(PROGRAM)]?.ledger).toMatchObject({
    currentBalance: 231,
    pendingBalance: 100,
  });
  expect(inventory.loyalty?.cards?.map((c) => [c.identifier, c.ledger?.currentBalance])).toEqual([
    [CARD, 44],
  ]);
  expect(inventory.referrals).toHaveLength(2);
  expect(inventory.achievements).toMatchObject([{ achievementId: FAKE_ACHIEVEMENT_ID, status: 'completed' }]);
  const unlinked = value(
    await unlinkLoyaltyCardFromProfile(talon, { ...card(CARD), body: { integrationId: 'ada' } }),
  );
  expect(unlinked.profiles).toEqual([]);
  expect(fake.state.loyaltyCards.get(CARD)?.profiles).toEqual([]);
  const withoutCard = value(await getCustomerInventory(talon, { integrationId: 'ada', loyalty: true }));
  expect(withoutCard.loyalty?.cards).toEqual([]);

  // --- Her transactions are deleted: every point is gone. ---
  value(
    await deleteLoyaltyTransactionsFromLedgers(talon, {
      loyaltyProgramId: PROGRAM,
      integrationId: 'ada',
      body: { scope: 'AllSubledgers' },
    }),
  );
  expect(await balance()).toMatchObject({ activePoints: 0, pendingPoints: 0, expiredPoints: 0 });
  expect(
    value(
      await getLoyaltyProgramProfileTransactions(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' }),
    ).data,
  ).toEqual([]);
  expect(ada()?.ledger).toEqual([]);

  // --- And then her data: the profile, its sessions and events are gone. ---
  value(await deleteCustomerData(talon, { integrationId: 'ada' }));
  expect(fake.state.profiles.has('ada')).toBe(false);
  expect([...fake.state.sessions.values()].filter((s) => s.profileId === 'ada')).toEqual([]);
  expect(status(await getCustomerInventory(talon, { integrationId: 'ada' }))).toBe(404);
  expect(status(await getEventV3(talon, { integrationId: 'evt-newsletter' }))).toBe(404);

  // The journey went through every operation of the SDK.
  expect(Object.keys(operationIds).filter((id) => !called.has(id))).toEqual([]);
});
