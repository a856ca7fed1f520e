/**
 * Loyalty cards of card-based programs as the state keeps them.
 */
import type { FakeLedgerEntry } from '../loyalty/types.js';

/** A loyalty card of a card-based program. */
export interface FakeLoyaltyCard {
  id: number;
  identifier: string;
  programId: number;
  created: string;
  modified: string;
  status: 'active' | 'inactive';
  /** Set when `transferLoyaltyCard` moved it to a new card: it stays inactive for good. */
  blockReason?: string;
  /** The linked profiles, in the order linked. */
  profiles: { integrationId: string; timestamp: string }[];
  ledger: FakeLedgerEntry[];
}
