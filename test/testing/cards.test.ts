/**
 * The fake Talon.One's loyalty cards: generating, linking and unlinking, card balances,
 * transactions and points.
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Client,
  generateLoyaltyCard,
  getLoyaltyCardBalances,
  getLoyaltyCardPoints,
  getLoyaltyCardTransactions,
  linkLoyaltyCardToProfile,
  returnCartItems,
  unlinkLoyaltyCardFromProfile,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_LOYALTY_CARD_PROGRAM_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  type FakeCampaign,
  type FakeTalon,
} from '../../src/testing/index.js';
import { CART, clientFor, findAll, httpError, value } from './support.js';

const PROGRAM = FAKE_LOYALTY_PROGRAM_ID;
const CARDS = FAKE_LOYALTY_CARD_PROGRAM_ID;
let clock: Date;
let fake: FakeTalon;
let talon: Client<'apiKey'>;

/** A fake (default campaigns unless given) on the test's clock, and a client for it. */
function start(campaigns?: readonly FakeCampaign[]) {
  fake = createFakeTalon({ now: () => clock, ...(campaigns ? { campaigns } : {}) });
  talon = clientFor(fake);
}

beforeEach(() => {
  clock = new Date('2026-06-01T10:00:00Z');
  start();
});

/** Closes a session of `profileId` with `items` (and extra session fields). */
function close(id: string, profileId: string | undefined, extra: Record<string, unknown> = {}, items = CART) {
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    body: {
      customerSession: { ...(profileId ? { profileId } : {}), cartItems: items, state: 'closed', ...extra },
      responseContent: ['customerSession', 'loyalty'],
    },
  });
}

