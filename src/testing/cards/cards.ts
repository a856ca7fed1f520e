/**
 * Loyalty cards: the card a path names, new card identifiers, the card-user limit, and how cards
 * look in answers (alone and in a profile's inventory).
 */
import type { LoyaltyCard } from '../../models/index.js';
import { type Answer, fail, notFound } from '../answers.js';
import { newCode } from '../ids.js';
import { ledgerInfos } from '../loyalty/ledgers.js';
import { at } from '../loyalty/lists.js';
import { type FakeProgram, findProgram, programOf } from '../loyalty/programs.js';
import type { Call } from '../route.js';
import type { FakeLoyaltyCard } from './types.js';

/** The card-based program and the card of the path; or the 400/404. */
export function cardOf(call: Call<unknown>): { program: FakeProgram; card: FakeLoyaltyCard } | Answer {
  const program = programOf(call, 'card');
  if ('status' in program) return program;
  const id = call.path.loyaltyCardId!;
  const card = call.state.loyaltyCards.get(id);
  return card && card.programId === program.id
    ? { program, card }
    : notFound(`Loyalty card ${JSON.stringify(id)} of loyalty program ${program.id}`);
}

/** A card identifier no card has yet. */
export function newCardIdentifier(call: Call<unknown>): string {
  for (;;) {
    const identifier = newCode(call.state, 'CARD-########');
    if (!call.state.loyaltyCards.has(identifier)) return identifier;
  }
}

export function tooManyProfiles(program: FakeProgram, pointer: string): Answer {
  return fail(
    400,
    `A card of loyalty program ${program.id} takes at most ${program.usersPerCard} profile(s)`,
    [{ title: 'Card user limit reached', pointer }],
  );
}

export function cardView(card: FakeLoyaltyCard, program: FakeProgram, when: number): LoyaltyCard {
  const { main, subledgers } = ledgerInfos(card.ledger, program, when);
  return {
    id: card.id,
    created: card.created,
    programID: program.id,
    programName: program.name,
    programTitle: program.title,
    status: card.status,
    identifier: card.identifier,
    usersPerCardLimit: program.usersPerCard,
    profiles: card.profiles.map((p) => ({ ...p })),
    ledger: main,
    subledgers,
    modified: card.modified,
  };
}

/** The cards linked to a profile, in any card-based program, as the inventory's `loyalty.cards` lists them. */
export function linkedCardViews(call: Call<unknown>, integrationId: string): LoyaltyCard[] {
  return [...call.state.loyaltyCards.values()].flatMap((card) => {
    const program = findProgram(call.config, card.programId);
    return program && card.profiles.some((p) => p.integrationId === integrationId)
      ? [cardView(card, program, at(call))]
      : [];
  });
}
