/**
 * The Management API in the fake: Management-key auth, the stateful operations on the state the
 * Integration side keeps (points added by a support tool show in `getLoyaltyBalances`), and a 501
 * naming the operation for every other one. Calls go through the SDK's generated Management
 * functions with a `managementKey` client whose fetch is the fake.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { getLoyaltyBalances, updateCustomerSessionV2 } from '../../src/index.js';
import { operationIds as managementOperationIds } from '../../src/management/endpoints/index.js';
import * as mgmt from '../../src/management.js';
import {
  createFakeTalon,
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
