/**
 * The fake Talon.One's events, audiences, campaign listing, achievements, catalogs and price
 * history (src/testing/more-routes.ts). Calls go through the SDK with response validation on, so
 * an answer that does not fit the SDK's response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  apiKey,
  bestPriorPrice,
  type Client,
  collectItems,
  createAudienceV2,
  createClient,
  deleteAudienceMembershipsV2,
  deleteAudienceV2,
  deleteCustomerData,
  generateLoyaltyCard,
  getCustomerAchievementHistory,
  getCustomerAchievements,
  getCustomerInventory,
  getEventV3,
  getLoyaltyBalances,
  integrationGetAllCampaigns,
  type Result,
  syncCatalog,
  trackEventV2,
  trackEventV3,
  updateAudienceCustomersAttributes,
  updateAudienceV2,
  updateCustomerProfileAudiences,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_ACHIEVEMENT_ID,
  FAKE_API_KEY,
  FAKE_AUDIENCES,
  FAKE_CAMPAIGNS,
  FAKE_CATALOG_ID,
  FAKE_COUPON_CAMPAIGN_ID,
  FAKE_EVENT_TYPE,
  FAKE_LOYALTY_CAMPAIGN_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  FAKE_REFERRAL_CAMPAIGN_ID,
  type FakeCampaign,
  type FakeTalon,
  type FakeTalonOptions,
} from '../../src/testing/index.js';

const BASE = 'https://fake.talon.one';
const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');
const CART = [{ name: 'Beans', sku: 'BEANS-1KG', quantity: 2, price: 24.5 }];

let clock: Date;
let fake: FakeTalon;
let talon: Client<'apiKey'>;

/** The date `n` days after 2026-01-01 (the fake's clock is set to such dates). */
function day(n: number): Date {
  return new Date(START + n * DAY);
}

function makeFake(options: FakeTalonOptions = {}): void {
  fake = createFakeTalon({ now: () => clock, ...options });
  talon = createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), fetch: fake.fetch, retry: false });
}

beforeEach(() => {
  clock = day(151); // 2026-06-01
  makeFake();
});

function value<T>(result: Result<T, { message: string }>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.value;
}

/** The error of a failed result, which must be an HTTP status error (documented unless said). */
function httpError(
  result: Result<unknown, { kind: string; message: string }>,
  status: number,
  documented = true,
) {
  if (result.ok) throw new Error(`expected HTTP ${status}, got ok`);
  const error = result.error as { kind: string; status?: number; documented?: boolean; body?: unknown };
  expect(error.kind, result.error.message).toBe('http');
  expect(error.status).toBe(status);
  expect(error.documented).toBe(documented);
  return error.body as { message: string; errors: { source: { pointer?: string; parameter?: string } }[] };
}

