/**
 * The fake Talon.One's loyalty programs (src/testing/loyalty*.ts): ledgers per profile and program,
 * pending points and their activation, tiers, the transaction and point lists page by page,
 * emptying ledgers, and the request checks of the loyalty operations.
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  activateLoyaltyPoints,
  type Client,
  collectItems,
  deleteLoyaltyTransactionsFromLedgers,
  getLoyaltyBalances,
  getLoyaltyProgramProfilePoints,
  getLoyaltyProgramProfileTransactions,
  joinLoyaltyProgram,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_LOYALTY_CARD_PROGRAM_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  type FakeCampaign,
  type FakeTalon,
} from '../../src/testing/index.js';
import { BASE, CART, clientFor, DAY, findAll, httpError, raw, value } from './support.js';

const PROGRAM = FAKE_LOYALTY_PROGRAM_ID;
const CARDS = FAKE_LOYALTY_CARD_PROGRAM_ID;

let clock: Date;
let fake: FakeTalon;
let talon: Client<'apiKey'>;

/** A fake (default campaigns unless given) on the test's clock, and a client for it. */
function start(campaigns?: readonly FakeCampaign[]) {
  fake = createFakeTalon({ now: () => clock, ...(campaigns ? { campaigns } : {}) });
  talon = clientFor(fake);
}

beforeEach(() => {
  clock = new Date('2026-06-01T10:00:00Z');
  start();
});

function later(days: number) {
  clock = new Date(clock.getTime() + days * DAY);
}

/** Closes a session of `profileId` with `items` (and extra session fields). */
function close(id: string, profileId: string | undefined, extra: Record<string, unknown> = {}, items = CART) {
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    body: {
      customerSession: { ...(profileId ? { profileId } : {}), cartItems: items, state: 'closed', ...extra },
      responseContent: ['customerSession', 'loyalty'],
    },
  });
}

async function balance(integrationId = 'ada', extra: Record<string, unknown> = {}) {
  return value(await getLoyaltyBalances(talon, { loyaltyProgramId: PROGRAM, integrationId, ...extra }));
}

