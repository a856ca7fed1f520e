/**
 * The fake's loyalty operations (profile ledgers, cards, balances, transactions, points,
 * activation, deletion) and the session operations that touch loyalty after closing: returns,
 * reopening, and reading a session back. Each answer is typed with the SDK's answer type.
 */

import type * as v from 'valibot';
import type {
  ActivateLoyaltyPointsValue,
  GenerateLoyaltyCardValue,
  GetCustomerSessionValue,
  GetLoyaltyBalancesValue,
  GetLoyaltyCardBalancesValue,
  GetLoyaltyCardPointsValue,
  GetLoyaltyCardTransactionsValue,
  GetLoyaltyProgramProfilePointsValue,
  GetLoyaltyProgramProfileTransactionsValue,
  LinkLoyaltyCardToProfileValue,
  ReopenCustomerSessionValue,
  ReturnCartItemsValue,
  UnlinkLoyaltyCardFromProfileValue,
} from '../endpoints/index.js';
import type {
  Effect,
  LedgerPointsEntryIntegrationAPI,
  LedgerTransactionLogEntryIntegrationAPI,
  LoyaltyBalances,
  LoyaltyBalanceWithTier,
  LoyaltyCard,
  LoyaltyLedgerEntry,
  Return,
} from '../models/index.js';
import {
  ActivateLoyaltyPointsInputSchema,
  DeleteLoyaltyTransactionsRequestInputSchema,
  GenerateLoyaltyCardInputSchema,
  LoyaltyCardRegistrationInputSchema,
  ReturnIntegrationRequestInputSchema,
} from '../models/schemas.js';
import { type Answer, fail, notFound, ok } from './answers.js';
import { type EffectRecord, effect, newCode, rollbackClose } from './engine.js';
import {
  type Activated,
  activate,
  balanceOf,
  emptyLedgers,
  type FakeProgram,
  findProgram,
  hasEntry,
  join,
  ledgerInfos,
  pointsOf,
  returnedPart,
  type Totals,
  takeBack,
  tierInfo,
  totals,
  transactionsOf,
  type UnusedPoints,
} from './loyalty.js';
import type { Call, Route } from './operations.js';
import { badParameter, page, pathId, QueryReader } from './query.js';
import { ensureProfile, recordEvent } from './sessions.js';
import type {
  FakeCartItem,
  FakeLedgerEntry,
  FakeLoyaltyCard,
  FakeProfile,
  FakeReturn,
  FakeSession,
} from './types.js';
import {
  ACCOUNT_ID,
  campaignView,
  cents,
  eventView,
  integrationCouponView,
  loyaltyView,
  profileView,
  sessionView,
} from './views.js';

type Body<S extends v.GenericSchema> = v.InferOutput<S>;

const isDry = (query: URLSearchParams) => query.get('dry') === 'true';

/** The program of the path's `loyaltyProgramId`, which must be of `kind`; or the 400/404. */
function programOf(call: Call<unknown>, kind: 'profile' | 'card' | 'any'): FakeProgram | Answer {
  const id = pathId(call.path, 'loyaltyProgramId');
  if (typeof id !== 'number') return id;
  const program = findProgram(call.config, id);
  if (!program) return notFound(`Loyalty program ${id}`);
  if (kind !== 'any' && program.cardBased !== (kind === 'card'))
    return fail(
      400,
      `Loyalty program ${id} is ${program.cardBased ? 'card-based' : 'profile-based'}: this operation needs a ${kind}-based program`,
      [{ title: 'Wrong kind of loyalty program', parameter: 'loyaltyProgramId' }],
    );
  return program;
}

/** The profile-based program and the existing profile of the path; or the 400/404. */
function memberOf(call: Call<unknown>): { program: FakeProgram; profile: FakeProfile } | Answer {
  const program = programOf(call, 'profile');
  if ('status' in program) return program;
  const id = call.path.integrationId!;
  const profile = call.state.profiles.get(id);
  return profile ? { program, profile } : notFound(`Customer profile ${JSON.stringify(id)}`);
}

