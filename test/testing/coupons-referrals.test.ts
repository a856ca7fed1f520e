/**
 * The fake Talon.One's coupons (redemption, reservations) and referrals.
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  apiKey,
  type Client,
  createClient,
  createCouponReservation,
  createReferral,
  createReferralsForMultipleAdvocates,
  deleteCouponReservation,
  getCustomerInventory,
  getReservedCustomers,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_API_KEY,
  FAKE_REFERRAL_CAMPAIGN_ID,
  type FakeTalon,
} from '../../src/testing/index.js';
import { BASE, CART, clientFor, find, httpError, types, value } from './support.js';

let fake: FakeTalon;
let talon: Client<'apiKey'>;

beforeEach(() => {
  fake = createFakeTalon({ now: () => new Date('2026-06-01T10:00:00Z') });
  talon = clientFor(fake);
});

function openCart(id: string, profileId: string, extra: Record<string, unknown> = {}, dry?: boolean) {
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    ...(dry === undefined ? {} : { dry }),
    body: {
      customerSession: { profileId, cartItems: CART, ...extra },
      responseContent: ['customerSession', 'customerProfile', 'coupons', 'triggeredCampaigns', 'loyalty'],
    },
  });
}

describe('coupons and reservations', () => {
  it('reserves, lists and releases a coupon; a mandatory reservation gates redemption', async () => {
    const before = value(await openCart('cart-vip', 'vip', { couponCodes: ['VIP25-ONLY'] }));
    expect(find(before.effects, 'rejectCoupon')?.props.rejectionReason).toBe('CouponReservationRequired');

    const coupon = value(
      await createCouponReservation(talon, { couponValue: 'VIP25-ONLY', body: { integrationIDs: ['vip'] } }),
    );
    expect(coupon).toMatchObject({
      value: 'VIP25-ONLY',
      reservationCounter: 1,
      isReservationMandatory: true,
    });
    const reserved = value(await getReservedCustomers(talon, { couponValue: 'VIP25-ONLY' }));
    expect(reserved.data.map((p) => p.integrationId)).toEqual(['vip']);

    const after = value(await openCart('cart-vip', 'vip', { couponCodes: ['VIP25-ONLY'] }));
    expect(types(after.effects)).toEqual(['acceptCoupon', 'setDiscount']);
    const inventory = value(await getCustomerInventory(talon, { integrationId: 'vip', coupons: true }));
    expect(inventory.coupons?.map((c) => c.value)).toEqual(['VIP25-ONLY']);

    value(
      await deleteCouponReservation(talon, { couponValue: 'VIP25-ONLY', body: { integrationIDs: ['vip'] } }),
    );
    expect(value(await getReservedCustomers(talon, { couponValue: 'VIP25-ONLY' })).totalResultSize).toBe(0);
  });

  it('answers 404 for a coupon that does not exist', async () => {
    const body = { integrationIDs: ['ada'] };
    expect(
      httpError(await createCouponReservation(talon, { couponValue: 'NOPE', body }), 404).documented,
    ).toBe(true);
    expect(
      httpError(await deleteCouponReservation(talon, { couponValue: 'NOPE', body }), 404).documented,
    ).toBe(true);
    expect(httpError(await getReservedCustomers(talon, { couponValue: 'NOPE' }), 404).body.StatusCode).toBe(
      404,
    );
  });

  it('honours usage limits and one coupon per campaign', async () => {
    const limited = createFakeTalon({
      campaigns: [
        {
          type: 'coupon',
          id: 9,
          name: 'Half',
          percentOff: 50,
          coupons: [{ value: 'ONCE', usageLimit: 1 }, 'TWICE'],
        },
      ],
    });
    const client = createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), fetch: limited.fetch });
    const both = value(
      await updateCustomerSessionV2(client, {
        customerSessionId: 's1',
        body: {
          customerSession: {
            profileId: 'a',
            cartItems: CART,
            couponCodes: ['ONCE', 'TWICE'],
            state: 'closed',
          },
        },
      }),
    );
    expect(types(both.effects)).toEqual(['acceptCoupon', 'setDiscount', 'rejectCoupon']);
    expect(find(both.effects, 'setDiscount')?.props.value).toBe(69);
    expect(find(both.effects, 'rejectCoupon')?.props.rejectionReason).toBe('CouponRejectedByCondition');
    const used = value(
      await updateCustomerSessionV2(client, {
        customerSessionId: 's2',
        body: { customerSession: { profileId: 'b', cartItems: CART, couponCodes: ['once'] } },
      }),
    );
    expect(find(used.effects, 'rejectCoupon')?.props.rejectionReason).toBe('CouponLimitReached');
  });
});

describe('referrals', () => {
  it('creates a referral whose code gives the friend acceptReferral and a discount', async () => {
    const referral = value(
      await createReferral(talon, {
        body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' },
      }),
    );
    expect(referral.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const friend = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'friend-cart',
        body: {
          customerSession: { profileId: 'bob', cartItems: CART, referralCode: referral.code },
          responseContent: ['referral'],
        },
      }),
    );
    expect(types(friend.effects)).toEqual(['acceptReferral', 'setDiscount']);
    expect(find(friend.effects, 'setDiscount')?.props.value).toBe(6.9);
    expect(friend.referral?.code).toBe(referral.code);

    const self = value(await openCart('self-cart', 'ada', { referralCode: referral.code }));
    expect(find(self.effects, 'rejectReferral')?.props.rejectionReason).toBe(
      'ReferralRecipientIdSameAsAdvocate',
    );
    const unknown = value(await openCart('x-cart', 'bob', { referralCode: 'NOPE-NOPE' }));
    expect(find(unknown.effects, 'rejectReferral')?.props.rejectionReason).toBe('ReferralNotFound');

    value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'friend-cart',
        body: { customerSession: { state: 'closed' } },
      }),
    );
    const inventory = value(await getCustomerInventory(talon, { integrationId: 'ada', referrals: true }));
    expect(inventory.referrals?.[0]).toMatchObject({
      code: referral.code,
      usageCounter: 1,
      referredCustomers: ['bob'],
    });
  });

  it('refuses a campaign that is not a referral campaign with 400', async () => {
    const error = httpError(
      await createReferral(talon, { body: { campaignId: 1, advocateProfileIntegrationId: 'ada' } }),
      400,
    );
    expect(error.documented).toBe(true);
    expect(error.body.message).toMatch(/not a running referral campaign/);
  });

  it('creates referrals for several advocates: 204 when silent (the default), the referrals with silent=no', async () => {
    const body = {
      campaignId: FAKE_REFERRAL_CAMPAIGN_ID,
      usageLimit: 3,
      advocateProfileIntegrationIds: ['a1', 'a2'],
      referralPattern: 'FRIEND-###',
    };
    const quiet = await createReferralsForMultipleAdvocates(talon, { body });
    expect(value(quiet)).toBeUndefined();
    expect(quiet.ok && quiet.response.status).toBe(204);
    expect(fake.state.referrals.size).toBe(2);
    const yes = await createReferralsForMultipleAdvocates(talon, { silent: 'yes', body });
    expect(yes.ok && yes.response.status).toBe(204);
    const loud = value(await createReferralsForMultipleAdvocates(talon, { silent: 'no', body }));
    expect(loud?.totalResultSize).toBe(2);
    expect(loud?.data.map((r) => r.advocateProfileIntegrationId)).toEqual(['a1', 'a2']);
    for (const r of loud?.data ?? []) expect(r.code).toMatch(/^FRIEND-[A-Z0-9]{3}$/);
  });
});
