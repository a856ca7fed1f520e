/**
 * The customer session operations: updateCustomerSessionV2 (through the endpoint harness and its
 * answers), then getCustomerSession, reopenCustomerSession and returnCartItems.
 */
import { describe, expect, it } from 'vitest';
import {
  getCustomerSession,
  type IntegrationStateV2,
  reopenCustomerSession,
  returnCartItems,
  type UpdateCustomerSessionV2Params,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  at,
  CREATED,
  campaign,
  cartItem,
  coupon,
  customerProfile,
  customerSessionV2,
  effects,
  errorResponse,
  errorResponseWithStatus,
  errorWithStatus,
  event,
  integrationStateV2,
  setDiscountEffect,
  sparseCustomerProfile,
  sparseCustomerSession,
  unknownEffect,
} from '../support/fixtures.js';
import { useMockServer } from '../support/msw.js';
import {
  answer,
  change,
  client,
  endpointTests,
  expectDocumented,
  expectRejected,
  expectSent,
  extra,
  NASTY,
  NASTY_ENCODED,
  okValue,
  settle,
} from './harness.js';

const mock = useMockServer();
const { server, seen } = mock;
const path = '/v2/customer_sessions/:customerSessionId';

const params = {
  customerSessionId: NASTY,
  dry: true,
  now: '2026-06-01T00:00:00Z',
  body: {
    customerSession: {
      profileId: 'URNGV8294NV',
      storeIntegrationId: 'STORE-001',
      evaluableCampaignIds: [10, 12],
      couponCodes: ['XMAS-20-2026'],
      referralCode: 'NT2K54D9',
      loyaltyCards: ['loyalty-card-1'],
      state: 'open',
      cartItems: [
        {
          name: 'Air Glide',
          sku: 'SKU1241028',
          quantity: 2,
          price: 99.99,
          category: 'shoes',
          product: { name: 'sample_product' },
          attributes: { material: 'leather', label: 'Grüße ✓' },
          additionalCosts: { giftWrap: { price: 2.5 } },
        },
      ],
      additionalCosts: { shipping: { price: 9 } },
      identifiers: ['d41306257915f83fe01e54092ae470f6'],
      attributes: { ShippingCity: 'Berlin' },
    },
    responseContent: [
      'customerSession',
      'customerProfile',
      'coupons',
      'triggeredCampaigns',
      'loyalty',
      'event',
    ],
  },
};

