/**
 * A real HTTP server on 127.0.0.1 (port 0) that misbehaves on purpose. The first path segment
 * picks the fault: a client made with `baseUrl: server.url + '/reset-before'` meets a connection
 * reset on every request, whatever operation it calls (the base URL path prefix is kept by the
 * SDK). Everything a mode needs is decided from the request and a per-mode hit counter, so a
 * test can say "503 twice, then 200" without a script.
 *
 * The server keeps count of what it did (hits, bytes written, whether the client hung up before
 * the body was complete) and of its sockets, so tests can assert that the SDK stopped reading,
 * did not retry, and left no connection behind. Nothing here holds a large body in memory: the
 * huge modes generate their bytes on the fly and honour back-pressure.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createGzip } from 'node:zlib';

/** What one request to the server looked like. */
export interface SeenRequest {
  readonly mode: string;
  readonly method: string;
  /** The path after the mode segment, with the query string. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** `Date.now()` when the request was complete. */
  readonly at: number;
}

/** What the server did for one mode since the last `reset()`. */
export interface ModeStats {
  hits: number;
  /** Body bytes written (huge and trickle modes). */
  bytesSent: number;
  /** The client closed the connection before the server finished the response. */
  clientHungUp: boolean;
}

export interface FaultContext {
  /** 1 for the first request to this mode since `reset()`, 2 for the second… */
  readonly hit: number;
  readonly stats: ModeStats;
  readonly seen: SeenRequest;
  readonly server: FaultServer;
}

export type FaultHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: FaultContext,
) => void | Promise<void>;

export interface FaultServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** A base URL whose requests all meet `mode`. */
  base(mode: string): string;
  /** Every request, in order of arrival. */
  readonly requests: SeenRequest[];
  stats(mode: string): ModeStats;
  /** Forgets requests, hit counters and stats (between tests). */
  reset(): void;
  /** Sockets currently open on the server side. */
  openSockets(): number;
  /** `server.getConnections`, as a promise. */
  connections(): Promise<number>;
  /** Closes idle keep-alive connections and waits (up to `ms`) until no socket is left; returns how many are. */
  settle(ms?: number): Promise<number>;
  /** Stops listening, destroys every socket, resolves once the server is closed. */
  close(): Promise<void>;
  /** Where `redirect` sends clients. */
  redirectTarget: string;
  /** The instant (ms) the last `retry-after-date` answer asked the client to wait for. */
  retryAfterDate: number | undefined;
}

/** A realistic answer for the `/v1/things/{id}` test operations. */
export function thing(id = 1): Record<string, unknown> {
  return {
    id,
    name: `thing-${id}`,
    created: '2026-05-07T10:15:22Z',
    attributes: { colour: 'blue', tags: ['a', 'b'], nested: { depth: 2 } },
  };
}

/** The Integration API's error body shape (`ErrorResponseWithStatus`). */
export function apiError(status: number, message: string, pointer = '/thingId'): Record<string, unknown> {
  return {
    message,
    errors: [
      { title: message, details: `${message} (${status})`, source: { pointer, parameter: 'thingId' } },
    ],
    StatusCode: status,
  };
}

/** Writes a complete JSON answer. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Resolves on the response's next 'drain' or 'close', removing both listeners. */
function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes `total` bytes generated on the fly, honouring back-pressure; stops when the client hangs up. */
async function stream(res: ServerResponse, stats: ModeStats, total: number): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 0x78); // 'x'
  const head = Buffer.from('{"id":1,"name":"');
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  if (!res.write(head)) await drainOrClose(res);
  stats.bytesSent += head.length;
  while (!closed && stats.bytesSent < total) {
    const piece = chunk.subarray(0, Math.min(chunk.length, total - stats.bytesSent));
    const flushed = res.write(piece);
    stats.bytesSent += piece.length;
    if (!flushed && !closed) await drainOrClose(res);
  }
  if (closed) stats.clientHungUp = true;
  else res.end();
}

/** Waits `ms`, or less when the response is closed first (then resolves false); never leaves a timer behind. */
export function wait(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed || res.socket?.destroyed) return resolve(false);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

/** Resets the connection (TCP RST) under `req`. */
export function reset(req: IncomingMessage): void {
  req.socket.resetAndDestroy();
}

export const HUGE_BYTES = 512 * 1024 * 1024;

