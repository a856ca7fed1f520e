import { describe, expect, it } from 'vitest';
import {
  activateLoyaltyPoints,
  deleteLoyaltyTransactionsFromLedgers,
  generateLoyaltyCard,
  getLoyaltyBalances,
  getLoyaltyCardBalances,
  getLoyaltyCardPoints,
  getLoyaltyCardTransactions,
  getLoyaltyProgramProfilePoints,
  getLoyaltyProgramProfileTransactions,
  joinLoyaltyProgram,
  linkLoyaltyCardToProfile,
  unlinkLoyaltyCardFromProfile,
} from '../../src/index.js';
import { CREATED, errorWithStatus } from '../support/fixtures.js';
import { useMockServer } from '../support/msw.js';
import {
  type AnyResult,
  answer,
  BAD_CARD_IDS,
  BAD_INTEGERS,
  CARD_ID,
  CARD_ID_ENCODED,
  client,
  expectDocumented,
  expectRejected,
  expectSent,
  extra,
  NASTY,
  NASTY_ENCODED,
  okValue,
} from './harness.js';

const { server, seen } = useMockServer();

// ---- Answers, from the 26.13 schemas ----

const tier = {
  id: 11,
  name: 'Gold',
  startDate: CREATED,
  expiryDate: '2027-06-24T00:00:00Z',
  downgradePolicy: 'one_down',
};

const balances = {
  balance: {
    activePoints: 286,
    pendingPoints: 50,
    spentPoints: 150,
    expiredPoints: 25,
    negativePoints: 0,
    currentTier: tier,
    projectedTier: { projectedActivePoints: 300, stayInTierPoints: 14, projectedTierName: 'Gold' },
    pointsToNextTier: 714,
    nextTierName: 'Platinum',
  },
  subledgerBalances: { mysubledger: { activePoints: 10, pendingPoints: 0 } },
  extra: 'kept',
};

const cardBalances = {
  balance: { activePoints: 286, pendingPoints: 50, spentPoints: 150, expiredPoints: 25, negativePoints: 0 },
  subledgerBalances: { mysubledger: { activePoints: 10 } },
  profiles: null,
  extra: 'kept',
};

const transaction = {
  transactionUUID: 'ce59821f-0b4a-4b8e-9e44-2b8a46ba0bd1',
  created: CREATED,
  programId: 324,
  customerSessionId: 'session-1',
  type: 'addition',
  name: 'Reward 10% points of a purchase of 100',
  startDate: 'immediate',
  expiryDate: 'unlimited',
  subledgerId: 'sub-123',
  amount: 10.25,
  id: 123,
  rulesetId: 11,
  ruleName: '10 points',
  flags: { createsNegativeBalance: false },
  extra: 'kept',
};

const cardTransaction = {
  ...transaction,
  cardIdentifier: 'summer-loyalty-card-0543',
  flags: undefined,
  type: 'aFutureType',
};

const pointsEntry = {
  id: 123,
  transactionUUID: 'ce59821f-0b4a-4b8e-9e44-2b8a46ba0bd1',
  created: CREATED,
  programId: 324,
  customerSessionId: 'session-1',
  name: 'Reward 10% points of a purchase of 100',
  startDate: '2026-06-24T00:00:00Z',
  expiryDate: 'unlimited',
  subledgerId: 'sub-123',
  amount: 10.25,
  validityDuration: '30D',
  extra: 'kept',
};

const ledgerEntry = {
  created: CREATED,
  programID: 324,
  customerProfileID: 'URNGV8294NV',
  cardID: 5,
  customerSessionID: 'session-1',
  eventID: 7,
  type: 'addition',
  amount: 10,
  startDate: CREATED,
  expiryDate: '2027-06-24T00:00:00Z',
  name: 'Activated points',
  subLedgerID: '',
  archived: false,
};

const loyaltyCard = (overrides: Record<string, unknown> = {}) => ({
  id: 6,
  created: CREATED,
  programID: 125,
  programName: 'stars',
  programTitle: 'Stars',
  status: 'active',
  identifier: 'summer-loyalty-card-0543',
  usersPerCardLimit: 111,
  profiles: null,
  ledger: {
    currentBalance: 100,
    pendingBalance: 10,
    expiredBalance: 0,
    spentBalance: 5,
    tentativeCurrentBalance: 100,
    currentTier: tier,
  },
  subledgers: {
    sub1: {
      currentBalance: 1,
      pendingBalance: 0,
      expiredBalance: 0,
      spentBalance: 0,
      tentativeCurrentBalance: 1,
    },
  },
  batchId: 'wdefpov',
  extra: 'kept',
  ...overrides,
});

// ---- Common parameter checks, for every loyalty operation ----

interface Op {
  readonly id: string;
  readonly method: 'get' | 'post';
  readonly route: string;
  readonly call: (params: unknown) => Promise<AnyResult>;
  readonly params: Record<string, unknown>;
  readonly status: number;
  readonly body?: unknown;
  readonly card: boolean;
}

