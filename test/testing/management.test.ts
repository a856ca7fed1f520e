/**
 * The Management API in the fake: Management-key auth, the stateful operations on the state the
 * Integration side keeps (points added by a support tool show in `getLoyaltyBalances`), and a 501
 * naming the operation for every other one. Calls go through the SDK's generated Management
 * functions with a `managementKey` client whose fetch is the fake.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  generateLoyaltyCard,
  getLoyaltyBalances,
  getLoyaltyCardBalances,
  updateCustomerSessionV2,
} from '../../src/index.js';
import { operationIds as managementOperationIds } from '../../src/management/endpoints/index.js';
import * as mgmt from '../../src/management.js';
import {
  createFakeTalon,
  FAKE_APPLICATION_ID,
  FAKE_COUPON_CAMPAIGN_ID,
  FAKE_LOYALTY_CARD_PROGRAM_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  FAKE_MANAGEMENT_KEY,
  type FakeTalon,
} from '../../src/testing/index.js';
import { MANAGEMENT_ROUTE_TABLE } from '../../src/testing/operations.js';
import { BASE, CART, clientFor, httpErrorBody, value } from './support.js';

const PROGRAM = String(FAKE_LOYALTY_PROGRAM_ID);

let clock: Date;
let fake: FakeTalon;

/** A Management client whose fetch is the fake, without retries. */
function managementClient(key = FAKE_MANAGEMENT_KEY) {
  return mgmt.createClient({ baseUrl: BASE, auth: mgmt.managementKey(key), fetch: fake.fetch, retry: false });
}

/** A profile made on the Integration side (a closed session earning 138 points). */
async function customer(id: string) {
  value(
    await updateCustomerSessionV2(clientFor(fake), {
      customerSessionId: `order-${id}`,
      body: { customerSession: { profileId: id, cartItems: CART, state: 'closed' } },
    }),
  );
}

async function activePoints(id: string) {
  const balances = value(
    await getLoyaltyBalances(clientFor(fake), {
      loyaltyProgramId: FAKE_LOYALTY_PROGRAM_ID,
      integrationId: id,
    }),
  );
  return balances.balance?.activePoints;
}

beforeEach(() => {
  clock = new Date('2026-06-01T10:00:00Z');
  fake = createFakeTalon({ now: () => clock });
});

describe('Management auth', () => {
  it('accepts the Management key on Management operations', async () => {
    await customer('ada');
    const result = await mgmt.addLoyaltyPoints(managementClient(), {
      loyaltyProgramId: PROGRAM,
      integrationId: 'ada',
      body: { points: 5 },
    });
    expect(result.ok).toBe(true);
  });

  it('refuses a wrong Management key, and an API key, with a 401', async () => {
    const wrong = await mgmt.getLoyaltyPrograms(managementClient('not-the-key'), {});
    expect(httpErrorBody(wrong, 401, false).message).toMatch(/Invalid Management key/);
    const apiKeyOnManagement = await fake.fetch(`${BASE}/v1/loyalty_programs`, {
      headers: { authorization: 'ApiKey-v1 fake-talon-api-key-0000' },
    });
    expect(apiKeyOnManagement.status).toBe(401);
    expect(await apiKeyOnManagement.json()).toMatchObject({
      StatusCode: 401,
      message: expect.stringMatching(/ManagementKey-v1/),
    });
  });

  it('refuses the Management key on Integration operations', async () => {
    const answer = await fake.fetch(`${BASE}/v1/loyalty_programs/${PROGRAM}/profile/ada/balances`, {
      headers: { authorization: `ManagementKey-v1 ${FAKE_MANAGEMENT_KEY}` },
    });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({
      StatusCode: 401,
      message: expect.stringMatching(/Management key/),
    });
  });

  it('takes another key from the options', async () => {
    fake = createFakeTalon({ now: () => clock, managementKey: 'mine' });
    expect((await mgmt.getLoyaltyPrograms(managementClient('mine'), {})).ok).toBe(true);
    expect((await mgmt.getLoyaltyPrograms(managementClient(), {})).ok).toBe(false);
  });
});

