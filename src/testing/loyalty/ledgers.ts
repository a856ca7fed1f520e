/**
 * The fake's loyalty ledgers: one per profile and program (`FakeProfile.ledger`) and one per card
 * (`FakeLoyaltyCard.ledger`). Additions are batches of points, active, pending (a start date ahead
 * or `on_action`) or expired; subtractions (rollbacks, returns) take from the addition with the same
 * transaction ID. Balances are worked out from the entries at the time asked, so pending points
 * become active when the clock passes their start date.
 */
import type { EffectOf, LedgerInfo, LoyaltyBalance } from '../../models/index.js';
import type { FakeLoyaltyCampaign } from '../campaigns/types.js';
import type { FakeLoyaltyCard } from '../cards/types.js';
import type { FakeProfile } from '../profiles/types.js';
import type { FakeCloseRecord, FakeSession } from '../sessions/types.js';
import type { FakeTalonState, ResolvedFakeTalonOptions } from '../types.js';
import { type FakeProgram, loyaltyCampaign, tierInfo } from './programs.js';
import type { FakeLedgerEntry } from './types.js';

const DAY = 86_400_000;

/**
 * When points a campaign adds at `when` start and expire: the optional `addLoyaltyPoints` props
 * (`startDate` when pending, `expiryDate` when they expire, `awaitsActivation` when they wait for
 * `activateLoyaltyPoints`).
 */
export function earningDates(
  campaign: FakeLoyaltyCampaign,
  when: Date,
): { startDate?: string; expiryDate?: string; awaitsActivation?: boolean; validityDuration?: string } {
  const days = campaign.expiryDays;
  if (campaign.awaitsActivation)
    return { awaitsActivation: true, ...(days ? { validityDuration: `${days}D` } : {}) };
  const pending = campaign.pendingDays ?? 0;
  const start = when.getTime() + pending * DAY;
  return {
    ...(pending > 0 ? { startDate: new Date(start).toISOString() } : {}),
    ...(days ? { expiryDate: new Date(start + days * DAY).toISOString() } : {}),
  };
}

/** The first active card of `programId` that the session names in `loyaltyCards`. */
export function sessionCard(
  state: FakeTalonState,
  programId: number,
  session: FakeSession,
): FakeLoyaltyCard | undefined {
  for (const identifier of session.loyaltyCards) {
    const card = state.loyaltyCards.get(identifier);
    if (card && card.programId === programId && card.status === 'active') return card;
  }
  return undefined;
}

/** Makes a profile a member of a program (a no-op when it is one already). */
export function join(profile: FakeProfile, programId: number, now: string): void {
  if (profile.joined[programId] !== undefined) return;
  profile.joined[programId] = now;
  profile.points[programId] ??= 0;
}

/** Whoever holds a ledger: a profile (whose `points` follow it) or a card. */
export type Holder = FakeProfile | FakeLoyaltyCard;

/** Books an entry on a ledger (a profile's net points follow it). */
export function post(holder: Holder, entry: FakeLedgerEntry): void {
  holder.ledger.push(entry);
  if ('points' in holder)
    holder.points[entry.programId] = (holder.points[entry.programId] ?? 0) + entry.amount;
}

/** A closing's record of the points it added (`FakeCloseRecord.points` item). */
export type EarnedPoints = FakeCloseRecord['points'][number];

/**
 * Books the points of an `addLoyaltyPoints` effect: on the card it names, else on the recipient's
 * profile (which joins the program). Answers what was booked, or `undefined` when neither exists.
 */