const profileOps: Op[] = [
  {
    id: 'joinLoyaltyProgram',
    method: 'post',
    route: '/v1/loyalty_programs/:p/profile/:i/join',
    call: (p) => joinLoyaltyProgram(client, p as never),
    params: { loyaltyProgramId: 1, integrationId: 'u' },
    status: 200,
    card: false,
  },
  {
    id: 'getLoyaltyBalances',
    method: 'get',
    route: '/v1/loyalty_programs/:p/profile/:i/balances',
    call: (p) => getLoyaltyBalances(client, p as never),
    params: { loyaltyProgramId: 1, integrationId: 'u' },
    status: 200,
    body: balances,
    card: false,
  },
  {
    id: 'getLoyaltyProgramProfileTransactions',
    method: 'get',
    route: '/v1/loyalty_programs/:p/profile/:i/transactions',
    call: (p) => getLoyaltyProgramProfileTransactions(client, p as never),
    params: { loyaltyProgramId: 1, integrationId: 'u' },
    status: 200,
    body: { hasMore: false, data: [] },
    card: false,
  },
  {
    id: 'getLoyaltyProgramProfilePoints',
    method: 'get',
    route: '/v1/loyalty_programs/:p/profile/:i/points',
    call: (p) => getLoyaltyProgramProfilePoints(client, p as never),
    params: { loyaltyProgramId: 1, integrationId: 'u' },
    status: 200,
    body: { hasMore: false, data: [] },
    card: false,
  },
  {
    id: 'activateLoyaltyPoints',
    method: 'post',
    route: '/v1/loyalty_programs/:p/activate_points',
    call: (p) => activateLoyaltyPoints(client, p as never),
    params: { loyaltyProgramId: 1, body: { sessionId: 's' } },
    status: 200,
    body: { ledgerEntries: [] },
    card: false,
  },
  {
    id: 'deleteLoyaltyTransactionsFromLedgers',
    method: 'post',
    route: '/v1/loyalty_programs/:p/profile/:i/delete_transactions',
    call: (p) => deleteLoyaltyTransactionsFromLedgers(client, p as never),
    params: { loyaltyProgramId: 1, integrationId: 'u', body: { scope: 'AllSubledgers' } },
    status: 204,
    card: false,
  },
  {
    id: 'generateLoyaltyCard',
    method: 'post',
    route: '/v1/loyalty_programs/:p/cards',
    call: (p) => generateLoyaltyCard(client, p as never),
    params: { loyaltyProgramId: 1, body: {} },
    status: 200,
    body: loyaltyCard(),
    card: false,
  },
];

const cardOps: Op[] = [
  {
    id: 'getLoyaltyCardBalances',
    method: 'get',
    route: '/v1/loyalty_programs/:p/cards/:c/balances',
    call: (p) => getLoyaltyCardBalances(client, p as never),
    params: { loyaltyProgramId: 1, loyaltyCardId: 'card' },
    status: 200,
    body: cardBalances,
    card: true,
  },
  {
    id: 'getLoyaltyCardTransactions',
    method: 'get',
    route: '/v1/loyalty_programs/:p/cards/:c/transactions',
    call: (p) => getLoyaltyCardTransactions(client, p as never),
    params: { loyaltyProgramId: 1, loyaltyCardId: 'card' },
    status: 200,
    body: { hasMore: false, data: [] },
    card: true,
  },
  {
    id: 'getLoyaltyCardPoints',
    method: 'get',
    route: '/v1/loyalty_programs/:p/cards/:c/points',
    call: (p) => getLoyaltyCardPoints(client, p as never),
    params: { loyaltyProgramId: 1, loyaltyCardId: 'card' },
    status: 200,
    body: { hasMore: false, data: [] },
    card: true,
  },
  {
    id: 'linkLoyaltyCardToProfile',
    method: 'post',
    route: '/v2/loyalty_programs/:p/cards/:c/link_profile',
    call: (p) => linkLoyaltyCardToProfile(client, p as never),
    params: { loyaltyProgramId: 1, loyaltyCardId: 'card', body: { integrationId: 'u' } },
    status: 200,
    body: loyaltyCard(),
    card: true,
  },
  {
    id: 'unlinkLoyaltyCardFromProfile',
    method: 'post',
    route: '/v2/loyalty_programs/:p/cards/:c/unlink_profile',
    call: (p) => unlinkLoyaltyCardFromProfile(client, p as never),
    params: { loyaltyProgramId: 1, loyaltyCardId: 'card', body: { integrationId: 'u' } },
    status: 200,
    body: loyaltyCard(),
    card: true,
  },
];

