/** The three 2021 (V1) operations: trackEvent, updateCustomerProfile, updateCustomerSession. */
import { describe, expect, it } from 'vitest';
import {
  type IntegrationState,
  type TrackEventParams,
  trackEvent,
  type UpdateCustomerProfileParams,
  type UpdateCustomerSessionParams,
  updateCustomerProfile,
  updateCustomerSession,
} from '../../src/index.js';
import { errorResponse, event, legacyIntegrationState } from '../support/fixtures.js';
import { useMockServer } from '../support/msw.js';
import { answer, change, client, endpointTests, NASTY, NASTY_ENCODED } from './harness.js';

const mock = useMockServer();
const { server, seen } = mock;

const lenientState = () => {
  const base = legacyIntegrationState();
  return legacyIntegrationState({
    futureTopLevel: 1,
    session: { ...(base.session as object), state: 'partially_returned', futureField: [1] },
    event: event({
      effects: [{ effectType: 'launchRocket', props: { x: 1 } }, { anything: 'goes' }],
      meta: { referralRejectionReason: { campaignId: 1, referralId: 2, reason: 'ReferralMoonPhase' } },
    }),
  });
};

describe('trackEvent', () => {
  const params = {
    dry: true,
    body: {
      profileId: 'URNGV8294NV',
      type: 'pageViewed',
      attributes: { page: '/shoes', label: 'Grüße ✓' },
      sessionId: 'cart-7',
    },
  };
  endpointTests(
    {
      id: 'trackEvent',
      call: (c, p) => trackEvent(c, p as TrackEventParams),
      method: 'post',
      route: '/v1/events',
      params,
      expectedPath: '/v1/events',
      expectedQuery: '?dry=true',
      hasBody: true,
      success: { status: 201, body: legacyIntegrationState() },
      documented: {},
      signature: true,
      invalid: [
        { label: 'missing required body field type', params: change(params, 'body.type'), path: 'body.type' },
        {
          label: 'missing required body field sessionId',
          params: change(params, 'body.sessionId'),
          path: 'body.sessionId',
        },
        {
          label: 'missing required body field attributes',
          params: change(params, 'body.attributes'),
          path: 'body.attributes',
        },
        { label: 'an empty type (minLength 1)', params: change(params, 'body.type', ''), path: 'body.type' },
        {
          label: 'attributes as the string "{}"',
          params: change(params, 'body.attributes', '{}'),
          path: 'body.attributes',
        },
        { label: 'dry of the wrong type', params: change(params, 'dry', 'yes'), path: 'dry' },
      ],
      offSchema: { body: legacyIntegrationState({ session: undefined }), issuePath: 'session' },
      lenient: lenientState(),
    },
    mock,
  );

  it('types the value as the 2021 IntegrationState', async () => {
    server.use(answer('post', '/v1/events', 201, legacyIntegrationState()));
    const result = await trackEvent(client, { body: { type: 'x', attributes: {}, sessionId: 's' } });
    if (!result.ok) throw new Error(result.error.message);
    const state: IntegrationState = result.value;
    expect(state.session.discounts).toEqual({ '10% off': 9.99 });
    expect(state.event.type).toBe('pageViewed');
    expect(seen[0]?.url.search).toBe('');
  });

  it('an error status is undocumented (the 2021 spec documents none), body kept', async () => {
    server.use(answer('post', '/v1/events', 400, errorResponse()));
    const result = await trackEvent(client, params);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 400, documented: false, body: errorResponse() },
    });
  });
});