export function earn(
  state: FakeTalonState,
  sessionId: string,
  e: EffectOf<'addLoyaltyPoints'>,
  now: string,
  reason: string = e.props.name,
): EarnedPoints | undefined {
  const p = e.props;
  const card = p.cardIdentifier ? state.loyaltyCards.get(p.cardIdentifier) : undefined;
  const profile = card ? undefined : state.profiles.get(p.recipientIntegrationId);
  const holder = card ?? profile;
  if (!holder) return undefined;
  if (profile) join(profile, p.programId, now);
  if (card) card.modified = now;
  post(holder, {
    id: state.nextId++,
    created: now,
    programId: p.programId,
    amount: p.value,
    reason,
    transactionUUID: p.transactionUUID,
    sessionId,
    type: 'addition',
    subledgerId: p.subLedgerId,
    startDate: p.awaitsActivation ? 'on_action' : (p.startDate ?? 'immediate'),
    expiryDate: p.expiryDate ?? 'unlimited',
    profileId: p.recipientIntegrationId,
    campaignId: e.campaignId,
    rulesetId: e.rulesetId,
    ruleName: e.ruleName,
  });
  return {
    campaignId: e.campaignId,
    programId: p.programId,
    value: p.value,
    transactionUUID: p.transactionUUID,
    subledgerId: p.subLedgerId,
    cardIdentifier: card?.identifier,
  };
}

/**
 * Takes up to `amount` points of an earlier addition back (a rollback or a return), whatever their
 * status. Answers how many it took: fewer when some were taken already, 0 when the addition is
 * gone (its ledger was emptied, its profile deleted).
 */
export function takeBack(
  state: FakeTalonState,
  earned: EarnedPoints,
  profileId: string,
  amount: number,
  now: string,
  reason: string,
): number {
  const holder = earned.cardIdentifier
    ? state.loyaltyCards.get(earned.cardIdentifier)
    : state.profiles.get(profileId);
  const addition = holder?.ledger.find(
    (e) => e.type === 'addition' && e.transactionUUID === earned.transactionUUID,
  );
  if (!holder || !addition) return 0;
  let left = addition.amount;
  for (const e of holder.ledger)
    if (e.type === 'subtraction' && e.transactionUUID === earned.transactionUUID) left += e.amount;
  const value = Math.min(amount, left);
  if (value <= 0) return 0;
  post(holder, {
    ...addition,
    id: state.nextId++,
    created: now,
    amount: -value,
    reason,
    type: 'subtraction',
    startDate: 'immediate',
    expiryDate: 'unlimited',
  });
  if (!('points' in holder)) holder.modified = now;
  return value;
}

/** The part of `value` that the returns of a closed session take back: its share of the returned cart value. */
export function returnedPart(value: number, record: FakeCloseRecord, whole: boolean): number {
  if (record.cartItemTotal <= 0 || record.returnedValue <= 0) return 0;
  const part = (value * Math.min(record.returnedValue, record.cartItemTotal)) / record.cartItemTotal;
  return whole ? Math.round(part) : Math.round(part * 100) / 100;
}

/** Status of points. */
export type PointStatus = 'active' | 'pending' | 'expired';

/** The status of an addition's points at `at` (epoch milliseconds). */
export function statusAt(entry: FakeLedgerEntry, at: number): PointStatus {
  if (entry.expiryDate !== 'unlimited' && Date.parse(entry.expiryDate) <= at) return 'expired';
  if (entry.startDate === 'on_action') return 'pending';
  if (entry.startDate !== 'immediate' && Date.parse(entry.startDate) > at) return 'pending';
  return 'active';
}

/** The unused part of an addition. */
export interface UnusedPoints {
  readonly entry: FakeLedgerEntry;
  readonly left: number;
  readonly status: PointStatus;
}

/** The unused points of a program's ledger as at `at`: each addition made by then, less what was taken from it by then. */
export function unusedPoints(
  ledger: readonly FakeLedgerEntry[],
  programId: number,
  at: number,
): UnusedPoints[] {
  const mine = ledger.filter((e) => e.programId === programId && Date.parse(e.created) <= at);
  const taken = new Map<string, number>();
  for (const e of mine)
    if (e.type === 'subtraction')
      taken.set(e.transactionUUID, (taken.get(e.transactionUUID) ?? 0) - e.amount);
  const unused: UnusedPoints[] = [];
  for (const entry of mine) {
    if (entry.type !== 'addition') continue;
    const left = entry.amount - (taken.get(entry.transactionUUID) ?? 0);
    if (left > 0) unused.push({ entry, left, status: statusAt(entry, at) });
  }
  return unused;
}

