import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** A request as the mock saw it: method, URL, headers and the exact body bytes. */
export interface SeenRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

/**
 * Starts an msw server for the file's tests, failing on any unhandled request, and records
 * every request that reached a handler (`seen`), so tests can assert that nothing was sent.
 */
export function useMockServer() {
  const server = setupServer();
  const seen: SeenRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    // Record synchronously, so an answer that comes at once cannot outrun the record; the body
    // bytes are filled in as soon as the clone has been read.
    const entry: { -readonly [K in keyof SeenRequest]: SeenRequest[K] } = {
      method: request.method,
      url: new URL(request.url),
      headers: new Headers(request.headers),
      body: new Uint8Array(0),
    };
    seen.push(entry);
    const copy = request.clone();
    void copy.arrayBuffer().then((buffer) => {
      entry.body = new Uint8Array(buffer);
    });
  });
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen };
}

export const BASE_URL = 'https://acme.europe-west1.talon.one';
