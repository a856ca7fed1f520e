/**
 * Customer profiles as the state keeps them.
 */
import type { FakeLedgerEntry } from '../loyalty/types.js';

/** A customer profile as the fake keeps it. */
export interface FakeProfile {
  id: number;
  integrationId: string;
  created: string;
  lastActivity: string;
  attributes: Record<string, unknown>;
  closedSessions: number;
  totalSales: number;
  /** IDs of the audiences the profile belongs to. */
  audiences: number[];
  /**
   * Net points (additions minus subtractions, whatever their status) per loyalty program the
   * profile is a member of; balances by status come from `ledger`.
   */
  points: Record<number, number>;
  ledger: FakeLedgerEntry[];
  /** When the profile joined each loyalty program (`joinLoyaltyProgram`, or its first points). */
  joined: Record<number, string>;
}