describe('operations the fake does not simulate', () => {
  it('the route table has every Management operation, each under its own id', () => {
    expect(Object.keys(MANAGEMENT_ROUTE_TABLE).sort()).toEqual(Object.keys(managementOperationIds).sort());
    for (const [id, route] of Object.entries(MANAGEMENT_ROUTE_TABLE)) expect(route.id, id).toBe(id);
  });

  it('each request line reaches its own route: a 501 naming it where the fake keeps no state', async () => {
    const stateless = Object.values(MANAGEMENT_ROUTE_TABLE).filter((r) => r.handle.length === 0);
    expect(stateless.length).toBeGreaterThan(100);
    for (const route of stateless) {
      const answer = await fake.fetch(`${BASE}${route.path.replace(/\{\w+\}/g, '7')}`, {
        method: route.method,
        headers: { authorization: `ManagementKey-v1 ${FAKE_MANAGEMENT_KEY}` },
      });
      expect(answer.status, route.id).toBe(501);
      expect(((await answer.json()) as { message: string }).message, route.id).toContain(
        `Management operation ${route.id} (`,
      );
    }
  });

  it('answer 501 naming the operation', async () => {
    const result = await mgmt.getAccount(managementClient(), { accountId: 1 });
    const body = httpErrorBody(result, 501, false);
    expect(body.message).toMatch(
      /does not implement the Management operation getAccount \(GET \/v1\/accounts\/\{accountId\}\)/,
    );
    expect(body).toMatchObject({ StatusCode: 501 });
  });
});

describe('loyalty programs', () => {
  it('lists the configured programs and reads one, 404 for an unknown one', async () => {
    const client = managementClient();
    const list = value(await mgmt.getLoyaltyPrograms(client, {}));
    expect(list.totalResultSize).toBe(2);
    expect(list.data.map((p) => [p.id, p.cardBased])).toEqual([
      [FAKE_LOYALTY_PROGRAM_ID, false],
      [FAKE_LOYALTY_CARD_PROGRAM_ID, true],
    ]);
    const one = value(await mgmt.getLoyaltyProgram(client, { loyaltyProgramId: FAKE_LOYALTY_PROGRAM_ID }));
    expect(one.tiers?.map((t) => [t.name, t.minPoints])).toEqual([
      ['Silver', 100],
      ['Gold', 500],
    ]);
    httpErrorBody(await mgmt.getLoyaltyProgram(client, { loyaltyProgramId: 999 }), 404, false);
  });
});