/** The card-based program and the card of the path; or the 400/404. */
function cardOf(call: Call<unknown>): { program: FakeProgram; card: FakeLoyaltyCard } | Answer {
  const program = programOf(call, 'card');
  if ('status' in program) return program;
  const id = call.path.loyaltyCardId!;
  const card = call.state.loyaltyCards.get(id);
  return card && card.programId === program.id
    ? { program, card }
    : notFound(`Loyalty card ${JSON.stringify(id)} of loyalty program ${program.id}`);
}

/** A query parameter that takes one of a few words, or `undefined` when absent; the 400 otherwise. */
function choice<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined | Answer {
  const value = query.get(name);
  if (value === null) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return badParameter(name, `must be one of ${allowed.join(', ')}`);
}

/** A repeated query parameter (`?a=1&a=2`), or `undefined` when absent. */
function many(query: URLSearchParams, name: string): string[] | undefined {
  const all = query.getAll(name);
  return all.length ? all : undefined;
}

/** `skip` and `pageSize` (default 50, at most 1000), as the loyalty lists take them. */
interface Paging {
  readonly skip: number;
  readonly pageSize: number;
}

/** One page of a list as a 200 answer, with `hasMore` as the API sets it: whether items follow this page. */
function paged<T, U>(items: readonly T[], paging: Paging, view: (item: T) => U): Answer {
  return ok<{ data: U[]; hasMore: boolean }>(200, {
    data: page(items, paging.skip, paging.pageSize).map(view),
    hasMore: paging.skip + paging.pageSize < items.length,
  });
}

/** The clock of the request, in epoch milliseconds. */
function at(call: Call<unknown>): number {
  return Date.parse(call.now);
}

/** The paging and filters of a transaction list, or the 400 for a bad parameter. */
function readTransactionQuery(
  query: URLSearchParams,
): { paging: Paging; filter: Parameters<typeof transactionsOf>[2] } | Answer {
  const reader = new QueryReader(query);
  const skip = reader.int('skip', 0) ?? 0;
  const pageSize = reader.int('pageSize', 1, 1000) ?? 50;
  const from = reader.date('startDate');
  const to = reader.date('endDate');
  if (reader.problem) return reader.problem;
  const kind = choice(query, 'loyaltyTransactionType', ['manual', 'session', 'import'] as const);
  if (typeof kind === 'object') return kind;
  if (query.get('awaitsActivation') === 'false')
    return badParameter('awaitsActivation', 'can only be true (false is refused, as the API refuses it)');
  return {
    paging: { skip, pageSize },
    filter: {
      sessions: many(query, 'customerSessionIDs'),
      transactions: many(query, 'transactionUUIDs'),
      subledgers: many(query, 'subledgerId'),
      from,
      to,
      kind,
      awaitingActivation: query.get('awaitsActivation') === 'true',
    },
  };
}

/** The page of a ledger's transactions that the query asks for, or the 400. */
function transactionPage<V extends { data: unknown[] }>(
  call: Call<unknown>,
  ledger: readonly FakeLedgerEntry[],
  programId: number,
  view: (entry: FakeLedgerEntry) => V['data'][number],
): Answer {
  const read = readTransactionQuery(call.query);
  if ('status' in read) return read;
  return paged(transactionsOf(ledger, programId, read.filter, at(call)), read.paging, view);
}

