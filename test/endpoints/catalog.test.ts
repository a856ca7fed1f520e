import { describe, expect, it } from 'vitest';
import {
  bestPriorPrice,
  getCustomerAchievementHistory,
  getCustomerAchievements,
  integrationGetAllCampaigns,
  syncCatalog,
} from '../../src/index.js';
import { CREATED, errorResponse, errorWithStatus } from '../support/fixtures.js';
import { useMockServer } from '../support/msw.js';
import {
  answer,
  BAD_INTEGERS,
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

describe('getCustomerAchievements', () => {
  const route = '/v1/customer_profiles/:integrationId/achievements';
  const entry = {
    id: 3,
    created: CREATED,
    name: 'FreeCoffee10Orders',
    title: '50% off on 50th purchase.',
    description: '50% off for every 50th purchase in a year.',
    target: 10,
    period: '1Y',
    periodEndOverride: { month: 11, dayOfMonth: 23, hour: 23, minute: 59, second: 59 },
    recurrencePolicy: 'no_recurrence',
    activationPolicy: 'fixed_schedule',
    fixedStartDate: CREATED,
    endDate: '2026-12-31T23:59:59Z',
    allowRollbackAfterCompletion: false,
    campaignId: 3,
    status: 'active',
    currentProgress: { status: 'inprogress', progress: 4, startDate: CREATED },
    extra: 'kept',
  };

  it('sends GET with the comma-joined filters (explode: false) and parses the achievements', async () => {
    server.use(answer('get', route, 200, { totalResultSize: 1, data: [entry] }));
    const value = okValue(
      await getCustomerAchievements(client, {
        integrationId: NASTY,
        campaignIds: ['1', '2'],
        achievementIds: ['3'],
        achievementStatus: ['active', 'scheduled'],
        currentProgressStatus: ['inprogress', 'not_started'],
        pageSize: 10,
        skip: 5,
      }),
    );
    const req = await expectSent(seen, {
      method: 'GET',
      path: `/v1/customer_profiles/${NASTY_ENCODED}/achievements`,
      query:
        '?campaignIds=1%2C2&achievementIds=3&achievementStatus=active%2Cscheduled' +
        '&currentProgressStatus=inprogress%2Cnot_started&pageSize=10&skip=5',
    });
    expect(req.url.searchParams.getAll('campaignIds')).toEqual(['1,2']);
    expect(req.url.searchParams.getAll('achievementStatus')).toEqual(['active,scheduled']);
    expect(value.totalResultSize).toBe(1);
    expect(value.data[0]?.currentProgress?.progress).toBe(4);
    expect(value.data[0]?.periodEndOverride?.hour).toBe(23);
    expect(extra(value.data[0])).toBe('kept');
  });

  it('data: null becomes []', async () => {
    server.use(answer('get', route, 200, { totalResultSize: 0, data: null }));
    expect(okValue(await getCustomerAchievements(client, { integrationId: 'u' })).data).toEqual([]);
  });

  it('returns the documented 404 with its body', async () => {
    server.use(answer('get', route, 404, errorWithStatus(404, 'profile not found')));
    expectDocumented(
      await getCustomerAchievements(client, { integrationId: 'u' }),
      'getCustomerAchievements',
      404,
      errorWithStatus(404, 'profile not found'),
    );
  });

  it.each([
    ['an achievementStatus out of its enum', { achievementStatus: ['expired'] }, 'achievementStatus[0]'],
    [
      'a currentProgressStatus out of its enum',
      { currentProgressStatus: ['done'] },
      'currentProgressStatus[0]',
    ],
    ['pageSize 0', { pageSize: 0 }, 'pageSize'],
    ['pageSize 1001', { pageSize: 1001 }, 'pageSize'],
    ['an empty integrationId', { integrationId: '' }, 'integrationId'],
  ])('rejects %s before sending', async (_, bad, path) => {
    server.use(answer('get', route, 200, { totalResultSize: 0, data: [] }));
    await expectRejected(
      seen,
      await getCustomerAchievements(client, { integrationId: 'u', ...bad } as never),
      'getCustomerAchievements',
      path,
    );
  });

  it('rejects a misspelled params key with a hint', async () => {
    server.use(answer('get', route, 200, { totalResultSize: 0, data: [] }));
    await expectRejected(
      seen,
      await getCustomerAchievements(client, { integrationId: 'u', campaignIDs: ['1'] } as never),
      'getCustomerAchievements',
      'campaignIDs',
      /did you mean campaignIds\?/,
    );
  });
});

describe('getCustomerAchievementHistory', () => {
  const route = '/v1/customer_profiles/:integrationId/achievements/:achievementId';
  const base = { integrationId: 'u', achievementId: 3 };
  const progress = {
    status: 'completed',
    progress: 10,
    startDate: CREATED,
    completionDate: '2026-06-30T10:00:00Z',
    endDate: '2026-12-31T23:59:59Z',
    extra: 'kept',
  };

  it('sends GET with progressStatus comma-joined and date-times as RFC 3339; parses the history', async () => {
    server.use(
      answer('get', route, 200, { totalResultSize: 2, data: [progress, { status: 'expired', progress: 1 }] }),
    );
    const value = okValue(
      await getCustomerAchievementHistory(client, {
        integrationId: NASTY,
        achievementId: 3,
        progressStatus: ['inprogress', 'expired'],
        startDate: new Date('2026-06-24T10:00:00Z'),
        endDate: '2026-07-01T00:00:00Z',
        pageSize: 1000,
        skip: 0,
      }),
    );
    await expectSent(seen, {
      method: 'GET',
      path: `/v1/customer_profiles/${NASTY_ENCODED}/achievements/3`,
      query:
        '?progressStatus=inprogress%2Cexpired&startDate=2026-06-24T10%3A00%3A00.000Z' +
        '&endDate=2026-07-01T00%3A00%3A00Z&pageSize=1000&skip=0',
    });
    expect(value.data.map((p) => p.status)).toEqual(['completed', 'expired']);
    expect(extra(value.data[0])).toBe('kept');
  });

  it('data: null becomes []', async () => {
    server.use(answer('get', route, 200, { totalResultSize: 0, data: null }));
    expect(okValue(await getCustomerAchievementHistory(client, base)).data).toEqual([]);
  });

  it('returns the documented 404 with its body', async () => {
    server.use(answer('get', route, 404, errorWithStatus(404, 'achievement not found')));
    expectDocumented(
      await getCustomerAchievementHistory(client, base),
      'getCustomerAchievementHistory',
      404,
      errorWithStatus(404, 'achievement not found'),
    );
  });

  it.each(BAD_INTEGERS)('rejects achievementId %s before sending', async (_, achievementId) => {
    server.use(answer('get', route, 200, { totalResultSize: 0, data: [] }));
    await expectRejected(
      seen,
      await getCustomerAchievementHistory(client, { ...base, achievementId } as never),
      'getCustomerAchievementHistory',
      'achievementId',
    );
  });

  it.each([
    ['a progressStatus out of its enum', { progressStatus: ['not_started'] }, 'progressStatus[0]'],
    ['a startDate not in RFC 3339', { startDate: '2026-06-24 10:00' }, 'startDate'],
    ['an invalid Date endDate', { endDate: new Date('garbage') }, 'endDate'],
    ['pageSize 0', { pageSize: 0 }, 'pageSize'],
    ['pageSize 1001', { pageSize: 1001 }, 'pageSize'],
  ])('rejects %s before sending', async (_, bad, path) => {
    server.use(answer('get', route, 200, { totalResultSize: 0, data: [] }));
    await expectRejected(
      seen,
      await getCustomerAchievementHistory(client, { ...base, ...bad } as never),
      'getCustomerAchievementHistory',
      path,
    );
  });
});

describe('integrationGetAllCampaigns', () => {
  const route = '/v1/integration/campaigns';
  const campaign = {
    applicationId: 322,
    id: 4,
    name: 'Summer promotions',
    description: 'Campaign for all summer 2026 promotions',
    startTime: CREATED,
    endTime: '2026-09-01T00:00:00Z',
    attributes: { channel: 'web' },
    state: 'enabled',
    tags: null,
    features: ['coupons', 'teleport'],
    rules: [{ title: 'Give discount', displayName: 'Discount' }],
    linkedStoreIds: [1],
    linkedAudienceIds: null,
    extra: 'kept',
  };

  it('sends campaignIds [1, 2] as ONE parameter 1,2 (explode: false) and parses the page', async () => {
    server.use(answer('get', route, 200, { hasMore: false, data: [campaign] }));
    // The spec types campaignIds as a list of strings, so the IDs 1 and 2 are given as '1', '2'.
    const value = okValue(await integrationGetAllCampaigns(client, { campaignIds: ['1', '2'] }));
    const req = await expectSent(seen, {
      method: 'GET',
      path: '/v1/integration/campaigns',
      query: '?campaignIds=1%2C2',
    });
    expect(req.url.searchParams.getAll('campaignIds')).toEqual(['1,2']);
    expect(value.data[0]?.tags).toEqual([]);
    expect(value.data[0]?.linkedAudienceIds).toEqual([]);
    expect(value.data[0]?.features).toEqual(['coupons', 'teleport']);
    expect(extra(value.data[0])).toBe('kept');
  });

  it('sends every filter in order, with date-times as given or as a Date ISO string', async () => {
    server.use(answer('get', route, 200, { hasMore: true, data: null }));
    const value = okValue(
      await integrationGetAllCampaigns(client, {
        pageSize: 2,
        skip: 4,
        campaignIds: ['7'],
        startAfter: new Date('2026-01-01T00:00:00Z'),
        startBefore: '2026-02-01T00:00:00Z',
        endAfter: '2026-03-01T00:00:00.123+01:00',
        endBefore: new Date('2026-04-01T12:30:00.5Z'),
        storeId: 9,
        audienceId: 10,
      }),
    );
    await expectSent(seen, {
      method: 'GET',
      path: '/v1/integration/campaigns',
      query:
        '?pageSize=2&skip=4&campaignIds=7&startAfter=2026-01-01T00%3A00%3A00.000Z' +
        '&startBefore=2026-02-01T00%3A00%3A00Z&endAfter=2026-03-01T00%3A00%3A00.123%2B01%3A00' +
        '&endBefore=2026-04-01T12%3A30%3A00.500Z&storeId=9&audienceId=10',
    });
    expect(value).toEqual({ hasMore: true, data: [] });
  });

  it('sends no query string with no filters', async () => {
    server.use(answer('get', route, 200, { hasMore: false, data: [] }));
    okValue(await integrationGetAllCampaigns(client, {}));
    await expectSent(seen, { method: 'GET', path: '/v1/integration/campaigns' });
  });

  it('returns the documented 401 with its body', async () => {
    server.use(answer('get', route, 401, errorWithStatus(401, 'unauthorized')));
    expectDocumented(
      await integrationGetAllCampaigns(client, {}),
      'integrationGetAllCampaigns',
      401,
      errorWithStatus(401, 'unauthorized'),
    );
  });

  it.each([
    ['campaignIds as numbers (the spec says strings)', { campaignIds: [1, 2] }, 'campaignIds[0]'],
    ['pageSize 0', { pageSize: 0 }, 'pageSize'],
    ['pageSize 1001', { pageSize: 1001 }, 'pageSize'],
    ['a startAfter not in RFC 3339', { startAfter: '2026-06-24 10:00' }, 'startAfter'],
    ['an invalid Date endBefore', { endBefore: new Date(Number.NaN) }, 'endBefore'],
    ['a fractional storeId', { storeId: 1.5 }, 'storeId'],
    ['a misspelled key', { campaignID: ['1'] }, 'campaignID'],
  ])('rejects %s before sending', async (_, bad, path) => {
    server.use(answer('get', route, 200, { hasMore: false, data: [] }));
    await expectRejected(
      seen,
      await integrationGetAllCampaigns(client, bad as never),
      'integrationGetAllCampaigns',
      path,
    );
  });
});

describe('bestPriorPrice', () => {
  const route = '/v1/best_prior_price';
  const price = {
    id: 1,
    sku: 'SKU1241028',
    observedAt: CREATED,
    contextIds: null,
    price: 100,
    metadata: {
      influencingCampaignDetails: [{ campaignId: 3, discountValue: 5 }],
      adjustmentDetails: { referenceId: 'adj-1', selectedPriceType: 'member', value: 95 },
    },
    target: { targetType: 'AUDIENCE', audienceID: 4 },
    extra: 'kept',
  };
  const body = {
    skus: ['SKU1241028', 'SKU1241029'],
    timeframeEndDate: '2026-06-24T10:00:00Z',
    timeframe: '30D',
    timeframeEndDateType: 'strict' as const,
    target: { targetType: 'AUDIENCE' as const, audienceID: 4 },
  };

  it('sends POST with the request and parses the list of best prior prices', async () => {
    server.use(answer('post', route, 200, [price]));
    const value = okValue(await bestPriorPrice(client, { body }));
    await expectSent(seen, { method: 'POST', path: '/v1/best_prior_price', body });
    expect(value).toHaveLength(1);
    expect(value[0]?.contextIds).toEqual([]);
    expect(value[0]?.metadata.influencingCampaignDetails[0]?.discountValue).toBe(5);
    expect(value[0]?.target).toEqual({ targetType: 'AUDIENCE', audienceID: 4 });
    expect(extra(value[0])).toBe('kept');
  });

  it('a Date timeframeEndDate is sent as its ISO string', async () => {
    server.use(answer('post', route, 200, []));
    okValue(
      await bestPriorPrice(client, { body: { ...body, timeframeEndDate: new Date('2026-06-24T10:00:00Z') } }),
    );
    await expectSent(seen, {
      method: 'POST',
      path: '/v1/best_prior_price',
      body: { ...body, timeframeEndDate: '2026-06-24T10:00:00.000Z' },
    });
  });

  it('documents no error status: a 400 is an undocumented http error with its body kept', async () => {
    server.use(answer('post', route, 400, errorWithStatus(400, 'bad timeframe')));
    const result = await bestPriorPrice(client, { body });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'http', documented: false, status: 400, body: errorWithStatus(400, 'bad timeframe') },
    });
  });

  it.each([
    ['a misspelled body key', { ...body, timeFrame: '30D' }, 'body.timeFrame', /did you mean timeframe\?/],
    ['an empty skus list (minItems 1)', { ...body, skus: [] }, 'body.skus', undefined],
    [
      'a timeframeEndDateType out of its enum',
      { ...body, timeframeEndDateType: 'loose' },
      'body.timeframeEndDateType',
      undefined,
    ],
    [
      'a timeframeEndDate not in RFC 3339',
      { ...body, timeframeEndDate: '2026-06-24 10:00' },
      'body.timeframeEndDate',
      undefined,
    ],
    [
      'an invalid Date timeframeEndDate',
      { ...body, timeframeEndDate: new Date('x') },
      'body.timeframeEndDate',
      undefined,
    ],
    [
      'a targetType out of its enum',
      { ...body, target: { targetType: 'STORE' } },
      'body.target.targetType',
      undefined,
    ],
  ])('rejects %s before sending', async (_, bad, path, message) => {
    server.use(answer('post', route, 200, []));
    await expectRejected(
      seen,
      await bestPriorPrice(client, { body: bad } as never),
      'bestPriorPrice',
      path,
      message,
    );
  });
});