describe('loyalty points of profiles', () => {
  it('adds points a support tool gives, which getLoyaltyBalances shows', async () => {
    await customer('ada');
    expect(await activePoints('ada')).toBe(138);
    value(
      await mgmt.addLoyaltyPoints(managementClient(), {
        loyaltyProgramId: PROGRAM,
        integrationId: 'ada',
        body: { points: 300, name: 'Compensation' },
      }),
    );
    expect(await activePoints('ada')).toBe(438);
  });

  it('adds pending and expiring points as the body says', async () => {
    await customer('ada');
    value(
      await mgmt.addLoyaltyPoints(managementClient(), {
        loyaltyProgramId: PROGRAM,
        integrationId: 'ada',
        body: { points: 10, pendingDuration: '2D', validityDuration: '5D' },
      }),
    );
    const balances = value(
      await getLoyaltyBalances(clientFor(fake), {
        loyaltyProgramId: FAKE_LOYALTY_PROGRAM_ID,
        integrationId: 'ada',
      }),
    );
    expect(balances.balance).toMatchObject({ activePoints: 138, pendingPoints: 10 });
    clock = new Date(clock.getTime() + 3 * 86_400_000);
    expect(await activePoints('ada')).toBe(148);
    clock = new Date(clock.getTime() + 5 * 86_400_000);
    expect(await activePoints('ada')).toBe(138);
  });

  it('deducts points from the active balance, and refuses more than it holds', async () => {
    await customer('ada');
    value(
      await mgmt.removeLoyaltyPoints(managementClient(), {
        loyaltyProgramId: PROGRAM,
        integrationId: 'ada',
        body: { points: 38, name: 'Penalty' },
      }),
    );
    expect(await activePoints('ada')).toBe(100);
    const tooMany = await mgmt.removeLoyaltyPoints(managementClient(), {
      loyaltyProgramId: PROGRAM,
      integrationId: 'ada',
      body: { points: 101 },
    });
    expect(httpErrorBody(tooMany, 400).message).toMatch(/Not enough active points/);
    expect(await activePoints('ada')).toBe(100);
  });

  it('answers 404 for an unknown profile or program, 400 for a bad body', async () => {
    const client = managementClient();
    const unknown = await mgmt.addLoyaltyPoints(client, {
      loyaltyProgramId: PROGRAM,
      integrationId: 'nobody',
      body: { points: 1 },
    });
    expect(httpErrorBody(unknown, 404).message).toMatch(/nobody/);
    await customer('ada');
    const program = await mgmt.addLoyaltyPoints(client, {
      loyaltyProgramId: '999',
      integrationId: 'ada',
      body: { points: 1 },
    });
    httpErrorBody(program, 404);
    const bad = await mgmt.addLoyaltyPoints(client, {
      loyaltyProgramId: PROGRAM,
      integrationId: 'ada',
      body: { points: 1, validityDuration: 'forever' },
    });
    expect(httpErrorBody(bad, 400).errors[0]?.source.pointer).toBe('/validityDuration');
  });
});

