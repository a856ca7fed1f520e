/**
 * The loyalty operations of profile-based programs: joining, balances, transactions and points of a
 * member, activating pending points, and emptying a member's ledgers.
 */
import type {
  ActivateLoyaltyPointsValue,
  GetLoyaltyBalancesValue,
  GetLoyaltyProgramProfilePointsValue,
  GetLoyaltyProgramProfileTransactionsValue,
} from '../../endpoints/index.js';
import type { LoyaltyBalanceWithTier, LoyaltyLedgerEntry } from '../../models/index.js';
import {
  ActivateLoyaltyPointsInputSchema,
  DeleteLoyaltyTransactionsRequestInputSchema,
} from '../../models/schemas.js';
import { type Answer, fail, notFound, ok } from '../answers.js';
import { ensureProfile } from '../profiles/profiles.js';
import type { FakeProfile } from '../profiles/types.js';
import type { Body, Call, Route } from '../route.js';
import {
  type Activated,
  activate,
  balanceOf,
  emptyLedgers,
  hasEntry,
  join,
  type Totals,
  totals,
} from './ledgers.js';
import { balancesOf, endDate, pointsPage, pointsView, transactionPage, transactionView } from './lists.js';
import { type FakeProgram, programOf, tierInfo } from './programs.js';
import type { FakeLedgerEntry } from './types.js';

/** The profile-based program and the existing profile of the path; or the 400/404. */
function memberOf(call: Call<unknown>): { program: FakeProgram; profile: FakeProfile } | Answer {
  const program = programOf(call, 'profile');
  if ('status' in program) return program;
  const id = call.path.integrationId!;
  const profile = call.state.profiles.get(id);
  return profile ? { program, profile } : notFound(`Customer profile ${JSON.stringify(id)}`);
}

export const joinLoyaltyProgram: Route = {
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

export const getLoyaltyBalances: Route = {
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

export const getLoyaltyProgramProfileTransactions: Route = {
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

export const getLoyaltyProgramProfilePoints: Route = {
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

export const activateLoyaltyPoints: Route = {
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

export const deleteLoyaltyTransactionsFromLedgers: Route = {
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