/** The page of a ledger's unused points that the query asks for, or the 400. */
function pointsPage<V extends { data: unknown[] }>(
  call: Call<unknown>,
  ledger: readonly FakeLedgerEntry[],
  programId: number,
  view: (points: UnusedPoints) => V['data'][number],
): Answer {
  const { query } = call;
  const reader = new QueryReader(query);
  const skip = reader.int('skip', 0) ?? 0;
  const pageSize = reader.int('pageSize', 1, 1000) ?? 50;
  if (reader.problem) return reader.problem;
  const status = choice(query, 'status', ['active', 'pending', 'expired'] as const);
  if (typeof status === 'object') return status;
  const sort = choice(query, 'sort', ['startDate', 'expiryDate', '-startDate', '-expiryDate'] as const);
  if (typeof sort === 'object') return sort;
  const filter = {
    sessions: many(query, 'customerSessionIDs'),
    transactions: many(query, 'transactionUUIDs'),
    subledgers: many(query, 'subledgerId'),
  };
  const points = pointsOf(ledger, programId, status ?? 'active', filter, at(call), sort);
  return paged(points, { skip, pageSize }, view);
}

function transactionView(entry: FakeLedgerEntry): LedgerTransactionLogEntryIntegrationAPI {
  return {
    transactionUUID: entry.transactionUUID,
    created: entry.created,
    programId: entry.programId,
    ...(entry.sessionId ? { customerSessionId: entry.sessionId } : {}),
    type: entry.type,
    name: entry.reason,
    startDate: entry.startDate,
    expiryDate: entry.expiryDate,
    subledgerId: entry.subledgerId,
    amount: entry.amount,
    id: entry.id,
    rulesetId: entry.rulesetId,
    ruleName: entry.ruleName,
  };
}

function pointsView({ entry, left }: UnusedPoints): LedgerPointsEntryIntegrationAPI {
  return {
    id: entry.id,
    transactionUUID: entry.transactionUUID,
    created: entry.created,
    programId: entry.programId,
    ...(entry.sessionId ? { customerSessionId: entry.sessionId } : {}),
    name: entry.reason,
    startDate: entry.startDate,
    expiryDate: entry.expiryDate,
    subledgerId: entry.subledgerId,
    amount: left,
  };
}

function cardView(card: FakeLoyaltyCard, program: FakeProgram, when: number): LoyaltyCard {
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

/**
 * Balances of a ledger: the main one as `balance` and the subledgers as `subledgerBalances`; with
 * `wanted`, only the ledgers it names (`''` is the main ledger).
 */
function balancesOf<B>(
  sums: Map<string, Totals>,
  wanted: readonly string[] | undefined,
  main: (sums: Totals) => B,
): { balance?: B; subledgerBalances: Record<string, LoyaltyBalanceWithTier> } {
  const zero: Totals = { active: 0, pending: 0, expired: 0 };
  const ids = wanted ?? [...sums.keys()];
  const subledgerBalances: Record<string, LoyaltyBalanceWithTier> = {};
  for (const id of ids) if (id !== '') subledgerBalances[id] = balanceOf(sums.get(id) ?? zero);
  return { ...(ids.includes('') ? { balance: main(sums.get('')!) } : {}), subledgerBalances };
}

function endDate(call: Call<unknown>): number | Answer {
  const reader = new QueryReader(call.query);
  const end = reader.date('endDate');
  return reader.problem ?? end ?? at(call);
}

const joinLoyaltyProgram: Route = {
  id: 'joinLoyaltyProgram',
  method: 'POST',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}/join',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const program = programOf(call, 'profile');
    if ('status' in program) return program;
    const id = call.path.integrationId!;
    if (call.state.profiles.get(id)?.joined[program.id] !== undefined)
      return fail(
        400,
        `Customer profile ${JSON.stringify(id)} is already a member of loyalty program ${program.id}`,
        [{ title: 'Already a member', parameter: 'integrationId' }],
      );
    join(ensureProfile(call, id), program.id, call.now);
    return { status: 200 };
  },
};

