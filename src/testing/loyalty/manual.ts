/**
 * Points a back-office user adds or deducts by hand (the Management API's `addLoyaltyPoints`,
 * `removeLoyaltyPoints`, `addLoyaltyCardPoints`, `deductLoyaltyCardPoints`), on the same ledgers
 * the Integration side keeps, so a support tool's points show in `getLoyaltyBalances`.
 */
import type { AddLoyaltyPointsInput, DeductLoyaltyPointsInput } from '../../management/models/types.js';
import { type Answer, fail } from '../answers.js';
import { transactionId } from '../ids.js';
import type { Call } from '../route.js';
import { type Holder, post, unusedPoints } from './ledgers.js';
import type { FakeProgram } from './programs.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  D: 86_400_000,
  W: 7 * 86_400_000,
  M: 30 * 86_400_000,
  Y: 365 * 86_400_000,
};

/**
 * A duration of the API (`unlimited`, or an integer and a unit: `30s`, `1h`, `5D`, `7W`, `10M`,
 * `15Y`; the `_D`/`_U` rounding suffixes are accepted and ignored) in milliseconds, `Infinity`
 * for `unlimited`, or `undefined` when it is not one.
 */
export function durationMs(text: string): number | undefined {
  if (text === 'unlimited') return Number.POSITIVE_INFINITY;
  const m = /^(\d+)([smhDWMY])(?:_[DU])?$/.exec(text);
  return m ? Number(m[1]) * UNIT_MS[m[2]!]! : undefined;
}

function badDuration(field: string): Answer {
  return fail(400, `${field} must be unlimited or an integer followed by s, m, h, D, W, M or Y`, [
    { title: 'Invalid duration', pointer: `/${field}` },
  ]);
}

/** Who the points concern: the profile of a profile ledger, `''` on a card. */
function profileIdOf(holder: Holder): string {
  return 'points' in holder ? holder.integrationId : '';
}

/** Adds points by hand, pending and expiring as the body says; or the 400. */
export function addManually(
  call: Call<unknown>,
  holder: Holder,
  program: FakeProgram,
  body: AddLoyaltyPointsInput,
): Answer | undefined {
  const now = Date.parse(call.now);
  let start = now;
  if (body.pendingUntil !== undefined) start = Date.parse(String(body.pendingUntil));
  else if (body.pendingDuration !== undefined) {
    const ms = durationMs(body.pendingDuration);
    if (ms === undefined || ms === Number.POSITIVE_INFINITY) return badDuration('pendingDuration');
    start = now + ms;
  }
  let expiry = Number.POSITIVE_INFINITY;
  if (body.validUntil !== undefined) expiry = Date.parse(String(body.validUntil));
  else if (body.validityDuration !== undefined) {
    const ms = durationMs(body.validityDuration);
    if (ms === undefined) return badDuration('validityDuration');
    expiry = start + ms;
  }
  const subledgerId = body.subledgerId ?? '';
  if (subledgerId !== '' && !program.subledgers.includes(subledgerId))
    return fail(400, `Loyalty program ${program.id} has no subledger ${JSON.stringify(subledgerId)}`, [
      { title: 'Unknown subledger', pointer: '/subledgerId' },
    ]);
  post(holder, {
    id: call.state.nextId++,
    created: call.now,
    programId: program.id,
    amount: body.points,
    reason: body.name ?? 'Manual addition',
    transactionUUID: transactionId(call.state),
    sessionId: '',
    type: 'addition',
    subledgerId,
    startDate: start > now ? new Date(start).toISOString() : 'immediate',
    expiryDate: Number.isFinite(expiry) ? new Date(expiry).toISOString() : 'unlimited',
    profileId: profileIdOf(holder),
    campaignId: 0,
    rulesetId: 0,
    ruleName: '',
  });
  return undefined;
}

/**
 * Deducts points by hand from the active points of a ledger, oldest first; or the 400 when the
 * ledger has fewer active points (the fake keeps no negative balances).
 */
export function deductManually(
  call: Call<unknown>,
  holder: Holder,
  program: FakeProgram,
  body: DeductLoyaltyPointsInput,
): Answer | undefined {
  const subledgerId = body.subledgerId ?? '';
  const active = unusedPoints(holder.ledger, program.id, Date.parse(call.now)).filter(
    (u) => u.status === 'active' && u.entry.subledgerId === subledgerId,
  );
  const available = active.reduce((sum, u) => sum + u.left, 0);
  if (available < body.points)
    return fail(400, `Not enough active points to deduct ${body.points}: the ledger has ${available}`, [
      { title: 'Insufficient points', pointer: '/points' },
    ]);
  let left = body.points;
  for (const { entry, left: unused } of active) {
    if (left <= 0) break;
    const value = Math.min(left, unused);
    left -= value;
    post(holder, {
      ...entry,
      id: call.state.nextId++,
      created: call.now,
      amount: -value,
      reason: body.name ?? 'Manual deduction',
      type: 'subtraction',
      startDate: 'immediate',
      expiryDate: 'unlimited',
    });
  }
  return undefined;
}
