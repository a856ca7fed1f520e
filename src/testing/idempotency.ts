/**
 * The fake's `Idempotency-Key` store: a step between the fault rules and the handlers, as
 * Talon.One documents the header (returnCartItems from 26.13; reopenCustomerSession,
 * trackEventV2, updateCustomerProfileV2, updateCustomerProfilesV2 and updateCustomerSessionV2
 * from 26.15):
 *
 * - a request with a key is handled once and its answer kept for 24 hours of the fake's clock;
 * - a repeat with the same key and the same request (operation, method, path and query, body
 *   bytes) within them gets the kept answer back, and nothing is applied again;
 * - the same key with a different request is answered 422 (the key belongs to one request; 422
 *   rather than 409, which these operations use for their parallel-request limit);
 * - the same key while its first request is still being handled is answered 409;
 * - a key that is empty or longer than 255 characters is answered 400.
 *
 * Keys are kept per credential (`Authorization`), so another caller's key never finds them, and
 * only answers below 500 are kept (a 5xx leaves the key free for a real retry). So that a long
 * test's memory stays flat, the fake keeps the {@link MAX_KEPT_KEYS} most recent keys (the oldest
 * is forgotten first). Other operations ignore the header. The store belongs to one fake;
 * `reset()` clears it.
 */
import { type Answer, fail, toResponse } from './answers.js';

/** The operations the fake honours an `Idempotency-Key` on: those Talon.One documents it for. */
export const KEYED_OPERATIONS: ReadonlySet<string> = new Set([
  'returnCartItems',
  'reopenCustomerSession',
  'trackEventV2',
  'updateCustomerProfileV2',
  'updateCustomerProfilesV2',
  'updateCustomerSessionV2',
]);

/** How long an answer is kept: 24 hours. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

const MAX_KEY_LENGTH = 255;

/** How many keys the fake remembers at most; the oldest is forgotten first. */
export const MAX_KEPT_KEYS = 1000;

/**
 * A request's fingerprint: what it was for (operation, method, path and query) and a 64-bit
 * hash of its body bytes (two FNV-1a-style lanes), so a kept key costs little memory.
 */
function fingerprint(operationId: string, request: Request, bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const byte of bytes) {
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x5bd1e995) ^ (b >>> 15);
  }
  const url = new URL(request.url);
  return `${operationId} ${request.method} ${url.pathname}${url.search} ${bytes.length}:${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

interface Kept {
  /** What the key was first used for: operation, method, path with query, body bytes. */
  readonly request: string;
  /** When the first request arrived (the fake's clock, ms). */
  readonly at: number;
  /** The answer, once the first request was handled; `undefined` while it is. */
  answer?: { readonly status: number; readonly headers: Headers; readonly body: Uint8Array<ArrayBuffer> };
}

/** Internal: the key store of one fake. */
export interface IdempotencyStore {
  /**
   * Handles `request` (of operation `operationId`) through `handle`, or answers it from the store.
   */
  run(
    request: Request,
    operationId: string | undefined,
    handle: (request: Request) => Promise<Response>,
  ): Promise<Response>;
  /** Forgets every key. */
  clear(): void;
}

const refusal = (answer: Answer) => toResponse(answer);

/** Makes the key store of a fake whose clock is `now`. */
export function createIdempotencyStore(now: () => Date): IdempotencyStore {
  const kept = new Map<string, Kept>();
  return {
    async run(request, operationId, handle) {
      const key = request.headers.get('idempotency-key');
      if (key === null || !operationId || !KEYED_OPERATIONS.has(operationId)) return handle(request);
      if (key.length === 0 || key.length > MAX_KEY_LENGTH)
        return refusal(
          fail(400, `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters long`, [
            { title: 'Invalid header', parameter: 'Idempotency-Key' },
          ]),
        );
      const print = fingerprint(operationId, request, new Uint8Array(await request.clone().arrayBuffer()));
      const id = `${request.headers.get('authorization') ?? ''}\n${key}`;
      const at = now().getTime();
      const entry = kept.get(id);
      if (entry && at - entry.at < IDEMPOTENCY_WINDOW_MS) {
        if (entry.request !== print)
          return refusal(
            fail(
              422,
              'The Idempotency-Key was already used for a different request: use a new key for a new request',
              [{ title: 'Idempotency-Key reused', parameter: 'Idempotency-Key' }],
            ),
          );
        const answer = entry.answer;
        if (!answer)
          return refusal(fail(409, 'A request with this Idempotency-Key is still being processed'));
        return new Response(answer.status === 204 ? null : answer.body.slice(), {
          status: answer.status,
          headers: answer.headers,
        });
      }
      const fresh: Kept = { request: print, at };
      kept.delete(id);
      kept.set(id, fresh);
      // A Map iterates in insertion order: the first key is the oldest.
      for (const old of kept.keys()) {
        if (kept.size <= MAX_KEPT_KEYS) break;
        kept.delete(old);
      }
      let response: Response;
      try {
        response = await handle(request);
      } catch (error) {
        if (kept.get(id) === fresh) kept.delete(id);
        throw error;
      }
      if (response.status >= 500) {
        if (kept.get(id) === fresh) kept.delete(id);
        return response;
      }
      const body = new Uint8Array(await response.arrayBuffer());
      fresh.answer = { status: response.status, headers: new Headers(response.headers), body };
      return new Response(response.status === 204 ? null : body.slice(), {
        status: response.status,
        headers: response.headers,
      });
    },
    clear() {
      kept.clear();
    },
  };
}
