/**
 * The fault rules as data: what a test hands to `createFakeTalon({ faults })` or
 * `fake.faults.add(rule)`, and what the fake records of each call. Types only; the engine that
 * applies them is ./faults.ts.
 */

/** What every rule may say about when it fires. */
export interface FakeFaultWhen {
  /** The operationIds it applies to (e.g. `'updateCustomerSessionV2'`); absent: every request. */
  readonly operation?: string | readonly string[];
  /** Let this many matching requests through before the rule may fire. Default 0. */
  readonly skip?: number;
  /** Fire at most this many times (1: once). Absent: every matching request. */
  readonly times?: number;
  /** Fire with this probability (0 to 1), drawn from the fake's seeded generator. Default 1. */
  readonly probability?: number;
}

/** Answer an error status with a Talon.One-shaped body `{ message, errors, StatusCode }`. */
export interface FakeStatusFault extends FakeFaultWhen {
  readonly kind: 'status';
  /** 409, 429, 500, 502, 503, or any other 4xx/5xx. */
  readonly status: number;
  /** `Retry-After` in seconds. Default 1 for 429, none for the others. */
  readonly retryAfter?: number;
  /** The message of the body. Default: the API's wording for the status. */
  readonly message?: string;
}

/** Wait before the request goes on (to the next rule, then the handler). Ended early by the caller's signal. */
export interface FakeLatencyFault extends FakeFaultWhen {
  readonly kind: 'latency';
  /** Milliseconds: a fixed delay, or `[min, max]` drawn from the seeded generator. */
  readonly ms: number | readonly [number, number];
}

/** Never answer: only the caller's timeout or `AbortSignal` ends the request (or `faults.clear()`/`reset()`). */
export interface FakeHangFault extends FakeFaultWhen {
  readonly kind: 'hang';
}

/**
 * Drop the connection. `at`: `'request'` (default) before the fake handles it, nothing applied;
 * `'answer'` after it was handled (the state changed) with the answer lost; `'headers'` after the
 * status and headers were sent; `'body'` after half of the body. The client's `fetch` rejects with a
 * `TypeError` (or its body breaks off), msw answers `HttpResponse.error()`, the server destroys the
 * socket at that point.
 */
export interface FakeDropFault extends FakeFaultWhen {
  readonly kind: 'drop';
  readonly at?: 'request' | 'answer' | 'headers' | 'body';
}

/**
 * 409 as the API answers parallel writes: while `limit` writes to one customer session or profile
 * are in flight, another one answers 409 "Too many requests are updating this session at the same
 * time" (Talon.One allows a few in flight; the fake's default is 1, the strictest).
 */
export interface FakeConflictFault extends FakeFaultWhen {
  readonly kind: 'conflict';
  /** Writes allowed in flight per session or profile. Default 1. */
  readonly limit?: number;
}

/** One fault rule: plain, JSON-serializable data. */
export type FakeFault =
  | FakeStatusFault
  | FakeLatencyFault
  | FakeHangFault
  | FakeDropFault
  | FakeConflictFault;

/** One request the fake received, for assertions. */
export interface FakeCall {
  /** The operation it matched, or `undefined` for a path the fake does not implement. */
  readonly operationId: string | undefined;
  readonly method: string;
  readonly path: string;
  /** The status answered; `undefined` when none was (dropped before the status, or given up by the caller). */
  readonly status: number | undefined;
  /** The rule that decided the outcome (`status`, `conflict`, `hang`, `drop`), if one did. */
  readonly fault: FakeFault | undefined;
  /** The latency injected, in ms (0: none). */
  readonly latencyMs: number;
  /** Whether the fake's handler ran: its state may have changed even if the answer was lost. */
  readonly handled: boolean;
  /** `answered`, `dropped` (a drop fault), or `aborted` (the caller's signal ended it). */
  readonly outcome: 'answered' | 'dropped' | 'aborted' | 'pending';
}

/** The fault controls of a fake: `fake.faults`. */
export interface FakeFaults {
  /** Adds a rule after the others (rules apply in order). @throws {TypeError} for a rule that cannot work. */
  add(rule: FakeFault): void;
  /** Removes every rule (including the ones of `createFakeTalon({ faults })`) and ends every hang. */
  clear(): void;
  /** The rules in force, in order. */
  readonly rules: readonly FakeFault[];
  /** Every request received since the fake was made or reset, oldest first. */
  readonly calls: readonly FakeCall[];
  /** The calls where a rule fired (a fault decided the outcome, or latency was added). */
  readonly injected: readonly FakeCall[];
}