describe('updateCustomerSessionV2', () => {
  endpointTests(
    {
      id: 'updateCustomerSessionV2',
      call: (c, p) => updateCustomerSessionV2(c, p as UpdateCustomerSessionV2Params),
      method: 'put',
      route: path,
      params,
      expectedPath: `/v2/customer_sessions/${NASTY_ENCODED}`,
      expectedQuery: '?dry=true&now=2026-06-01T00%3A00%3A00Z',
      hasBody: true,
      success: { status: 200, body: integrationStateV2() },
      documented: {
        400: errorResponse(),
        401: errorResponseWithStatus(401),
        409: { message: 'Too many requests or limit reached - avoid parallel requests' },
      },
      signature: false,
      misspelled: { key: 'customerSesionId', meant: 'customerSessionId' },
      invalid: [
        {
          label: 'missing required body field customerSession',
          params: change(params, 'body.customerSession'),
          path: 'body.customerSession',
        },
        {
          label: 'a session state out of its range',
          params: change(params, 'body.customerSession.state', 'paused'),
          path: 'body.customerSession.state',
        },
        {
          label: 'a cart item without its required sku',
          params: change(params, 'body.customerSession.cartItems.0.sku'),
          path: 'body.customerSession.cartItems[0].sku',
        },
        {
          label: 'a cart item quantity of 0 (minimum 1)',
          params: change(params, 'body.customerSession.cartItems.0.quantity', 0),
          path: 'body.customerSession.cartItems[0].quantity',
        },
        {
          label: 'a cart item quantity of the wrong type',
          params: change(params, 'body.customerSession.cartItems.0.quantity', '2'),
          path: 'body.customerSession.cartItems[0].quantity',
        },
        {
          label: 'a responseContent entry out of its range',
          params: change(params, 'body.responseContent', ['everything']),
          path: 'body.responseContent[0]',
        },
        {
          label: 'two loyalty cards (maxItems 1)',
          params: change(params, 'body.customerSession.loyaltyCards', ['a', 'b']),
          path: 'body.customerSession.loyaltyCards',
        },
        {
          label: 'attributes as the string "{}"',
          params: change(params, 'body.customerSession.attributes', '{}'),
          path: 'body.customerSession.attributes',
        },
        {
          label: 'an empty customerSessionId',
          params: change(params, 'customerSessionId', ''),
          path: 'customerSessionId',
        },
        {
          label: 'a missing customerSessionId',
          params: change(params, 'customerSessionId'),
          path: 'customerSessionId',
        },
        { label: 'now of the wrong type', params: change(params, 'now', 1767225600000), path: 'now' },
      ],
      offSchema: { body: integrationStateV2({ createdCoupons: undefined }), issuePath: 'createdCoupons' },
      lenient: integrationStateV2({
        futureTopLevel: { anything: [1] },
        effects: [
          effects.setDiscount({ futureField: 1 }),
          effects.unknown(),
          effects.unknown({ effectType: 'anotherNewEffect', props: {} }),
          effects.rejectCoupon({ props: { value: 'X', rejectionReason: 'SomeFutureReason' } }),
        ],
        customerSession: customerSessionV2({
          state: 'on_hold',
          futureField: true,
          cartItems: [cartItem({ colour: 'red' })],
        }),
        triggeredCampaigns: [campaign({ frontendState: 'paused', features: ['teleport'], type: 'quantum' })],
        event: event({
          meta: { couponRejectionReason: { campaignId: 1, couponId: 2, reason: 'CouponMoonPhase' } },
        }),
        createdCoupons: [
          coupon({ limits: [{ action: 'x', limit: 1, entities: ['Planet'], period: 'hourly' }] }),
        ],
      }),
    },
    mock,
  );

  it('types the value, and a switch on effectType reaches each effect type', async () => {
    server.use(
      answer(
        'put',
        path,
        200,
        integrationStateV2({ effects: [...(integrationStateV2().effects as object[]), effects.unknown()] }),
      ),
    );
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'cart-7',
      body: { customerSession: { profileId: 'URNGV8294NV' } },
    });
    if (!result.ok) throw new Error(result.error.message);
    const state: IntegrationStateV2 = result.value;
    const seenTypes: string[] = [];
    let discount = 0;
    let rejection = '';
    for (const effect of state.effects) {
      seenTypes.push(effect.effectType);
      switch (effect.effectType) {
        case 'setDiscount':
        case 'setDiscountPerItem':
          discount += effect.props.value;
          break;
        case 'rejectCoupon':
          rejection = effect.props.rejectionReason;
          break;
      }
    }
    expect(seenTypes).toEqual([
      'setDiscount',
      'acceptCoupon',
      'setDiscountPerItem',
      'addLoyaltyPoints',
      'rejectCoupon',
      'launchRocket',
    ]);
    expect(discount).toBe(25.5);
    expect(rejection).toBe('CouponExpired');
    expect(state.customerSession?.cartItems?.[0]?.sku).toBe('SKU1241028');
    expect(state.customerProfile?.attributes).toEqual({
      Language: 'english',
      ShippingCountry: 'DE',
      Grüße: '✓',
    });
    expect(new TextDecoder().decode(seen[0]?.body)).toBe('{"customerSession":{"profileId":"URNGV8294NV"}}');
  });

  it('a known effect type whose props miss a required field is a response/schema error', async () => {
    const broken = effects.setDiscount({ props: { name: 'no value' } });
    server.use(answer('put', path, 200, integrationStateV2({ effects: [broken] })));
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'cart-7',
      body: { customerSession: {} },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'response', problem: 'schema' } });
    if (result.ok || result.error.kind !== 'response') return;
    expect(result.error.issues[0]?.path).toMatch(/^effects\[0\]/);
  });

  it('accepts a date-time `now` with an offset, and closes a session with state closed', async () => {
    server.use(
      answer(
        'put',
        path,
        200,
        integrationStateV2({ customerSession: customerSessionV2({ state: 'closed' }) }),
      ),
    );
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'cart-7',
      now: at(20).replace('Z', '+02:00'),
      body: { customerSession: { state: 'closed' } },
    });
    expect(result.ok && result.value.customerSession?.state).toBe('closed');
    expect(seen[0]?.url.searchParams.get('now')).toBe('2026-05-20T10:15:22.123456+02:00');
  });
  it.each([
    ['customerProfile.attributes', { customerProfile: customerProfile({ attributes: '{}' }) }],
    ['effects[0] (known type)', { effects: [effects.setDiscount({ props: '{}' })] }],
    ['effects[0] (unknown type)', { effects: [effects.unknown({ props: '{}' })] }],
    ['createdCoupons[0].attributes', { createdCoupons: [coupon({ attributes: '{}' })] }],
  ])('the spec example quirk "{}" where an object is due is rejected: %s', async (where, overrides) => {
    server.use(answer('put', path, 200, integrationStateV2(overrides)));
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'c',
      body: { customerSession: {} },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'response', problem: 'schema' } });
    if (result.ok || result.error.kind !== 'response') return;
    expect(result.error.issues[0]?.path.startsWith(where.split(' ')[0]!)).toBe(true);
  });

  it('RFC 3339 date-times in every shape the live API uses are accepted', async () => {
    const dates = ['2026-05-01T10:15:22Z', '2026-05-01T10:15:22.123456789Z', '2026-05-01T12:15:22+02:00'];
    const body = integrationStateV2({
      customerSession: customerSessionV2({ created: dates[0], updated: dates[1] }),
      customerProfile: customerProfile({ created: dates[2], lastActivity: dates[1] }),
    });
    server.use(answer('put', path, 200, body));
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'c',
      body: { customerSession: {} },
    });
    expect(result).toMatchObject({ ok: true, value: body });
  });

  it('refuses a misspelled body key with a did-you-mean message, sending nothing', async () => {
    server.use(answer('put', path, 200, integrationStateV2()));
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'cart-7',
      // @ts-expect-error cartitems is not a field of NewCustomerSessionV2Input
      body: { customerSession: { profileId: 'u1', cartitems: [] } },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (result.ok) return;
    expect(result.error.message).toBe(
      'updateCustomerSessionV2: invalid params: body.customerSession.cartitems is not a field of NewCustomerSessionV2; did you mean cartItems?; nothing was sent',
    );
    expect(result.error.kind === 'validation' && result.error.issues[0]?.path).toBe(
      'body.customerSession.cartitems',
    );
    await settle();
    expect(seen).toHaveLength(0);
  });

  it('keeps every key of the free-form maps (attributes, additionalCosts) in the body sent', async () => {
    server.use(answer('put', path, 200, integrationStateV2()));
    const customerSession = {
      attributes: { cartitems: 1, 'Grüße ✓': true, nested: { anyKey: [1] } },
      additionalCosts: { someNewCost: { price: 1 } },
    };
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'cart-7',
      body: { customerSession },
    });
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(seen[0]?.body))).toEqual({ customerSession });
  });

  it('keeps attribute keys that are also Object.prototype names (__proto__, constructor, prototype)', async () => {
    server.use(answer('put', path, 200, integrationStateV2()));
    const attributes = JSON.parse('{"__proto__":"a","constructor":"b","prototype":"c","toString":"d"}');
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'cart-7',
      body: { customerSession: { attributes } },
    });
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    const sent = JSON.parse(new TextDecoder().decode(seen[0]?.body));
    expect(Object.keys(sent.customerSession.attributes)).toEqual([
      '__proto__',
      'constructor',
      'prototype',
      'toString',
    ]);
  });

  it('checks additional costs in the body against AdditionalCost (price is a number)', async () => {
    server.use(answer('put', path, 200, integrationStateV2()));
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'cart-7',
      // @ts-expect-error price is a number (AdditionalCostInput)
      body: { customerSession: { additionalCosts: { shipping: { price: 'free' } } } },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (result.ok || result.error.kind !== 'validation') return;
    expect(result.error.issues.map((i) => i.path)).toContain(
      'body.customerSession.additionalCosts.shipping.price',
    );
    await settle();
    expect(seen).toHaveLength(0);
  });

  it('sends a Date `now` as RFC 3339 (UTC)', async () => {
    server.use(answer('put', path, 200, integrationStateV2()));
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'cart-7',
      now: new Date(Date.UTC(2026, 5, 1, 8, 30)),
      body: { customerSession: {} },
    });
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    expect(seen[0]?.url.searchParams.get('now')).toBe('2026-06-01T08:30:00.000Z');
  });

  it('an answer with null lists gets [] and null optional fields pass as null', async () => {
    const body = integrationStateV2({
      effects: null,
      createdCoupons: null,
      createdReferrals: null,
      triggeredCampaigns: null,
      customerProfile: null,
      customerSession: customerSessionV2({ cartItems: null, couponCodes: null, referralCode: null }),
    });
    server.use(answer('put', path, 200, body));
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'c',
      body: { customerSession: {} },
    });
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    if (!result.ok) return;
    const state: IntegrationStateV2 = result.value;
    expect(state.effects).toEqual([]);
    expect(state.createdCoupons).toEqual([]);
    expect(state.createdReferrals).toEqual([]);
    expect(state.triggeredCampaigns).toEqual([]);
    expect(state.customerProfile).toBeNull();
    expect(state.customerSession?.cartItems).toEqual([]);
    expect(state.customerSession?.couponCodes).toEqual([]);
    expect(state.customerSession?.referralCode).toBeNull();
  });

  it('an answer without the fields 26.13 no longer requires (cartItems, profileId, state, attributes) parses', async () => {
    const session = customerSessionV2();
    for (const key of ['cartItems', 'profileId', 'state', 'attributes']) delete session[key];
    const body = integrationStateV2({ customerSession: session });
    server.use(answer('put', path, 200, body));
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'c',
      body: { customerSession: {} },
    });
    expect(result).toMatchObject({ ok: true, value: body });
    expect(result.ok && result.value.customerSession?.cartItems).toBeUndefined();
  });

  it('an off-schema answer is a response/schema error that carries the parsed body', async () => {
    const body = integrationStateV2({ effects: 'none' });
    server.use(answer('put', path, 200, body));
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'c',
      body: { customerSession: {} },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'response', problem: 'schema', body } });
  });
});

