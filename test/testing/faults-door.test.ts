/**
 * Hostile input sent straight at the fake's loopback server gets a Talon.One-shaped 4xx at the
 * door (src/testing/door.ts), never a 500 or a record that breaks every later read: methods a
 * fetch Request cannot carry, what node's HTTP parser refuses, URLs, bodies and JSON nesting over
 * FAKE_LIMITS, numbers out of a double's range. Raw sockets where fetch cannot send the request.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  FAKE_API_KEY,
  FAKE_LIMITS,
  type FakeTalonServer,
  startFakeTalonServer,
} from '../../src/testing/index.js';

let server: FakeTalonServer;
let port: number;
const AUTH = `ApiKey-v1 ${FAKE_API_KEY}`;

beforeAll(async () => {
  server = await startFakeTalonServer();
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.fake.reset();
});

/** Sends raw bytes on a new connection and reads the answer until the server closes it. */
function raw(request: string): Promise<{ status: number; headers: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {}); // a reset after the answer is fine: the answer is what counts
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      if (split === -1) return reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      const head = text.slice(0, split);
      const body = text.slice(split + 4);
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: JSON.parse(body) });
    });
    socket.end(request);
  });
}

/** The fake's error body: `{ message, errors: [{ title, source }], StatusCode }`. */
function expectTalonError(answer: { status: number; body: unknown }, status: number, message: RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ StatusCode: status, errors: [{ title: expect.any(String) }] });
  expect((answer.body as { message: string }).message).toMatch(message);
}

async function send(method: string, path: string, body: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body,
  });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, body: await response.json() };
}

it('TRACE gets 405 with the JSON error body (it used to be a 500)', async () => {
  const answer = await raw(
    `TRACE /v2/customer_sessions/x HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${AUTH}\r\n\r\n`,
  );
  expectTalonError(answer, 405, /Method TRACE is not allowed/);
  expect(answer.headers).toContain('content-type: application/json');
});

it("what node's parser refuses answers JSON too: an unknown method, a bad request line, huge headers", async () => {
  expectTalonError(await raw('FROB / HTTP/1.1\r\nHost: x\r\n\r\n'), 405, /Unknown HTTP method/);
  expectTalonError(await raw('GET / HTTX/1.1\r\nHost: x\r\n\r\n'), 400, /cannot be parsed/);
  const header = `X-Big: ${'a'.repeat(20_000)}\r\n`;
  expectTalonError(await raw(`GET / HTTP/1.1\r\nHost: x\r\n${header}\r\n`), 431, /headers are too large/);
});

it('a 5 MB id in the URL gets 414 (node refuses the request line), a 10 KB one at the door', async () => {
  const huge = 'x'.repeat(5 * 1024 * 1024);
  expectTalonError(
    await raw(`GET /v2/customer_sessions/${huge} HTTP/1.1\r\nHost: x\r\n\r\n`),
    414,
    /URL is too long/,
  );
  const long = 'y'.repeat(FAKE_LIMITS.maxUrlLength + 100);
  const answer = await fetch(`${server.url}/v2/customer_sessions/${long}`, {
    headers: { authorization: AUTH },
  });
  expectTalonError({ status: answer.status, body: await answer.json() }, 414, /longer than 8192/);
});

it('attributes nested 5,000 deep get 400 and nothing is stored; the limit itself is accepted', async () => {
  const nest = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  const deep = await send('PUT', '/v2/customer_profiles/ada', `{"attributes":${nest(5000)}}`);
  expectTalonError(deep, 400, /nested deeper than 64 levels/);
  expect(server.fake.state.profiles.has('ada')).toBe(false);
  // Two levels are the body and `attributes`: 62 more reach the limit.
  const ok = await send(
    'PUT',
    '/v2/customer_profiles/ada',
    `{"attributes":${nest(FAKE_LIMITS.maxDepth - 2)}}`,
  );
  expect(ok.status).toBe(200);
  const read = await fetch(`${server.url}/v1/customer_profiles/ada/inventory`, {
    headers: { authorization: AUTH },
  });
  expect(read.status).toBe(200);
});

it('a price of 1e400 gets 400 instead of being stored as Infinity', async () => {
  const body = '{"customerSession":{"profileId":"ada","cartItems":[{"sku":"A","quantity":1,"price":1e400}]}}';
  expectTalonError(await send('PUT', '/v2/customer_sessions/s1', body), 400, /1e400 is out of range/);
  expect(server.fake.state.sessions.has('s1')).toBe(false);
  // A string that merely looks like one is data, not a number.
  const quoted =
    '{"customerSession":{"profileId":"ada","attributes":{},"cartItems":[{"sku":"1e400","quantity":1,"price":2}]}}';
  expect((await send('PUT', '/v2/customer_sessions/s1', quoted)).status).toBe(200);
});

it('a 5 MB attribute or id in the body gets 413', async () => {
  const big = 'z'.repeat(5 * 1024 * 1024);
  expectTalonError(
    await send('PUT', '/v2/customer_profiles/ada', JSON.stringify({ attributes: { note: big } })),
    413,
    /larger than 1048576 bytes/,
  );
  expectTalonError(
    await send('POST', '/v2/events', JSON.stringify({ profileId: big, type: 'x', attributes: {} })),
    413,
    /larger than/,
  );
  expect(server.fake.state.profiles.size).toBe(0);
  expect(server.fake.state.events).toHaveLength(0);
});