describe('loyalty cards', () => {
  const CARDS = FAKE_LOYALTY_CARD_PROGRAM_ID;

  /** A card made on the Integration side, linked to `ada`. */
  async function card(identifier: string) {
    value(
      await generateLoyaltyCard(clientFor(fake), {
        loyaltyProgramId: CARDS,
        body: { cardIdentifier: identifier, customerProfileIds: ['ada'] },
      }),
    );
  }

  async function cardPoints(identifier: string) {
    const balances = value(
      await getLoyaltyCardBalances(clientFor(fake), { loyaltyProgramId: CARDS, loyaltyCardId: identifier }),
    );
    return balances.balance?.activePoints;
  }

  it('reads and lists cards, with filters and pages, 404 for an unknown one', async () => {
    await card('CARD-1');
    await card('CARD-2');
    const client = managementClient();
    const one = value(
      await mgmt.getLoyaltyCard(client, { loyaltyProgramId: CARDS, loyaltyCardId: 'CARD-1' }),
    );
    expect(one).toMatchObject({
      identifier: 'CARD-1',
      programID: CARDS,
      status: 'active',
      profiles: [{ integrationId: 'ada' }],
    });
    const all = value(await mgmt.getLoyaltyCards(client, { loyaltyProgramId: CARDS }));
    expect(all.data.map((c) => c.identifier)).toEqual(['CARD-1', 'CARD-2']);
    expect(all.hasMore).toBe(false);
    const first = value(await mgmt.getLoyaltyCards(client, { loyaltyProgramId: CARDS, pageSize: 1 }));
    expect(first).toMatchObject({ hasMore: true, data: [{ identifier: 'CARD-1' }] });
    const found = value(
      await mgmt.getLoyaltyCards(client, { loyaltyProgramId: CARDS, identifier: 'CARD-2' }),
    );
    expect(found.data.map((c) => c.identifier)).toEqual(['CARD-2']);
    const profileId = fake.state.profiles.get('ada')!.id;
    expect(
      value(await mgmt.getLoyaltyCards(client, { loyaltyProgramId: CARDS, profileId })).data,
    ).toHaveLength(2);
    expect(
      value(await mgmt.getLoyaltyCards(client, { loyaltyProgramId: CARDS, profileId: profileId + 1 })).data,
    ).toEqual([]);
    httpErrorBody(await mgmt.getLoyaltyCard(client, { loyaltyProgramId: CARDS, loyaltyCardId: 'NOPE' }), 404);
  });

  it('adds and deducts card points, which getLoyaltyCardBalances shows', async () => {
    await card('CARD-1');
    const client = managementClient();
    const path = { loyaltyProgramId: CARDS, loyaltyCardId: 'CARD-1' };
    value(await mgmt.addLoyaltyCardPoints(client, { ...path, body: { points: 120 } }));
    value(await mgmt.deductLoyaltyCardPoints(client, { ...path, body: { points: 20 } }));
    expect(await cardPoints('CARD-1')).toBe(100);
    httpErrorBody(await mgmt.deductLoyaltyCardPoints(client, { ...path, body: { points: 101 } }), 400);
    const wrongKind = await mgmt.addLoyaltyCardPoints(client, {
      loyaltyProgramId: FAKE_LOYALTY_PROGRAM_ID,
      loyaltyCardId: 'CARD-1',
      body: { points: 1 },
    });
    httpErrorBody(wrongKind, 400);
  });

  it('deactivates a card (it earns no more) and activates it again', async () => {
    await card('CARD-1');
    const client = managementClient();
    const path = { loyaltyProgramId: CARDS, loyaltyCardId: 'CARD-1' };
    expect(
      value(await mgmt.updateLoyaltyCard(client, { ...path, body: { status: 'inactive' } })).status,
    ).toBe('inactive');
    expect(fake.state.loyaltyCards.get('CARD-1')?.status).toBe('inactive');
    expect(value(await mgmt.updateLoyaltyCard(client, { ...path, body: { status: 'active' } })).status).toBe(
      'active',
    );
    httpErrorBody(await mgmt.updateLoyaltyCard(client, { ...path, body: { status: 'lost' } }), 400);
  });

  it('transfers a card: the new card takes profiles and points, the old one is blocked', async () => {
    await card('CARD-1');
    const client = managementClient();
    const path = { loyaltyProgramId: CARDS, loyaltyCardId: 'CARD-1' };
    value(await mgmt.addLoyaltyCardPoints(client, { ...path, body: { points: 40 } }));
    value(await mgmt.transferLoyaltyCard(client, { ...path, body: { newCardIdentifier: 'CARD-NEW' } }));
    expect(await cardPoints('CARD-NEW')).toBe(40);
    expect(await cardPoints('CARD-1')).toBe(0);
    const moved = value(
      await mgmt.getLoyaltyCard(client, { loyaltyProgramId: CARDS, loyaltyCardId: 'CARD-NEW' }),
    );
    expect(moved).toMatchObject({ status: 'active', profiles: [{ integrationId: 'ada' }] });
    const old = value(await mgmt.getLoyaltyCard(client, path));
    expect(old).toMatchObject({ status: 'inactive', profiles: [] });
    httpErrorBody(await mgmt.updateLoyaltyCard(client, { ...path, body: { status: 'active' } }), 400);
    await card('CARD-2');
    const taken = await mgmt.transferLoyaltyCard(client, {
      loyaltyProgramId: CARDS,
      loyaltyCardId: 'CARD-2',
      body: { newCardIdentifier: 'CARD-NEW' },
    });
    httpErrorBody(taken, 400);
  });

  it('deletes a card', async () => {
    await card('CARD-1');
    const client = managementClient();
    const path = { loyaltyProgramId: CARDS, loyaltyCardId: 'CARD-1' };
    value(await mgmt.deleteLoyaltyCard(client, path));
    expect(fake.state.loyaltyCards.has('CARD-1')).toBe(false);
    httpErrorBody(await mgmt.deleteLoyaltyCard(client, path), 404);
  });
});

