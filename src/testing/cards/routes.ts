/**
 * The loyalty card operations of card-based programs: making cards, linking and unlinking profiles,
 * and a card's balances, transactions and points.
 */
import type {
  GenerateLoyaltyCardValue,
  GetLoyaltyCardBalancesValue,
  GetLoyaltyCardPointsValue,
  GetLoyaltyCardTransactionsValue,
  LinkLoyaltyCardToProfileValue,
  UnlinkLoyaltyCardFromProfileValue,
} from '../../endpoints/index.js';
import type { LoyaltyBalances } from '../../models/index.js';
import { GenerateLoyaltyCardInputSchema, LoyaltyCardRegistrationInputSchema } from '../../models/schemas.js';
import { type Answer, fail, notFound, ok } from '../answers.js';
import { balanceOf, totals } from '../loyalty/ledgers.js';
import {
  at,
  balancesOf,
  endDate,
  many,
  pointsPage,
  pointsView,
  transactionPage,
  transactionView,
} from '../loyalty/lists.js';
import { type FakeProgram, programOf } from '../loyalty/programs.js';
import { ensureProfile } from '../profiles/profiles.js';
import type { Body, Call, Route } from '../route.js';
import { cardOf, cardView, newCardIdentifier, tooManyProfiles } from './cards.js';
import type { FakeLoyaltyCard } from './types.js';

export const generateLoyaltyCard: Route = {
  id: 'generateLoyaltyCard',
  method: 'POST',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/cards',
  apiKeyOnly: true,
  body: GenerateLoyaltyCardInputSchema,
  handle(call: Call<Body<typeof GenerateLoyaltyCardInputSchema>>) {
    const program = programOf(call, 'card');
    if ('status' in program) return program;
    const { body, state, now } = call;
    if (body.cardIdentifier !== undefined && state.loyaltyCards.has(body.cardIdentifier))
      return fail(400, `A loyalty card ${JSON.stringify(body.cardIdentifier)} exists already`, [
        { title: 'Duplicate card identifier', pointer: '/cardIdentifier' },
      ]);
    const ids = [...new Set(body.customerProfileIds ?? [])];
    if (program.usersPerCard > 0 && ids.length > program.usersPerCard)
      return tooManyProfiles(program, '/customerProfileIds');
    const card: FakeLoyaltyCard = {
      id: state.nextId++,
      identifier: body.cardIdentifier ?? newCardIdentifier(call),
      programId: program.id,
      created: now,
      modified: now,
      status: body.status ?? 'active',
      profiles: ids.map((integrationId) => {
        ensureProfile(call, integrationId);
        return { integrationId, timestamp: now };
      }),
      ledger: [],
    };
    state.loyaltyCards.set(card.identifier, card);
    return ok<GenerateLoyaltyCardValue>(200, cardView(card, program, at(call)));
  },
};

/**
 * `linkLoyaltyCardToProfile` or `unlinkLoyaltyCardFromProfile`: finds the card, lets `change` act
 * on it for the body's profile (an answer from it is an error), and answers the card.
 */
function cardRegistration(
  id: 'linkLoyaltyCardToProfile' | 'unlinkLoyaltyCardFromProfile',
  action: 'link_profile' | 'unlink_profile',
  change: (
    call: Call<unknown>,
    card: FakeLoyaltyCard,
    program: FakeProgram,
    integrationId: string,
  ) => Answer | undefined,
): Route {
  return {
    id,
    method: 'POST',
    path: `/v2/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}/${action}`,
    apiKeyOnly: true,
    body: LoyaltyCardRegistrationInputSchema,
    handle(call: Call<Body<typeof LoyaltyCardRegistrationInputSchema>>) {
      const found = cardOf(call);
      if ('status' in found) return found;
      const { program, card } = found;
      const refused = change(call, card, program, call.body.integrationId);
      if (refused) return refused;
      return ok<LinkLoyaltyCardToProfileValue & UnlinkLoyaltyCardFromProfileValue>(
        200,
        cardView(card, program, at(call)),
      );
    },
  };
}

export const linkLoyaltyCardToProfile = cardRegistration(
  'linkLoyaltyCardToProfile',
  'link_profile',
  (call, card, program, id) => {
    // Linking a linked profile again changes nothing.
    if (card.profiles.some((p) => p.integrationId === id)) return undefined;
    if (program.usersPerCard > 0 && card.profiles.length >= program.usersPerCard)
      return tooManyProfiles(program, '/integrationId');
    ensureProfile(call, id);
    card.profiles.push({ integrationId: id, timestamp: call.now });
    card.modified = call.now;
    return undefined;
  },
);

export const unlinkLoyaltyCardFromProfile = cardRegistration(
  'unlinkLoyaltyCardFromProfile',
  'unlink_profile',
  (call, card, _program, id) => {
    if (!card.profiles.some((p) => p.integrationId === id))
      return notFound(
        `Customer profile ${JSON.stringify(id)} linked to loyalty card ${JSON.stringify(card.identifier)}`,
      );
    card.profiles = card.profiles.filter((p) => p.integrationId !== id);
    card.modified = call.now;
    return undefined;
  },
);

export const getLoyaltyCardBalances: Route = {
  id: 'getLoyaltyCardBalances',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}/balances',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const found = cardOf(call);
    if ('status' in found) return found;
    const { program, card } = found;
    const when = endDate(call);
    if (typeof when !== 'number') return when;
    const sums = totals(card.ledger, program, when);
    const balances: LoyaltyBalances = balancesOf(sums, many(call.query, 'subledgerId'), balanceOf);
    return ok<GetLoyaltyCardBalancesValue>(200, {
      ...balances,
      profiles: card.profiles.map((p) => ({ ...p })),
    });
  },
};

export const getLoyaltyCardTransactions: Route = {
  id: 'getLoyaltyCardTransactions',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}/transactions',
  apiKeyOnly: true,
  flags: ['awaitsActivation'],
  handle(call: Call<undefined>) {
    const found = cardOf(call);
    if ('status' in found) return found;
    const { card } = found;
    return transactionPage<GetLoyaltyCardTransactionsValue>(call, card.ledger, card.programId, (entry) => ({
      ...transactionView(entry),
      cardIdentifier: card.identifier,
    }));
  },
};

export const getLoyaltyCardPoints: Route = {
  id: 'getLoyaltyCardPoints',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}/points',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const found = cardOf(call);
    if ('status' in found) return found;
    return pointsPage<GetLoyaltyCardPointsValue>(call, found.card.ledger, found.card.programId, (points) => ({
      ...pointsView(points),
      ...(points.entry.profileId ? { customerProfileID: points.entry.profileId } : {}),
    }));
  },
};
