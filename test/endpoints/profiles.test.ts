import { describe, expect, it } from 'vitest';
import {
  type CustomerInventory,
  type CustomerProfileIntegrationResponseV2,
  type DeleteCustomerDataParams,
  deleteCustomerData,
  type GetCustomerInventoryParams,
  getCustomerInventory,
  type MultipleCustomerProfileIntegrationResponseV2,
  type UpdateCustomerProfileAudiencesParams,
  type UpdateCustomerProfilesV2Params,
  type UpdateCustomerProfileV2Params,
  updateCustomerProfileAudiences,
  updateCustomerProfilesV2,
  updateCustomerProfileV2,
} from '../../src/index.js';
import {
  achievement,
  customerInventory,
  customerProfile,
  customerProfileIntegrationResponseV2,
  effects,
  errorResponseWithStatus,
  giveaway,
  inventoryCoupon,
  multipleProfilesResponse,
} from '../support/fixtures.js';
import { useMockServer } from '../support/msw.js';
import { answer, change, client, endpointTests, NASTY, NASTY_ENCODED, settle } from './harness.js';

const mock = useMockServer();
const { server, seen } = mock;

const e401 = errorResponseWithStatus(401);
const e404 = errorResponseWithStatus(404, { message: 'customer profile not found' });
const e400 = errorResponseWithStatus(400, {
  errors: [{ title: 'bad', source: { parameter: 'integrationId' } }],
});

describe('deleteCustomerData', () => {
  endpointTests(
    {
      id: 'deleteCustomerData',
      call: (c, p) => deleteCustomerData(c, p as DeleteCustomerDataParams),
      method: 'delete',
      route: '/v1/customer_data/:integrationId',
      params: { integrationId: NASTY },
      expectedPath: `/v1/customer_data/${NASTY_ENCODED}`,
      expectedQuery: '',
      hasBody: false,
      success: { status: 204 },
      documented: { 401: e401, 404: e404 },
      signature: false,
      invalid: [
        { label: 'an empty integrationId', params: { integrationId: '' }, path: 'integrationId' },
        { label: 'a missing integrationId', params: {}, path: 'integrationId' },
        { label: 'an integrationId of the wrong type', params: { integrationId: 12 }, path: 'integrationId' },
        { label: 'a dot-segment integrationId', params: { integrationId: '.' }, path: 'integrationId' },
      ],
    },
    mock,
  );

  it('answers 204 with value undefined', async () => {
    server.use(answer('delete', '/v1/customer_data/:integrationId', 204));
    const result = await deleteCustomerData(client, { integrationId: 'user-1' });
    expect(result).toEqual({
      ok: true,
      value: undefined,
      response: expect.objectContaining({ status: 204 }),
    });
  });
});

describe('getCustomerInventory', () => {
  const path = '/v1/customer_profiles/:integrationId/inventory';
  const params = {
    integrationId: NASTY,
    profile: true,
    referrals: false,
    coupons: true,
    loyalty: true,
    giveaways: false,
    achievements: true,
  };
  endpointTests(
    {
      id: 'getCustomerInventory',
      call: (c, p) => getCustomerInventory(c, p as GetCustomerInventoryParams),
      method: 'get',
      route: path,
      params,
      expectedPath: `/v1/customer_profiles/${NASTY_ENCODED}/inventory`,
      expectedQuery:
        '?profile=true&referrals=false&coupons=true&loyalty=true&giveaways=false&achievements=true',
      hasBody: false,
      success: { status: 200, body: customerInventory() },
      documented: { 401: e401, 404: e404 },
      signature: false,
      invalid: [
        {
          label: 'an empty integrationId',
          params: change(params, 'integrationId', ''),
          path: 'integrationId',
        },
        { label: 'a missing integrationId', params: change(params, 'integrationId'), path: 'integrationId' },
        { label: 'a flag of the wrong type', params: change(params, 'coupons', 'yes'), path: 'coupons' },
      ],
      offSchema: {
        body: customerInventory({ coupons: [inventoryCoupon({ state: 5 })] }),
        issuePath: 'coupons[0].state',
      },
      lenient: customerInventory({
        wallets: [{ id: 1 }],
        achievements: [achievement({ status: 'paused', achievementActivationPolicy: 'on_signup' })],
        giveaways: [giveaway({ futureField: true })],
      }),
    },
    mock,
  );

  it('sends no query string without flags, and types the value as CustomerInventory', async () => {
    server.use(answer('get', path, 200, { profile: customerProfile() }));
    const result = await getCustomerInventory(client, { integrationId: 'user-1' });
    if (!result.ok) throw new Error(result.error.message);
    const value: CustomerInventory = result.value;
    expect(value.profile?.integrationId).toBe('URNGV8294NV');
    expect(value.coupons).toBeUndefined();
    expect(seen[0]?.url.href).toBe(
      'https://acme.europe-west1.talon.one/v1/customer_profiles/user-1/inventory',
    );
  });
});

