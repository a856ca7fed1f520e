/**
 * How a profile's loyalty looks in answers: its programs and ledgers (26.13 and 2021).
 */
import type { LegacyLoyalty, Loyalty, LoyaltyProgramLedgers } from '../../models/index.js';
import type { FakeProfile } from '../profiles/types.js';
import type { ResolvedFakeTalonOptions } from '../types.js';
import { ledgerInfos } from './ledgers.js';
import { allPrograms } from './programs.js';

/** The loyalty balances of a profile, per program it is a member of, keyed by program ID. */
export function programLedgers(
  profile: FakeProfile,
  config: ResolvedFakeTalonOptions,
): Record<string, LoyaltyProgramLedgers> {
  const programs: Record<string, LoyaltyProgramLedgers> = {};
  // The profile-based programs the profile is a member of, with its balances now.
  for (const program of allPrograms(config)) {
    const joined = profile.joined[program.id];
    if (program.cardBased || joined === undefined) continue;
    const { main, subledgers } = ledgerInfos(profile.ledger, program, config.now().getTime());
    programs[String(program.id)] = {
      id: program.id,
      title: program.title,
      name: program.name,
      joinDate: joined,
      ledger: main,
      ...(Object.keys(subledgers).length ? { subLedgers: subledgers } : {}),
    };
  }
  return programs;
}

/** The loyalty balances of a profile, per program of the loyalty campaigns. */
export function loyaltyView(profile: FakeProfile, config: ResolvedFakeTalonOptions): Loyalty {
  return { programs: programLedgers(profile, config) };
}

export function legacyLoyaltyView(profile: FakeProfile, config: ResolvedFakeTalonOptions): LegacyLoyalty {
  const programs: LegacyLoyalty['programs'] = {};
  for (const [key, program] of Object.entries(programLedgers(profile, config))) {
    const { currentBalance, pendingBalance, expiredBalance, spentBalance, tentativeCurrentBalance } =
      program.ledger;
    programs[key] = {
      id: program.id,
      title: program.title,
      name: program.name,
      ledger: { currentBalance, pendingBalance, expiredBalance, spentBalance, tentativeCurrentBalance },
    };
  }
  return { programs };
}
