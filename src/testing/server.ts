/**
 * The fake behind a loopback HTTP server, for code that cannot share a process with the test
 * (another runtime, a browser, a child process, a CLI). `node:http` is loaded only when a server
 * is started, through a specifier bundlers leave alone, so importing `talon-fetch/testing` in a
 * browser or a worker never pulls it in. Works in Node, Bun and Deno.
 */
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
  writeHead(status: number, headers: Record<string, string>): void;
  end(body?: Uint8Array): void;
}
interface NodeSocket {
  destroy(): void;
  once(event: 'close', listener: () => void): void;
}
interface NodeServer {
  listen(port: number, host: string, callback: () => void): void;
  once(event: 'error', listener: (error: Error) => void): void;
  on(event: 'connection', listener: (socket: NodeSocket) => void): void;
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

async function serve(fake: FakeTalon, origin: string, req: NodeRequest, res: NodeResponse): Promise<void> {
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of req) {
      chunks.push(chunk);
      size += chunk.byteLength;
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || SKIPPED.has(name)) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    const method = req.method ?? 'GET';
    const request = new Request(new URL(req.url ?? '/', origin), {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
    });
    const response = await fake.fetch(request);
    const out = new Uint8Array(await response.arrayBuffer());
    const outHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      outHeaders[name] = value;
    });
    if (response.status !== 204 && response.status !== 304)
      outHeaders['content-length'] = String(out.byteLength);
    res.writeHead(response.status, outHeaders);
    res.end(out.byteLength ? out : undefined);
  } catch {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end();
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