describe('updateCustomerProfileAudiences', () => {
  const params = {
    body: {
      data: [
        { action: 'add', profileIntegrationId: 'R195412', audienceId: 748 },
        { action: 'delete', profileIntegrationId: 'Grüße-✓', audienceId: 749 },
      ],
    },
  };
  endpointTests(
    {
      id: 'updateCustomerProfileAudiences',
      call: (c, p) => updateCustomerProfileAudiences(c, p as UpdateCustomerProfileAudiencesParams),
      method: 'post',
      route: '/v2/customer_audiences',
      params,
      expectedPath: '/v2/customer_audiences',
      expectedQuery: '',
      hasBody: true,
      success: { status: 204 },
      documented: { 400: e400, 401: e401, 404: e404 },
      signature: false,
      invalid: [
        {
          label: 'an action out of its range',
          params: change(params, 'body.data.0.action', 'remove'),
          path: 'body.data[0].action',
        },
        {
          label: 'missing required field audienceId',
          params: change(params, 'body.data.1.audienceId'),
          path: 'body.data[1].audienceId',
        },
        {
          label: 'missing required field profileIntegrationId',
          params: change(params, 'body.data.0.profileIntegrationId'),
          path: 'body.data[0].profileIntegrationId',
        },
        {
          label: 'an audienceId of the wrong type',
          params: change(params, 'body.data.0.audienceId', '748'),
          path: 'body.data[0].audienceId',
        },
        {
          label: 'data of the wrong type',
          params: change(params, 'body.data', { action: 'add' }),
          path: 'body.data',
        },
      ],
    },
    mock,
  );

  it('answers 204 with value undefined', async () => {
    server.use(answer('post', '/v2/customer_audiences', 204));
    const result = await updateCustomerProfileAudiences(client, { body: {} });
    expect(result).toMatchObject({ ok: true, value: undefined, response: { status: 204 } });
    expect(new TextDecoder().decode(seen[0]?.body)).toBe('{}');
  });
});

describe('updateCustomerProfileV2', () => {
  const path = '/v2/customer_profiles/:integrationId';
  const params = {
    integrationId: NASTY,
    runRuleEngine: true,
    dry: false,
    body: {
      attributes: { Language: 'english', ShippingCountry: 'DE', Birthday: '1990-01-31T00:00:00Z' },
      evaluableCampaignIds: [10, 12],
      responseContent: ['triggeredCampaigns', 'customerProfile', 'loyalty'],
      audiencesChanges: { adds: [2, 4], deletes: [7] },
    },
  };
  endpointTests(
    {
      id: 'updateCustomerProfileV2',
      call: (c, p) => updateCustomerProfileV2(c, p as UpdateCustomerProfileV2Params),
      method: 'put',
      route: path,
      params,
      expectedPath: `/v2/customer_profiles/${NASTY_ENCODED}`,
      expectedQuery: '?runRuleEngine=true&dry=false',
      hasBody: true,
      success: { status: 200, body: customerProfileIntegrationResponseV2() },
      documented: { 400: e400, 401: e401, 409: { message: 'concurrent update of profile' } },
      signature: false,
      invalid: [
        {
          label: 'an empty integrationId',
          params: change(params, 'integrationId', ''),
          path: 'integrationId',
        },
        {
          label: 'a responseContent entry out of its range (coupons is for sessions)',
          params: change(params, 'body.responseContent', ['coupons']),
          path: 'body.responseContent[0]',
        },
        {
          label: 'audiencesChanges without its required deletes',
          params: change(params, 'body.audiencesChanges.deletes'),
          path: 'body.audiencesChanges.deletes',
        },
        {
          label: 'attributes as the string "{}"',
          params: change(params, 'body.attributes', '{}'),
          path: 'body.attributes',
        },
        { label: 'dry of the wrong type', params: change(params, 'dry', 'true'), path: 'dry' },
        { label: 'no body', params: change(params, 'body'), path: 'body' },
        {
          label: 'a body that is an array (not an object)',
          params: change(params, 'body', []),
          path: 'body',
        },
      ],
      offSchema: { body: customerProfileIntegrationResponseV2({ effects: undefined }), issuePath: 'effects' },
      lenient: customerProfileIntegrationResponseV2({
        futureField: 'x',
        effects: [
          effects.unknown(),
          effects.addLoyaltyPoints({
            props: { ...(effects.addLoyaltyPoints().props as object), futureProp: 1 },
          }),
        ],
        customerProfile: customerProfile({ segment: 'vip' }),
      }),
    },
    mock,
  );

  it('types the value, with effects narrowed by effectType', async () => {
    server.use(answer('put', path, 200, customerProfileIntegrationResponseV2()));
    const result = await updateCustomerProfileV2(client, { integrationId: 'user-1', body: {} });
    if (!result.ok) throw new Error(result.error.message);
    const value: CustomerProfileIntegrationResponseV2 = result.value;
    const points = value.effects.flatMap((e) => (e.effectType === 'addLoyaltyPoints' ? [e.props.value] : []));
    expect(points).toEqual([20]);
    expect(value.createdCoupons[0]?.value).toBe('WELCOME-1');
    expect(seen[0]?.url.search).toBe('');
  });

  it('a 409 with a non-object body is documented: false', async () => {
    server.use(answer('put', path, 409, 'conflict'));
    const result = await updateCustomerProfileV2(client, { integrationId: 'user-1', body: {} });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 409, documented: false, body: 'conflict' },
    });
    await settle();
    expect(seen).toHaveLength(1);
  });
});