describe('parameter checks common to the loyalty operations (nothing is sent)', () => {
  const allOps = [...profileOps, ...cardOps];

  it('the table is right: each valid call goes out and succeeds', async () => {
    for (const op of allOps) {
      server.use(answer(op.method, op.route, op.status, op.body));
      const result = await op.call(op.params);
      expect(result.ok, `${op.id}: ${JSON.stringify(!result.ok && result.error)}`).toBe(true);
    }
    expect(seen).toHaveLength(allOps.length);
  });

  for (const op of allOps) {
    it.each(BAD_INTEGERS)(`${op.id}: rejects loyaltyProgramId %s`, async (_, loyaltyProgramId) => {
      server.use(answer(op.method, op.route, op.status, op.body));
      await expectRejected(
        seen,
        await op.call({ ...op.params, loyaltyProgramId }),
        op.id,
        'loyaltyProgramId',
      );
    });

    it(`${op.id}: rejects a misspelled params key with a hint`, async () => {
      server.use(answer(op.method, op.route, op.status, op.body));
      await expectRejected(
        seen,
        await op.call({ ...op.params, loyaltyProgramID: 1 }),
        op.id,
        'loyaltyProgramID',
        /loyaltyProgramID is not a field of \w+ params; did you mean loyaltyProgramId\?/,
      );
    });
  }

  for (const op of cardOps) {
    it.each(BAD_CARD_IDS)(`${op.id}: rejects a loyaltyCardId of %s`, async (_, loyaltyCardId) => {
      server.use(answer(op.method, op.route, op.status, op.body));
      await expectRejected(seen, await op.call({ ...op.params, loyaltyCardId }), op.id, 'loyaltyCardId');
    });

    it(`${op.id}: accepts loyaltyCardIds of exactly 4 and 108 characters`, async () => {
      server.use(answer(op.method, op.route, op.status, op.body));
      for (const loyaltyCardId of ['abcd', 'c'.repeat(108)]) {
        const result = await op.call({ ...op.params, loyaltyCardId });
        expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
      }
      expect(seen.map((r) => r.url.pathname.split('/')[5])).toEqual(['abcd', 'c'.repeat(108)]);
    });
  }

  for (const op of profileOps.filter((o) => 'integrationId' in o.params)) {
    it(`${op.id}: rejects an empty integrationId`, async () => {
      server.use(answer(op.method, op.route, op.status, op.body));
      await expectRejected(seen, await op.call({ ...op.params, integrationId: '' }), op.id, 'integrationId');
    });
  }
});

// ---- Each operation ----

describe('joinLoyaltyProgram', () => {
  const route = '/v1/loyalty_programs/:p/profile/:i/join';

  it('sends POST without a body and resolves the 200 (no documented body) with value undefined', async () => {
    server.use(answer('post', route, 200));
    const result = await joinLoyaltyProgram(client, { loyaltyProgramId: 5, integrationId: NASTY });
    expect(okValue(result)).toBeUndefined();
    await expectSent(seen, {
      method: 'POST',
      path: `/v1/loyalty_programs/5/profile/${NASTY_ENCODED}/join`,
    });
  });

  it('a 200 that carries some JSON anyway still resolves ok', async () => {
    server.use(answer('post', route, 200, { joined: true }));
    const result = await joinLoyaltyProgram(client, { loyaltyProgramId: 5, integrationId: 'u' });
    expect(result.ok).toBe(true);
  });

  it('returns the documented 404 with its body', async () => {
    server.use(answer('post', route, 404, errorWithStatus(404, 'program not found')));
    expectDocumented(
      await joinLoyaltyProgram(client, { loyaltyProgramId: 5, integrationId: 'u' }),
      'joinLoyaltyProgram',
      404,
      errorWithStatus(404, 'program not found'),
    );
  });
});

describe('getLoyaltyBalances', () => {
  const route = '/v1/loyalty_programs/:p/profile/:i/balances';

  it('sends GET with every query parameter and parses balances with tiers', async () => {
    server.use(answer('get', route, 200, balances));
    const value = okValue(
      await getLoyaltyBalances(client, {
        loyaltyProgramId: 5,
        integrationId: NASTY,
        endDate: new Date('2026-06-24T10:00:00Z'),
        subledgerId: 'sub 1',
        includeTiers: true,
        includeProjectedTier: false,
      }),
    );
    await expectSent(seen, {
      method: 'GET',
      path: `/v1/loyalty_programs/5/profile/${NASTY_ENCODED}/balances`,
      query:
        '?endDate=2026-06-24T10%3A00%3A00.000Z&subledgerId=sub+1&includeTiers=true&includeProjectedTier=false',
    });
    expect(value.balance?.activePoints).toBe(286);
    expect(value.balance?.currentTier?.name).toBe('Gold');
    expect(value.balance?.projectedTier?.projectedActivePoints).toBe(300);
    expect(value.subledgerBalances).toEqual({ mysubledger: { activePoints: 10, pendingPoints: 0 } });
    expect(extra(value)).toBe('kept');
  });

  it('returns the documented 404 with its body', async () => {
    server.use(answer('get', route, 404, errorWithStatus(404)));
    expectDocumented(
      await getLoyaltyBalances(client, { loyaltyProgramId: 5, integrationId: 'u' }),
      'getLoyaltyBalances',
      404,
      errorWithStatus(404),
    );
  });

  it('rejects subledgerId given as a list (this operation takes one string)', async () => {
    server.use(answer('get', route, 200, balances));
    await expectRejected(
      seen,
      await getLoyaltyBalances(client, {
        loyaltyProgramId: 5,
        integrationId: 'u',
        subledgerId: ['a'],
      } as never),
      'getLoyaltyBalances',
      'subledgerId',
    );
  });
});