/** The built-in faults, by the name used as first path segment. */
export const MODES: Record<string, FaultHandler> = {
  /** A plain, realistic 200. */
  ok: (_req, res) => json(res, 200, thing()),
  /** A 201 for POSTs. */
  created: (_req, res) => json(res, 201, thing(7)),
  /** The connection is reset (TCP RST) before any byte of the response. */
  'reset-before': (req) => reset(req),
  /** Headers and part of a 200 body, then a reset. */
  'reset-mid-body': async (req, res, { stats }) => {
    const text = JSON.stringify(thing());
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length + 100) });
    res.write(text.slice(0, 20));
    stats.bytesSent += 20;
    await wait(res, 20);
    reset(req);
  },
  /** Headers and part of a 503 body, then a reset (the error body breaks off). */
  'reset-mid-error-body': async (req, res, { stats }) => {
    res.writeHead(503, { 'content-type': 'application/json', 'content-length': '500' });
    res.write('{"message":"unavail');
    stats.bytesSent += 19;
    await wait(res, 20);
    reset(req);
  },
  /** The headers come after 5 s (or never, if the client gives up first). */
  'slow-headers': async (_req, res, { stats }) => {
    if (await wait(res, 5000)) json(res, 200, thing());
    else stats.clientHungUp = true;
  },
  /** Headers at once, then one byte of a JSON body every 50 ms for 10 s. */
  'trickle-body': async (_req, res, { stats }) => {
    const text = JSON.stringify({ ...thing(), padding: ' '.repeat(400) });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
    res.flushHeaders();
    for (const char of text) {
      if (!(await wait(res, 50))) {
        stats.clientHungUp = true;
        return;
      }
      res.write(char);
      stats.bytesSent += 1;
    }
    res.end();
  },
  /** 429 with `Retry-After: 1` on the first hit, then 200. */
  'retry-after-seconds': (_req, res, { hit }) =>
    hit === 1
      ? json(res, 429, apiError(429, 'too many requests'), { 'retry-after': '1' })
      : json(res, 200, thing()),
  /**
   * 429 with `Retry-After` as an HTTP date on the first hit, then 200. The date is the next whole
   * second plus one (HTTP dates have no fractions), so the wait is between 1 and 2 s.
   */
  'retry-after-date': (_req, res, { hit, server }) => {
    if (hit > 1) return json(res, 200, thing());
    const at = Math.ceil(Date.now() / 1000) * 1000 + 1000;
    server.retryAfterDate = at;
    json(res, 429, apiError(429, 'too many requests'), { 'retry-after': new Date(at).toUTCString() });
  },
  /** 429 asking for two minutes: beyond any sensible maxRetryAfter. */
  'retry-after-long': (_req, res) =>
    json(res, 429, apiError(429, 'too many requests'), { 'retry-after': '120' }),
  /** 503 on the first two hits, then 200. */
  '503-twice': (_req, res, { hit }) =>
    hit <= 2 ? json(res, 503, apiError(503, 'service unavailable')) : json(res, 200, thing()),
  /** Always 503. */
  '503': (_req, res) => json(res, 503, apiError(503, 'service unavailable')),
  /** A 500 with an HTML error page, as a proxy or load balancer would send. */
  '500-html': (_req, res) => {
    const page =
      '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>';
    res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(page.length) });
    res.end(page);
  },
  /** A 502 with no body at all. */
  '502-empty': (_req, res) => {
    res.writeHead(502, { 'content-length': '0' });
    res.end();
  },
  /** A complete 200 whose JSON document is cut short. */
  'truncated-json': (_req, res) => {
    const text = JSON.stringify(thing()).slice(0, 25);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
    res.end(text);
  },
  /** A 200 whose body is JSON but whose content type says plain text. */
  'not-json-type': (_req, res) => {
    const text = JSON.stringify(thing());
    res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(text.length),
    });
    res.end(text);
  },
  /** A 200 with a chunked body of 512 MiB generated on the fly (no content-length). */
  huge: async (_req, res, { stats }) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    await stream(res, stats, HUGE_BYTES);
  },
  /** The same, but declaring its size in content-length. */
  'huge-declared': async (_req, res, { stats }) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(HUGE_BYTES) });
    await stream(res, stats, HUGE_BYTES);
  },
  /**
   * A 200 gzip bomb: a few hundred KB on the wire that inflate to 512 MiB of JSON-ish bytes,
   * compressed on the fly. The limit must apply to the inflated bytes.
   */
  'gzip-bomb': async (_req, res, { stats }) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    const gzip = createGzip({ level: 1 });
    let closed = false;
    res.on('close', () => {
      closed = true;
      gzip.destroy();
    });
    gzip.on('data', (c: Buffer) => {
      if (!closed && !res.write(c)) {
        gzip.pause();
        drainOrClose(res).then(() => gzip.resume());
      }
    });
    gzip.on('end', () => {
      if (!closed) res.end();
    });
    gzip.on('error', () => {});
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    gzip.write('{"id":1,"name":"x","pad":"');
    while (!closed && stats.bytesSent < HUGE_BYTES) {
      stats.bytesSent += chunk.length; // inflated bytes produced
      if (!gzip.write(chunk) && !closed)
        await new Promise<void>((r) => {
          const done = () => {
            gzip.off('drain', done);
            gzip.off('close', done);
            r();
          };
          gzip.on('drain', done);
          gzip.on('close', done);
        });
    }
    if (closed) stats.clientHungUp = true;
    else gzip.end('"}');
  },
  /** A 503 whose error body is huge: the SDK reads at most 64 KiB of an error body. */
  'huge-error': async (_req, res, { stats }) => {
    res.writeHead(503, { 'content-type': 'application/json' });
    await stream(res, stats, HUGE_BYTES);
  },
  /** A redirect to `server.redirectTarget` (another origin), with a 307 so a follower would resend the body. */
  redirect: (req, res, { server }) => {
    res.writeHead(307, { location: `${server.redirectTarget}/steal${req.url ?? ''}`, 'content-length': '0' });
    res.end();
  },
  /** 401 with the API's error body. */
  '401': (_req, res) => json(res, 401, apiError(401, 'Unauthorized: invalid API key', '/authorization')),
  /** 404 with the API's error body. */
  '404': (_req, res) => json(res, 404, apiError(404, 'Not found: thing does not exist')),
};