describe('updateCustomerProfilesV2', () => {
  const path = '/v2/customer_profiles';
  const params = {
    silent: 'no',
    body: {
      customerProfiles: [
        { integrationId: 'R195412', attributes: { Language: 'english', ShippingCountry: 'DE' } },
        { integrationId: 'Grüße-✓' },
      ],
    },
  };
  endpointTests(
    {
      id: 'updateCustomerProfilesV2',
      call: (c, p) => updateCustomerProfilesV2(c, p as UpdateCustomerProfilesV2Params),
      method: 'put',
      route: path,
      params,
      expectedPath: path,
      expectedQuery: '?silent=no',
      hasBody: true,
      success: { status: 200, body: multipleProfilesResponse() },
      documented: { 400: e400, 401: e401 },
      signature: false,
      emptyOk: true,
      invalid: [
        {
          label: 'a profile without its required integrationId',
          params: change(params, 'body.customerProfiles.1.integrationId'),
          path: 'body.customerProfiles[1].integrationId',
        },
        {
          label: 'an integrationId over 1000 characters',
          params: change(params, 'body.customerProfiles.0.integrationId', 'x'.repeat(1001)),
          path: 'body.customerProfiles[0].integrationId',
        },
        {
          label: 'silent out of its range (yes/no)',
          params: change(params, 'silent', 'maybe'),
          path: 'silent',
        },
        {
          label: 'customerProfiles of the wrong type',
          params: change(params, 'body.customerProfiles', {}),
          path: 'body.customerProfiles',
        },
      ],
      offSchema: {
        body: { integrationStates: [{ customerProfile: customerProfile({ id: 'x' }) }] },
        issuePath: 'integrationStates[0].customerProfile.id',
      },
      lenient: multipleProfilesResponse({
        futureField: 1,
        integrationStates: [{ customerProfile: customerProfile(), effects: [] }],
      }),
    },
    mock,
  );

  it('types the value as MultipleCustomerProfileIntegrationResponseV2 | undefined', async () => {
    server.use(answer('put', path, 200, multipleProfilesResponse()));
    const result = await updateCustomerProfilesV2(client, params as UpdateCustomerProfilesV2Params);
    if (!result.ok) throw new Error(result.error.message);
    const value: MultipleCustomerProfileIntegrationResponseV2 | undefined = result.value;
    expect(value?.integrationStates?.map((s) => s.customerProfile.integrationId)).toEqual([
      'URNGV8294NV',
      'BZGGC2454PA',
    ]);
  });

  it('silent=yes: the 204 without a body gives value undefined', async () => {
    server.use(answer('put', path, 204));
    const result = await updateCustomerProfilesV2(client, { silent: 'yes', body: params.body });
    expect(result).toMatchObject({ ok: true, value: undefined, response: { status: 204 } });
    expect(seen[0]?.url.search).toBe('?silent=yes');
  });

  it('silent omitted (the API defaults to yes): an empty 200 gives value undefined too', async () => {
    server.use(answer('put', path, 200));
    const result = await updateCustomerProfilesV2(client, { body: params.body });
    expect(result).toMatchObject({ ok: true, value: undefined, response: { status: 200 } });
    expect(seen[0]?.url.search).toBe('');
  });
});
