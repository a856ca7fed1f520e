/**
 * The fake's loyalty programs, as its loyalty campaigns define them (name, kind, tiers, card limit,
 * subledgers), their tiers, and the program a path names.
 */
import type { Tier } from '../../models/index.js';
import { type Answer, fail, notFound } from '../answers.js';
import type { FakeLoyaltyCampaign, FakeLoyaltyTier } from '../campaigns/types.js';
import { pathId } from '../query.js';
import type { Call } from '../route.js';
import type { ResolvedFakeTalonOptions } from '../types.js';

/** A loyalty program of the fake, as its campaigns define it. */
export interface FakeProgram {
  readonly id: number;
  /** The display name (`programName` of its first campaign). */
  readonly title: string;
  /** The integration name, derived from the title. */
  readonly name: string;
  readonly cardBased: boolean;
  /** Its tiers, lowest first. */
  readonly tiers: readonly FakeLoyaltyTier[];
  /** Card-based: profiles per card, 0 for no limit. */
  readonly usersPerCard: number;
  /** The subledgers its campaigns add points to (the main ledger `''` aside). */
  readonly subledgers: readonly string[];
}

function loyaltyCampaigns(config: ResolvedFakeTalonOptions): FakeLoyaltyCampaign[] {
  return config.campaigns.filter((c): c is FakeLoyaltyCampaign => c.type === 'loyalty');
}

/** The program with this ID, or `undefined` when no loyalty campaign names it. */
export function findProgram(config: ResolvedFakeTalonOptions, id: number): FakeProgram | undefined {
  const campaigns = loyaltyCampaigns(config).filter((c) => c.programId === id);
  const first = campaigns[0];
  if (!first) return undefined;
  const tiers = campaigns.find((c) => c.tiers?.length)?.tiers ?? [];
  return {
    id,
    title: first.programName,
    name: first.programName.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
    cardBased: first.cardBased ?? false,
    tiers: [...tiers].sort((a, b) => a.minPoints - b.minPoints),
    usersPerCard: first.usersPerCard ?? 0,
    subledgers: [...new Set(campaigns.map((c) => c.subledgerId ?? ''))].filter((id) => id !== ''),
  };
}

/** Every program of the configured loyalty campaigns, in the order they first appear. */
export function allPrograms(config: ResolvedFakeTalonOptions): FakeProgram[] {
  const ids = [...new Set(loyaltyCampaigns(config).map((c) => c.programId))];
  return ids.map((id) => findProgram(config, id)!);
}

/** The loyalty campaign with this ID. */
export function loyaltyCampaign(
  config: ResolvedFakeTalonOptions,
  id: number,
): FakeLoyaltyCampaign | undefined {
  return loyaltyCampaigns(config).find((c) => c.id === id);
}

/** The tier ID the fake gives the tier at `index` (lowest first) of a program. */
export function tierId(programId: number, index: number): number {
  return programId * 100 + index + 1;
}

/** Tier fields for a ledger with `active` points: the current tier, the next one and the points to it. */
export function tierInfo(
  program: FakeProgram,
  active: number,
): { currentTier?: Tier; pointsToNextTier?: number; nextTierName?: string } {
  const { tiers } = program;
  let index = -1;
  tiers.forEach((tier, i) => {
    if (active >= tier.minPoints) index = i;
  });
  const current = tiers[index];
  const next = tiers[index + 1];
  return {
    ...(current
      ? {
          currentTier: {
            id: tierId(program.id, index),
            name: current.name,
            downgradePolicy: 'balance_based',
          },
        }
      : {}),
    ...(next ? { pointsToNextTier: next.minPoints - active, nextTierName: next.name } : {}),
  };
}

/** The program of the path's `loyaltyProgramId`, which must be of `kind`; or the 400/404. */
export function programOf(call: Call<unknown>, kind: 'profile' | 'card' | 'any'): FakeProgram | Answer {
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
