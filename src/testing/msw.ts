/**
 * The fake as msw request handlers. The adapter takes msw's `http` namespace from the caller
 * instead of importing msw: this package then never loads msw (it is not even an optional
 * peer dependency), the handlers are built with the very msw copy the test's `setupServer` /
 * `setupWorker` uses, creating them stays synchronous, and browser or worker bundles that
 * import `talon-fetch/testing` without msw still resolve.
 */
import type { FakeTalon } from './types.js';

/**
 * The part of msw's `http` namespace the adapter needs: `http.all(path, resolver)`. Resolvers
 * may return a plain Fetch API `Response`, which is what the fake produces.
 */
export interface MswHttpLike<H> {
  all(path: string, resolver: (info: { request: Request }) => Promise<Response>): H;
}

/**
 * msw handlers that send every request under `baseUrl` to the fake (one catch-all handler: the
 * fake answers 404 for paths that are not Integration API operations).
 *
 * ```ts
 * import { http } from 'msw';
 * import { setupServer } from 'msw/node';
 * const server = setupServer(...fakeTalonHandlers(fake, 'https://fake.talon.one', { http }));
 * ```
 *
 * @param fake - A fake made by `createFakeTalon`.
 * @param baseUrl - The `baseUrl` the client under test is created with.
 * @param msw - An object with msw's `http` namespace: `{ http }`, or `import * as msw from 'msw'`.
 * @returns One catch-all handler for `baseUrl`. It never throws; requests the fake does not
 * implement are answered 404 (or 405) by the fake, as HTTP answers, not errors; a `drop` fault
 * becomes msw's network error (`HttpResponse.error()`).
 */
export function fakeTalonHandlers<H>(
  fake: Pick<FakeTalon, 'fetch'>,
  baseUrl: string,
  msw: { readonly http: MswHttpLike<H> },
): H[] {
  const base = baseUrl.replace(/\/+$/, '');
  // A rejected fetch is a dropped connection (a `drop` fault) or the caller's own abort: msw
  // turns `Response.error()` (what `HttpResponse.error()` returns) into a network error.
  return [msw.http.all(`${base}/*`, ({ request }) => fake.fetch(request).catch(() => Response.error()))];
}