describe('getLoyaltyCardBalances', () => {
  const route = '/v1/loyalty_programs/:p/cards/:c/balances';

  it('sends GET with subledgerId repeated and parses the card balances (profiles: null → [])', async () => {
    server.use(answer('get', route, 200, cardBalances));
    const value = okValue(
      await getLoyaltyCardBalances(client, {
        loyaltyProgramId: 5,
        loyaltyCardId: CARD_ID,
        endDate: '2026-06-24T10:00:00+02:00',
        subledgerId: ['a', 'b'],
      }),
    );
    await expectSent(seen, {
      method: 'GET',
      path: `/v1/loyalty_programs/5/cards/${CARD_ID_ENCODED}/balances`,
      query: '?endDate=2026-06-24T10%3A00%3A00%2B02%3A00&subledgerId=a&subledgerId=b',
    });
    expect(value.balance?.spentPoints).toBe(150);
    expect(value.profiles).toEqual([]);
    expect(extra(value)).toBe('kept');
  });

  it('returns the documented 404 with its body', async () => {
    server.use(answer('get', route, 404, errorWithStatus(404, 'card not found')));
    expectDocumented(
      await getLoyaltyCardBalances(client, { loyaltyProgramId: 5, loyaltyCardId: 'card' }),
      'getLoyaltyCardBalances',
      404,
      errorWithStatus(404, 'card not found'),
    );
  });
});

describe('getLoyaltyProgramProfileTransactions', () => {
  const route = '/v1/loyalty_programs/:p/profile/:i/transactions';
  const base = { loyaltyProgramId: 5, integrationId: 'u' };

  it('sends GET with every query parameter in order and parses the page', async () => {
    server.use(answer('get', route, 200, { hasMore: true, data: [transaction], extra: 'page' }));
    const value = okValue(
      await getLoyaltyProgramProfileTransactions(client, {
        loyaltyProgramId: 5,
        integrationId: NASTY,
        customerSessionIDs: ['s1', 's2'],
        transactionUUIDs: ['t1'],
        subledgerId: 'sub',
        loyaltyTransactionType: 'session',
        startDate: new Date('2026-01-01T00:00:00Z'),
        endDate: '2026-06-30T23:59:59Z',
        pageSize: 1000,
        skip: 0,
        awaitsActivation: true,
      }),
    );
    await expectSent(seen, {
      method: 'GET',
      path: `/v1/loyalty_programs/5/profile/${NASTY_ENCODED}/transactions`,
      query:
        '?customerSessionIDs=s1&customerSessionIDs=s2&transactionUUIDs=t1&subledgerId=sub' +
        '&loyaltyTransactionType=session&startDate=2026-01-01T00%3A00%3A00.000Z' +
        '&endDate=2026-06-30T23%3A59%3A59Z&pageSize=1000&skip=0&awaitsActivation=true',
    });
    expect(value.hasMore).toBe(true);
    expect(value.data[0]?.amount).toBe(10.25);
    expect(value.data[0]?.flags?.createsNegativeBalance).toBe(false);
    expect(extra(value.data[0])).toBe('kept');
    expect(extra(value)).toBe('page');
  });

  it('data: null becomes []', async () => {
    server.use(answer('get', route, 200, { hasMore: false, data: null }));
    const value = okValue(await getLoyaltyProgramProfileTransactions(client, base));
    expect(value.data).toEqual([]);
  });

  it('returns the documented 400 with its body', async () => {
    server.use(answer('get', route, 400, errorWithStatus(400, 'bad date')));
    expectDocumented(
      await getLoyaltyProgramProfileTransactions(client, base),
      'getLoyaltyProgramProfileTransactions',
      400,
      errorWithStatus(400, 'bad date'),
    );
  });

  it.each([
    ['pageSize 0', { pageSize: 0 }, 'pageSize'],
    ['pageSize 1001', { pageSize: 1001 }, 'pageSize'],
    [
      'a loyaltyTransactionType out of its enum',
      { loyaltyTransactionType: 'gift' },
      'loyaltyTransactionType',
    ],
    ['a startDate without seconds and T', { startDate: '2026-06-24 10:00' }, 'startDate'],
    ['an invalid Date endDate', { endDate: new Date(Number.NaN) }, 'endDate'],
    ['a startDate as epoch milliseconds', { startDate: 1767225600000 }, 'startDate'],
  ])('rejects %s before sending', async (_, bad, path) => {
    server.use(answer('get', route, 200, { hasMore: false, data: [] }));
    await expectRejected(
      seen,
      await getLoyaltyProgramProfileTransactions(client, { ...base, ...bad } as never),
      'getLoyaltyProgramProfileTransactions',
      path,
    );
  });
});

