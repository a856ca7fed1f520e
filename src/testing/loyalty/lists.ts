/**
 * The loyalty lists and balances that profiles and cards share: transactions and unused points as
 * pages (`skip`, `pageSize`, `hasMore`) with their filters, and balances per ledger.
 */
import type {
  LedgerPointsEntryIntegrationAPI,
  LedgerTransactionLogEntryIntegrationAPI,
  LoyaltyBalanceWithTier,
} from '../../models/index.js';
import { type Answer, ok } from '../answers.js';
import { badParameter, page, QueryReader } from '../query.js';
import type { Call } from '../route.js';
import { balanceOf, pointsOf, type Totals, transactionsOf, type UnusedPoints } from './ledgers.js';
import type { FakeLedgerEntry } from './types.js';

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
export function many(query: URLSearchParams, name: string): string[] | undefined {
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
export function at(call: Call<unknown>): number {
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
export function transactionPage<V extends { data: unknown[] }>(
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
export function pointsPage<V extends { data: unknown[] }>(
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

export function transactionView(entry: FakeLedgerEntry): LedgerTransactionLogEntryIntegrationAPI {
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

export function pointsView({ entry, left }: UnusedPoints): LedgerPointsEntryIntegrationAPI {
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

/**
 * Balances of a ledger: the main one as `balance` and the subledgers as `subledgerBalances`; with
 * `wanted`, only the ledgers it names (`''` is the main ledger).
 */
export function balancesOf<B>(
  sums: Map<string, Totals>,
  wanted: readonly string[] | undefined,
  main: (sums: Totals) => B,
): { balance?: B; subledgerBalances: Record<string, LoyaltyBalanceWithTier> } {
  const zero: Totals = { active: 0, pending: 0, expired: 0 };
  const ids = wanted ?? [...sums.keys()];
  // Built from entries, so that a subledger ID such as `__proto__` is an own key like any other.
  const subledgerBalances: Record<string, LoyaltyBalanceWithTier> = Object.fromEntries(
    ids.filter((id) => id !== '').map((id) => [id, balanceOf(sums.get(id) ?? zero)]),
  );
  return { ...(ids.includes('') ? { balance: main(sums.get('')!) } : {}), subledgerBalances };
}

export function endDate(call: Call<unknown>): number | Answer {
  const reader = new QueryReader(call.query);
  const end = reader.date('endDate');
  return reader.problem ?? end ?? at(call);
}
