/**
 * The Management API's loyalty card operations: reading and listing cards, changing their status,
 * transferring one to a new card, deleting one, and adding or deducting points by hand, on the
 * cards the Integration side makes and earns on.
 */
import type * as v from 'valibot';
import type {
  GetLoyaltyCardsValue,
  GetLoyaltyCardValue,
  UpdateLoyaltyCardValue,
} from '../../management/endpoints/index.js';
import {
  AddLoyaltyPointsInputSchema,
  DeductLoyaltyPointsInputSchema,
  TransferLoyaltyCardInputSchema,
  UpdateLoyaltyCardRequestInputSchema,
} from '../../management/models/schemas.js';
import { type Answer, fail, ok } from '../answers.js';
import { at } from '../loyalty/lists.js';
import { addManually, deductManually } from '../loyalty/manual.js';
import type { FakeProgram } from '../loyalty/programs.js';
import { programOf } from '../loyalty/programs.js';
import { page, QueryReader } from '../query.js';
import type { Body, Call, Route } from '../route.js';
import { cardOf, cardView } from './cards.js';
import type { FakeLoyaltyCard } from './types.js';

const CARD = '/v1/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}';

export const getLoyaltyCard: Route = {
  id: 'getLoyaltyCard',
  method: 'GET',
  path: CARD,
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const found = cardOf(call);
    if ('status' in found) return found;
    return ok<GetLoyaltyCardValue>(200, cardView(found.card, found.program, at(call)));
  },
};

export const getLoyaltyCards: Route = {
  id: 'getLoyaltyCards',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/cards',
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const program = programOf(call, 'card');
    if ('status' in program) return program;
    const q = new QueryReader(call.query);
    const pageSize = q.int('pageSize', 1, 1000) ?? 1000;
    const skip = q.int('skip', 0) ?? 0;
    const profileId = q.int('profileId', 0);
    if (q.problem) return q.problem;
    const identifier = call.query.get('identifier');
    const batchId = call.query.get('batchId');
    const profiles = call.state.profiles;
    const cards = [...call.state.loyaltyCards.values()].filter(
      (card) =>
        card.programId === program.id &&
        (identifier === null || card.identifier.includes(identifier)) &&
        // The fake makes no batches: a batch filter finds nothing.
        batchId === null &&
        (profileId === undefined ||
          card.profiles.some((p) => profiles.get(p.integrationId)?.id === profileId)),
    );
    const when = at(call);
    return ok<GetLoyaltyCardsValue>(200, {
      hasMore: skip + pageSize < cards.length,
      data: page(cards, skip, pageSize).map((card) => cardView(card, program, when)),
    });
  },
};

export const updateLoyaltyCard: Route = {
  id: 'updateLoyaltyCard',
  method: 'PUT',
  path: CARD,
  auth: 'managementKey',
  body: UpdateLoyaltyCardRequestInputSchema,
  handle(call: Call<Body<typeof UpdateLoyaltyCardRequestInputSchema>>) {
    const found = cardOf(call);
    if ('status' in found) return found;
    const { card, program } = found;
    const status = call.body.status;
    if (status !== undefined) {
      if (status !== 'active' && status !== 'inactive')
        return fail(400, 'status must be active or inactive', [
          { title: 'Invalid status', pointer: '/status' },
        ]);
      if (status === 'active' && card.blockReason !== undefined)
        return fail(
          400,
          `Loyalty card ${JSON.stringify(card.identifier)} was transferred and cannot be activated again`,
          [{ title: 'Card blocked', pointer: '/status' }],
        );
      card.status = status;
      card.modified = call.now;
    }
    return ok<UpdateLoyaltyCardValue>(200, cardView(card, program, at(call)));
  },
};

export const transferLoyaltyCard: Route = {
  id: 'transferLoyaltyCard',
  method: 'PUT',
  path: `${CARD}/transfer`,
  auth: 'managementKey',
  body: TransferLoyaltyCardInputSchema,
  handle(call: Call<Body<typeof TransferLoyaltyCardInputSchema>>) {
    const found = cardOf(call);
    if ('status' in found) return found;
    const { card } = found;
    const { state, now, body } = call;
    if (card.blockReason !== undefined)
      return fail(400, `Loyalty card ${JSON.stringify(card.identifier)} was transferred already`, [
        { title: 'Card blocked' },
      ]);
    if (state.loyaltyCards.has(body.newCardIdentifier))
      return fail(400, `A loyalty card ${JSON.stringify(body.newCardIdentifier)} exists already`, [
        { title: 'Duplicate card identifier', pointer: '/newCardIdentifier' },
      ]);
    // The new card takes the profiles, balances and transactions; the old one is blocked for good.
    const moved: FakeLoyaltyCard = {
      id: state.nextId++,
      identifier: body.newCardIdentifier,
      programId: card.programId,
      created: now,
      modified: now,
      status: 'active',
      profiles: card.profiles,
      ledger: card.ledger,
    };
    state.loyaltyCards.set(moved.identifier, moved);
    card.profiles = [];
    card.ledger = [];
    card.status = 'inactive';
    card.blockReason = body.blockReason ?? `Transferred to ${body.newCardIdentifier}`;
    card.modified = now;
    return { status: 204 };
  },
};

export const deleteLoyaltyCard: Route = {
  id: 'deleteLoyaltyCard',
  method: 'DELETE',
  path: CARD,
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const found = cardOf(call);
    if ('status' in found) return found;
    call.state.loyaltyCards.delete(found.card.identifier);
    return { status: 204 };
  },
};

/** A route that changes the points of the path's card. */
function cardPoints<S extends v.GenericSchema>(
  id: 'addLoyaltyCardPoints' | 'deductLoyaltyCardPoints',
  action: 'add_points' | 'deduct_points',
  body: S,
  change: (call: Call<Body<S>>, card: FakeLoyaltyCard, program: FakeProgram) => Answer | undefined,
): Route {
  return {
    id,
    method: 'PUT',
    path: `${CARD}/${action}`,
    auth: 'managementKey',
    body,
    handle(call: Call<Body<S>>): Answer {
      const found = cardOf(call);
      if ('status' in found) return found;
      const refused = change(call, found.card, found.program);
      if (refused) return refused;
      found.card.modified = call.now;
      return { status: 204 };
    },
  };
}

export const addLoyaltyCardPoints = cardPoints(
  'addLoyaltyCardPoints',
  'add_points',
  AddLoyaltyPointsInputSchema,
  (call, card, program) => addManually(call, card, program, call.body),
);

export const deductLoyaltyCardPoints = cardPoints(
  'deductLoyaltyCardPoints',
  'deduct_points',
  DeductLoyaltyPointsInputSchema,
  (call, card, program) => deductManually(call, card, program, call.body),
);