describe('getLoyaltyCardTransactions', () => {
  const route = '/v1/loyalty_programs/:p/cards/:c/transactions';
  const base = { loyaltyProgramId: 5, loyaltyCardId: CARD_ID };

  it('sends GET with subledgerId=a&subledgerId=b (explode) and parses the page', async () => {
    server.use(answer('get', route, 200, { hasMore: false, data: [cardTransaction] }));
    const value = okValue(
      await getLoyaltyCardTransactions(client, {
        ...base,
        subledgerId: ['a', 'b'],
        loyaltyTransactionType: 'manual',
        startDate: new Date('2026-06-24T10:00:00Z'),
        endDate: '2026-06-25T10:00:00.5-03:00',
        customerSessionIDs: ['s1'],
        transactionUUIDs: ['t1', 't2'],
        pageSize: 1,
        skip: 20,
        awaitsActivation: false,
      }),
    );
    const req = await expectSent(seen, {
      method: 'GET',
      path: `/v1/loyalty_programs/5/cards/${CARD_ID_ENCODED}/transactions`,
      query:
        '?subledgerId=a&subledgerId=b&loyaltyTransactionType=manual&startDate=2026-06-24T10%3A00%3A00.000Z' +
        '&endDate=2026-06-25T10%3A00%3A00.5-03%3A00&customerSessionIDs=s1&transactionUUIDs=t1&transactionUUIDs=t2' +
        '&pageSize=1&skip=20&awaitsActivation=false',
    });
    expect(req.url.searchParams.getAll('subledgerId')).toEqual(['a', 'b']);
    expect(req.url.searchParams.get('startDate')).toBe('2026-06-24T10:00:00.000Z');
    expect(req.url.searchParams.get('endDate')).toBe('2026-06-25T10:00:00.5-03:00');
    expect(value.data[0]?.cardIdentifier).toBe('summer-loyalty-card-0543');
    expect(value.data[0]?.type).toBe('aFutureType');
    expect(extra(value.data[0])).toBe('kept');
  });

  it('a single-element subledgerId is sent once; an empty list is not sent', async () => {
    server.use(answer('get', route, 200, { hasMore: false, data: null }));
    okValue(await getLoyaltyCardTransactions(client, { ...base, subledgerId: ['only'] }));
    okValue(await getLoyaltyCardTransactions(client, { ...base, subledgerId: [] }));
    expect(seen.map((r) => r.url.search)).toEqual(['?subledgerId=only', '']);
  });

  it('data: null becomes []', async () => {
    server.use(answer('get', route, 200, { hasMore: false, data: null }));
    const value = okValue(await getLoyaltyCardTransactions(client, base));
    expect(value.data).toEqual([]);
  });

  it('returns the documented 404 with its body', async () => {
    server.use(answer('get', route, 404, errorWithStatus(404, 'card not found')));
    expectDocumented(
      await getLoyaltyCardTransactions(client, base),
      'getLoyaltyCardTransactions',
      404,
      errorWithStatus(404, 'card not found'),
    );
  });

  it('a data entry missing its required transactionUUID is a response/schema error with the body', async () => {
    const { transactionUUID: _, ...broken } = cardTransaction;
    const answerBody = { hasMore: false, data: [broken] };
    server.use(answer('get', route, 200, answerBody));
    const result = await getLoyaltyCardTransactions(client, base);
    expect(result).toMatchObject({ ok: false, error: { kind: 'response', problem: 'schema', status: 200 } });
    if (result.ok || result.error.kind !== 'response') return;
    expect(result.error.issues.map((i) => i.path)).toContain('data[0].transactionUUID');
    expect(result.error.body).toEqual(JSON.parse(JSON.stringify(answerBody)));
  });

  it.each([
    ['pageSize 0', { pageSize: 0 }, 'pageSize'],
    ['pageSize 1001', { pageSize: 1001 }, 'pageSize'],
    ['pageSize 1.5', { pageSize: 1.5 }, 'pageSize'],
    [
      'a loyaltyTransactionType out of its enum',
      { loyaltyTransactionType: 'Manual' },
      'loyaltyTransactionType',
    ],
    ['subledgerId as one string', { subledgerId: 'a' }, 'subledgerId'],
    ['a startDate without seconds and T', { startDate: '2026-06-24 10:00' }, 'startDate'],
    ['a date-only startDate', { startDate: '2026-06-24' }, 'startDate'],
    ['an invalid Date startDate', { startDate: new Date('not a date') }, 'startDate'],
  ])('rejects %s before sending', async (_, bad, path) => {
    server.use(answer('get', route, 200, { hasMore: false, data: [] }));
    await expectRejected(
      seen,
      await getLoyaltyCardTransactions(client, { ...base, ...bad } as never),
      'getLoyaltyCardTransactions',
      path,
    );
  });
});

