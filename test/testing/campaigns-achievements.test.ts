/**
 * The fake Talon.One's campaign listing (integrationGetAllCampaigns) and achievements.
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Client,
  collectItems,
  getCustomerAchievementHistory,
  getCustomerAchievements,
  integrationGetAllCampaigns,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_ACHIEVEMENT_ID,
  FAKE_CAMPAIGNS,
  FAKE_COUPON_CAMPAIGN_ID,
  FAKE_LOYALTY_CAMPAIGN_ID,
  FAKE_REFERRAL_CAMPAIGN_ID,
  type FakeCampaign,
  type FakeTalon,
  type FakeTalonOptions,
} from '../../src/testing/index.js';
import { clientFor, DAY, httpErrorBody, raw, value } from './support.js';

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
  talon = clientFor(fake);
}

beforeEach(() => {
  clock = day(151); // 2026-06-01
  makeFake();
});

function closeOrder(id: string, profileId: string) {
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    body: { customerSession: { profileId, cartItems: CART, state: 'closed' } },
  });
}

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
      const response = await raw(fake, 'GET', `/v1/integration/campaigns?${query}`);
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
    httpErrorBody(await getCustomerAchievements(talon, { integrationId: 'ada' }), 404);
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
    httpErrorBody(
      await getCustomerAchievementHistory(talon, { integrationId: 'ada', achievementId: 99 }),
      404,
    );
    const bad = await raw(fake, 'GET', '/v1/customer_profiles/ada/achievements?currentProgressStatus=done');
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
