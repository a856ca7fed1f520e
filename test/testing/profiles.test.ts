/**
 * The fake Talon.One's customer profiles: profile updates, audience memberships, the inventory
 * (coupons, referrals, achievements, loyalty cards) and deleting a customer's data.
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Client,
  createCouponReservation,
  createReferral,
  deleteCustomerData,
  generateLoyaltyCard,
  getCustomerInventory,
  getLoyaltyCardBalances,
  getReservedCustomers,
  linkLoyaltyCardToProfile,
  unlinkLoyaltyCardFromProfile,
  updateCustomerProfileAudiences,
  updateCustomerProfilesV2,
  updateCustomerProfileV2,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_ACHIEVEMENT_ID,
  FAKE_COUPON_CODE,
  FAKE_LOYALTY_CAMPAIGN_ID,
  FAKE_LOYALTY_CARD_PROGRAM_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  FAKE_REFERRAL_CAMPAIGN_ID,
  type FakeTalon,
} from '../../src/testing/index.js';
import { CART, clientFor, httpError, value } from './support.js';

let clock: Date;
let fake: FakeTalon;
let talon: Client<'apiKey'>;

beforeEach(() => {
  clock = new Date('2026-06-01T10:00:00Z');
  fake = createFakeTalon({ now: () => clock });
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

function close(id: string, profileId: string, extra: Record<string, unknown> = {}) {
  clock = new Date(clock.getTime() + 60_000);
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    body: { customerSession: { profileId, cartItems: CART, state: 'closed', ...extra } },
  });
}
const inventory = (integrationId: string) =>
  getCustomerInventory(talon, { integrationId, loyalty: true, achievements: true });
const card = (loyaltyCardId: string) => ({ loyaltyProgramId: CARDS, loyaltyCardId });
const CARDS = FAKE_LOYALTY_CARD_PROGRAM_ID;

describe('customer profiles, audiences, inventory, deletion', () => {
  it('updates a profile (V2) with attributes and audiences', async () => {
    const result = value(
      await updateCustomerProfileV2(talon, {
        integrationId: 'ada',
        runRuleEngine: true,
        body: {
          attributes: { Name: 'Ada' },
          audiencesChanges: { adds: [1, 2], deletes: [] },
          responseContent: ['customerProfile', 'loyalty', 'event'],
        },
      }),
    );
    expect(result.customerProfile).toMatchObject({ integrationId: 'ada', attributes: { Name: 'Ada' } });
    expect(result.customerProfile?.audienceMemberships?.map((a) => a.name)).toEqual(['Newsletter', 'VIP']);
    expect(result.event?.type).toBe('talon_profile_updated');
    expect(result.effects).toEqual([]);
    const unknown = httpError(
      await updateCustomerProfileV2(talon, {
        integrationId: 'ada',
        body: { audiencesChanges: { adds: [99], deletes: [] } },
      }),
      400,
    );
    expect(unknown.body.message).toMatch(/Audience 99/);
  });

  it('dry only works with runRuleEngine, as documented', async () => {
    value(
      await updateCustomerProfileV2(talon, {
        integrationId: 'dry-1',
        dry: true,
        runRuleEngine: true,
        body: {},
      }),
    );
    expect(fake.state.profiles.has('dry-1')).toBe(false);
    value(await updateCustomerProfileV2(talon, { integrationId: 'dry-2', dry: true, body: {} }));
    expect(fake.state.profiles.has('dry-2')).toBe(true);
  });

  it('updates profiles in bulk: an empty 204 when silent (the default), the profiles with silent=no', async () => {
    const body = {
      customerProfiles: [{ integrationId: 'p1', attributes: { a: 1 } }, { integrationId: 'p2' }],
    };
    const quiet = await updateCustomerProfilesV2(talon, { body });
    expect(quiet.ok && quiet.response.status).toBe(204);
    expect(value(quiet)).toBeUndefined();
    expect(fake.state.profiles.get('p1')?.attributes).toEqual({ a: 1 });
    const loud = value(await updateCustomerProfilesV2(talon, { silent: 'no', body }));
    expect(loud?.integrationStates?.map((s) => s.customerProfile.integrationId)).toEqual(['p1', 'p2']);
  });

  it('adds profiles to audiences and removes them; an unknown audience is a 404', async () => {
    value(
      await updateCustomerProfileAudiences(talon, {
        body: {
          data: [
            { action: 'add', profileIntegrationId: 'ada', audienceId: 1 },
            { action: 'add', profileIntegrationId: 'ada', audienceId: 2 },
            { action: 'delete', profileIntegrationId: 'ada', audienceId: 1 },
          ],
        },
      }),
    );
    expect(fake.state.profiles.get('ada')?.audiences).toEqual([2]);
    const missing = await updateCustomerProfileAudiences(talon, {
      body: { data: [{ action: 'add', profileIntegrationId: 'ada', audienceId: 77 }] },
    });
    expect(httpError(missing, 404).documented).toBe(true);
  });

  it('builds the inventory from the state, only the parts asked for', async () => {
    value(await openCart('inv', 'ada', { couponCodes: [FAKE_COUPON_CODE], state: 'closed' }));
    value(
      await createReferral(talon, {
        body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' },
      }),
    );
    const all = value(
      await getCustomerInventory(talon, {
        integrationId: 'ada',
        profile: true,
        loyalty: true,
        referrals: true,
        coupons: true,
        giveaways: true,
        achievements: true,
      }),
    );
    expect(all.profile?.closedSessions).toBe(1);
    expect(all.loyalty?.programs[String(FAKE_LOYALTY_PROGRAM_ID)]?.ledger.currentBalance).toBe(124);
    expect(all.referrals).toHaveLength(1);
    expect(all.giveaways).toEqual([]);
    const none = value(await getCustomerInventory(talon, { integrationId: 'ada' }));
    expect(none).toEqual({});
    expect(httpError(await getCustomerInventory(talon, { integrationId: 'nobody' }), 404).documented).toBe(
      true,
    );
  });

  it("deletes a customer's data: profile, sessions, events, reservations, referrals", async () => {
    value(await openCart('del', 'ada'));
    value(
      await createCouponReservation(talon, {
        couponValue: FAKE_COUPON_CODE,
        body: { integrationIDs: ['ada', 'bob'] },
      }),
    );
    value(
      await createReferral(talon, {
        body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' },
      }),
    );
    const deleted = await deleteCustomerData(talon, { integrationId: 'ada' });
    expect(deleted.ok && deleted.response.status).toBe(204);
    expect(fake.state.profiles.has('ada')).toBe(false);
    expect(fake.state.sessions.has('del')).toBe(false);
    expect(fake.state.events.filter((e) => e.profileId === 'ada')).toEqual([]);
    expect(fake.state.referrals.size).toBe(0);
    expect(
      value(await getReservedCustomers(talon, { couponValue: FAKE_COUPON_CODE })).data.map(
        (p) => p.integrationId,
      ),
    ).toEqual(['bob']);
    httpError(await getCustomerInventory(talon, { integrationId: 'ada', profile: true }), 404);
    httpError(await deleteCustomerData(talon, { integrationId: 'ada' }), 404);
  });
});

describe('the inventory', () => {
  it('lists the achievements the customer has made progress in, with the progress', async () => {
    value(await updateCustomerProfileV2(talon, { integrationId: 'bob', body: {} }));
    expect(value(await inventory('bob')).achievements).toEqual([]);

    value(await close('o-1', 'ada'));
    const started = clock.toISOString();
    value(await close('o-2', 'ada'));
    expect(value(await inventory('ada')).achievements).toEqual([
      {
        status: 'inprogress',
        progress: 2,
        startDate: started,
        achievementId: FAKE_ACHIEVEMENT_ID,
        name: 'ThreeOrders',
        title: '3 closed orders',
        description: 'Close three orders',
        campaignId: FAKE_LOYALTY_CAMPAIGN_ID,
        target: 3,
        achievementRecurrencePolicy: 'no_recurrence',
        achievementActivationPolicy: 'user_action',
        achievementAllowRollbackAfterCompletion: false,
      },
    ]);
    value(await close('o-3', 'ada'));
    expect(value(await inventory('ada')).achievements?.[0]).toMatchObject({
      status: 'completed',
      progress: 3,
      completionDate: clock.toISOString(),
    });
    // Only when asked for.
    const bare = value(await getCustomerInventory(talon, { integrationId: 'ada', loyalty: true }));
    expect(bare.achievements).toBeUndefined();
  });

  it("lists the customer's loyalty cards with their balances, next to the program ledgers", async () => {
    value(
      await generateLoyaltyCard(talon, {
        loyaltyProgramId: CARDS,
        body: { cardIdentifier: 'CARD-ADA-1', customerProfileIds: ['ada'] },
      }),
    );
    value(
      await generateLoyaltyCard(talon, { loyaltyProgramId: CARDS, body: { cardIdentifier: 'CARD-BOB-1' } }),
    );
    value(await close('o-1', 'ada', { loyaltyCards: ['CARD-ADA-1'] }));

    const loyalty = value(await inventory('ada')).loyalty;
    expect(loyalty?.programs[String(FAKE_LOYALTY_PROGRAM_ID)]?.ledger.currentBalance).toBe(138);
    expect(loyalty?.cards).toHaveLength(1);
    expect(loyalty?.cards?.[0]).toMatchObject({
      identifier: 'CARD-ADA-1',
      programID: CARDS,
      status: 'active',
      profiles: [{ integrationId: 'ada' }],
      ledger: { currentBalance: 138 },
    });

    value(await linkLoyaltyCardToProfile(talon, { ...card('CARD-BOB-1'), body: { integrationId: 'ada' } }));
    expect(value(await inventory('ada')).loyalty?.cards?.map((c) => c.identifier)).toEqual([
      'CARD-ADA-1',
      'CARD-BOB-1',
    ]);
    value(
      await unlinkLoyaltyCardFromProfile(talon, { ...card('CARD-ADA-1'), body: { integrationId: 'ada' } }),
    );
    expect(value(await inventory('ada')).loyalty?.cards?.map((c) => c.identifier)).toEqual(['CARD-BOB-1']);
  });
});

describe('deleteCustomerData', () => {
  it('unlinks the deleted profile from its loyalty cards, which keep their points and other profiles', async () => {
    value(
      await generateLoyaltyCard(talon, {
        loyaltyProgramId: CARDS,
        body: { cardIdentifier: 'CARD-SHARED', customerProfileIds: ['ada', 'bob'] },
      }),
    );
    value(await close('o-1', 'ada', { loyaltyCards: ['CARD-SHARED'] }));
    value(await deleteCustomerData(talon, { integrationId: 'ada' }));

    expect(fake.state.loyaltyCards.get('CARD-SHARED')?.profiles.map((p) => p.integrationId)).toEqual(['bob']);
    const balances = value(await getLoyaltyCardBalances(talon, card('CARD-SHARED')));
    expect(balances.profiles?.map((p) => p.integrationId)).toEqual(['bob']);
    expect(balances.balance?.activePoints).toBe(138);
    expect(value(await inventory('bob')).loyalty?.cards?.map((c) => c.identifier)).toEqual(['CARD-SHARED']);
  });
});
