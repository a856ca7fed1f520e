/**
 * Whether one call of an operation may be sent again: the runtime half of the idempotency
 * classification. The facts per operation live in scripts/idempotency.mjs (the generator copies
 * each operation's entry into its description as an {@link Idempotency}); the rules that look at
 * a request body live here, the one reviewed place for them.
 */

/**
 * How an operation behaves when it is repeated:
 * - `safe`: repeating cannot change the outcome;
 * - `key`: safe when the call carries an `Idempotency-Key` (Talon.One answers a repeat from its
 *   store), unsafe without one;
 * - `unsafe`: a repeat may apply twice or answer a confident 4xx for what was applied;
 * - `body`: safe or not by the request body, as {@link BODY_RULES} says.
 */
export type Repeatability = 'safe' | 'key' | 'unsafe' | 'body';

/** The name of a rule in {@link BODY_RULES}. */
export type BodyRule = 'sessionStaysOpen' | 'legacySessionStaysOpen';

/**
 * What a 409 of the operation means: `parallel` (Talon.One's limit of parallel requests on one
 * customer session or profile: nothing was applied, retry later) or `exists` (the thing exists
 * already: never retried).
 */
export type ConflictMeaning = 'parallel' | 'exists';

/** @internal One operation's classification, as generated from scripts/idempotency.mjs. */
export interface Idempotency {
  readonly class: Repeatability;
  /** For `body`: the rule that decides. */
  readonly rule?: BodyRule;
  /** The release from which Talon.One honours an `Idempotency-Key` for it; absent when it does not. */
  readonly keySince?: string;
  readonly conflict?: ConflictMeaning;
  /** A repeat whose earlier attempt did delete the resource answers 404. */
  readonly repeat404?: true;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A session state that a repeat cannot apply twice: `open`, or none given (the session stays as it is, or opens). */
const staysOpen = (state: unknown) => state === undefined || state === 'open';

/**
 * The rules for operations whose safety depends on the body. Each takes the call's params (as
 * validated) and answers `true` when sending them again cannot change the outcome. A dry run
 * (`dry: true`) persists nothing, so it is always safe.
 */
export const BODY_RULES: Readonly<Record<BodyRule, (params: unknown) => boolean>> = {
  /**
   * `updateCustomerSessionV2`: safe while `body.customerSession.state` is `open` or absent.
   * Moving the session to `closed`, `cancelled` or `partially_returned` applies its effects
   * (points, coupon redemptions, budgets) once; a repeat answers 400 for the changed session.
   */
  sessionStaysOpen: (params) => {
    if (!isRecord(params)) return false;
    if (params.dry === true) return true;
    const session = isRecord(params.body) ? params.body.customerSession : undefined;
    return isRecord(session) && staysOpen(session.state);
  },
  /** `updateCustomerSession` (2021): the same, with `state` directly in `body`. */
  legacySessionStaysOpen: (params) => {
    if (!isRecord(params)) return false;
    if (params.dry === true) return true;
    return isRecord(params.body) && staysOpen(params.body.state);
  },
};

/**
 * Whether Talon.One honours an `Idempotency-Key` for the operation, so the transport should send
 * one (the caller's, else a new UUID) with every attempt of a call.
 */
export function takesKey(idempotency: Idempotency | undefined): boolean {
  return idempotency?.keySince !== undefined;
}

/**
 * Whether this call may be sent again after a failure that leaves unknown whether it was applied
 * (a network error after sending, a timeout waiting for the answer, 500, 502, 504). `keyed` says
 * whether the call carries an `Idempotency-Key` the operation honours. Never throws; an unknown
 * class or rule answers `false`.
 */
export function repeatable(idempotency: Idempotency, params: unknown, keyed: boolean): boolean {
  const keyHolds = keyed && takesKey(idempotency);
  switch (idempotency.class) {
    case 'safe':
      return true;
    case 'key':
      return keyHolds;
    case 'body': {
      if (keyHolds) return true;
      const rule = idempotency.rule ? BODY_RULES[idempotency.rule] : undefined;
      try {
        return rule ? rule(params) : false;
      } catch {
        return false;
      }
    }
    default:
      return false;
  }
}

/**
 * Whether a 409 of this call is retried (with backoff and jitter): only Talon.One's
 * parallel-request limit, and only when the call carries a key, so a repeat cannot apply twice.
 * An `exists` 409 is never retried.
 */
export function retriesConflict(idempotency: Idempotency, keyed: boolean): boolean {
  return idempotency.conflict === 'parallel' && keyed && takesKey(idempotency);
}

/** The longest `Idempotency-Key` Talon.One stores. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * What is wrong with a caller's `idempotencyKey` option, or `undefined` when it is usable: a
 * string of 1 to 255 visible ASCII characters (a UUID is typical).
 */
export function idempotencyKeyProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string (a UUID is typical)';
  if (value.length === 0 || value.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    return `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long`;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return 'must be visible ASCII characters only (no spaces or line breaks)';
  }
  return undefined;
}

/** A new key for a call that has none: a random UUID (`crypto.randomUUID`, in every supported runtime). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
