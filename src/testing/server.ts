/**
 * The fake behind a loopback HTTP server, for code that cannot share a process with the test
 * (another runtime, a browser, a child process, a CLI). `node:http` is loaded only when a server
 * is started, through a specifier bundlers leave alone, so importing `talon-fetch/testing` in a
 * browser or a worker never pulls it in. Works in Node, Bun and Deno.
 */
import { type Answer, fail } from './answers.js';
import { FAKE_LIMITS, refuseMethod } from './door.js';
import { createFakeTalon } from './fake.js';
import type { FakeTalon, FakeTalonOptions } from './types.js';

/** Where to listen. */
export interface FakeTalonServerOptions {
  /** The port; default 0 (any free port). */
  readonly port?: number;
  /** The interface; default `127.0.0.1`. */
  readonly host?: string;
}

/** A running fake server. The caller stops it with `close()`. */
export interface FakeTalonServer {
  /** `http://127.0.0.1:<port>`, no trailing slash: the client's `baseUrl`. */
  readonly url: string;
  /** The fake that answers, for its state. */
  readonly fake: FakeTalon;
  /** Stops listening and closes every connection (idle keep-alive ones included). */
  close(): Promise<void>;
}

// The few node:http shapes used here, so the declarations need no @types/node.
interface NodeRequest extends AsyncIterable<Uint8Array> {
  readonly method?: string;
  readonly url?: string;
  readonly headers: Record<string, string | string[] | undefined>;
}
interface NodeResponse {
  readonly headersSent: boolean;
  readonly writableFinished: boolean;
  writeHead(status: number, headers: Record<string, string>): void;
  flushHeaders(): void;
  write(chunk: Uint8Array, callback: () => void): void;
  end(body?: Uint8Array): void;
  destroy(): void;
  once(event: 'close', listener: () => void): void;
}
interface NodeSocket {
  readonly writable: boolean;
  destroy(): void;
  end(data: Uint8Array): void;
  once(event: 'close', listener: () => void): void;
}
/** What node's `clientError` event carries: an HTTP parser error. */
interface NodeClientError extends Error {
  readonly code?: string;
  readonly rawPacket?: Uint8Array;
}
interface NodeServer {
  listen(port: number, host: string, callback: () => void): void;
  once(event: 'error', listener: (error: Error) => void): void;
  on(event: 'connection', listener: (socket: NodeSocket) => void): void;
  on(event: 'clientError', listener: (error: NodeClientError, socket: NodeSocket) => void): void;
  address(): { port: number } | string | null;
  close(callback: (error?: Error) => void): void;
  closeAllConnections?(): void;
}
interface NodeHttp {
  createServer(handler: (req: NodeRequest, res: NodeResponse) => void): NodeServer;
}

const SKIPPED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);

function isFake(value: unknown): value is FakeTalon {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FakeTalon).fetch === 'function' &&
    'state' in value
  );
}

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function json(answer: Answer): { headers: Record<string, string>; body: Uint8Array } {
  const body = new TextEncoder().encode(JSON.stringify(answer.body));
  return {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.byteLength) },
    body,
  };
}

/** Reads a body to its end, or as far as it goes before it breaks off (a `drop` fault). */
async function readAll(
  body: ReadableStream<Uint8Array> | null,
): Promise<{ bytes: Uint8Array; broken: boolean }> {
  const chunks: Uint8Array[] = [];
  if (!body) return { bytes: new Uint8Array(0), broken: false };
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: concat(chunks), broken: false };
      chunks.push(value);
    }
  } catch {
    return { bytes: concat(chunks), broken: true };
  }
}