describe('profile ledgers', () => {
  it('joins a program, earns on closing, and shows balances with the tier', async () => {
    expect(value(await joinLoyaltyProgram(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' }))).toBe(
      undefined,
    );
    expect(fake.state.profiles.get('ada')?.joined[PROGRAM]).toBe(clock.toISOString());
    const again = httpError(
      await joinLoyaltyProgram(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' }),
      400,
    );
    expect(again.documented).toBe(true);
    expect(again.body.message).toMatch(/already a member/);

    const empty = await balance('ada', { includeTiers: true });
    expect(empty.balance).toMatchObject({
      activePoints: 0,
      pendingPoints: 0,
      nextTierName: 'Silver',
      pointsToNextTier: 100,
    });
    expect(empty.balance?.currentTier).toBeUndefined();

    const closed = value(await close('order-1', 'ada'));
    expect(findAll(closed.effects, 'addLoyaltyPoints')[0]?.props).toMatchObject({
      value: 138,
      programId: PROGRAM,
    });
    expect(closed.loyalty?.programs[String(PROGRAM)]?.ledger).toMatchObject({
      currentBalance: 138,
      currentTier: { name: 'Silver' },
      nextTierName: 'Gold',
    });
    const earned = await balance('ada', { includeTiers: true, includeProjectedTier: true });
    expect(earned.balance).toMatchObject({
      activePoints: 138,
      pendingPoints: 0,
      spentPoints: 0,
      expiredPoints: 0,
      currentTier: { name: 'Silver' },
      nextTierName: 'Gold',
      pointsToNextTier: 362,
      projectedTier: { projectedActivePoints: 138, projectedTierName: 'Silver' },
    });
    // No tier fields unless asked for; a past endDate sees the ledger as it was then.
    expect((await balance('ada')).balance?.currentTier).toBeUndefined();
    const before = await balance('ada', { endDate: new Date(clock.getTime() - 1000) });
    expect(before.balance?.activePoints).toBe(0);
  });

  it('answers 404 for an unknown profile or program and 400 for a card-based program', async () => {
    value(await close('order-1', 'ada'));
    expect(
      httpError(await getLoyaltyBalances(talon, { loyaltyProgramId: PROGRAM, integrationId: 'nobody' }), 404)
        .documented,
    ).toBe(true);
    httpError(await getLoyaltyBalances(talon, { loyaltyProgramId: 99, integrationId: 'ada' }), 404);
    httpError(await joinLoyaltyProgram(talon, { loyaltyProgramId: 99, integrationId: 'ada' }), 404);
    const card = httpError(
      await joinLoyaltyProgram(talon, { loyaltyProgramId: CARDS, integrationId: 'ada' }),
      400,
    );
    expect(card.body.message).toMatch(/card-based/);
    httpError(
      await getLoyaltyProgramProfileTransactions(talon, {
        loyaltyProgramId: PROGRAM,
        integrationId: 'nobody',
      }),
      404,
    );
    httpError(
      await getLoyaltyProgramProfilePoints(talon, { loyaltyProgramId: 99, integrationId: 'ada' }),
      404,
    );
    const bad = await raw(fake, 'GET', '/v1/loyalty_programs/seven/profile/ada/balances');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].source.parameter).toBe('loyaltyProgramId');
  });
});

describe('pending points', () => {
  const pending: FakeCampaign = {
    type: 'loyalty',
    id: 3,
    name: 'Points later',
    programId: PROGRAM,
    programName: 'Coffee points',
    pointsPerUnit: 1,
    pendingDays: 14,
    expiryDays: 30,
  };

  it('stay pending for the configured days, then turn active by themselves, then expire', async () => {
    start([pending]);
    const closed = value(await close('s1', 'ada'));
    expect(findAll(closed.effects, 'addLoyaltyPoints')[0]?.props).toMatchObject({
      value: 138,
      startDate: '2026-06-15T10:00:00.000Z',
      expiryDate: '2026-07-15T10:00:00.000Z',
    });
    expect((await balance()).balance).toMatchObject({ activePoints: 0, pendingPoints: 138 });
    const points = (status: 'active' | 'pending' | 'expired') =>
      getLoyaltyProgramProfilePoints(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada', status });
    expect(value(await points('pending')).data).toMatchObject([
      { amount: 138, customerSessionId: 's1', startDate: '2026-06-15T10:00:00.000Z' },
    ]);
    expect(value(await points('active')).data).toEqual([]);

    later(15);
    expect((await balance()).balance).toMatchObject({ activePoints: 138, pendingPoints: 0 });
    later(31);
    expect((await balance()).balance).toMatchObject({ activePoints: 0, expiredPoints: 138 });
    expect(value(await points('expired')).data.map((p) => p.amount)).toEqual([138]);
  });

  it('turn active with activateLoyaltyPoints, for a session or for transactions', async () => {
    start([pending]);
    value(await close('s1', 'ada'));
    const second = value(await close('s2', 'ada'));
    const uuid = findAll(second.effects, 'addLoyaltyPoints')[0]!.props.transactionUUID;

    const bySession = value(
      await activateLoyaltyPoints(talon, { loyaltyProgramId: PROGRAM, body: { sessionId: 's1' } }),
    );
    expect(bySession.ledgerEntries).toMatchObject([
      {
        amount: 138,
        type: 'addition',
        customerProfileID: 'ada',
        customerSessionID: 's1',
        startDate: clock.toISOString(),
      },
    ]);
    expect((await balance()).balance).toMatchObject({ activePoints: 138, pendingPoints: 138 });
    // Nothing left to activate in s1.
    expect(
      value(await activateLoyaltyPoints(talon, { loyaltyProgramId: PROGRAM, body: { sessionId: 's1' } }))
        .ledgerEntries,
    ).toEqual([]);

    const byTransaction = value(
      await activateLoyaltyPoints(talon, { loyaltyProgramId: PROGRAM, body: { transactionUUIDs: [uuid] } }),
    );
    expect(byTransaction.ledgerEntries?.map((e) => e.customerSessionID)).toEqual(['s2']);
    expect((await balance()).balance).toMatchObject({ activePoints: 276, pendingPoints: 0 });

    const activate = (
      body: { sessionId?: string; transactionUUIDs?: string[] },
      loyaltyProgramId = PROGRAM,
    ) => activateLoyaltyPoints(talon, { loyaltyProgramId, body });
    expect(httpError(await activate({ sessionId: 'no-such-session' }), 404).documented).toBe(true);
    httpError(await activate({ transactionUUIDs: ['00000000-0000-4000-a000-000000000000'] }), 404);
    httpError(await activate({}), 400);
    httpError(await activate({ sessionId: 's1', transactionUUIDs: [uuid] }), 400);
    httpError(await activate({ sessionId: 's1' }, 99), 404);
  });

  it('wait for activation (awaitsActivation), and are listed as awaiting it', async () => {
    start([{ ...pending, awaitsActivation: true, expiryDays: 10 }]);
    const closed = value(await close('s1', 'ada'));
    expect(findAll(closed.effects, 'addLoyaltyPoints')[0]?.props).toMatchObject({
      awaitsActivation: true,
      validityDuration: '10D',
    });
    later(100);
    expect((await balance()).balance).toMatchObject({ activePoints: 0, pendingPoints: 138 });
    const awaiting = () =>
      getLoyaltyProgramProfileTransactions(talon, {
        loyaltyProgramId: PROGRAM,
        integrationId: 'ada',
        awaitsActivation: true,
      });
    expect(value(await awaiting()).data).toMatchObject([{ startDate: 'on_action', amount: 138 }]);
    const wrong = await getLoyaltyProgramProfileTransactions(talon, {
      loyaltyProgramId: PROGRAM,
      integrationId: 'ada',
      awaitsActivation: false,
    });
    expect(httpError(wrong, 400).documented).toBe(true);

    const activated = value(
      await activateLoyaltyPoints(talon, { loyaltyProgramId: PROGRAM, body: { sessionId: 's1' } }),
    );
    expect(activated.ledgerEntries?.[0]?.expiryDate).toBe(new Date(clock.getTime() + 10 * DAY).toISOString());
    expect((await balance()).balance).toMatchObject({ activePoints: 138, pendingPoints: 0 });
    expect(value(await awaiting()).data).toEqual([]);
    later(11);
    expect((await balance()).balance).toMatchObject({ activePoints: 0, expiredPoints: 138 });
  });
});

describe('transaction and point lists', () => {
  const ITEM = [{ name: 'Cup', sku: 'CUP', quantity: 1, price: 10 }];

  async function fiveOrders() {
    for (let n = 1; n <= 5; n++) {
      value(await close(`order-${n}`, 'ada', {}, ITEM));
      later(1);
    }
  }

  it('pages the transactions as the API does (pageSize, skip, hasMore), newest first', async () => {
    await fiveOrders();
    const list = (params: Record<string, unknown>) =>
      getLoyaltyProgramProfileTransactions(talon, {
        loyaltyProgramId: PROGRAM,
        integrationId: 'ada',
        ...params,
      });
    const pages = [];
    for (const skip of [0, 2, 4]) pages.push(value(await list({ pageSize: 2, skip })));
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(pages.flatMap((p) => p.data.map((t) => t.customerSessionId))).toEqual([
      'order-5',
      'order-4',
      'order-3',
      'order-2',
      'order-1',
    ]);
    expect(pages[0]?.data[0]).toMatchObject({
      type: 'addition',
      amount: 10,
      programId: PROGRAM,
      subledgerId: '',
    });
    expect(value(await list({ pageSize: 2, skip: 6 }))).toEqual({ data: [], hasMore: false });
    expect(value(await list({ pageSize: 5 })).hasMore).toBe(false);
    expect(value(await list({})).data).toHaveLength(5); // pageSize defaults to 50

    // The SDK's pagination helper walks it to the end.
    const all = await collectItems(getLoyaltyProgramProfileTransactions, talon, {
      loyaltyProgramId: PROGRAM,
      integrationId: 'ada',
      pageSize: 2,
    });
    expect(all.ok && all.value.map((t) => t.amount)).toEqual([10, 10, 10, 10, 10]);

    // Filters.
    const some = value(await list({ customerSessionIDs: ['order-2', 'order-4'] }));
    expect(some.data.map((t) => t.customerSessionId)).toEqual(['order-4', 'order-2']);
    const uuid = some.data[0]!.transactionUUID;
    expect(value(await list({ transactionUUIDs: [uuid] })).data.map((t) => t.customerSessionId)).toEqual([
      'order-4',
    ]);
    const window = value(await list({ startDate: '2026-06-02T00:00:00Z', endDate: '2026-06-03T23:59:59Z' }));
    expect(window.data.map((t) => t.customerSessionId)).toEqual(['order-3', 'order-2']);
    expect(value(await list({ loyaltyTransactionType: 'manual' })).data).toEqual([]);
    expect(value(await list({ loyaltyTransactionType: 'session' })).data).toHaveLength(5);
  });

  it('pages the unused points, sorted as asked', async () => {
    await fiveOrders();
    const list = (params: Record<string, unknown>) =>
      getLoyaltyProgramProfilePoints(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada', ...params });
    const first = value(await list({ pageSize: 3 }));
    expect(first.hasMore).toBe(true);
    expect(first.data.map((p) => p.customerSessionId)).toEqual(['order-1', 'order-2', 'order-3']);
    const rest = value(await list({ pageSize: 3, skip: 3 }));
    expect(rest).toMatchObject({ hasMore: false, data: [{ amount: 10 }, { amount: 10 }] });
    expect(value(await list({ sort: 'startDate', pageSize: 1 })).data[0]?.customerSessionId).toBe('order-1');
    const descending = await raw(
      fake,
      'GET',
      `/v1/loyalty_programs/${PROGRAM}/profile/ada/points?sort=-startDate&pageSize=1`,
    );
    expect((await descending.json()).data[0].customerSessionId).toBe('order-5');
  });

  it('answers 400 naming a bad query parameter', async () => {
    await fiveOrders();
    const base = `/v1/loyalty_programs/${PROGRAM}/profile/ada`;
    for (const [query, parameter] of [
      ['transactions?pageSize=0', 'pageSize'],
      ['transactions?pageSize=1001', 'pageSize'],
      ['transactions?skip=-1', 'skip'],
      ['transactions?startDate=yesterday', 'startDate'],
      ['transactions?loyaltyTransactionType=gift', 'loyaltyTransactionType'],
      ['points?status=used', 'status'],
      ['points?sort=amount', 'sort'],
      ['balances?endDate=soon', 'endDate'],
      ['balances?includeTiers=yes', 'includeTiers'],
    ]) {
      const response = await raw(fake, 'GET', `${base}/${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).errors[0].source.parameter, query).toBe(parameter);
    }
  });
});

describe('deleteLoyaltyTransactionsFromLedgers', () => {
  it('empties the ledgers it names, and a later rollback finds nothing to take back', async () => {
    start([
      {
        type: 'loyalty',
        id: 3,
        name: 'Points',
        programId: PROGRAM,
        programName: 'Coffee points',
        pointsPerUnit: 1,
      },
      {
        type: 'loyalty',
        id: 5,
        name: 'Bean points',
        programId: PROGRAM,
        programName: 'Coffee points',
        pointsPerUnit: 2,
        subledgerId: 'beans',
      },
    ]);
    value(await close('order-1', 'ada'));
    const both = await balance();
    expect(both.balance?.activePoints).toBe(138);
    expect(both.subledgerBalances?.beans?.activePoints).toBe(276);
    expect(await balance('ada', { subledgerId: 'beans' })).toEqual({
      subledgerBalances: {
        beans: { activePoints: 276, pendingPoints: 0, spentPoints: 0, expiredPoints: 0, negativePoints: 0 },
      },
    });

    const remove = (
      body: { scope: 'AllSubledgers' | 'SelectedSubledgers'; subledgerIds?: string[] },
      integrationId = 'ada',
    ) => deleteLoyaltyTransactionsFromLedgers(talon, { loyaltyProgramId: PROGRAM, integrationId, body });
    const selected = await remove({ scope: 'SelectedSubledgers', subledgerIds: ['beans'] });
    expect(selected.ok && selected.response.status).toBe(204);
    const after = await balance();
    expect(after.balance?.activePoints).toBe(138);
    expect(after.subledgerBalances?.beans?.activePoints).toBe(0);
    const transactions = () =>
      getLoyaltyProgramProfileTransactions(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' });
    expect(value(await transactions()).data.map((t) => t.subledgerId)).toEqual(['']);

    value(await remove({ scope: 'AllSubledgers' }));
    expect((await balance()).balance?.activePoints).toBe(0);
    expect(value(await transactions()).data).toEqual([]);
    expect(fake.state.profiles.get('ada')?.points[PROGRAM]).toBe(0);

    const cancelled = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'order-1',
        body: { customerSession: { state: 'cancelled' } },
      }),
    );
    expect(findAll(cancelled.effects, 'rollbackAddedLoyaltyPoints')).toEqual([]);
    expect((await balance()).balance?.activePoints).toBe(0);

    expect(httpError(await remove({ scope: 'SelectedSubledgers' }), 400).documented).toBe(true);
    expect(httpError(await remove({ scope: 'AllSubledgers' }, 'nobody'), 404).documented).toBe(true);
  });
});

describe('request checks on the loyalty operations', () => {
  it('checks bodies with the SDK request schemas (400 with pointers) and wants the API key', async () => {
    for (const [path, body, pointer] of [
      [`/v1/loyalty_programs/${CARDS}/cards`, { cardIdentifier: 'a b c d' }, '/cardIdentifier'],
      [`/v1/loyalty_programs/${CARDS}/cards`, { status: 'lost' }, '/status'],
      [
        '/v2/customer_sessions/s/returns',
        { return: { returnedCartItems: [{ quantity: 'two' }] } },
        '/return/returnedCartItems/0/quantity',
      ],
      [`/v1/loyalty_programs/${PROGRAM}/activate_points`, { sessionId: 's', extra: 1 }, '/extra'],
      [`/v1/loyalty_programs/${PROGRAM}/profile/ada/delete_transactions`, { scope: 'Some' }, '/scope'],
    ] as const) {
      const response = await raw(fake, 'POST', path, body);
      expect(response.status, path).toBe(400);
      expect((await response.json()).errors[0].source.pointer, path).toBe(pointer);
    }
    const anonymous = await fake.fetch(`${BASE}/v1/loyalty_programs/${PROGRAM}/profile/ada/balances`);
    expect(anonymous.status).toBe(401);
  });
});