describe('getLoyaltyProgramProfilePoints', () => {
  const route = '/v1/loyalty_programs/:p/profile/:i/points';
  const base = { loyaltyProgramId: 5, integrationId: 'u' };

  it('sends GET with status, repeated lists, paging and sort; parses the points page', async () => {
    server.use(answer('get', route, 200, { hasMore: true, data: [pointsEntry] }));
    const value = okValue(
      await getLoyaltyProgramProfilePoints(client, {
        loyaltyProgramId: 5,
        integrationId: NASTY,
        status: 'pending',
        subledgerId: ['a', 'b'],
        customerSessionIDs: ['s1'],
        transactionUUIDs: ['t1'],
        pageSize: 50,
        skip: 100,
        sort: 'expiryDate',
      }),
    );
    await expectSent(seen, {
      method: 'GET',
      path: `/v1/loyalty_programs/5/profile/${NASTY_ENCODED}/points`,
      query:
        '?status=pending&subledgerId=a&subledgerId=b&customerSessionIDs=s1&transactionUUIDs=t1' +
        '&pageSize=50&skip=100&sort=expiryDate',
    });
    expect(value.hasMore).toBe(true);
    expect(value.data[0]?.validityDuration).toBe('30D');
    expect(extra(value.data[0])).toBe('kept');
  });

  it('data: null becomes []', async () => {
    server.use(answer('get', route, 200, { hasMore: false, data: null }));
    expect(okValue(await getLoyaltyProgramProfilePoints(client, base)).data).toEqual([]);
  });

  it('returns the documented 404 with its body', async () => {
    server.use(answer('get', route, 404, errorWithStatus(404)));
    expectDocumented(
      await getLoyaltyProgramProfilePoints(client, base),
      'getLoyaltyProgramProfilePoints',
      404,
      errorWithStatus(404),
    );
  });

  it.each([
    ['status out of its enum', { status: 'spent' }, 'status'],
    ['sort out of its enum', { sort: 'amount' }, 'sort'],
    ['pageSize 0', { pageSize: 0 }, 'pageSize'],
    ['pageSize 1001', { pageSize: 1001 }, 'pageSize'],
  ])('rejects %s before sending', async (_, bad, path) => {
    server.use(answer('get', route, 200, { hasMore: false, data: [] }));
    await expectRejected(
      seen,
      await getLoyaltyProgramProfilePoints(client, { ...base, ...bad } as never),
      'getLoyaltyProgramProfilePoints',
      path,
    );
  });
});

describe('getLoyaltyCardPoints', () => {
  const route = '/v1/loyalty_programs/:p/cards/:c/points';
  const base = { loyaltyProgramId: 5, loyaltyCardId: CARD_ID };

  it('sends GET with status, repeated subledgerId and sort; parses the card points page', async () => {
    server.use(
      answer('get', route, 200, {
        hasMore: false,
        data: [{ ...pointsEntry, customerProfileID: 'URNGV8294NV' }],
      }),
    );
    const value = okValue(
      await getLoyaltyCardPoints(client, {
        ...base,
        status: 'expired',
        subledgerId: ['a', 'b'],
        sort: 'startDate',
      }),
    );
    await expectSent(seen, {
      method: 'GET',
      path: `/v1/loyalty_programs/5/cards/${CARD_ID_ENCODED}/points`,
      query: '?status=expired&subledgerId=a&subledgerId=b&sort=startDate',
    });
    expect(value.data[0]?.customerProfileID).toBe('URNGV8294NV');
    expect(extra(value.data[0])).toBe('kept');
  });

  it('data: null becomes []', async () => {
    server.use(answer('get', route, 200, { hasMore: false, data: null }));
    expect(okValue(await getLoyaltyCardPoints(client, base)).data).toEqual([]);
  });

  it('returns the documented 404 with its body', async () => {
    server.use(answer('get', route, 404, errorWithStatus(404, 'card not found')));
    expectDocumented(
      await getLoyaltyCardPoints(client, base),
      'getLoyaltyCardPoints',
      404,
      errorWithStatus(404, 'card not found'),
    );
  });

  it.each([
    ['status out of its enum', { status: 'ACTIVE' }, 'status'],
    ['pageSize 0', { pageSize: 0 }, 'pageSize'],
    ['pageSize 1001', { pageSize: 1001 }, 'pageSize'],
  ])('rejects %s before sending', async (_, bad, path) => {
    server.use(answer('get', route, 200, { hasMore: false, data: [] }));
    await expectRejected(
      seen,
      await getLoyaltyCardPoints(client, { ...base, ...bad } as never),
      'getLoyaltyCardPoints',
      path,
    );
  });
});