describe('getCustomerSession', () => {
  const route = '/v2/customer_sessions/:customerSessionId';
  const body = {
    customerSession: sparseCustomerSession({ extra: 'kept' }),
    effects: [setDiscountEffect(), unknownEffect()],
  };

  it('sends GET with the encoded session ID and parses the session', async () => {
    server.use(answer('get', route, 200, body));
    const value = okValue(await getCustomerSession(client, { customerSessionId: NASTY }));
    await expectSent(seen, { method: 'GET', path: `/v2/customer_sessions/${NASTY_ENCODED}` });
    expect(value.customerSession?.integrationId).toBe('session-1');
    expect(value.customerSession?.couponCodes).toEqual([]);
    expect(value.customerSession?.cartItems?.[0]?.sku).toBe('SKU1241028');
    expect(extra(value.customerSession)).toBe('kept');
    expect(value.effects?.map((e) => e.effectType)).toEqual(['setDiscount', 'launchRocket']);
  });

  it('an effects list sent as null becomes []', async () => {
    server.use(answer('get', route, 200, { customerSession: sparseCustomerSession(), effects: null }));
    const value = okValue(await getCustomerSession(client, { customerSessionId: 's' }));
    expect(value.effects).toEqual([]);
  });

  it('returns the documented 400 (ErrorResponse) and 401 (ErrorResponseWithStatus)', async () => {
    server.use(answer('get', route, 400, errorResponse({ message: 'bad id', errors: null })));
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
    const value = okValue(await reopenCustomerSession(client, { customerSessionId: NASTY }));
    await expectSent(seen, { method: 'PUT', path: `/v2/customer_sessions/${NASTY_ENCODED}/reopen` });
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
    customerSessionId: NASTY,
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
    customerProfile: sparseCustomerProfile(),
    customerSession: sparseCustomerSession({ state: 'partially_returned' }),
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
      path: `/v2/customer_sessions/${NASTY_ENCODED}/returns`,
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
    server.use(answer('post', route, 400, errorResponse({ message: 'nothing to return', errors: null })));
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