describe('coupons', () => {
  const campaign = { applicationId: FAKE_APPLICATION_ID, campaignId: FAKE_COUPON_CAMPAIGN_ID };

  it('creates coupons that updateCustomerSessionV2 accepts at once', async () => {
    const created = value(
      await mgmt.createCoupons(managementClient(), {
        ...campaign,
        silent: 'no',
        body: { numberOfCoupons: 2, couponPattern: 'XMAS-####' },
      }),
    );
    expect(created?.totalResultSize).toBe(2);
    const code = created!.data[0]!.value;
    expect(code).toMatch(/^XMAS-\w{4}$/);
    const session = value(
      await updateCustomerSessionV2(clientFor(fake), {
        customerSessionId: 'order-1',
        body: { customerSession: { profileId: 'ada', cartItems: CART, couponCodes: [String(code)] } },
      }),
    );
    expect(session.effects.map((e) => e.effectType)).toContain('acceptCoupon');
  });

  it('answers 204 when silent, and 404 for an unknown campaign or Application', async () => {
    const client = managementClient();
    const silent = value(await mgmt.createCoupons(client, { ...campaign, body: { numberOfCoupons: 1 } }));
    expect(silent).toBeUndefined();
    const wrongCampaign = await mgmt.createCoupons(client, {
      ...campaign,
      campaignId: 999,
      body: { numberOfCoupons: 1 },
    });
    httpErrorBody(wrongCampaign, 404, false);
    const wrongApp = await mgmt.createCoupons(client, {
      ...campaign,
      applicationId: 1,
      body: { numberOfCoupons: 1 },
    });
    httpErrorBody(wrongApp, 404, false);
  });

  it('lists the coupons of a campaign page by page and by value', async () => {
    const client = managementClient();
    value(
      await mgmt.createCoupons(client, {
        ...campaign,
        body: { numberOfCoupons: 3, couponPattern: 'LIST-###' },
      }),
    );
    const all = value(await mgmt.getCouponsWithoutTotalCount(client, campaign));
    expect(all.data.map((c) => c.value)).toContain('SUMMER10');
    expect(all.data).toHaveLength(5); // SUMMER10, VIP25-ONLY and the three new ones
    const first = value(await mgmt.getCouponsWithoutTotalCount(client, { ...campaign, pageSize: 2 }));
    expect(first).toMatchObject({ hasMore: true });
    expect(first.data).toHaveLength(2);
    const byValue = value(await mgmt.getCouponsWithoutTotalCount(client, { ...campaign, value: 'list-' }));
    expect(byValue.data).toHaveLength(3);
    const exact = value(
      await mgmt.getCouponsWithoutTotalCount(client, { ...campaign, value: 'SUMMER10', exactMatch: true }),
    );
    expect(exact.data.map((c) => c.value)).toEqual(['SUMMER10']);
  });

  it('updates the usage limit (the Integration side enforces it) and deletes a coupon', async () => {
    const client = managementClient();
    const summer = fake.state.coupons.get('SUMMER10')!;
    const path = { ...campaign, couponId: String(summer.id) };
    const updated = value(await mgmt.updateCoupon(client, { ...path, body: { usageLimit: 1 } }));
    expect(updated).toMatchObject({ value: 'SUMMER10', usageLimit: 1 });
    expect(summer.usageLimit).toBe(1);
    value(await mgmt.deleteCoupon(client, path));
    expect(fake.state.coupons.has('SUMMER10')).toBe(false);
    const session = value(
      await updateCustomerSessionV2(clientFor(fake), {
        customerSessionId: 'order-1',
        body: { customerSession: { profileId: 'ada', cartItems: CART, couponCodes: ['SUMMER10'] } },
      }),
    );
    expect(session.effects.map((e) => e.effectType)).toContain('rejectCoupon');
    httpErrorBody(await mgmt.deleteCoupon(client, path), 404, false);
  });
});