const getLoyaltyBalances: Route = {
  id: 'getLoyaltyBalances',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}/balances',
  apiKeyOnly: true,
  flags: ['includeTiers', 'includeProjectedTier'],
  handle(call: Call<undefined>) {
    const found = memberOf(call);
    if ('status' in found) return found;
    const { program, profile } = found;
    const when = endDate(call);
    if (typeof when !== 'number') return when;
    const tiers = program.tiers.length > 0;
    const withTiers = tiers && call.query.get('includeTiers') === 'true';
    const projected = tiers && call.query.get('includeProjectedTier') === 'true';
    const subledger = call.query.get('subledgerId') || undefined;
    const main = (sums: Totals): LoyaltyBalanceWithTier => {
      const future = sums.active + sums.pending;
      const name = tierInfo(program, future).currentTier?.name;
      return {
        ...balanceOf(sums),
        ...(withTiers ? tierInfo(program, sums.active) : {}),
        ...(projected
          ? { projectedTier: { projectedActivePoints: future, ...(name ? { projectedTierName: name } : {}) } }
          : {}),
      };
    };
    const sums = totals(profile.ledger, program, when);
    return ok<GetLoyaltyBalancesValue>(
      200,
      balancesOf(sums, subledger === undefined ? undefined : [subledger], main),
    );
  },
};

const getLoyaltyProgramProfileTransactions: Route = {
  id: 'getLoyaltyProgramProfileTransactions',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}/transactions',
  apiKeyOnly: true,
  flags: ['awaitsActivation'],
  handle(call: Call<undefined>) {
    const found = memberOf(call);
    if ('status' in found) return found;
    const { profile, program } = found;
    return transactionPage<GetLoyaltyProgramProfileTransactionsValue>(
      call,
      profile.ledger,
      program.id,
      transactionView,
    );
  },
};

const getLoyaltyProgramProfilePoints: Route = {
  id: 'getLoyaltyProgramProfilePoints',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}/points',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const found = memberOf(call);
    if ('status' in found) return found;
    return pointsPage<GetLoyaltyProgramProfilePointsValue>(
      call,
      found.profile.ledger,
      found.program.id,
      pointsView,
    );
  },
};

function activatedView({ entry, holder }: Activated): LoyaltyLedgerEntry {
  return {
    created: entry.created,
    programID: entry.programId,
    ...(entry.profileId ? { customerProfileID: entry.profileId } : {}),
    ...('points' in holder ? {} : { cardID: holder.id }),
    ...(entry.sessionId ? { customerSessionID: entry.sessionId } : {}),
    type: entry.type,
    amount: entry.amount,
    startDate: entry.startDate,
    ...(entry.expiryDate === 'unlimited' ? {} : { expiryDate: entry.expiryDate }),
    name: entry.reason,
    subLedgerID: entry.subledgerId,
    archived: false,
  };
}

const activateLoyaltyPoints: Route = {
  id: 'activateLoyaltyPoints',
  method: 'POST',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/activate_points',
  apiKeyOnly: true,
  body: ActivateLoyaltyPointsInputSchema,
  handle(call: Call<Body<typeof ActivateLoyaltyPointsInputSchema>>) {
    const program = programOf(call, 'any');
    if ('status' in program) return program;
    const { sessionId, transactionUUIDs } = call.body;
    if ((sessionId === undefined) === (transactionUUIDs === undefined))
      return fail(400, 'Give either sessionId or transactionUUIDs', [
        { title: 'Invalid request body', pointer: sessionId === undefined ? '' : '/transactionUUIDs' },
      ]);
    const pick = (e: FakeLedgerEntry) =>
      e.type === 'addition' &&
      (sessionId === undefined ? transactionUUIDs!.includes(e.transactionUUID) : e.sessionId === sessionId);
    if (!hasEntry(call.state, program.id, pick))
      return notFound(
        sessionId === undefined
          ? `Points of the transactions ${JSON.stringify(transactionUUIDs)} in loyalty program ${program.id}`
          : `Points of the customer session ${JSON.stringify(sessionId)} in loyalty program ${program.id}`,
      );
    const activated = activate(call.state, call.config, program.id, pick, call.now);
    return ok<ActivateLoyaltyPointsValue>(200, { ledgerEntries: activated.map(activatedView) });
  },
};