/**
 * Starts a fault server on 127.0.0.1, port 0. `extra` adds or replaces modes (the soak test
 * adds a random one).
 */
export async function startFaultServer(extra: Record<string, FaultHandler> = {}): Promise<FaultServer> {
  const modes = { ...MODES, ...extra };
  const sockets = new Set<Socket>();
  let requests: SeenRequest[] = [];
  let stats = new Map<string, ModeStats>();
  const statsOf = (mode: string): ModeStats => {
    let s = stats.get(mode);
    if (!s) {
      s = { hits: 0, bytesSent: 0, clientHungUp: false };
      stats.set(mode, s);
    }
    return s;
  };

  const http = createServer({ keepAliveTimeout: 1000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => {});
    req.on('end', () => {
      const url = req.url ?? '/';
      const match = /^\/([^/?]+)(.*)$/.exec(url);
      const mode = match?.[1] ?? '';
      const seen: SeenRequest = {
        mode,
        method: req.method ?? '',
        path: match?.[2] ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(seen);
      const handler = modes[mode];
      if (!handler) {
        json(res, 400, { message: `fault server: unknown mode ${JSON.stringify(mode)}` });
        return;
      }
      const s = statsOf(mode);
      s.hits += 1;
      Promise.resolve()
        .then(() => handler(req, res, { hit: s.hits, stats: s, seen, server }))
        .catch(() => req.socket.destroy());
    });
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  http.on('clientError', (_e, socket) => socket.destroy());
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const server: FaultServer = {
    url,
    base: (mode) => `${url}/${mode}`,
    get requests() {
      return requests;
    },
    stats: statsOf,
    reset() {
      requests = [];
      stats = new Map();
      server.retryAfterDate = undefined;
    },
    openSockets: () => sockets.size,
    connections: () =>
      new Promise((resolve, reject) => http.getConnections((e, n) => (e ? reject(e) : resolve(n)))),
    async settle(ms = 2000) {
      const until = Date.now() + ms;
      for (;;) {
        http.closeIdleConnections();
        if (sockets.size === 0 || Date.now() > until) return sockets.size;
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    redirectTarget: 'http://127.0.0.1:9',
    retryAfterDate: undefined,
  };
  return server;
}