describe('activateLoyaltyPoints', () => {
  const route = '/v1/loyalty_programs/:p/activate_points';

  it('sends POST with the transaction UUIDs and parses the ledger entries', async () => {
    server.use(answer('post', route, 200, { ledgerEntries: [{ ...ledgerEntry, extra: 'kept' }] }));
    const body = { transactionUUIDs: ['ce59821f-0b4a-4b8e-9e44-2b8a46ba0bd1'] };
    const value = okValue(await activateLoyaltyPoints(client, { loyaltyProgramId: 324, body }));
    await expectSent(seen, { method: 'POST', path: '/v1/loyalty_programs/324/activate_points', body });
    expect(value.ledgerEntries?.[0]?.amount).toBe(10);
    expect(value.ledgerEntries?.[0]?.subLedgerID).toBe('');
    expect(extra(value.ledgerEntries?.[0])).toBe('kept');
  });

  it('ledgerEntries: null becomes []', async () => {
    server.use(answer('post', route, 200, { ledgerEntries: null }));
    const value = okValue(
      await activateLoyaltyPoints(client, { loyaltyProgramId: 1, body: { sessionId: 's' } }),
    );
    expect(value.ledgerEntries).toEqual([]);
  });

  it('returns the documented 400 with its body', async () => {
    server.use(answer('post', route, 400, errorWithStatus(400, 'nothing to activate')));
    expectDocumented(
      await activateLoyaltyPoints(client, { loyaltyProgramId: 1, body: { sessionId: 's' } }),
      'activateLoyaltyPoints',
      400,
      errorWithStatus(400, 'nothing to activate'),
    );
  });

  it.each([
    ['a misspelled body key', { sesionId: 's' }, 'body.sesionId', /did you mean sessionId\?/],
    [
      'an empty transactionUUIDs list (minItems 1)',
      { transactionUUIDs: [] },
      'body.transactionUUIDs',
      undefined,
    ],
    [
      '51 transaction UUIDs (maxItems 50)',
      { transactionUUIDs: Array(51).fill('t') },
      'body.transactionUUIDs',
      undefined,
    ],
    ['an empty sessionId', { sessionId: '' }, 'body.sessionId', undefined],
  ])('rejects %s before sending', async (_, body, path, message) => {
    server.use(answer('post', route, 200, { ledgerEntries: [] }));
    await expectRejected(
      seen,
      await activateLoyaltyPoints(client, { loyaltyProgramId: 1, body } as never),
      'activateLoyaltyPoints',
      path,
      message,
    );
  });
});

describe('deleteLoyaltyTransactionsFromLedgers', () => {
  const route = '/v1/loyalty_programs/:p/profile/:i/delete_transactions';

  it('sends POST with the scope and subledgers and resolves the 204 with value undefined', async () => {
    server.use(answer('post', route, 204));
    const body = { scope: 'SelectedSubledgers' as const, subledgerIds: ['sub-1', 'sub-2'] };
    const result = await deleteLoyaltyTransactionsFromLedgers(client, {
      loyaltyProgramId: 5,
      integrationId: NASTY,
      body,
    });
    expect(okValue(result, 204)).toBeUndefined();
    await expectSent(seen, {
      method: 'POST',
      path: `/v1/loyalty_programs/5/profile/${NASTY_ENCODED}/delete_transactions`,
      body,
    });
  });

  it('returns the documented 404 with its body', async () => {
    server.use(answer('post', route, 404, errorWithStatus(404, 'profile not found')));
    expectDocumented(
      await deleteLoyaltyTransactionsFromLedgers(client, {
        loyaltyProgramId: 5,
        integrationId: 'u',
        body: { scope: 'AllSubledgers' },
      }),
      'deleteLoyaltyTransactionsFromLedgers',
      404,
      errorWithStatus(404, 'profile not found'),
    );
  });

  it.each([
    ['a scope out of its enum', { scope: 'Everything' }, 'body.scope', undefined],
    ['a missing scope', { subledgerIds: ['a'] }, 'body.scope', undefined],
    [
      'a misspelled body key',
      { scope: 'AllSubledgers', subledgerIDs: ['a'] },
      'body.subledgerIDs',
      /did you mean subledgerIds\?/,
    ],
  ])('rejects %s before sending', async (_, body, path, message) => {
    server.use(answer('post', route, 204));
    await expectRejected(
      seen,
      await deleteLoyaltyTransactionsFromLedgers(client, {
        loyaltyProgramId: 5,
        integrationId: 'u',
        body,
      } as never),
      'deleteLoyaltyTransactionsFromLedgers',
      path,
      message,
    );
  });
});