describe('updateCustomerProfile', () => {
  const params = {
    integrationId: NASTY,
    dry: false,
    body: { attributes: { Language: 'english', ShippingCountry: 'DE', Nickname: 'Grüße ✓' } },
  };
  endpointTests(
    {
      id: 'updateCustomerProfile',
      call: (c, p) => updateCustomerProfile(c, p as UpdateCustomerProfileParams),
      method: 'put',
      route: '/v1/customer_profiles/:integrationId',
      params,
      expectedPath: `/v1/customer_profiles/${NASTY_ENCODED}`,
      expectedQuery: '?dry=false',
      hasBody: true,
      success: { status: 200, body: legacyIntegrationState() },
      documented: {},
      signature: true,
      misspelled: { key: 'integrationID', meant: 'integrationId' },
      invalid: [
        {
          label: 'an empty integrationId',
          params: change(params, 'integrationId', ''),
          path: 'integrationId',
        },
        { label: 'a missing integrationId', params: change(params, 'integrationId'), path: 'integrationId' },
        {
          label: 'attributes as the string "{}"',
          params: change(params, 'body.attributes', '{}'),
          path: 'body.attributes',
        },
        {
          label: 'attributes of the wrong type',
          params: change(params, 'body.attributes', 5),
          path: 'body.attributes',
        },
        { label: 'no body (the spec requires one)', params: change(params, 'body'), path: 'body' },
      ],
      offSchema: {
        body: legacyIntegrationState({ profile: { integrationId: 'x' } }),
        issuePath: 'profile.created',
      },
      lenient: lenientState(),
    },
    mock,
  );

  it('accepts an empty body (no field is required)', async () => {
    server.use(answer('put', '/v1/customer_profiles/:integrationId', 200, legacyIntegrationState()));
    const result = await updateCustomerProfile(client, { integrationId: 'user-1', body: {} });
    expect(result.ok).toBe(true);
    expect(new TextDecoder().decode(seen[0]?.body)).toBe('{}');
  });
});

describe('updateCustomerSession', () => {
  const params = {
    customerSessionId: NASTY,
    dry: true,
    body: {
      profileId: 'URNGV8294NV',
      coupon: 'XMAS-20-2026',
      referral: 'NT2K54D9',
      state: 'open',
      cartItems: [{ name: 'Air Glide', sku: 'SKU1241028', quantity: 1, price: 99.99, category: 'shoes' }],
      identifiers: ['device-1'],
      total: 99.99,
      attributes: { ShippingCity: 'Berlin' },
    },
  };
  endpointTests(
    {
      id: 'updateCustomerSession',
      call: (c, p) => updateCustomerSession(c, p as UpdateCustomerSessionParams),
      method: 'put',
      route: '/v1/customer_sessions/:customerSessionId',
      params,
      expectedPath: `/v1/customer_sessions/${NASTY_ENCODED}`,
      expectedQuery: '?dry=true',
      hasBody: true,
      success: { status: 200, body: legacyIntegrationState() },
      documented: {},
      signature: true,
      invalid: [
        {
          label: 'a state out of the 2021 range (partially_returned is V2 only)',
          params: change(params, 'body.state', 'partially_returned'),
          path: 'body.state',
        },
        {
          label: 'a cart item without its required name',
          params: change(params, 'body.cartItems.0.name'),
          path: 'body.cartItems[0].name',
        },
        {
          label: 'a cart item without its required price',
          params: change(params, 'body.cartItems.0.price'),
          path: 'body.cartItems[0].price',
        },
        {
          label: 'a price of the wrong type',
          params: change(params, 'body.cartItems.0.price', '99.99'),
          path: 'body.cartItems[0].price',
        },
        {
          label: 'a coupon over 100 characters',
          params: change(params, 'body.coupon', 'C'.repeat(101)),
          path: 'body.coupon',
        },
        {
          label: 'six identifiers (maxItems 5)',
          params: change(params, 'body.identifiers', ['1', '2', '3', '4', '5', '6']),
          path: 'body.identifiers',
        },
        {
          label: 'an empty customerSessionId',
          params: change(params, 'customerSessionId', ''),
          path: 'customerSessionId',
        },
      ],
      offSchema: {
        body: legacyIntegrationState({ event: event({ ledgerEntries: undefined }) }),
        issuePath: 'event.ledgerEntries',
      },
      lenient: lenientState(),
    },
    mock,
  );
});