describe('syncCatalog', () => {
  const route = '/v1/catalogs/:catalogId/sync';
  const catalog = {
    id: 6,
    created: CREATED,
    accountId: 31,
    modified: CREATED,
    name: 'seafood',
    description: 'seafood catalog',
    subscribedApplicationsIds: null,
    version: 7,
    createdBy: 6,
    extra: 'kept',
  };
  const body = {
    actions: [
      { type: 'ADD' as const, payload: { sku: 'SKU1241028', price: 99.99, attributes: { color: 'red' } } },
      { type: 'REMOVE' as const, payload: { sku: 'SKU1241029' } },
    ],
    version: 6,
  };

  it('sends PUT with the actions (payloads kept whole) and parses the Catalog', async () => {
    server.use(answer('put', route, 200, catalog));
    const value = okValue(await syncCatalog(client, { catalogId: 6, body }));
    await expectSent(seen, { method: 'PUT', path: '/v1/catalogs/6/sync', body });
    expect(value.version).toBe(7);
    expect(value.subscribedApplicationsIds).toEqual([]);
    expect(extra(value)).toBe('kept');
  });

  it('returns the documented 400 (ErrorResponse) and 404 (ErrorResponseWithStatus)', async () => {
    server.use(answer('put', route, 400, errorResponse({ message: 'version mismatch', errors: null })));
    expectDocumented(await syncCatalog(client, { catalogId: 6, body }), 'syncCatalog', 400, {
      message: 'version mismatch',
      errors: [],
    });
    server.use(answer('put', route, 404, errorWithStatus(404, 'catalog not found')));
    expectDocumented(
      await syncCatalog(client, { catalogId: 6, body }),
      'syncCatalog',
      404,
      errorWithStatus(404, 'catalog not found'),
    );
  });

  it.each(BAD_INTEGERS)('rejects catalogId %s before sending', async (_, catalogId) => {
    server.use(answer('put', route, 200, catalog));
    await expectRejected(
      seen,
      await syncCatalog(client, { catalogId, body } as never),
      'syncCatalog',
      'catalogId',
    );
  });

  it.each([
    ['an empty actions list (minItems 1)', { actions: [] }, 'body.actions', undefined],
    [
      '1001 actions (maxItems 1000)',
      { actions: Array(1001).fill(body.actions[1]) },
      'body.actions',
      undefined,
    ],
    [
      'an action type out of its enum',
      { actions: [{ type: 'UPSERT', payload: {} }] },
      'body.actions[0].type',
      undefined,
    ],
    ['a version of 0 (minimum 1)', { ...body, version: 0 }, 'body.version', undefined],
    [
      'a misspelled action key',
      { actions: [{ type: 'ADD', payload: {}, paylod: {} }] },
      'body.actions[0].paylod',
      /did you mean payload\?/,
    ],
    [
      'a payload as the string "{}"',
      { actions: [{ type: 'ADD', payload: '{}' }] },
      'body.actions[0].payload',
      undefined,
    ],
  ])('rejects %s before sending', async (_, bad, path, message) => {
    server.use(answer('put', route, 200, catalog));
    await expectRejected(
      seen,
      await syncCatalog(client, { catalogId: 6, body: bad } as never),
      'syncCatalog',
      path,
      message,
    );
  });
});
