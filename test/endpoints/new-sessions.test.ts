import { describe, expect, it } from 'vitest';
import { getCustomerSession, reopenCustomerSession, returnCartItems } from '../../src/index.js';
import { useMockServer } from '../support/msw.js';
import {
  answer,
  CREATED,
  client,
  customerProfile,
  customerSession,
  errorResponse,
  errorWithStatus,
  expectDocumented,
  expectRejected,
  expectSent,
  extra,
  NASTY_ID,
  NASTY_ID_ENCODED,
  okValue,
  setDiscountEffect,
  unknownEffect,
} from './new-support.js';

const { server, seen } = useMockServer();

describe('getCustomerSession', () => {
  const route = '/v2/customer_sessions/:customerSessionId';
  const body = {
    customerSession: customerSession({ extra: 'kept' }),
    effects: [setDiscountEffect(), unknownEffect()],
  };

  it('sends GET with the encoded session ID and parses the session', async () => {
    server.use(answer('get', route, 200, body));
    const value = okValue(await getCustomerSession(client, { customerSessionId: NASTY_ID }));
    await expectSent(seen, { method: 'GET', path: `/v2/customer_sessions/${NASTY_ID_ENCODED}` });
    expect(value.customerSession?.integrationId).toBe('session-1');
    expect(value.customerSession?.couponCodes).toEqual([]);
    expect(value.customerSession?.cartItems?.[0]?.sku).toBe('SKU1241028');
    expect(extra(value.customerSession)).toBe('kept');
    expect(value.effects?.map((e) => e.effectType)).toEqual(['setDiscount', 'launchRocket']);
  });

  it('an effects list sent as null becomes []', async () => {
    server.use(answer('get', route, 200, { customerSession: customerSession(), effects: null }));
    const value = okValue(await getCustomerSession(client, { customerSessionId: 's' }));
    expect(value.effects).toEqual([]);
  });

  it('returns the documented 400 (ErrorResponse) and 401 (ErrorResponseWithStatus)', async () => {
    server.use(answer('get', route, 400, errorResponse('bad id')));
    expectDocumented(
      await getCustomerSession(client, { customerSessionId: 's' }),
      'getCustomerSession',
      400,
      {
        message: 'bad id',
        errors: [],
      },
    );
    server.use(answer('get', route, 401, errorWithStatus(401, 'unauthorized')));
    expectDocumented(
      await getCustomerSession(client, { customerSessionId: 's' }),
      'getCustomerSession',
      401,
      errorWithStatus(401, 'unauthorized'),
    );
  });

  it.each([
    ['an empty ID', { customerSessionId: '' }, 'customerSessionId'],
    ['a numeric ID', { customerSessionId: 7 }, 'customerSessionId'],
    ['a misspelled key', { customerSesionId: 'x', customerSessionId: 'x' }, 'customerSesionId'],
  ])('rejects %s before sending', async (_, params, path) => {
    server.use(answer('get', route, 200, body));
    await expectRejected(seen, await getCustomerSession(client, params as never), 'getCustomerSession', path);
  });

  it('an unknown params key says which one was meant', async () => {
    server.use(answer('get', route, 200, body));
    const result = await getCustomerSession(client, {
      customerSessionId: 'x',
      customerSessionID: 'x',
    } as never);
    await expectRejected(
      seen,
      result,
      'getCustomerSession',
      'customerSessionID',
      /customerSessionID is not a field of getCustomerSession params; did you mean customerSessionId\?/,
    );
  });

  // SDK bug (src/models/helpers.ts `strict`): its message callback also handles the "missing key"
  // issue, so a missing required key reads "Invalid type: expected getCustomerSession params (an
  // object) but received undefined", and when the key is misspelled that misleading issue comes
  // first: the message hides the "did you mean" hint behind "(and 1 more)".
  it('a misspelled required key: the message gives the hint, not a wrong-type complaint', async () => {
    server.use(answer('get', route, 200, body));
    const result = await getCustomerSession(client, { customerSessionID: 'x' } as never);
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'validation') throw new Error('not a validation error');
    expect(result.error.issues.find((i) => i.path === 'customerSessionID')?.message).toMatch(
      /did you mean customerSessionId\?/,
    );
    expect(result.error.message).toMatch(/did you mean customerSessionId\?/);
    expect(result.error.message).not.toContain('(an object)');
  });

  it('a missing required key is not described as a params object of the wrong type', async () => {
    server.use(answer('get', route, 200, body));
    const result = await getCustomerSession(client, {} as never);
    await expectRejected(seen, result, 'getCustomerSession', 'customerSessionId');
    if (result.ok || result.error.kind !== 'validation') return;
    expect(result.error.issues[0]?.message).not.toMatch(/expected getCustomerSession params \(an object\)/);
  });
});

