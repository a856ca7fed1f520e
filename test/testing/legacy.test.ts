/**
 * The fake Talon.One's three 2021 (V1) operations, with either auth scheme.
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Client,
  contentSignature,
  createClient,
  trackEvent,
  updateCustomerProfile,
  updateCustomerSession,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_APPLICATION_ID,
  FAKE_APPLICATION_KEY,
  FAKE_COUPON_CODE,
  type FakeTalon,
} from '../../src/testing/index.js';
import { BASE, CART, clientFor, value } from './support.js';

let fake: FakeTalon;
let talon: Client<'apiKey'>;
let signed: Client<'contentSignature'>;

beforeEach(() => {
  fake = createFakeTalon({ now: () => new Date('2026-06-01T10:00:00Z') });
  talon = clientFor(fake);
  signed = createClient({
    baseUrl: BASE,
    auth: contentSignature({ applicationId: FAKE_APPLICATION_ID, applicationKey: FAKE_APPLICATION_KEY }),
    fetch: fake.fetch,
    retry: false,
  });
});

describe('the 2021 (V1) operations', () => {
  it('updates a profile and a session, tracks an event, with either auth scheme', async () => {
    for (const client of [talon, signed]) {
      fake.reset();
      const profile = value(
        await updateCustomerProfile(client, { integrationId: 'ada', body: { attributes: { Name: 'Ada' } } }),
      );
      expect(profile.profile).toMatchObject({ integrationId: 'ada', attributes: { Name: 'Ada' } });
      const session = value(
        await updateCustomerSession(client, {
          customerSessionId: 'v1-cart',
          body: { profileId: 'ada', coupon: FAKE_COUPON_CODE, cartItems: CART, state: 'closed' },
        }),
      );
      expect(session.session).toMatchObject({ coupon: FAKE_COUPON_CODE, total: 138, state: 'closed' });
      expect(session.session.discounts).toEqual({ 'Summer sale: 10% off': 13.8 });
      expect(session.event.effects.map((e) => e.effectType)).toEqual([
        'acceptCoupon',
        'setDiscount',
        'addLoyaltyPoints',
      ]);
      expect(session.event.ledgerEntries[0]?.amount).toBe(124);
      expect(session.coupon?.value).toBe(FAKE_COUPON_CODE);
      const event = await trackEvent(client, {
        body: {
          profileId: 'ada',
          type: 'viewed_product',
          attributes: { sku: 'GRIND-1' },
          sessionId: 'v1-cart',
        },
      });
      expect(event.ok && event.response.status).toBe(201);
      expect(value(event).event).toMatchObject({ type: 'viewed_product', attributes: { sku: 'GRIND-1' } });
      expect(fake.state.events.map((e) => e.type)).toEqual([
        'talon_profile_updated',
        'talon_session_updated',
        'viewed_product',
      ]);
    }
  });

  it('dry=true on V1 persists nothing', async () => {
    value(
      await trackEvent(talon, {
        dry: true,
        body: { profileId: 'ada', type: 't', attributes: {}, sessionId: 's' },
      }),
    );
    value(await updateCustomerProfile(talon, { integrationId: 'ada', dry: true, body: {} }));
    expect(fake.state.profiles.size + fake.state.sessions.size + fake.state.events.length).toBe(0);
  });
});
