/**
 * The fake Talon.One's audiences (create, update, delete, memberships, attributes).
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  apiKey,
  type Client,
  createAudienceV2,
  createClient,
  deleteAudienceMembershipsV2,
  deleteAudienceV2,
  getCustomerInventory,
  type Result,
  updateAudienceCustomersAttributes,
  updateAudienceV2,
  updateCustomerProfileAudiences,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_API_KEY,
  FAKE_AUDIENCES,
  type FakeTalon,
  type FakeTalonOptions,
} from '../../src/testing/index.js';

const BASE = 'https://fake.talon.one';
const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');
let clock: Date;
let fake: FakeTalon;
let talon: Client<'apiKey'>;

/** The date `n` days after 2026-01-01 (the fake's clock is set to such dates). */
function day(n: number): Date {
  return new Date(START + n * DAY);
}

function makeFake(options: FakeTalonOptions = {}): void {
  fake = createFakeTalon({ now: () => clock, ...options });
  talon = createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), fetch: fake.fetch, retry: false });
}

beforeEach(() => {
  clock = day(151); // 2026-06-01
  makeFake();
});

function value<T>(result: Result<T, { message: string }>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.value;
}

/** The error of a failed result, which must be an HTTP status error (documented unless said). */
function httpError(
  result: Result<unknown, { kind: string; message: string }>,
  status: number,
  documented = true,
) {
  if (result.ok) throw new Error(`expected HTTP ${status}, got ok`);
  const error = result.error as { kind: string; status?: number; documented?: boolean; body?: unknown };
  expect(error.kind, result.error.message).toBe('http');
  expect(error.status).toBe(status);
  expect(error.documented).toBe(documented);
  return error.body as { message: string; errors: { source: { pointer?: string; parameter?: string } }[] };
}

function raw(method: string, path: string, body?: unknown) {
  return fake.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `ApiKey-v1 ${FAKE_API_KEY}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}

describe('audiences', () => {
  it('creates, renames and deletes an audience; memberships and member attributes follow', async () => {
    const created = value(
      await createAudienceV2(talon, { body: { name: 'Coffee lovers', description: 'Bought beans' } }),
    );
    expect(created).toMatchObject({ name: 'Coffee lovers', description: 'Bought beans', accountId: 1 });
    expect(fake.state.audiences.get(created.id)?.name).toBe('Coffee lovers');
    // The existing membership operation works with the new audience.
    value(
      await updateCustomerProfileAudiences(talon, {
        body: {
          data: [
            { action: 'add', profileIntegrationId: 'ada', audienceId: created.id },
            { action: 'add', profileIntegrationId: 'bob', audienceId: FAKE_AUDIENCES[0]!.id },
          ],
        },
      }),
    );
    const renamed = value(
      await updateAudienceV2(talon, { audienceId: created.id, body: { name: 'Bean fans' } }),
    );
    expect(renamed).toMatchObject({ id: created.id, name: 'Bean fans', description: 'Bought beans' });
    const profile = value(await getCustomerInventory(talon, { integrationId: 'ada', profile: true })).profile;
    expect(profile?.audienceMemberships).toEqual([{ id: created.id, name: 'Bean fans' }]);
    // Attributes of the members only.
    value(await updateAudienceCustomersAttributes(talon, { audienceId: created.id, body: { Tier: 'gold' } }));
    expect(fake.state.profiles.get('ada')?.attributes).toEqual({ Tier: 'gold' });
    expect(fake.state.profiles.get('bob')?.attributes).toEqual({});
    // Deleting all memberships keeps the audience.
    value(await deleteAudienceMembershipsV2(talon, { audienceId: created.id }));
    expect(fake.state.profiles.get('ada')?.audiences).toEqual([]);
    expect(fake.state.audiences.has(created.id)).toBe(true);
    // Deleting the audience removes it and its memberships.
    value(
      await updateCustomerProfileAudiences(talon, {
        body: { data: [{ action: 'add', profileIntegrationId: 'ada', audienceId: created.id }] },
      }),
    );
    value(await deleteAudienceV2(talon, { audienceId: created.id }));
    expect(fake.state.audiences.has(created.id)).toBe(false);
    expect(fake.state.profiles.get('ada')?.audiences).toEqual([]);
    expect(fake.state.profiles.get('bob')?.audiences).toEqual([FAKE_AUDIENCES[0]!.id]);
    httpError(
      await updateCustomerProfileAudiences(talon, {
        body: { data: [{ action: 'add', profileIntegrationId: 'ada', audienceId: created.id }] },
      }),
      404,
    );
  });

  it('answers 404 for an unknown audience, 409 for a taken integrationId, 400 for a bad body or ID', async () => {
    httpError(await updateAudienceV2(talon, { audienceId: 999, body: { name: 'x' } }), 404);
    httpError(await deleteAudienceV2(talon, { audienceId: 999 }), 404);
    httpError(await deleteAudienceMembershipsV2(talon, { audienceId: 999 }), 404);
    httpError(await updateAudienceCustomersAttributes(talon, { audienceId: 999, body: { a: 1 } }), 404);
    const body = { name: 'Segment list', integration: 'segment', integrationId: 'seg-1' };
    value(await createAudienceV2(talon, { body }));
    httpError(await createAudienceV2(talon, { body }), 409);
    // The same ID from another platform is another audience.
    value(await createAudienceV2(talon, { body: { ...body, integration: 'mparticle' } }));
    const nameless = await raw('POST', '/v2/audiences', { name: '' });
    expect(nameless.status).toBe(400);
    expect((await nameless.json()).errors[0].source.pointer).toBe('/name');
    const badId = await raw('DELETE', '/v2/audiences/abc');
    expect(badId.status).toBe(400);
    expect((await badId.json()).errors[0].source.parameter).toBe('audienceId');
    expect(fake.state.audiences.size).toBe(FAKE_AUDIENCES.length + 2);
  });
});