const deleteLoyaltyTransactionsFromLedgers: Route = {
  id: 'deleteLoyaltyTransactionsFromLedgers',
  method: 'POST',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}/delete_transactions',
  apiKeyOnly: true,
  body: DeleteLoyaltyTransactionsRequestInputSchema,
  handle(call: Call<Body<typeof DeleteLoyaltyTransactionsRequestInputSchema>>) {
    const found = memberOf(call);
    if ('status' in found) return found;
    const { scope, subledgerIds } = call.body;
    if (scope === 'SelectedSubledgers' && !subledgerIds?.length)
      return fail(400, 'scope SelectedSubledgers needs the subledgerIds to empty', [
        { title: 'Invalid request body', pointer: '/subledgerIds' },
      ]);
    emptyLedgers(found.profile, found.program.id, scope === 'AllSubledgers' ? undefined : subledgerIds!);
    return { status: 204 };
  },
};

/** A card identifier no card has yet. */
function newCardIdentifier(call: Call<unknown>): string {
  for (;;) {
    const identifier = newCode(call.state, 'CARD-########');
    if (!call.state.loyaltyCards.has(identifier)) return identifier;
  }
}

function tooManyProfiles(program: FakeProgram, pointer: string): Answer {
  return fail(
    400,
    `A card of loyalty program ${program.id} takes at most ${program.usersPerCard} profile(s)`,
    [{ title: 'Card user limit reached', pointer }],
  );
}