function raw(method: string, path: string, body?: unknown) {
  return fake.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `ApiKey-v1 ${FAKE_API_KEY}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}

function closeOrder(id: string, profileId: string) {
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    body: { customerSession: { profileId, cartItems: CART, state: 'closed' } },
  });
}

describe('custom events (trackEventV2)', () => {
  it('runs the loyalty campaign on the event: points, effects and the parts asked for', async () => {
    const answer = value(
      await trackEventV2(talon, {
        silent: 'no',
        body: {
          profileId: 'ada',
          type: FAKE_EVENT_TYPE,
          attributes: { channel: 'email' },
          storeIntegrationId: 'store-1',
          responseContent: ['customerProfile', 'triggeredCampaigns', 'loyalty', 'event', 'achievements'],
        },
      }),
    );
    expect(answer?.effects).toHaveLength(1);
    expect(answer?.effects[0]).toMatchObject({
      effectType: 'addLoyaltyPoints',
      campaignId: FAKE_LOYALTY_CAMPAIGN_ID,
      props: { value: 50, programId: FAKE_LOYALTY_PROGRAM_ID, recipientIntegrationId: 'ada' },
    });
    expect(answer?.triggeredCampaigns?.map((c) => c.id)).toEqual([FAKE_LOYALTY_CAMPAIGN_ID]);
    expect(answer?.customerProfile?.integrationId).toBe('ada');
    expect(answer?.loyalty?.programs[String(FAKE_LOYALTY_PROGRAM_ID)]?.ledger.currentBalance).toBe(50);
    expect(answer?.event).toMatchObject({
      type: FAKE_EVENT_TYPE,
      profileId: 'ada',
      storeIntegrationId: 'store-1',
      attributes: { channel: 'email' },
    });
    expect(answer?.achievements?.map((a) => [a.id, a.currentProgress?.status])).toEqual([
      [FAKE_ACHIEVEMENT_ID, 'not_started'],
    ]);
    // Only the parts asked for.
    expect(answer?.ruleFailureReasons).toBeUndefined();
    // State: the event with its effects, the points on the profile's ledger.
    const event = fake.state.events.at(-1);
    expect(event).toMatchObject({ type: FAKE_EVENT_TYPE, profileId: 'ada', storeIntegrationId: 'store-1' });
    expect(event?.effects).toHaveLength(1);
    expect(fake.state.profiles.get('ada')?.points[FAKE_LOYALTY_PROGRAM_ID]).toBe(50);
    const balances = value(
      await getLoyaltyBalances(talon, { loyaltyProgramId: FAKE_LOYALTY_PROGRAM_ID, integrationId: 'ada' }),
    );
    expect(balances.balance?.activePoints).toBe(50);
  });

  it('answers 204 when silent (the default); an event no campaign rewards gets no effects', async () => {
    expect(
      value(await trackEventV2(talon, { body: { profileId: 'bob', type: 'app_opened' } })),
    ).toBeUndefined();
    expect(fake.state.events.map((e) => e.type)).toEqual(['app_opened']);
    expect(fake.state.profiles.has('bob')).toBe(true);
    const answer = value(
      await trackEventV2(talon, { silent: 'no', body: { profileId: 'bob', type: 'app_opened' } }),
    );
    expect(answer).toEqual({ effects: [], createdCoupons: [], createdReferrals: [] });
    expect(fake.state.profiles.get('bob')?.points[FAKE_LOYALTY_PROGRAM_ID] ?? 0).toBe(0);
  });

  it('dry=true answers the effects and persists nothing; evaluableCampaignIds narrows a dry run', async () => {
    const dry = value(
      await trackEventV2(talon, {
        silent: 'no',
        dry: true,
        body: { profileId: 'ada', type: FAKE_EVENT_TYPE },
      }),
    );
    expect(dry?.effects.map((e) => e.effectType)).toEqual(['addLoyaltyPoints']);
    expect(fake.state.events).toHaveLength(0);
    expect(fake.state.profiles.size).toBe(0);
    const narrowed = value(
      await trackEventV2(talon, {
        silent: 'no',
        dry: true,
        forceCompleteEvaluation: true,
        body: { profileId: 'ada', type: FAKE_EVENT_TYPE, evaluableCampaignIds: [FAKE_COUPON_CAMPAIGN_ID] },
      }),
    );
    expect(narrowed?.effects).toEqual([]);
  });

  it('earns the event points of a card-based program on the card the event names', async () => {
    makeFake({
      campaigns: [
        {
          type: 'loyalty',
          id: 30,
          name: 'Card scans',
          programId: 31,
          programName: 'Card',
          pointsPerUnit: 1,
          cardBased: true,
          eventPoints: { scan: 5 },
        },
      ],
    });
    const card = value(
      await generateLoyaltyCard(talon, { loyaltyProgramId: 31, body: { cardIdentifier: 'CARD-0001' } }),
    );
    const track = (loyaltyCards?: string[]) =>
      trackEventV2(talon, {
        silent: 'no',
        body: { profileId: 'ada', type: 'scan', ...(loyaltyCards ? { loyaltyCards } : {}) },
      });
    expect(value(await track())?.effects).toEqual([]);
    const earned = value(await track([card.identifier]))?.effects[0];
    expect(earned).toMatchObject({
      effectType: 'addLoyaltyPoints',
      props: { value: 5, cardIdentifier: 'CARD-0001' },
    });
    expect(fake.state.loyaltyCards.get('CARD-0001')?.ledger.map((e) => e.amount)).toEqual([5]);
    expect(fake.state.profiles.get('ada')?.ledger).toEqual([]);
  });

  it('refuses a missing profileId, a bad body and forceCompleteEvaluation without dry with 400', async () => {
    const noProfile = httpError(await trackEventV2(talon, { body: { type: FAKE_EVENT_TYPE } }), 400);
    expect(noProfile.errors[0]?.source.pointer).toBe('/profileId');
    const forced = httpError(
      await trackEventV2(talon, { forceCompleteEvaluation: true, body: { profileId: 'ada', type: 't' } }),
      400,
    );
    expect(forced.errors[0]?.source.parameter).toBe('forceCompleteEvaluation');
    const bad = await raw('POST', '/v2/events', { profileId: 'ada', type: 't', attributes: 'none' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].source.pointer).toBe('/attributes');
    expect(fake.state.events).toHaveLength(0);
  });
});

describe('advanced events (trackEventV3, getEventV3)', () => {
  const track = (integrationId: string, extra: Record<string, unknown> = {}, dry?: boolean) =>
    trackEventV3(talon, {
      silent: 'no',
      ...(dry === undefined ? {} : { dry }),
      body: {
        integrationId,
        profileId: 'ada',
        type: FAKE_EVENT_TYPE,
        attributes: { source: 'app' },
        responseContent: ['advancedEvent', 'loyalty'],
        ...extra,
      },
    });

  it('stores an event under its integrationId, reads it back, and counts it once', async () => {
    const first = value(await track('evt-1'));
    expect(first?.advancedEvent).toMatchObject({
      integrationId: 'evt-1',
      profileId: 'ada',
      type: FAKE_EVENT_TYPE,
      attributes: { source: 'app' },
    });
    expect(first?.effects.map((e) => e.effectType)).toEqual(['addLoyaltyPoints']);
    const read = value(await getEventV3(talon, { integrationId: 'evt-1' }));
    expect(read).toMatchObject({
      integrationId: 'evt-1',
      id: first?.advancedEvent?.id,
      type: FAKE_EVENT_TYPE,
    });
    expect(read.effects).toHaveLength(1);
    // The same integrationId again: 409, nothing recorded, no points twice.
    const again = await track('evt-1');
    if (again.ok) throw new Error('expected 409');
    expect(again.error).toMatchObject({ kind: 'http', status: 409, documented: true });
    expect(fake.state.events.filter((e) => e.integrationId === 'evt-1')).toHaveLength(1);
    expect(fake.state.profiles.get('ada')?.points[FAKE_LOYALTY_PROGRAM_ID]).toBe(50);
    // Another integrationId counts again.
    value(await track('evt-2'));
    expect(fake.state.profiles.get('ada')?.points[FAKE_LOYALTY_PROGRAM_ID]).toBe(100);
  });

  it('answers 404 for an unknown event, and for one whose profile was deleted', async () => {
    httpError(await getEventV3(talon, { integrationId: 'nope' }), 404);
    value(await track('evt-1'));
    value(await deleteCustomerData(talon, { integrationId: 'ada' }));
    httpError(await getEventV3(talon, { integrationId: 'evt-1' }), 404);
  });

  it('dry=true stores nothing; silent (the default) answers 204', async () => {
    value(await track('evt-dry', {}, true));
    httpError(await getEventV3(talon, { integrationId: 'evt-dry' }), 404);
    expect(
      value(await trackEventV3(talon, { body: { integrationId: 'evt-q', profileId: 'ada', type: 'x' } })),
    ).toBeUndefined();
    expect(value(await getEventV3(talon, { integrationId: 'evt-q' })).type).toBe('x');
  });

  it('connects a closed session of the profile; refuses an open or unknown one with 400', async () => {
    value(await closeOrder('order-1', 'ada'));
    value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'cart-open',
        body: { customerSession: { profileId: 'ada', cartItems: CART } },
      }),
    );
    const linked = value(await track('evt-c', { connectedSessionId: 'order-1' }));
    expect(linked?.advancedEvent?.connectedSessionId).toBe('order-1');
    expect(value(await getEventV3(talon, { integrationId: 'evt-c' })).connectedSessionId).toBe('order-1');
    for (const session of ['cart-open', 'nowhere']) {
      const body = httpError(await track(`evt-${session}`, { connectedSessionId: session }), 400);
      expect(body.errors[0]?.source.pointer).toBe('/connectedSessionId');
    }
    const missing = await raw('POST', '/v3/events', { profileId: 'ada', type: 't' });
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors[0].source.pointer).toBe('/integrationId');
  });
});

describe('audiences', () => {
  it('creates, renames and deletes an audience; memberships and member attributes follow', async () => {
    const created = value(
      await createAudienceV2(talon, { body: { name: 'Coffee lovers', description: 'Bought beans' } }),
    );
    expect(created).toMatchObject({ name: 'Coffee lovers', description: 'Bought beans', accountId: 1 });
    expect(fake.state.audiences.get(created.id)?.name).toBe('Coffee lovers');
    // The existing membership operation works with the new audience.
    value(
      await updateCustomerProfileAudiences(talon, {
        body: {
          data: [
            { action: 'add', profileIntegrationId: 'ada', audienceId: created.id },
            { action: 'add', profileIntegrationId: 'bob', audienceId: FAKE_AUDIENCES[0]!.id },
          ],
        },
      }),
    );
    const renamed = value(
      await updateAudienceV2(talon, { audienceId: created.id, body: { name: 'Bean fans' } }),
    );
    expect(renamed).toMatchObject({ id: created.id, name: 'Bean fans', description: 'Bought beans' });
    const profile = value(await getCustomerInventory(talon, { integrationId: 'ada', profile: true })).profile;
    expect(profile?.audienceMemberships).toEqual([{ id: created.id, name: 'Bean fans' }]);
    // Attributes of the members only.
    value(await updateAudienceCustomersAttributes(talon, { audienceId: created.id, body: { Tier: 'gold' } }));
    expect(fake.state.profiles.get('ada')?.attributes).toEqual({ Tier: 'gold' });
    expect(fake.state.profiles.get('bob')?.attributes).toEqual({});
    // Deleting all memberships keeps the audience.
    value(await deleteAudienceMembershipsV2(talon, { audienceId: created.id }));
    expect(fake.state.profiles.get('ada')?.audiences).toEqual([]);
    expect(fake.state.audiences.has(created.id)).toBe(true);
    // Deleting the audience removes it and its memberships.
    value(
      await updateCustomerProfileAudiences(talon, {
        body: { data: [{ action: 'add', profileIntegrationId: 'ada', audienceId: created.id }] },
      }),
    );
    value(await deleteAudienceV2(talon, { audienceId: created.id }));
    expect(fake.state.audiences.has(created.id)).toBe(false);
    expect(fake.state.profiles.get('ada')?.audiences).toEqual([]);
    expect(fake.state.profiles.get('bob')?.audiences).toEqual([FAKE_AUDIENCES[0]!.id]);
    httpError(
      await updateCustomerProfileAudiences(talon, {
        body: { data: [{ action: 'add', profileIntegrationId: 'ada', audienceId: created.id }] },
      }),
      404,
    );
  });

  it('answers 404 for an unknown audience, 409 for a taken integrationId, 400 for a bad body or ID', async () => {
    httpError(await updateAudienceV2(talon, { audienceId: 999, body: { name: 'x' } }), 404);
    httpError(await deleteAudienceV2(talon, { audienceId: 999 }), 404);
    httpError(await deleteAudienceMembershipsV2(talon, { audienceId: 999 }), 404);
    httpError(await updateAudienceCustomersAttributes(talon, { audienceId: 999, body: { a: 1 } }), 404);
    const body = { name: 'Segment list', integration: 'segment', integrationId: 'seg-1' };
    value(await createAudienceV2(talon, { body }));
    httpError(await createAudienceV2(talon, { body }), 409);
    // The same ID from another platform is another audience.
    value(await createAudienceV2(talon, { body: { ...body, integration: 'mparticle' } }));
    const nameless = await raw('POST', '/v2/audiences', { name: '' });
    expect(nameless.status).toBe(400);
    expect((await nameless.json()).errors[0].source.pointer).toBe('/name');
    const badId = await raw('DELETE', '/v2/audiences/abc');
    expect(badId.status).toBe(400);
    expect((await badId.json()).errors[0].source.parameter).toBe('audienceId');
    expect(fake.state.audiences.size).toBe(FAKE_AUDIENCES.length + 2);
  });
});

describe('campaigns (integrationGetAllCampaigns)', () => {
  const schedule: FakeCampaign[] = [
    { type: 'referral', id: 10, name: 'Always', storeIds: [1] },
    {
      type: 'referral',
      id: 11,
      name: 'Spring',
      startTime: '2026-03-01T00:00:00Z',
      endTime: '2026-07-01T00:00:00Z',
    },
    { type: 'referral', id: 12, name: 'Ended', endTime: '2026-05-01T00:00:00Z' },
    { type: 'referral', id: 13, name: 'Later', startTime: '2026-09-01T00:00:00Z' },
    { type: 'referral', id: 14, name: 'May on', startTime: '2026-05-01T00:00:00Z', audienceIds: [2] },
    { type: 'referral', id: 15, name: 'Store 2', storeIds: [2], audienceIds: [2] },
  ];

  it('lists the default campaigns with their rules, features and links', async () => {
    const all = value(await integrationGetAllCampaigns(talon, {}));
    expect(all.hasMore).toBe(false);
    expect(all.data.map((c) => c.id)).toEqual(FAKE_CAMPAIGNS.map((c) => c.id));
    const loyalty = all.data.find((c) => c.id === FAKE_LOYALTY_CAMPAIGN_ID);
    expect(loyalty?.features).toEqual(['loyalty', 'achievements']);
    expect(loyalty?.rules?.length).toBe(3); // points per unit, event points, achievement progress
    expect(all.data.find((c) => c.id === FAKE_REFERRAL_CAMPAIGN_ID)).toMatchObject({
      state: 'enabled',
      features: ['referrals'],
      linkedStoreIds: [],
      linkedAudienceIds: [],
    });
  });

  it('lists only running campaigns, filtered by IDs, dates, store and audience', async () => {
    makeFake({ campaigns: schedule });
    const ids = async (params: Parameters<typeof integrationGetAllCampaigns>[1]) =>
      value(await integrationGetAllCampaigns(talon, params)).data.map((c) => c.id);
    expect(await ids({})).toEqual([10, 11, 14, 15]);
    expect(await ids({ campaignIds: ['11', '12', '15'] })).toEqual([11, 15]);
    expect(await ids({ startAfter: '2026-04-01T00:00:00Z' })).toEqual([14]);
    expect(await ids({ startBefore: '2026-04-01T00:00:00Z' })).toEqual([10, 11, 15]);
    expect(await ids({ endBefore: '2026-12-31T00:00:00Z' })).toEqual([11]);
    expect(await ids({ endAfter: '2027-01-01T00:00:00Z' })).toEqual([10, 14, 15]);
    expect(await ids({ storeId: 2 })).toEqual([15]);
    expect(await ids({ audienceId: 2 })).toEqual([14, 15]);
    const spring = value(await integrationGetAllCampaigns(talon, { campaignIds: ['11'] })).data[0];
    expect(spring).toMatchObject({ startTime: '2026-03-01T00:00:00Z', endTime: '2026-07-01T00:00:00Z' });
    // The clock decides what runs.
    clock = day(260); // 2026-09-18
    expect(await ids({})).toEqual([10, 13, 14, 15]);
  });

  it('paginates with pageSize and skip ({ data, hasMore }), and refuses bad query values', async () => {
    makeFake({ campaigns: schedule });
    const first = value(await integrationGetAllCampaigns(talon, { pageSize: 3 }));
    expect([first.data.map((c) => c.id), first.hasMore]).toEqual([[10, 11, 14], true]);
    const last = value(await integrationGetAllCampaigns(talon, { pageSize: 3, skip: 3 }));
    expect([last.data.map((c) => c.id), last.hasMore]).toEqual([[15], false]);
    const walked = await collectItems(integrationGetAllCampaigns, talon, { pageSize: 1 });
    expect(walked.ok && walked.value.map((c) => c.id)).toEqual([10, 11, 14, 15]);
    for (const query of [
      'pageSize=0',
      'pageSize=1001',
      'skip=-1',
      'campaignIds=1,x',
      'startAfter=yesterday',
    ]) {
      const response = await raw('GET', `/v1/integration/campaigns?${query}`);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(body.errors[0].source.parameter).toBe(query.split('=')[0]);
    }
  });
});

describe('achievements', () => {
  async function closeAt(n: number, id: string, profileId = 'ada') {
    clock = day(n);
    value(await closeOrder(id, profileId));
  }

  it('counts closed orders towards "3 closed orders"; the history records progress and completion', async () => {
    httpError(await getCustomerAchievements(talon, { integrationId: 'ada' }), 404);
    await closeAt(100, 'o-1');
    await closeAt(101, 'o-2');
    const status = value(await getCustomerAchievements(talon, { integrationId: 'ada' }));
    expect(status.totalResultSize).toBe(1);
    expect(status.data[0]).toMatchObject({
      id: FAKE_ACHIEVEMENT_ID,
      campaignId: FAKE_LOYALTY_CAMPAIGN_ID,
      target: 3,
      status: 'active',
      activationPolicy: 'user_action',
      recurrencePolicy: 'no_recurrence',
      currentProgress: { status: 'inprogress', progress: 2, startDate: day(100).toISOString() },
    });
    await closeAt(102, 'o-3');
    await closeAt(103, 'o-4'); // past the target: no_recurrence stays completed
    const history = value(
      await getCustomerAchievementHistory(talon, {
        integrationId: 'ada',
        achievementId: FAKE_ACHIEVEMENT_ID,
      }),
    );
    expect(history).toEqual({
      totalResultSize: 1,
      data: [
        {
          status: 'completed',
          progress: 3,
          startDate: day(100).toISOString(),
          completionDate: day(102).toISOString(),
        },
      ],
    });
    // Cancelling a counted order takes its progress back.
    value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'o-1',
        body: { customerSession: { state: 'cancelled' } },
      }),
    );
    const after = value(await getCustomerAchievements(talon, { integrationId: 'ada' }));
    expect(after.data[0]?.currentProgress).toMatchObject({ status: 'completed', progress: 3 });
    value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'o-2',
        body: { customerSession: { state: 'cancelled' } },
      }),
    );
    const undone = value(await getCustomerAchievements(talon, { integrationId: 'ada' }));
    expect(undone.data[0]?.currentProgress).toMatchObject({ status: 'inprogress', progress: 2 });
  });

  it('filters and paginates the list and the history of a recurring achievement', async () => {
    makeFake({
      achievements: [
        {
          id: 21,
          campaignId: FAKE_LOYALTY_CAMPAIGN_ID,
          name: 'TwoOrders',
          title: '2 orders',
          target: 2,
          recurrencePolicy: 'on_completion',
        },
        { id: 22, campaignId: FAKE_COUPON_CAMPAIGN_ID, name: 'TenOrders', title: '10 orders', target: 10 },
        {
          id: 23,
          campaignId: FAKE_LOYALTY_CAMPAIGN_ID,
          name: 'Autumn',
          title: 'Autumn orders',
          target: 1,
          fixedStartDate: '2026-09-01T00:00:00Z',
        },
      ],
    });
    for (let i = 0; i < 5; i++) await closeAt(10 + i, `o-${i}`);
    const list = async (params: Omit<Parameters<typeof getCustomerAchievements>[1], 'integrationId'>) =>
      value(await getCustomerAchievements(talon, { integrationId: 'ada', ...params }));
    expect(
      (await list({})).data.map((a) => [a.id, a.currentProgress?.status, a.currentProgress?.progress]),
    ).toEqual([
      [21, 'inprogress', 1],
      [22, 'inprogress', 5],
    ]);
    expect((await list({ achievementStatus: ['scheduled'] })).data.map((a) => a.id)).toEqual([23]);
    expect(
      (
        await list({ achievementStatus: ['active', 'scheduled'], currentProgressStatus: ['not_started'] })
      ).data.map((a) => a.id),
    ).toEqual([23]);
    expect((await list({ campaignIds: [String(FAKE_COUPON_CAMPAIGN_ID)] })).data.map((a) => a.id)).toEqual([
      22,
    ]);
    expect((await list({ achievementIds: ['21'] })).data.map((a) => a.id)).toEqual([21]);
    const paged = await list({ pageSize: 1, skip: 1 });
    expect([paged.totalResultSize, paged.data.map((a) => a.id)]).toEqual([2, [22]]);
    // on_completion: every 2 orders complete an iteration.
    const history = async (
      params: Omit<Parameters<typeof getCustomerAchievementHistory>[1], 'integrationId' | 'achievementId'>,
    ) =>
      value(
        await getCustomerAchievementHistory(talon, { integrationId: 'ada', achievementId: 21, ...params }),
      );
    expect((await history({})).data.map((r) => [r.status, r.progress, r.startDate])).toEqual([
      ['completed', 2, day(10).toISOString()],
      ['completed', 2, day(12).toISOString()],
      ['inprogress', 1, day(14).toISOString()],
    ]);
    expect((await history({ progressStatus: ['completed'] })).totalResultSize).toBe(2);
    expect((await history({ startDate: day(11).toISOString() })).data.map((r) => r.startDate)).toEqual([
      day(12).toISOString(),
      day(14).toISOString(),
    ]);
    const second = await history({ pageSize: 1, skip: 1 });
    expect([second.totalResultSize, second.data[0]?.startDate]).toEqual([3, day(12).toISOString()]);
    httpError(await getCustomerAchievementHistory(talon, { integrationId: 'ada', achievementId: 99 }), 404);
    const bad = await raw('GET', '/v1/customer_profiles/ada/achievements?currentProgressStatus=done');
    expect(bad.status).toBe(400);
  });

  it('lists nothing where no achievement is configured', async () => {
    makeFake({ achievements: [] });
    await closeAt(10, 'o-1');
    expect(value(await getCustomerAchievements(talon, { integrationId: 'ada' }))).toEqual({
      totalResultSize: 0,
      data: [],
    });
    // Replacing the campaigns drops the default achievement with its campaign.
    makeFake({ campaigns: [{ type: 'referral', id: 1, name: 'Only referrals' }] });
    await closeAt(10, 'o-1');
    expect(value(await getCustomerAchievements(talon, { integrationId: 'ada' })).data).toEqual([]);
    expect(() =>
      createFakeTalon({
        achievements: [{ id: 1, campaignId: 404, name: 'Lost', title: 'Lost', target: 1 }],
      }),
    ).toThrow(/campaign 404/);
  });
});

describe('catalogs (syncCatalog)', () => {
  const sync = (
    actions: {
      type: 'ADD' | 'PATCH' | 'PATCH_MANY' | 'REMOVE' | 'REMOVE_MANY' | 'ADD_PRICE_ADJUSTMENT';
      payload: Record<string, unknown>;
    }[],
    version?: number,
  ) =>
    syncCatalog(talon, {
      catalogId: FAKE_CATALOG_ID,
      body: { actions, ...(version === undefined ? {} : { version }) },
    });
  const items = () => fake.state.catalogs.get(FAKE_CATALOG_ID)?.items;

  it('applies each action type; the version grows with every sync', async () => {
    const added = value(
      await sync([
        { type: 'ADD', payload: { sku: 'S-40', price: 100, attributes: { size: 40, color: 'blue' } } },
        {
          type: 'ADD',
          payload: {
            sku: 'S-46',
            price: 120,
            attributes: { size: 46, color: 'red' },
            product: { name: 'Shoe' },
          },
        },
        { type: 'ADD', payload: { sku: 'S-47', price: 130, attributes: { size: 47, color: 'blue' } } },
      ]),
    );
    expect(added).toMatchObject({ id: FAKE_CATALOG_ID, version: 2, name: 'Products' });
    expect([...(items()?.keys() ?? [])]).toEqual(['S-40', 'S-46', 'S-47']);
    expect(
      value(
        await sync(
          [{ type: 'PATCH', payload: { sku: 'S-40', price: 90, attributes: { color: 'navy' } } }],
          2,
        ),
      ).version,
    ).toBe(3);
    expect(items()?.get('S-40')).toMatchObject({ price: 90, attributes: { size: 40, color: 'navy' } });
    value(
      await sync([
        {
          type: 'PATCH_MANY',
          payload: { attributes: { sale: true }, filters: [{ attr: 'color', op: 'IN', value: 'red,navy' }] },
        },
      ]),
    );
    expect([...(items()?.values() ?? [])].filter((i) => i.attributes.sale).map((i) => i.sku)).toEqual([
      'S-40',
      'S-46',
    ]);
    value(
      await sync([
        {
          type: 'REMOVE_MANY',
          payload: {
            filters: [
              { attr: 'size', op: 'GT', value: '45' },
              { attr: 'color', op: 'EQ', value: 'blue' },
            ],
          },
        },
      ]),
    );
    expect([...(items()?.keys() ?? [])]).toEqual(['S-40', 'S-46']);
    value(await sync([{ type: 'REMOVE', payload: { sku: 'S-46' } }]));
    expect([...(items()?.keys() ?? [])]).toEqual(['S-40']);
    // ADD with replaceIfExists keeps the price when none is given and replaces the attributes.
    value(
      await sync([
        { type: 'ADD', payload: { sku: 'S-40', attributes: { size: 41 }, replaceIfExists: true } },
      ]),
    );
    expect(items()?.get('S-40')).toMatchObject({ price: 90, attributes: { size: 41 } });
    // PATCH with createIfNotExists adds the item.
    const last = value(
      await sync([{ type: 'PATCH', payload: { sku: 'S-50', price: 5, createIfNotExists: true } }]),
    );
    expect(last.version).toBe(8); // 1 at the start, then seven syncs
    expect(fake.state.catalogs.get(FAKE_CATALOG_ID)?.version).toBe(8);
  });

  it('refuses a bad sync with 400 and changes nothing; an unknown catalog is a 404', async () => {
    value(await sync([{ type: 'ADD', payload: { sku: 'A', price: 1 } }]));
    const refusals: [Parameters<typeof sync>[0], string, number?][] = [
      [
        [
          { type: 'ADD', payload: { sku: 'B' } },
          { type: 'REMOVE', payload: { sku: 'A' } },
        ],
        '/actions/1/type',
      ],
      [
        [
          { type: 'ADD', payload: { sku: 'B' } },
          { type: 'ADD', payload: { sku: 'B' } },
        ],
        '/actions/1/payload/sku',
      ],
      [
        [
          { type: 'ADD', payload: { sku: 'C' } },
          { type: 'ADD', payload: { sku: 'A' } },
        ],
        '/actions/1/payload/sku',
      ],
      [[{ type: 'PATCH', payload: { sku: 'Z', price: 2 } }], '/actions/0/payload/sku'],
      [[{ type: 'ADD', payload: { sku: 'B', price: 'cheap' } }], '/actions/0/payload/price'],
      [[{ type: 'ADD', payload: { sku: 'B', colour: 'red' } }], '/actions/0/payload/colour'],
      [
        [{ type: 'REMOVE_MANY', payload: { filters: [{ attr: 'size', op: 'GT', value: 'big' }] } }],
        '/actions/0/payload/filters/0/value',
      ],
      [[{ type: 'ADD', payload: { sku: 'B' } }], '/version', 7],
    ];
    for (const [actions, pointer, version] of refusals) {
      const body = httpError(await sync(actions, version), 400);
      expect(body.errors[0]?.source.pointer, pointer).toBe(pointer);
    }
    expect([...(items()?.keys() ?? [])]).toEqual(['A']);
    expect(fake.state.catalogs.get(FAKE_CATALOG_ID)?.version).toBe(2);
    httpError(
      await syncCatalog(talon, {
        catalogId: 404,
        body: { actions: [{ type: 'REMOVE', payload: { sku: 'A' } }] },
      }),
      404,
    );
    const empty = await raw('PUT', `/v1/catalogs/${FAKE_CATALOG_ID}/sync`, { actions: [] });
    expect(empty.status).toBe(400);
  });

  it('takes its catalogs from the options', async () => {
    makeFake({ catalogs: [{ id: 9, name: 'Shop', items: [{ sku: 'X', price: 3, attributes: { a: 1 } }] }] });
    expect(fake.state.catalogs.get(9)?.items.get('X')).toMatchObject({ price: 3, attributes: { a: 1 } });
    httpError(
      await syncCatalog(talon, {
        catalogId: FAKE_CATALOG_ID,
        body: { actions: [{ type: 'REMOVE', payload: { sku: 'X' } }] },
      }),
      404,
    );
    expect(
      value(
        await syncCatalog(talon, {
          catalogId: 9,
          body: { actions: [{ type: 'REMOVE', payload: { sku: 'X' } }] },
        }),
      ).version,
    ).toBe(2);
    expect(() =>
      createFakeTalon({
        catalogs: [
          { id: 1, name: 'a' },
          { id: 1, name: 'b' },
        ],
      }),
    ).toThrow(/two catalogs/);
  });
});

describe('best prior price', () => {
  const ask = (skus: string[], at: Date, type: 'strict' | 'price' | 'sale', timeframe = '30') =>
    bestPriorPrice(talon, { body: { skus, timeframe, timeframeEndDate: at, timeframeEndDateType: type } });

  /** Prices of SHOE: 100 from day 0, 120 from day 40, 80 from day 50. */
  async function history() {
    const at = async (n: number, type: 'ADD' | 'PATCH', price: number) => {
      clock = day(n);
      value(
        await syncCatalog(talon, {
          catalogId: FAKE_CATALOG_ID,
          body: { actions: [{ type, payload: { sku: 'SHOE', price } }] },
        }),
      );
    };
    await at(0, 'ADD', 100);
    await at(40, 'PATCH', 120);
    await at(45, 'PATCH', 120); // the same price again is no new observation
    await at(50, 'PATCH', 80);
  }

  it('answers the lowest price of the look-back window from the price history syncCatalog keeps', async () => {
    await history();
    expect(fake.state.priceHistory.map((o) => o.price)).toEqual([100, 120, 80]);
    const strict = value(await ask(['SHOE', 'UNKNOWN'], day(55), 'strict'));
    expect(strict).toHaveLength(1);
    expect(strict[0]).toMatchObject({
      sku: 'SHOE',
      price: 80,
      observedAt: day(50).toISOString(),
      contextIds: [],
    });
    // `price`: the window ends where the current price (80) started, so the prices before count.
    expect(value(await ask(['SHOE'], day(55), 'price'))[0]).toMatchObject({
      price: 100,
      observedAt: day(0).toISOString(),
    });
    // The price in force when the window opens counts, even if set long before.
    expect(value(await ask(['SHOE'], day(70), 'price', '10'))[0]?.price).toBe(120);
    // Before any price, or before the item existed: nothing.
    expect(value(await ask(['SHOE'], new Date(START - DAY), 'strict'))).toEqual([]);
  });

  it('records price adjustments with their context; `sale` ends the window where the sale began', async () => {
    await history();
    clock = day(55);
    value(
      await syncCatalog(talon, {
        catalogId: FAKE_CATALOG_ID,
        body: {
          actions: [
            {
              type: 'ADD_PRICE_ADJUSTMENT',
              payload: {
                sku: 'SHOE',
                adjustments: [
                  {
                    priceType: 'member',
                    price: 70,
                    referenceId: 'adj-1',
                    contextId: 'summer-sale',
                    effectiveFrom: day(60).toISOString(),
                    effectiveUntil: day(70).toISOString(),
                  },
                ],
              },
            },
          ],
        },
      }),
    );
    const during = value(await ask(['SHOE'], day(65), 'strict'))[0];
    expect(during).toMatchObject({
      price: 70,
      contextIds: ['summer-sale'],
      contextId: 'summer-sale',
      metadata: { adjustmentDetails: { referenceId: 'adj-1', selectedPriceType: 'member', value: 70 } },
    });
    expect(value(await ask(['SHOE'], day(65), 'sale'))[0]?.price).toBe(80);
    // After the sale the item's own price is observed again.
    expect(fake.state.priceHistory.at(-1)).toMatchObject({ price: 80, observedAt: day(70).toISOString() });
  });

  it('refuses a timeframe that is not a number of days, and an AUDIENCE target without an audience', async () => {
    const body = httpError(await ask(['SHOE'], day(1), 'strict', 'month'), 400, false);
    expect(body.errors[0]?.source.pointer).toBe('/timeframe');
    const target = await bestPriorPrice(talon, {
      body: {
        skus: ['SHOE'],
        timeframe: '30',
        timeframeEndDate: day(1),
        timeframeEndDateType: 'strict',
        target: { targetType: 'AUDIENCE' },
      },
    });
    expect(httpError(target, 400, false).errors[0]?.source.pointer).toBe('/target/audienceID');
    const missing = await raw('POST', '/v1/best_prior_price', {
      skus: [],
      timeframe: '30',
      timeframeEndDate: '2026-01-01T00:00:00Z',
      timeframeEndDateType: 'strict',
    });
    expect(missing.status).toBe(400);
  });
});