/** Point totals of one ledger. */
export interface Totals {
  active: number;
  pending: number;
  expired: number;
}

/**
 * The totals of a program's main ledger (`''`) and subledgers as at `at`: the main ledger and the
 * program's subledgers are always there, empty or not.
 */
export function totals(
  ledger: readonly FakeLedgerEntry[],
  program: FakeProgram,
  at: number,
): Map<string, Totals> {
  const programId = program.id;
  const ids = ['', ...program.subledgers];
  for (const e of ledger) if (e.programId === programId) ids.push(e.subledgerId);
  const byLedger = new Map<string, Totals>(ids.map((id) => [id, { active: 0, pending: 0, expired: 0 }]));
  for (const { entry, left, status } of unusedPoints(ledger, programId, at)) {
    const sums = byLedger.get(entry.subledgerId)!;
    sums[status] += left;
  }
  return byLedger;
}

/** A ledger's totals as the API's balance (spending is not simulated: `spentPoints` stays 0). */
export function balanceOf(sums: Totals): LoyaltyBalance {
  return {
    activePoints: sums.active,
    pendingPoints: sums.pending,
    spentPoints: 0,
    expiredPoints: sums.expired,
    negativePoints: 0,
  };
}

function ledgerInfo(sums: Totals, tier: ReturnType<typeof tierInfo>): LedgerInfo {
  return {
    currentBalance: sums.active,
    pendingBalance: sums.pending,
    negativeBalance: 0,
    // Deprecated by the API, which sends 0.
    expiredBalance: 0,
    spentBalance: 0,
    tentativeCurrentBalance: sums.active,
    tentativePendingBalance: sums.pending,
    tentativeNegativeBalance: 0,
    ...tier,
  };
}

/** The `LedgerInfo` of a program's main ledger (with its tier when the program has tiers) and of its subledgers. */
export function ledgerInfos(
  ledger: readonly FakeLedgerEntry[],
  program: FakeProgram,
  at: number,
): { main: LedgerInfo; subledgers: Record<string, LedgerInfo> } {
  const sums = totals(ledger, program, at);
  const main = sums.get('')!;
  // Built from entries, so that a subledger ID such as `__proto__` is an own key like any other.
  const subledgers: Record<string, LedgerInfo> = Object.fromEntries(
    [...sums].filter(([id]) => id !== '').map(([id, sub]) => [id, ledgerInfo(sub, {})]),
  );
  return { main: ledgerInfo(main, program.tiers.length ? tierInfo(program, main.active) : {}), subledgers };
}

/** Filters of the transaction and point lists. */
export interface LedgerFilter {
  readonly sessions?: readonly string[] | undefined;
  readonly transactions?: readonly string[] | undefined;
  readonly subledgers?: readonly string[] | undefined;
}

function passes(entry: FakeLedgerEntry, filter: LedgerFilter): boolean {
  return (
    (!filter.sessions || filter.sessions.includes(entry.sessionId)) &&
    (!filter.transactions || filter.transactions.includes(entry.transactionUUID)) &&
    (!filter.subledgers || filter.subledgers.includes(entry.subledgerId))
  );
}

/** Options of {@link transactionsOf}. */
export interface TransactionFilter extends LedgerFilter {
  /** Created at or after (epoch milliseconds). */
  readonly from?: number | undefined;
  /** Created at or before (epoch milliseconds). */
  readonly to?: number | undefined;
  /** `session`: entries of sessions (all the fake books); `manual`, `import`: none. */
  readonly kind?: 'manual' | 'session' | 'import' | undefined;
  /** Only additions waiting for `activateLoyaltyPoints` that have not expired. */
  readonly awaitingActivation?: boolean;
}

