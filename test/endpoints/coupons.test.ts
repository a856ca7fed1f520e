import { describe, expect, it } from 'vitest';
import {
  type Client,
  type Coupon,
  type CreateCouponReservationParams,
  createCouponReservation,
  type DeleteCouponReservationParams,
  deleteCouponReservation,
  type GetReservedCustomersParams,
  type GetReservedCustomersResponse,
  getReservedCustomers,
} from '../../src/index.js';
import { coupon, customerProfile, errorResponseWithStatus, reservedCustomers } from '../support/fixtures.js';
import { useMockServer } from '../support/msw.js';
import { answer, change, client, endpointTests, NASTY, NASTY_ENCODED } from './harness.js';

const mock = useMockServer();
const { server, seen } = mock;

const reservation = {
  couponValue: NASTY,
  body: { integrationIDs: ['URNGV8294NV', 'BZGGC2454PA', 'Grüße-✓'] },
};
const documented = {
  400: errorResponseWithStatus(400, {
    message: 'Bad request',
    errors: [{ title: 'too many', source: { pointer: '/integrationIDs' } }],
  }),
  401: errorResponseWithStatus(401),
  404: errorResponseWithStatus(404, { message: 'coupon not found' }),
};
const reservationInvalid = [
  {
    label: 'missing required body field integrationIDs',
    params: change(reservation, 'body.integrationIDs'),
    path: 'body.integrationIDs',
  },
  {
    label: 'integrationIDs of the wrong type',
    params: change(reservation, 'body.integrationIDs', 'URNGV8294NV'),
    path: 'body.integrationIDs',
  },
  {
    label: 'a number among integrationIDs',
    params: change(reservation, 'body.integrationIDs', ['a', 7]),
    path: 'body.integrationIDs[1]',
  },
  {
    label: 'more than 1000 integrationIDs (maxItems)',
    params: change(
      reservation,
      'body.integrationIDs',
      Array.from({ length: 1001 }, (_, i) => `p${i}`),
    ),
    path: 'body.integrationIDs',
  },
  { label: 'no body at all', params: change(reservation, 'body'), path: 'body' },
  { label: 'an empty couponValue', params: change(reservation, 'couponValue', ''), path: 'couponValue' },
  { label: 'a missing couponValue', params: change(reservation, 'couponValue'), path: 'couponValue' },
  {
    label: 'a couponValue of the wrong type',
    params: change(reservation, 'couponValue', 42),
    path: 'couponValue',
  },
  {
    label: 'a dot-segment couponValue',
    params: change(reservation, 'couponValue', '..'),
    path: 'couponValue',
  },
];

describe('createCouponReservation', () => {
  endpointTests(
    {
      id: 'createCouponReservation',
      call: (c, p) => createCouponReservation(c, p as CreateCouponReservationParams),
      method: 'post',
      route: '/v1/coupon_reservations/:couponValue',
      params: reservation,
      expectedPath: `/v1/coupon_reservations/${NASTY_ENCODED}`,
      expectedQuery: '',
      hasBody: true,
      success: { status: 201, body: coupon() },
      documented,
      signature: false,
      misspelled: { key: 'couponvalue', meant: 'couponValue' },
      invalid: reservationInvalid,
      offSchema: { body: coupon({ usageCounter: '3' }), issuePath: 'usageCounter' },
      lenient: coupon({
        futureField: { nested: [1, 2] },
        limits: [{ action: 'redeemCoupon', limit: 1, period: 'hourly', entities: ['Galaxy'], futureKey: 1 }],
      }),
    },
    mock,
  );

  it('types the value as a Coupon', async () => {
    server.use(answer('post', '/v1/coupon_reservations/:couponValue', 201, coupon()));
    const result = await createCouponReservation(client, {
      couponValue: 'XMAS-20-2026',
      body: { integrationIDs: [] },
    });
    if (!result.ok) throw new Error(result.error.message);
    const value: Coupon = result.value;
    expect(value.value).toBe('XMAS-20-2026');
    expect(value.limits?.[0]?.entities).toEqual(['Coupon', 'Profile']);
    expect(seen[0]?.url.pathname).toBe('/v1/coupon_reservations/XMAS-20-2026');
    // A percent sign in a coupon code is encoded, as the spec requires (SUMMER25%OFF → SUMMER25%25OFF).
    await createCouponReservation(client, { couponValue: 'SUMMER25%OFF', body: { integrationIDs: [] } });
    expect(seen[1]?.url.pathname).toBe('/v1/coupon_reservations/SUMMER25%25OFF');
  });
});

describe('deleteCouponReservation', () => {
  endpointTests(
    {
      id: 'deleteCouponReservation',
      call: (c, p) => deleteCouponReservation(c, p as DeleteCouponReservationParams),
      method: 'delete',
      route: '/v1/coupon_reservations/:couponValue',
      params: reservation,
      expectedPath: `/v1/coupon_reservations/${NASTY_ENCODED}`,
      expectedQuery: '',
      hasBody: true,
      success: { status: 204 },
      documented,
      signature: false,
      invalid: reservationInvalid,
    },
    mock,
  );

  it('answers 204 with value undefined, and sends the body with DELETE', async () => {
    server.use(answer('delete', '/v1/coupon_reservations/:couponValue', 204));
    const result = await deleteCouponReservation(client, {
      couponValue: 'X',
      body: { integrationIDs: ['u1'] },
    });
    expect(result).toMatchObject({ ok: true, value: undefined, response: { status: 204 } });
    expect(new TextDecoder().decode(seen[0]?.body)).toBe('{"integrationIDs":["u1"]}');
  });
});

describe('getReservedCustomers', () => {
  const params = { couponValue: NASTY };
  endpointTests(
    {
      id: 'getReservedCustomers',
      call: (c, p) => getReservedCustomers(c, p as GetReservedCustomersParams),
      method: 'get',
      route: '/v1/coupon_reservations/customerprofiles/:couponValue',
      params,
      expectedPath: `/v1/coupon_reservations/customerprofiles/${NASTY_ENCODED}`,
      expectedQuery: '',
      hasBody: false,
      success: { status: 200, body: reservedCustomers() },
      documented,
      signature: false,
      invalid: [
        { label: 'an empty couponValue', params: { couponValue: '' }, path: 'couponValue' },
        { label: 'a missing couponValue', params: {}, path: 'couponValue' },
        { label: 'a couponValue of the wrong type', params: { couponValue: ['a'] }, path: 'couponValue' },
        { label: 'params that are not an object', params: 'X', path: '(params)' },
      ],
      offSchema: {
        body: reservedCustomers({ data: [customerProfile({ integrationId: 7 })] }),
        issuePath: 'data[0].integrationId',
      },
      lenient: reservedCustomers({
        nextCursor: 'abc',
        data: [customerProfile({ futureField: 1, audienceMemberships: [{ id: 1, name: 'a', kind: 'new' }] })],
      }),
    },
    mock,
  );

  it('types the value as GetReservedCustomersResponse', async () => {
    server.use(
      answer('get', '/v1/coupon_reservations/customerprofiles/:couponValue', 200, reservedCustomers()),
    );
    const typed: Client<'apiKey'> = client;
    const result = await getReservedCustomers(typed, { couponValue: 'XMAS' });
    if (!result.ok) throw new Error(result.error.message);
    const value: GetReservedCustomersResponse = result.value;
    expect(value.totalResultSize).toBe(2);
    expect(value.data.map((p) => p.integrationId)).toEqual(['URNGV8294NV', 'BZGGC2454PA']);
  });
});