describe('reopenCustomerSession', () => {
  const route = '/v2/customer_sessions/:customerSessionId/reopen';

  it('sends PUT without a body and parses the effects (unknown key kept)', async () => {
    server.use(
      answer('put', route, 200, {
        effects: [setDiscountEffect(), unknownEffect()],
        extra: { why: 'future' },
      }),
    );
    const value = okValue(await reopenCustomerSession(client, { customerSessionId: NASTY_ID }));
    await expectSent(seen, { method: 'PUT', path: `/v2/customer_sessions/${NASTY_ID_ENCODED}/reopen` });
    expect(value.effects).toHaveLength(2);
    const first = value.effects[0];
    expect(first?.effectType === 'setDiscount' && first.props.value).toBe(12.5);
    expect(extra(value)).toEqual({ why: 'future' });
  });

  it('effects: null becomes []', async () => {
    server.use(answer('put', route, 200, { effects: null }));
    const value = okValue(await reopenCustomerSession(client, { customerSessionId: 's' }));
    expect(value.effects).toEqual([]);
  });

  it('returns the documented 401', async () => {
    server.use(answer('put', route, 401, errorWithStatus(401, 'unauthorized')));
    expectDocumented(
      await reopenCustomerSession(client, { customerSessionId: 's' }),
      'reopenCustomerSession',
      401,
      errorWithStatus(401, 'unauthorized'),
    );
  });

  it('rejects an empty session ID before sending', async () => {
    server.use(answer('put', route, 200, { effects: [] }));
    await expectRejected(
      seen,
      await reopenCustomerSession(client, { customerSessionId: '' }),
      'reopenCustomerSession',
      'customerSessionId',
    );
  });
});

describe('returnCartItems', () => {
  const route = '/v2/customer_sessions/:customerSessionId/returns';
  const params = {
    customerSessionId: NASTY_ID,
    dry: true,
    runRuleEngine: false,
    body: {
      return: {
        returnedCartItems: [
          { position: 0, quantity: 1 },
          { sku: 'SKU1241028', quantity: 1 },
        ],
      },
      responseContent: ['customerSession' as const, 'previousReturns' as const],
    },
  };
  const returned = {
    id: 2,
    created: CREATED,
    applicationId: 322,
    accountId: 31,
    returnedCartItems: [{ position: 0, quantity: 1 }],
    eventId: 9,
    sessionId: 6,
    sessionIntegrationId: 'session-1',
    profileIntegrationId: 'URNGV8294NV',
  };
  const body = {
    customerProfile: customerProfile(),
    customerSession: customerSession({ state: 'partially_returned' }),
    effects: [setDiscountEffect()],
    createdCoupons: null,
    createdReferrals: [],
    triggeredCampaigns: null,
    return: returned,
    previousReturns: [{ ...returned, id: 1, returnedCartItems: null }],
    extra: 'kept',
  };

  it('sends POST with dry and runRuleEngine, the return body, and parses IntegrationStateV2', async () => {
    server.use(answer('post', route, 200, body));
    const value = okValue(await returnCartItems(client, params));
    await expectSent(seen, {
      method: 'POST',
      path: `/v2/customer_sessions/${NASTY_ID_ENCODED}/returns`,
      query: '?dry=true&runRuleEngine=false',
      body: params.body,
    });
    expect(value.customerSession?.state).toBe('partially_returned');
    expect(value.createdCoupons).toEqual([]);
    expect(value.triggeredCampaigns).toEqual([]);
    expect(value.customerProfile?.loyaltyMemberships).toEqual([]);
    expect(value.return?.returnedCartItems).toEqual([{ position: 0, quantity: 1 }]);
    expect(value.previousReturns?.[0]?.returnedCartItems).toEqual([]);
    expect(extra(value)).toBe('kept');
  });

  it('sends no query string when dry and runRuleEngine are absent', async () => {
    server.use(answer('post', route, 200, body));
    okValue(
      await returnCartItems(client, {
        customerSessionId: 's-1',
        body: { return: { returnedCartItems: [{ position: 1 }] } },
      }),
    );
    await expectSent(seen, {
      method: 'POST',
      path: '/v2/customer_sessions/s-1/returns',
      body: { return: { returnedCartItems: [{ position: 1 }] } },
    });
  });

  it('returns the documented 400 with its ErrorResponse body', async () => {
    server.use(answer('post', route, 400, errorResponse('nothing to return')));
    expectDocumented(await returnCartItems(client, params), 'returnCartItems', 400, {
      message: 'nothing to return',
      errors: [],
    });
  });

  it.each([
    [
      'a misspelled body key',
      { ...params, body: { ...params.body, responseContnet: ['customerSession'] } },
      'body.responseContnet',
      /did you mean responseContent\?/,
    ],
    [
      'a misspelled returned item key',
      { ...params, body: { return: { returnedCartItems: [{ positon: 0 }] } } },
      'body.return.returnedCartItems[0].positon',
      /did you mean position\?/,
    ],
    [
      'a responseContent value out of its enum',
      { ...params, body: { ...params.body, responseContent: ['everything'] } },
      'body.responseContent[0]',
      undefined,
    ],
    [
      'a fractional quantity',
      { ...params, body: { return: { returnedCartItems: [{ position: 0, quantity: 0.5 }] } } },
      'body.return.returnedCartItems[0].quantity',
      undefined,
    ],
    ['dry as a string', { ...params, dry: 'true' }, 'dry', undefined],
    ['a missing return', { ...params, body: {} }, 'body.return', undefined],
  ])('rejects %s before sending', async (_, bad, path, message) => {
    server.use(answer('post', route, 200, body));
    await expectRejected(seen, await returnCartItems(client, bad as never), 'returnCartItems', path, message);
  });
});