describe('customer profiles', () => {
  it('reads a profile by its ID and lists every profile page by page, 404 for an unknown ID', async () => {
    await customer('ada');
    await customer('bob');
    const client = managementClient();
    const ada = fake.state.profiles.get('ada')!;
    const one = value(await mgmt.getCustomerProfile(client, { customerId: ada.id }));
    expect(one).toMatchObject({ integrationId: 'ada', closedSessions: 1, totalSales: 138 });
    const all = value(await mgmt.getCustomerProfiles(client, {}));
    expect(all).toMatchObject({ hasMore: false });
    expect(all.data.map((p) => p.integrationId)).toEqual(['ada', 'bob']);
    const first = value(await mgmt.getCustomerProfiles(client, { pageSize: 1 }));
    expect(first).toMatchObject({ hasMore: true, data: [{ integrationId: 'ada' }] });
    httpErrorBody(await mgmt.getCustomerProfile(client, { customerId: 999_999 }), 404, false);
  });
});

describe('customer sessions', () => {
  it('reads a session by its ID and lists sessions with filters and pages, 404 for an unknown one', async () => {
    await customer('ada');
    value(
      await updateCustomerSessionV2(clientFor(fake), {
        customerSessionId: 'cart-bob',
        body: { customerSession: { profileId: 'bob', cartItems: CART, couponCodes: ['SUMMER10'] } },
      }),
    );
    const client = managementClient();
    const closed = fake.state.sessions.get('order-ada')!;
    const one = value(
      await mgmt.getApplicationSession(client, { applicationId: FAKE_APPLICATION_ID, sessionId: closed.id }),
    );
    expect(one).toMatchObject({
      integrationId: 'order-ada',
      profileintegrationid: 'ada',
      state: 'closed',
      coupon: '',
      referral: '',
    });
    expect(one.total).toBeGreaterThan(0);
    const all = value(await mgmt.getApplicationSessions(client, { applicationId: FAKE_APPLICATION_ID }));
    expect(all.data.map((s) => s.integrationId)).toEqual(['order-ada', 'cart-bob']);
    const open = value(
      await mgmt.getApplicationSessions(client, { applicationId: FAKE_APPLICATION_ID, state: 'open' }),
    );
    expect(open.data).toMatchObject([{ integrationId: 'cart-bob', coupon: 'SUMMER10', state: 'open' }]);
    const first = value(
      await mgmt.getApplicationSessions(client, { applicationId: FAKE_APPLICATION_ID, pageSize: 1 }),
    );
    expect(first).toMatchObject({ hasMore: true, data: [{ integrationId: 'order-ada' }] });
    httpErrorBody(
      await mgmt.getApplicationSession(client, { applicationId: FAKE_APPLICATION_ID, sessionId: 999_999 }),
      404,
      false,
    );
    httpErrorBody(await mgmt.getApplicationSessions(client, { applicationId: 999 }), 404, false);
  });
});

describe('campaigns', () => {
  it('lists the configured campaigns with the total count, by name and page', async () => {
    const client = managementClient();
    const all = value(await mgmt.getCampaigns(client, { applicationId: FAKE_APPLICATION_ID }));
    expect(all.totalResultSize).toBe(fake.config.campaigns.length);
    expect(all.data.map((c) => c.id)).toEqual(fake.config.campaigns.map((c) => c.id).sort((a, b) => a - b));
    const coupon = fake.config.campaigns.find((c) => c.id === FAKE_COUPON_CAMPAIGN_ID)!;
    const named = value(
      await mgmt.getCampaigns(client, { applicationId: FAKE_APPLICATION_ID, name: coupon.name }),
    );
    expect(named.data.map((c) => c.id)).toContain(FAKE_COUPON_CAMPAIGN_ID);
    const first = value(await mgmt.getCampaigns(client, { applicationId: FAKE_APPLICATION_ID, pageSize: 1 }));
    expect(first.data).toHaveLength(1);
    expect(first.totalResultSize).toBe(all.totalResultSize);
    httpErrorBody(await mgmt.getCampaigns(client, { applicationId: 999 }), 404, false);
  });
});
