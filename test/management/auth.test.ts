/**
 * Management auth through the transport: a Management operation sends
 * `Authorization: ManagementKey-v1 <key>`; the two kinds of client do not mix, and a mismatch is a
 * `config` error on the field `auth` with nothing sent, both ways, for every Integration operation
 * (the 26.13 ones and the legacy 2021 ones).
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import * as integrationEntry from '../../src/endpoints/index.js';
import type { ManagementClient } from '../../src/management/client.js';
import { scimPatchUser } from '../../src/management/endpoints/index.js';
import { send } from '../../src/management/send.js';
import { BASE_URL, useMockServer } from '../support/msw.js';
import { admin, getLoyaltyCard, integration, MANAGEMENT_KEY } from './ops.js';

const { server, seen } = useMockServer();

type AnyCall = (client: unknown, params: unknown) => Promise<unknown>;
const integrationOperations = Object.entries(integrationEntry as Record<string, unknown>).filter(
  (entry): entry is [string, AnyCall] => typeof entry[1] === 'function',
);

describe('Management auth in the transport', () => {
  it('sends the Management key as ManagementKey-v1 on a Management operation', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/loyalty_programs/14/cards/CARD-1`, () =>
        HttpResponse.json({ id: 7, identifier: 'CARD-1' }),
      ),
    );
    const result = await send(admin(), getLoyaltyCard, { loyaltyProgramId: 14, loyaltyCardId: 'CARD-1' });
    expect(result).toMatchObject({ ok: true, value: { id: 7, identifier: 'CARD-1' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.get('authorization')).toBe(`ManagementKey-v1 ${MANAGEMENT_KEY}`);
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
  });

  it('refuses an Integration client on a Management operation: config on auth, nothing sent', async () => {
    const result = await send(integration() as unknown as ManagementClient, getLoyaltyCard, {
      loyaltyProgramId: 14,
      loyaltyCardId: 'C',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'config', field: 'auth', operation: 'getLoyaltyCard' },
    });
    if (!result.ok)
      expect(result.error.message).toMatch(/accepts only managementKey auth.*managementKey\(key\)/);
    expect(seen).toHaveLength(0);
  });

  it('the refusal comes before the params are checked (a JavaScript caller with anything)', async () => {
    const result = await send(integration() as unknown as ManagementClient, getLoyaltyCard, 'not params');
    expect(result).toMatchObject({ ok: false, error: { kind: 'config', field: 'auth' } });
  });

  it(`refuses a Management client on each of the ${integrationOperations.length} Integration operations, nothing sent`, async () => {
    expect(integrationOperations.length).toBeGreaterThanOrEqual(42);
    const client = admin();
    for (const [name, call] of integrationOperations) {
      const result = (await call(client, {})) as {
        ok: boolean;
        error?: { kind: string; field?: string; message: string };
      };
      expect(result.ok, name).toBe(false);
      expect(result.error, name).toMatchObject({ kind: 'config', field: 'auth', operation: name });
      expect(result.error?.message, name).toMatch(/does not accept managementKey auth.*apiKey\(key\)/);
      expect(result.error?.message, name).not.toContain(MANAGEMENT_KEY);
    }
    expect(seen).toHaveLength(0);
  });
});

describe('a PATCH operation (SCIM)', () => {
  it('is sent as PATCH, and the hooks of a Management client see PATCH', async () => {
    server.use(
      http.patch(`${BASE_URL}/v1/provisioning/scim/Users/7`, () =>
        HttpResponse.json({ id: '7', userName: 'ada@example.com' }),
      ),
    );
    const methods: string[] = [];
    const client = admin({
      hooks: {
        onRequest: (event) => methods.push(event.method),
        onResponse: (event) => methods.push(event.method),
      },
    });
    const result = await scimPatchUser(client, {
      userId: 7,
      body: { Operations: [{ op: 'replace', path: 'active', value: 'false' }] },
    });
    expect(result).toMatchObject({ ok: true, value: { id: '7', userName: 'ada@example.com' } });
    expect(seen[0]?.method).toBe('PATCH');
    expect(methods).toEqual(['PATCH', 'PATCH']);
  });
});
