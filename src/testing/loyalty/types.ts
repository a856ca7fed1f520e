/**
 * Loyalty ledger entries, as profiles and cards keep them.
 */

/**
 * A loyalty ledger entry: points added (`addition`, a positive amount) or taken back by a rollback
 * or a return (`subtraction`, a negative amount, with the `transactionUUID` of the addition).
 */
export interface FakeLedgerEntry {
  id: number;
  created: string;
  programId: number;
  amount: number;
  reason: string;
  transactionUUID: string;
  sessionId: string;
  type: 'addition' | 'subtraction';
  /** `''` for the main ledger. */
  subledgerId: string;
  /** `immediate`, `on_action` (pending until activated) or an RFC 3339 date-time. */
  startDate: string;
  /** `unlimited` or an RFC 3339 date-time. */
  expiryDate: string;
  /** The profile the points concern (on a card: the session's profile, or `''`). */
  profileId: string;
  campaignId: number;
  rulesetId: number;
  ruleName: string;
}
