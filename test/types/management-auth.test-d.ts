/**
 * Compile-time separation of the two APIs (vitest typecheck: nothing here runs). A client made
 * with `managementKey` is refused by every Integration operation (those taking `Client` and those
 * taking `Client<'apiKey'>`), and an Integration client is refused by a Management operation.
 */

import { describe, expectTypeOf, test } from 'vitest';
import { apiKey } from '../../src/auth/apiKey.js';
import { contentSignature } from '../../src/auth/contentSignature.js';
import { type Client, createClient } from '../../src/client.js';
import type { CallOptions } from '../../src/core/options.js';
import type { Result } from '../../src/core/result.js';
import { deleteCustomerData, trackEvent, updateCustomerSessionV2 } from '../../src/index.js';
import {
  createClient as createManagementClient,
  type ManagementClient,
} from '../../src/management/client.js';
import { managementKey } from '../../src/management/managementKey.js';

const base = 'https://x.talon.one';
const integration = createClient({ baseUrl: base, auth: apiKey('k') });
const legacy = createClient({
  baseUrl: base,
  auth: contentSignature({ applicationId: 1, applicationKey: 'ab' }),
});
const mgmt = createManagementClient({ baseUrl: base, auth: managementKey('m') });

/** What the generator emits for a Management operation. */
declare function getLoyaltyCard(
  client: ManagementClient,
  params: { loyaltyProgramId: number; loyaltyCardId: string },
  options?: CallOptions,
): Promise<Result<{ id: number }, never>>;

describe('clients carry their scheme', () => {
  test('createClient infers it from the auth', () => {
    expectTypeOf(mgmt).toEqualTypeOf<ManagementClient>();
    expectTypeOf(mgmt).toEqualTypeOf<ManagementClient>();
    expectTypeOf(integration).toEqualTypeOf<Client<'apiKey'>>();
  });

  test('a Management client is not an Integration client, nor the reverse', () => {
    expectTypeOf(mgmt).not.toExtend<Client>();
    expectTypeOf(mgmt).not.toExtend<Client<'apiKey'>>();
    expectTypeOf(integration).not.toExtend<ManagementClient>();
    expectTypeOf(legacy).not.toExtend<ManagementClient>();
    expectTypeOf<Client>().not.toExtend<ManagementClient>();
  });
});

describe('operations refuse the other API client', () => {
  test('Integration operations refuse a managementKey client', () => {
    // @ts-expect-error deleteCustomerData takes Client<'apiKey'>
    void deleteCustomerData(mgmt, { integrationId: 'p1' });
    // @ts-expect-error updateCustomerSessionV2 takes Client<'apiKey'>
    void updateCustomerSessionV2(mgmt, { customerSessionId: 's1', body: { customerSession: {} } });
    // @ts-expect-error trackEvent (legacy) takes Client: either Integration scheme, not managementKey
    void trackEvent(mgmt, { body: { profileId: 'p', sessionId: 's', type: 't', attributes: {} } });
    void deleteCustomerData(integration, { integrationId: 'p1' });
  });

  test('a Management operation refuses Integration clients', () => {
    // @ts-expect-error an apiKey client
    void getLoyaltyCard(integration, { loyaltyProgramId: 1, loyaltyCardId: 'c1' });
    // @ts-expect-error a contentSignature client
    void getLoyaltyCard(legacy, { loyaltyProgramId: 1, loyaltyCardId: 'c1' });
    void getLoyaltyCard(mgmt, { loyaltyProgramId: 1, loyaltyCardId: 'c1' });
  });
});

describe("a Management client's hooks", () => {
  test('see the Management methods, PATCH included', () => {
    createManagementClient({
      baseUrl: base,
      auth: managementKey('m'),
      hooks: {
        onRequest: (event) =>
          expectTypeOf(event.method).toEqualTypeOf<'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH'>(),
      },
    });
  });
});
