/**
 * The fake Talon.One honours `Idempotency-Key` as Talon.One documents it (src/testing/idempotency.ts):
 * same key and same request within 24 hours → the stored answer, nothing applied again; same key
 * and a different request → 422; per credential; cleared by reset().
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { KEYED_OPERATIONS } from '../../src/testing/idempotency.js';
import { createFakeTalon, FAKE_API_KEY, FAKE_CATALOG_ID, type FakeTalon } from '../../src/testing/index.js';
import { idempotency } from '../support/idempotency.js';
import { BASE, CART, DAY } from './support.js';

let clock: Date;
let fake: FakeTalon;

beforeEach(() => {
  clock = new Date('2026-06-01T10:00:00Z');
  fake = createFakeTalon({ now: () => clock });
});

function send(path: string, body: unknown, key: string | undefined, method = 'PUT', apiKey = FAKE_API_KEY) {
  return fake.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: `ApiKey-v1 ${apiKey}`,
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    }),
  );
}

const closing = { customerSession: { profileId: 'ada', cartItems: CART, state: 'closed' } };
const close = (key: string | undefined, id = 'o1', body: unknown = closing) =>
  send(`/v2/customer_sessions/${id}`, body, key);
const reopen = (key: string | undefined) => send('/v2/customer_sessions/o1/reopen', undefined, key);
const updates = () => fake.state.events.filter((e) => e.type === 'talon_session_updated').length;

describe('Idempotency-Key in the fake', () => {
  it('honours it on exactly the operations the classification says take a key', () => {
    const keyed = Object.entries(idempotency.IDEMPOTENCY)
      .filter(([, entry]) => entry.keySince !== undefined)
      .map(([id]) => id)
      .sort();
    expect([...KEYED_OPERATIONS].sort()).toEqual(keyed);
  });

  it('same key, same request: the first answer, byte for byte, and nothing applied again', async () => {
    const first = await close('k1');
    expect(first.status).toBe(200);
    const firstText = await first.text();
    const again = await close('k1');
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(firstText);
    expect(updates()).toBe(1);
    // Without a key the repeat is applied: a closed session only takes a cancel.
    expect((await close(undefined)).status).toBe(400);
  });

  it('a reopen repeated with its key is answered from the store, not "only a closed session can be reopened"', async () => {
    expect((await close(undefined)).status).toBe(200);
    expect((await reopen('r1')).status).toBe(200);
    expect((await reopen('r1')).status).toBe(200);
    expect((await reopen('r2')).status).toBe(400);
  });

  it('same key, different request: 422 with an API-shaped body; the key keeps its first answer', async () => {
    expect((await close('k1')).status).toBe(200);
    const other = await close('k1', 'o2');
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({
      message: expect.stringContaining('Idempotency-Key was already used for a different request'),
      StatusCode: 422,
      errors: [{ title: 'Idempotency-Key reused' }],
    });
    expect(fake.state.sessions.has('o2')).toBe(false);
    const body = await close('k1', 'o1', { ...closing, dry: true });
    expect(body.status).toBe(422);
    expect((await close('k1')).status).toBe(200);
  });

  it('keeps an answer for 24 hours of the fake clock', async () => {
    expect((await close('k1')).status).toBe(200);
    clock = new Date(clock.getTime() + DAY - 1);
    expect((await close('k1')).status).toBe(200);
    clock = new Date(clock.getTime() + 1);
    // Forgotten: the repeat is applied again, and the closed session refuses it.
    expect((await close('k1')).status).toBe(400);
  });

  it('keys belong to one credential, are forgotten by reset(), and a 5xx answer is not kept', async () => {
    expect((await close('k1')).status).toBe(200);
    // Another credential does not find the key: the request is refused as unauthenticated.
    expect((await close('k1', 'o1', closing)).status).toBe(200);
    expect((await send('/v2/customer_sessions/o1', closing, 'k1', 'PUT', 'wrong-key')).status).toBe(401);
    fake.reset();
    expect((await close('k1')).status).toBe(200);
    expect(updates()).toBe(1);
    fake.reset();
    fake.faults.add({ kind: 'drop', at: 'request', operation: 'updateCustomerSessionV2', times: 1 });
    await expect(close('k2')).rejects.toThrow(TypeError);
    expect((await close('k2')).status).toBe(200);
  });

  it('refuses an empty or too long key with 400, and ignores the header elsewhere', async () => {
    expect((await close('')).status).toBe(400);
    expect((await close('x'.repeat(256))).status).toBe(400);
    expect((await close('x'.repeat(255))).status).toBe(200);
    const catalog = { actions: [{ type: 'ADD', payload: { sku: 'S-1', price: 1 } }] };
    expect((await send(`/v1/catalogs/${FAKE_CATALOG_ID}/sync`, catalog, 'c1')).status).toBe(200);
    expect((await send(`/v1/catalogs/${FAKE_CATALOG_ID}/sync`, catalog, 'c1')).status).toBe(400);
  });
});