describe('generateLoyaltyCard', () => {
  const route = '/v1/loyalty_programs/:p/cards';

  it('sends POST with the card request and parses the LoyaltyCard (profiles: null → [])', async () => {
    server.use(answer('post', route, 200, loyaltyCard()));
    const body = {
      status: 'active' as const,
      customerProfileIds: ['R195412', 'G244519'],
      cardIdentifier: 'summer-loyalty-card-0543',
    };
    const value = okValue(await generateLoyaltyCard(client, { loyaltyProgramId: 125, body }));
    await expectSent(seen, { method: 'POST', path: '/v1/loyalty_programs/125/cards', body });
    expect(value.identifier).toBe('summer-loyalty-card-0543');
    expect(value.profiles).toEqual([]);
    expect(value.ledger?.currentTier?.name).toBe('Gold');
    expect(extra(value)).toBe('kept');
  });

  it('returns the documented 400 with its body', async () => {
    server.use(answer('post', route, 400, errorWithStatus(400, 'identifier taken')));
    expectDocumented(
      await generateLoyaltyCard(client, { loyaltyProgramId: 125, body: {} }),
      'generateLoyaltyCard',
      400,
      errorWithStatus(400, 'identifier taken'),
    );
  });

  it.each([
    ['a status out of its enum', { status: 'blocked' }, 'body.status', undefined],
    ['a cardIdentifier of 3 characters', { cardIdentifier: 'abc' }, 'body.cardIdentifier', undefined],
    [
      'a cardIdentifier with a space (pattern)',
      { cardIdentifier: 'card 0543' },
      'body.cardIdentifier',
      undefined,
    ],
    [
      'a misspelled body key',
      { cardIdentifer: 'abcd' },
      'body.cardIdentifer',
      /did you mean cardIdentifier\?/,
    ],
  ])('rejects %s before sending', async (_, body, path, message) => {
    server.use(answer('post', route, 200, loyaltyCard()));
    await expectRejected(
      seen,
      await generateLoyaltyCard(client, { loyaltyProgramId: 125, body } as never),
      'generateLoyaltyCard',
      path,
      message,
    );
  });
});

describe.each([
  ['linkLoyaltyCardToProfile', linkLoyaltyCardToProfile, 'link_profile'],
  ['unlinkLoyaltyCardFromProfile', unlinkLoyaltyCardFromProfile, 'unlink_profile'],
] as const)('%s', (id, fn, action) => {
  const route = `/v2/loyalty_programs/:p/cards/:c/${action}`;

  it('sends POST with the profile and parses the LoyaltyCard', async () => {
    const card = loyaltyCard({ profiles: [{ integrationId: 'R195412', timestamp: CREATED }] });
    server.use(answer('post', route, 200, card));
    const value = okValue(
      await fn(client, { loyaltyProgramId: 125, loyaltyCardId: CARD_ID, body: { integrationId: 'R195412' } }),
    );
    await expectSent(seen, {
      method: 'POST',
      path: `/v2/loyalty_programs/125/cards/${CARD_ID_ENCODED}/${action}`,
      body: { integrationId: 'R195412' },
    });
    expect(value.profiles).toEqual([{ integrationId: 'R195412', timestamp: CREATED }]);
    expect(extra(value)).toBe('kept');
  });

  it('returns the documented 404 with its body', async () => {
    server.use(answer('post', route, 404, errorWithStatus(404, 'card not found')));
    expectDocumented(
      await fn(client, { loyaltyProgramId: 125, loyaltyCardId: 'card', body: { integrationId: 'u' } }),
      id,
      404,
      errorWithStatus(404, 'card not found'),
    );
  });

  // SDK bug (src/models/helpers.ts `strict`): a misspelled REQUIRED key yields first a "missing
  // key" issue worded "Invalid type: expected LoyaltyCardRegistration (an object) but received
  // undefined", and the message shows that one, hiding the "did you mean integrationId?" hint.
  it('a misspelled required body key: the message gives the hint', async () => {
    server.use(answer('post', route, 200, loyaltyCard()));
    await expectRejected(
      seen,
      await fn(client, {
        loyaltyProgramId: 125,
        loyaltyCardId: 'card',
        body: { integrationID: 'u' },
      } as never),
      id,
      'body.integrationID',
      /did you mean integrationId\?/,
    );
  });

  it.each([
    [
      'an unknown body key next to integrationId',
      { integrationId: 'u', integrationID: 'u' },
      'body.integrationID',
      /body\.integrationID is not a field of LoyaltyCardRegistration; did you mean integrationId\?/,
    ],
    ['a missing integrationId', {}, 'body.integrationId', undefined],
    ['a numeric integrationId', { integrationId: 7 }, 'body.integrationId', undefined],
  ])('rejects %s before sending', async (_, body, path, message) => {
    server.use(answer('post', route, 200, loyaltyCard()));
    await expectRejected(
      seen,
      await fn(client, { loyaltyProgramId: 125, loyaltyCardId: 'card', body } as never),
      id,
      path,
      message,
    );
  });
});
