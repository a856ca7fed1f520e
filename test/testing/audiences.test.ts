/**
 * The fake Talon.One's audiences (create, update, delete, memberships, attributes).
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Client,
  createAudienceV2,
  deleteAudienceMembershipsV2,
  deleteAudienceV2,
  getCustomerInventory,
  updateAudienceCustomersAttributes,
  updateAudienceV2,
  updateCustomerProfileAudiences,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_AUDIENCES,
  type FakeTalon,
  type FakeTalonOptions,
} from '../../src/testing/index.js';
import { clientFor, DAY, httpErrorBody, raw, value } from './support.js';

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
  talon = clientFor(fake);
}

beforeEach(() => {
  clock = day(151); // 2026-06-01
  makeFake();
});

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
    httpErrorBody(
      await updateCustomerProfileAudiences(talon, {
        body: { data: [{ action: 'add', profileIntegrationId: 'ada', audienceId: created.id }] },
      }),
      404,
    );
  });

  it('answers 404 for an unknown audience, 409 for a taken integrationId, 400 for a bad body or ID', async () => {
    httpErrorBody(await updateAudienceV2(talon, { audienceId: 999, body: { name: 'x' } }), 404);
    httpErrorBody(await deleteAudienceV2(talon, { audienceId: 999 }), 404);
    httpErrorBody(await deleteAudienceMembershipsV2(talon, { audienceId: 999 }), 404);
    httpErrorBody(await updateAudienceCustomersAttributes(talon, { audienceId: 999, body: { a: 1 } }), 404);
    const body = { name: 'Segment list', integration: 'segment', integrationId: 'seg-1' };
    value(await createAudienceV2(talon, { body }));
    httpErrorBody(await createAudienceV2(talon, { body }), 409);
    // The same ID from another platform is another audience.
    value(await createAudienceV2(talon, { body: { ...body, integration: 'mparticle' } }));
    const nameless = await raw(fake, 'POST', '/v2/audiences', { name: '' });
    expect(nameless.status).toBe(400);
    expect((await nameless.json()).errors[0].source.pointer).toBe('/name');
    const badId = await raw(fake, 'DELETE', '/v2/audiences/abc');
    expect(badId.status).toBe(400);
    expect((await badId.json()).errors[0].source.parameter).toBe('audienceId');
    expect(fake.state.audiences.size).toBe(FAKE_AUDIENCES.length + 2);
  });
});