async function serve(fake: FakeTalon, origin: string, req: NodeRequest, res: NodeResponse): Promise<void> {
  // The caller going away (its timeout, its signal, server.close()) ends hangs and latency.
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort(new DOMException('The client closed the connection', 'AbortError'));
  });
  try {
    const chunks: Uint8Array[] = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = concat(chunks);
    const method = req.method ?? 'GET';
    // A method a fetch Request cannot carry (TRACE…) is refused before one is built.
    const refused = refuseMethod(method);
    if (refused) {
      const out = json(refused);
      res.writeHead(refused.status, out.headers);
      res.end(out.body);
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || SKIPPED.has(name)) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    const request = new Request(new URL(req.url ?? '/', origin), {
      method,
      headers,
      signal: gone.signal,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
    });
    let response: Response;
    try {
      response = await fake.fetch(request);
    } catch {
      // A `drop` fault (or the caller gone): the connection ends without an answer.
      res.destroy();
      return;
    }
    const { bytes, broken } = await readAll(response.body);
    const outHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      outHeaders[name] = value;
    });
    if (!broken && response.status !== 204 && response.status !== 304)
      outHeaders['content-length'] = String(bytes.byteLength);
    res.writeHead(response.status, outHeaders);
    if (!broken) {
      res.end(bytes.byteLength ? bytes : undefined);
      return;
    }
    // A drop mid-answer: the status, the headers (with the full length) and what was read, then
    // the socket is destroyed.
    res.flushHeaders();
    res.write(bytes, () => res.destroy());
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const out = json(
      fail(
        500,
        `The fake Talon.One server failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    res.writeHead(500, out.headers);
    res.end(out.body);
  }
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
};

/** The answer to what node's HTTP parser refused, as the JSON error body the fake uses. */
function clientErrorAnswer(error: NodeClientError): Answer {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW': {
      // The request line alone over the limit (no line break in what arrived): the URL is too long.
      const head = new TextDecoder().decode((error.rawPacket ?? new Uint8Array(0)).subarray(0, 16_384));
      const eol = head.indexOf('\r\n');
      return eol === -1 || eol > FAKE_LIMITS.maxUrlLength
        ? fail(414, 'The URL is too long')
        : fail(431, 'The request headers are too large');
    }
    case 'HPE_INVALID_METHOD':
      return fail(405, 'Unknown HTTP method: the Integration API takes GET, PUT, POST and DELETE');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return fail(408, 'The request took too long to arrive');
    default:
      return fail(400, `Bad request: the request cannot be parsed as HTTP/1.1 (${error.code ?? 'unknown'})`);
  }
}

/**
 * Starts the fake behind an HTTP server on a loopback port. Pass a fake to share its state with
 * the test, or options to make a new one.
 *
 * ```ts
 * const server = await startFakeTalonServer();          // port 0: any free port
 * const talon = createClient({ baseUrl: server.url, auth: apiKey(FAKE_API_KEY) });
 * // … run the code under test, read server.fake.state …
 * await server.close();
 * ```
 *
 * @returns The server's `url`, its `fake` and `close()`.
 * @throws Rejects when the port cannot be listened on (in use, not allowed), when the runtime has
 * no `node:http`, and with the `TypeError` of `createFakeTalon` for invalid options.
 */
export async function startFakeTalonServer(
  fakeOrOptions?: FakeTalon | FakeTalonOptions,
  options: FakeTalonServerOptions = {},
): Promise<FakeTalonServer> {
  const fake = isFake(fakeOrOptions) ? fakeOrOptions : createFakeTalon(fakeOrOptions);
  const host = options.host ?? '127.0.0.1';
  const specifier = 'node:http';
  const http = (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as NodeHttp;
  const sockets = new Set<NodeSocket>();
  let origin = 'http://127.0.0.1';
  const server = http.createServer((req, res) => {
    void serve(fake, origin, req, res);
  });
  // What node's parser refuses (a bad request line, an unknown method, a URL or headers too long)
  // gets the fake's JSON error body too, then the connection closes.
  server.on('clientError', (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = clientErrorAnswer(error);
    const out = json(answer);
    const head = `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? 'Bad Request'}\r\ncontent-type: ${out.headers['content-type']}\r\ncontent-length: ${out.body.byteLength}\r\nconnection: close\r\n\r\n`;
    socket.end(concat([new TextEncoder().encode(head), out.body]));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: origin,
    fake,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections?.();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