const generateLoyaltyCard: Route = {
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

const linkLoyaltyCardToProfile = cardRegistration(
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

const unlinkLoyaltyCardFromProfile = cardRegistration(
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

const getLoyaltyCardBalances: Route = {
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

const getLoyaltyCardTransactions: Route = {
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

const getLoyaltyCardPoints: Route = {
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

function unknownSession(id: string): Answer {
  return notFound(`Customer session ${JSON.stringify(id)}`);
}

const getCustomerSession: Route = {
  id: 'getCustomerSession',
  method: 'GET',
  path: '/v2/customer_sessions/{customerSessionId}',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const id = call.path.customerSessionId!;
    const session = call.state.sessions.get(id);
    if (!session) return unknownSession(id);
    // The effects the session has now: those of its latest update.
    const last = [...call.state.events]
      .reverse()
      .find((e) => e.sessionId === id && e.type === 'talon_session_updated');
    return ok<GetCustomerSessionValue>(200, {
      customerSession: sessionView(session, call.config),
      // The events keep the effects the engine made (EffectRecord), as plain records.
      effects: (last?.effects ?? []).map((e) => ({ ...e })) as unknown as Effect[],
    });
  },
};

const reopenCustomerSession: Route = {
  id: 'reopenCustomerSession',
  method: 'PUT',
  path: '/v2/customer_sessions/{customerSessionId}/reopen',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const { state, config, now } = call;
    const id = call.path.customerSessionId!;
    const session = state.sessions.get(id);
    if (!session) return unknownSession(id);
    if (session.state !== 'closed')
      return fail(
        400,
        `The customer session ${JSON.stringify(id)} is ${session.state}: only a closed session can be reopened`,
        [{ title: 'Invalid state transition' }],
      );
    const profile = session.profileId ? ensureProfile(call, session.profileId) : undefined;
    const effects = rollbackClose(state, config, session, profile, now, 'reopened');
    session.state = 'open';
    session.updated = now;
    recordEvent(call, 'talon_session_reopened', session.profileId, id, {}, effects);
    return ok<ReopenCustomerSessionValue>(200, { effects });
  },
};

/** A cart item's quantity not returned yet. */
function remaining(item: FakeCartItem): number {
  return item.quantity - Number(item.returnedQuantity ?? 0);
}

type ReturnedLine = { readonly item: FakeCartItem; readonly quantity: number };

/** The cart items a return names, with their quantities; or the 400 pointing at the bad one. */
function resolveReturn(
  session: FakeSession,
  items: Body<typeof ReturnIntegrationRequestInputSchema>['return']['returnedCartItems'],
): ReturnedLine[] | Answer {
  if (items.length === 0)
    return fail(400, 'A return needs at least one returned cart item', [
      { title: 'Invalid returned cart item', pointer: '/return/returnedCartItems' },
    ]);
  const lines: ReturnedLine[] = [];
  const taken = new Map<FakeCartItem, number>();
  const left = (item: FakeCartItem) => remaining(item) - (taken.get(item) ?? 0);
  for (const [index, wanted] of items.entries()) {
    const pointer = `/return/returnedCartItems/${index}`;
    const refuse = (message: string, field: string) =>
      fail(400, `${message} (returned cart item ${index})`, [
        { title: 'Invalid returned cart item', pointer: `${pointer}${field}` },
      ]);
    let item: FakeCartItem | undefined;
    if (wanted.position !== undefined) {
      item = session.cartItems[wanted.position];
      if (!item) return refuse(`The session has no cart item at position ${wanted.position}`, '/position');
      if (wanted.sku !== undefined && item.sku !== wanted.sku)
        return refuse(`The cart item at position ${wanted.position} is not ${wanted.sku}`, '/sku');
    } else if (wanted.sku !== undefined) {
      const sku = wanted.sku;
      item =
        session.cartItems.find((c) => c.sku === sku && left(c) > 0) ??
        session.cartItems.find((c) => c.sku === sku);
      if (!item) return refuse(`The session has no cart item with the SKU ${sku}`, '/sku');
    } else return refuse('A returned cart item needs its position or its sku', '');
    const quantity = wanted.quantity ?? left(item);
    if (quantity < 1 || quantity > left(item))
      return refuse(`Between 1 and ${left(item)} unit(s) of this cart item can be returned`, '/quantity');
    taken.set(item, (taken.get(item) ?? 0) + quantity);
    lines.push({ item, quantity });
  }
  return lines;
}

/** A return of a session as answers carry it (`return`, `previousReturns`). */
export function returnView(
  ret: FakeReturn,
  session: FakeSession,
  profile: FakeProfile | undefined,
  appId: number,
): Return {
  return {
    id: ret.id,
    created: ret.created,
    applicationId: appId,
    accountId: ACCOUNT_ID,
    returnedCartItems: ret.returnedCartItems.map((item) => ({ ...item })),
    eventId: ret.eventId,
    sessionId: session.id,
    sessionIntegrationId: session.integrationId,
    ...(profile ? { profileId: profile.id, profileIntegrationId: profile.integrationId } : {}),
  };
}

const returnCartItems: Route = {
  id: 'returnCartItems',
  method: 'POST',
  path: '/v2/customer_sessions/{customerSessionId}/returns',
  apiKeyOnly: true,
  body: ReturnIntegrationRequestInputSchema,
  flags: ['dry', 'runRuleEngine'],
  dry: isDry,
  handle(call: Call<Body<typeof ReturnIntegrationRequestInputSchema>>) {
    const { state, config, now } = call;
    const id = call.path.customerSessionId!;
    const session = state.sessions.get(id);
    if (!session) return unknownSession(id);
    const record = session.closed;
    if (!record || (session.state !== 'closed' && session.state !== 'partially_returned'))
      return fail(
        400,
        `The customer session ${JSON.stringify(id)} is ${session.state}: only a closed session takes returns`,
        [{ title: 'Invalid state transition' }],
      );
    const lines = resolveReturn(session, call.body.return.returnedCartItems);
    if ('status' in lines) return lines;
    const who = session.profileId;
    const profile = who ? ensureProfile(call, who) : undefined;
    const effects: EffectRecord[] = [];
    const campaign = (campaignId: number) => config.campaigns.find((c) => c.id === campaignId);
    for (const { item, quantity } of lines) {
      const before = { ...record };
      record.returnedValue = cents(record.returnedValue + (item.price ?? 0) * quantity);
      const returned = Number(item.returnedQuantity ?? 0) + quantity;
      item.returnedQuantity = returned;
      item.remainingQuantity = item.quantity - returned;
      // What this line takes back: the share of the returned value, less what earlier lines took.
      const delta = (value: number, whole: boolean) =>
        returnedPart(value, record, whole) - returnedPart(value, before, whole);
      const position = item.position;
      for (const discount of record.discounts) {
        const value = cents(delta(discount.value, false));
        if (value > 0)
          effects.push(
            effect(campaign(discount.campaignId), 'rollbackDiscount', {
              name: discount.name,
              value,
              cartItemPosition: position,
              scope: 'cartItems',
            }),
          );
      }
      for (const added of record.points) {
        const value = takeBack(state, added, who, delta(added.value, true), now, `return: session ${id}`);
        if (value > 0)
          effects.push(
            effect(campaign(added.campaignId), 'rollbackAddedLoyaltyPoints', {
              programId: added.programId,
              subLedgerId: added.subledgerId,
              value,
              recipientIntegrationId: who,
              transactionUUID: added.transactionUUID,
              cartItemPosition: position,
              ...(added.cardIdentifier === undefined ? {} : { cardIdentifier: added.cardIdentifier }),
            }),
          );
      }
      if (profile) profile.totalSales = cents(profile.totalSales - delta(record.total, false));
    }
    session.state = 'partially_returned';
    session.updated = now;
    const event = recordEvent(call, 'talon_session_partially_returned', who, id, {}, effects);
    const previous = [...session.returns];
    const ret: FakeReturn = {
      id: state.nextId++,
      created: now,
      eventId: event.id,
      returnedCartItems: lines.map(({ item, quantity }) => ({
        position: item.position,
        quantity,
        sku: item.sku,
      })),
    };
    session.returns.push(ret);
    const content = call.body.responseContent ?? [];
    const wants = (part: (typeof content)[number]) => content.includes(part);
    const view = (r: FakeReturn) => returnView(r, session, profile, config.applicationId);
    const triggered = [...new Set(effects.map((e) => e.campaignId))].flatMap((cid) => {
      const c = campaign(cid);
      return c ? [campaignView(c, config)] : [];
    });
    return ok<ReturnCartItemsValue>(200, {
      effects,
      createdCoupons: [],
      createdReferrals: [],
      return: view(ret),
      ...(wants('customerSession') ? { customerSession: sessionView(session, config) } : {}),
      ...(wants('customerProfile') && profile ? { customerProfile: profileView(profile, state) } : {}),
      ...(wants('coupons')
        ? {
            coupons: record.coupons.flatMap((code) => {
              const coupon = state.coupons.get(code);
              return coupon ? [integrationCouponView(coupon, who)] : [];
            }),
          }
        : {}),
      ...(wants('triggeredCampaigns') ? { triggeredCampaigns: triggered } : {}),
      ...(wants('loyalty') && profile ? { loyalty: loyaltyView(profile, config) } : {}),
      ...(wants('event') ? { event: eventView(event, config) } : {}),
      ...(wants('previousReturns') ? { previousReturns: previous.map(view) } : {}),
    });
  },
};

/**
 * The loyalty operations of the fake, plus the session operations that work on closed sessions
 * (`returnCartItems`, `reopenCustomerSession`) and `getCustomerSession`.
 */
export const LOYALTY_ROUTES: readonly Route[] = [
  joinLoyaltyProgram,
  getLoyaltyBalances,
  getLoyaltyProgramProfileTransactions,
  getLoyaltyProgramProfilePoints,
  activateLoyaltyPoints,
  deleteLoyaltyTransactionsFromLedgers,
  generateLoyaltyCard,
  linkLoyaltyCardToProfile,
  unlinkLoyaltyCardFromProfile,
  getLoyaltyCardBalances,
  getLoyaltyCardTransactions,
  getLoyaltyCardPoints,
  getCustomerSession,
  reopenCustomerSession,
  returnCartItems,
];
