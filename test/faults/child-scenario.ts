/**
 * A small fault scenario run in a child Node process by `child.test.ts`: it starts the fault
 * server, meets a reset, a hung server, a trickling body, a huge body, a 503-then-200 and a
 * redirect with the SDK's default timers (10 s per attempt, 30 s in total) except a short
 * per-call timeout, prints one JSON line, closes the server — and must then exit on its own,
 * promptly: no timer, socket or listener of the SDK may keep the event loop alive.
 */
import { send } from '../../src/core/request.js';
import { apiKey, createClient } from '../../src/index.js';
import { fetchThing } from './ops.js';
import { startFaultServer } from './server.js';

const server = await startFaultServer();
const other = await startFaultServer();
server.redirectTarget = other.url;
const outcomes: Record<string, string> = {};
for (const [mode, options] of [
  ['reset-before', { retry: { backoffLimit: 50 } }],
  ['slow-headers', { timeout: 200 }],
  ['trickle-body', { timeout: 200 }],
  ['huge', {}],
  ['503-twice', { retry: { backoffLimit: 50 } }],
  ['redirect', {}],
  ['500-html', { retry: false }],
] as const) {
  const client = createClient({ baseUrl: server.base(mode), auth: apiKey('child-key') });
  const result = await send(client, fetchThing, { thingId: 'x' }, options);
  outcomes[mode] = result.ok ? `ok ${result.response.attempts}` : result.error.kind;
}
await server.close();
await other.close();
process.stdout.write(`${JSON.stringify({ outcomes, done: Date.now() })}\n`);