/** A program's transactions that pass the filter, newest first (the API answers the latest first). */
export function transactionsOf(
  ledger: readonly FakeLedgerEntry[],
  programId: number,
  filter: TransactionFilter,
  at: number,
): FakeLedgerEntry[] {
  return ledger
    .filter((e) => {
      if (e.programId !== programId || !passes(e, filter)) return false;
      const created = Date.parse(e.created);
      if (filter.from !== undefined && created < filter.from) return false;
      if (filter.to !== undefined && created > filter.to) return false;
      if (filter.kind !== undefined && (filter.kind !== 'session' || e.sessionId === '')) return false;
      if (filter.awaitingActivation && (e.startDate !== 'on_action' || statusAt(e, at) === 'expired'))
        return false;
      return true;
    })
    .reverse();
}

function sortKey(point: UnusedPoints, field: 'startDate' | 'expiryDate'): number {
  const value = point.entry[field];
  if (value === 'immediate') return Date.parse(point.entry.created);
  if (value === 'on_action' || value === 'unlimited') return Number.POSITIVE_INFINITY;
  return Date.parse(value);
}

/**
 * A program's unused points of one status that pass the filter, oldest first, or sorted by
 * `startDate`/`expiryDate` (a leading `-`: descending; `immediate` sorts as the creation date,
 * `on_action` and `unlimited` last).
 */
export function pointsOf(
  ledger: readonly FakeLedgerEntry[],
  programId: number,
  status: PointStatus,
  filter: LedgerFilter,
  at: number,
  sort: string | undefined,
): UnusedPoints[] {
  const points = unusedPoints(ledger, programId, at).filter(
    (p) => p.status === status && passes(p.entry, filter),
  );
  if (!sort) return points;
  const field = sort.replace(/^-/, '') as 'startDate' | 'expiryDate';
  const sign = sort.startsWith('-') ? -1 : 1;
  return points.sort((a, b) => {
    const ka = sortKey(a, field);
    const kb = sortKey(b, field);
    return ka === kb ? a.entry.id - b.entry.id : ka < kb ? -sign : sign;
  });
}

/** Holders of ledgers in a program: its members' profiles and its cards. */
function holders(state: FakeTalonState, programId: number): Holder[] {
  return [
    ...[...state.profiles.values()].filter((p) => p.joined[programId] !== undefined),
    ...[...state.loyaltyCards.values()].filter((c) => c.programId === programId),
  ];
}

/** An activated addition and who holds it. */
export interface Activated {
  readonly entry: FakeLedgerEntry;
  readonly holder: FakeProfile | FakeLoyaltyCard;
}

/**
 * Makes the pending points of a program that `pick` selects active as at `now` (their start date
 * becomes `now`; points of a campaign with `expiryDays` then expire that many days later).
 * Answers the additions it activated.
 */
export function activate(
  state: FakeTalonState,
  config: ResolvedFakeTalonOptions,
  programId: number,
  pick: (entry: FakeLedgerEntry) => boolean,
  now: string,
): Activated[] {
  const at = Date.parse(now);
  const done: Activated[] = [];
  for (const holder of holders(state, programId)) {
    for (const { entry, status } of unusedPoints(holder.ledger, programId, at)) {
      if (status !== 'pending' || !pick(entry)) continue;
      entry.startDate = now;
      const days = loyaltyCampaign(config, entry.campaignId)?.expiryDays;
      if (days && entry.expiryDate === 'unlimited')
        entry.expiryDate = new Date(at + days * DAY).toISOString();
      done.push({ entry, holder });
    }
  }
  return done;
}

/** Whether a program has an entry (a transaction) matching `pick`, in any profile or card. */
export function hasEntry(
  state: FakeTalonState,
  programId: number,
  pick: (entry: FakeLedgerEntry) => boolean,
): boolean {
  return holders(state, programId).some((h) => h.ledger.some((e) => e.programId === programId && pick(e)));
}

/** Empties a profile's ledgers of a program: all of them, or the subledgers listed (`''` is the main ledger). */
export function emptyLedgers(profile: FakeProfile, programId: number, subledgers?: readonly string[]): void {
  profile.ledger = profile.ledger.filter(
    (e) => e.programId !== programId || (subledgers !== undefined && !subledgers.includes(e.subledgerId)),
  );
  let net = 0;
  for (const e of profile.ledger) if (e.programId === programId) net += e.amount;
  profile.points[programId] = net;
}