describe('loyalty cards', () => {
  const card = (identifier: string, loyaltyProgramId = CARDS) => ({
    loyaltyProgramId,
    loyaltyCardId: identifier,
  });

  it('generates cards (given or unique identifiers), refuses a duplicate, links and unlinks profiles', async () => {
    const made = value(
      await generateLoyaltyCard(talon, {
        loyaltyProgramId: CARDS,
        body: { cardIdentifier: 'CARD-ADA-0001', customerProfileIds: ['ada'] },
      }),
    );
    expect(made).toMatchObject({
      identifier: 'CARD-ADA-0001',
      programID: CARDS,
      status: 'active',
      usersPerCardLimit: 0,
      profiles: [{ integrationId: 'ada', timestamp: clock.toISOString() }],
      ledger: { currentBalance: 0 },
    });
    const duplicate = httpError(
      await generateLoyaltyCard(talon, {
        loyaltyProgramId: CARDS,
        body: { cardIdentifier: 'CARD-ADA-0001' },
      }),
      400,
    );
    expect(duplicate.documented).toBe(true);
    expect(duplicate.body.message).toMatch(/exists already/);
    const generated = value(await generateLoyaltyCard(talon, { loyaltyProgramId: CARDS, body: {} }));
    const other = value(
      await generateLoyaltyCard(talon, { loyaltyProgramId: CARDS, body: { status: 'inactive' } }),
    );
    expect(generated.identifier).toMatch(/^CARD-[A-Z0-9]{8}$/);
    expect(new Set([made.identifier, generated.identifier, other.identifier]).size).toBe(3);
    expect(other.status).toBe('inactive');
    httpError(await generateLoyaltyCard(talon, { loyaltyProgramId: PROGRAM, body: {} }), 400);
    httpError(await generateLoyaltyCard(talon, { loyaltyProgramId: 99, body: {} }), 404);

    const link = (id: string, integrationId: string) =>
      linkLoyaltyCardToProfile(talon, { ...card(id), body: { integrationId } });
    const unlink = (id: string, integrationId: string) =>
      unlinkLoyaltyCardFromProfile(talon, { ...card(id), body: { integrationId } });
    expect(value(await link('CARD-ADA-0001', 'bob')).profiles?.map((p) => p.integrationId)).toEqual([
      'ada',
      'bob',
    ]);
    expect(value(await link('CARD-ADA-0001', 'bob')).profiles).toHaveLength(2);
    expect(value(await unlink('CARD-ADA-0001', 'bob')).profiles?.map((p) => p.integrationId)).toEqual([
      'ada',
    ]);
    expect(httpError(await unlink('CARD-ADA-0001', 'bob'), 404).documented).toBe(true);
    expect(httpError(await link('CARD-NOPE', 'bob'), 404).documented).toBe(true);
    // A profile-based program has no cards.
    const wrong = { ...card('CARD-ADA-0001', PROGRAM), body: { integrationId: 'ada' } };
    expect(httpError(await unlinkLoyaltyCardFromProfile(talon, wrong), 400).body.message).toMatch(
      /card-based/,
    );
  });

  it('earns on the card a session names; the card lists its balances, transactions and points', async () => {
    value(
      await generateLoyaltyCard(talon, {
        loyaltyProgramId: CARDS,
        body: { cardIdentifier: 'CARD-ADA-0001', customerProfileIds: ['ada'] },
      }),
    );
    const closed = value(await close('card-order', 'ada', { loyaltyCards: ['CARD-ADA-0001'] }));
    expect(closed.customerSession?.loyaltyCards).toEqual(['CARD-ADA-0001']);
    const added = findAll(closed.effects, 'addLoyaltyPoints');
    expect(added.map((e) => [e.props.programId, e.props.cardIdentifier])).toEqual([
      [PROGRAM, undefined],
      [CARDS, 'CARD-ADA-0001'],
    ]);
    const balances = value(await getLoyaltyCardBalances(talon, card('CARD-ADA-0001')));
    expect(balances).toMatchObject({ balance: { activePoints: 138 }, profiles: [{ integrationId: 'ada' }] });
    const transactions = value(await getLoyaltyCardTransactions(talon, card('CARD-ADA-0001')));
    expect(transactions).toMatchObject({
      hasMore: false,
      data: [
        { cardIdentifier: 'CARD-ADA-0001', customerSessionId: 'card-order', amount: 138, type: 'addition' },
      ],
    });
    const points = value(await getLoyaltyCardPoints(talon, { ...card('CARD-ADA-0001'), pageSize: 1 }));
    expect(points).toMatchObject({ hasMore: false, data: [{ customerProfileID: 'ada', amount: 138 }] });
    expect(fake.state.loyaltyCards.get('CARD-ADA-0001')?.ledger).toHaveLength(1);
    httpError(await getLoyaltyCardBalances(talon, card('CARD-NOPE')), 404);
    httpError(await getLoyaltyCardTransactions(talon, card('CARD-NOPE')), 404);
    httpError(await getLoyaltyCardPoints(talon, card('CARD-NOPE')), 404);

    // A return takes the points back from the card.
    const returned = value(
      await returnCartItems(talon, {
        customerSessionId: 'card-order',
        body: { return: { returnedCartItems: [{ sku: 'GRIND-1' }] } },
      }),
    );
    const rolled = findAll(returned.effects, 'rollbackAddedLoyaltyPoints');
    expect(rolled.map((e) => [e.props.value, e.props.cardIdentifier ?? null])).toEqual([
      [89, null],
      [89, 'CARD-ADA-0001'],
    ]);
    expect(value(await getLoyaltyCardBalances(talon, card('CARD-ADA-0001'))).balance?.activePoints).toBe(49);
  });

  it('honours the card user limit; inactive cards earn nothing; anonymous sessions earn on the card', async () => {
    start([
      {
        type: 'loyalty',
        id: 4,
        name: 'Card points',
        programId: CARDS,
        programName: 'Coffee card',
        pointsPerUnit: 1,
        cardBased: true,
        usersPerCard: 1,
      },
    ]);
    value(
      await generateLoyaltyCard(talon, {
        loyaltyProgramId: CARDS,
        body: { cardIdentifier: 'CARD-1', customerProfileIds: ['ada'] },
      }),
    );
    value(
      await generateLoyaltyCard(talon, {
        loyaltyProgramId: CARDS,
        body: { cardIdentifier: 'CARD-OFF', status: 'inactive' },
      }),
    );
    const full = httpError(
      await linkLoyaltyCardToProfile(talon, { ...card('CARD-1'), body: { integrationId: 'bob' } }),
      400,
    );
    expect(full.body.message).toMatch(/at most 1/);
    httpError(
      await generateLoyaltyCard(talon, { loyaltyProgramId: CARDS, body: { customerProfileIds: ['a', 'b'] } }),
      400,
    );

    const anonymous = value(await close('anon', undefined, { loyaltyCards: ['CARD-1'] }));
    expect(findAll(anonymous.effects, 'addLoyaltyPoints')[0]?.props).toMatchObject({
      cardIdentifier: 'CARD-1',
      value: 138,
    });
    const off = value(await close('off', 'ada', { loyaltyCards: ['CARD-OFF'] }));
    expect(findAll(off.effects, 'addLoyaltyPoints')).toEqual([]);
    // Only a card-based campaign runs: the profile earns nothing of its own.
    expect(fake.state.profiles.get('ada')?.ledger).toEqual([]);
    expect(value(await getLoyaltyCardBalances(talon, card('CARD-1'))).balance?.activePoints).toBe(138);
    expect(value(await getLoyaltyCardBalances(talon, card('CARD-OFF'))).balance?.activePoints).toBe(0);
  });
});
