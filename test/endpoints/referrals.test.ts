import { describe, expect, it } from 'vitest';
import {
  type CreateReferralParams,
  type CreateReferralsForMultipleAdvocatesParams,
  type CreateReferralsForMultipleAdvocatesResponse,
  createReferral,
  createReferralsForMultipleAdvocates,
  type Referral,
} from '../../src/index.js';
import {
  at,
  errorResponse,
  errorResponseWithStatus,
  referral,
  referralsForMultipleAdvocates,
} from '../support/fixtures.js';
import { useMockServer } from '../support/msw.js';
import { answer, change, client, endpointTests } from './harness.js';

const mock = useMockServer();
const { server, seen } = mock;

describe('createReferral', () => {
  const params = {
    body: {
      campaignId: 78,
      advocateProfileIntegrationId: 'URNGV8294NV',
      friendProfileIntegrationId: 'BZGGC2454PA',
      usageLimit: 1,
      startDate: at(10),
      expiryDate: at(30),
      attributes: { channel: 'web', note: 'Grüße ✓' },
    },
  };
  endpointTests(
    {
      id: 'createReferral',
      call: (c, p) => createReferral(c, p as CreateReferralParams),
      method: 'post',
      route: '/v1/referrals',
      params,
      expectedPath: '/v1/referrals',
      expectedQuery: '',
      hasBody: true,
      success: { status: 201, body: referral() },
      documented: { 400: errorResponse(), 401: errorResponseWithStatus(401) },
      signature: false,
      invalid: [
        {
          label: 'missing required body field campaignId',
          params: change(params, 'body.campaignId'),
          path: 'body.campaignId',
        },
        {
          label: 'missing required body field advocateProfileIntegrationId',
          params: change(params, 'body.advocateProfileIntegrationId'),
          path: 'body.advocateProfileIntegrationId',
        },
        {
          label: 'campaignId of the wrong type',
          params: change(params, 'body.campaignId', '78'),
          path: 'body.campaignId',
        },
        {
          label: 'a fractional campaignId',
          params: change(params, 'body.campaignId', 7.5),
          path: 'body.campaignId',
        },
        {
          label: 'usageLimit above 999999',
          params: change(params, 'body.usageLimit', 1_000_000),
          path: 'body.usageLimit',
        },
        {
          label: 'a negative usageLimit',
          params: change(params, 'body.usageLimit', -1),
          path: 'body.usageLimit',
        },
        {
          label: 'an advocate ID over 1000 characters',
          params: change(params, 'body.advocateProfileIntegrationId', 'x'.repeat(1001)),
          path: 'body.advocateProfileIntegrationId',
        },
        {
          label: 'attributes as the string "{}"',
          params: change(params, 'body.attributes', '{}'),
          path: 'body.attributes',
        },
      ],
      offSchema: { body: referral({ code: null }), issuePath: 'code' },
      lenient: referral({ futureField: { a: 1 }, referredCustomers: ['x'] }),
    },
    mock,
  );

  it('types the value as a Referral', async () => {
    server.use(answer('post', '/v1/referrals', 201, referral()));
    const result = await createReferral(client, {
      body: { campaignId: 78, advocateProfileIntegrationId: 'A' },
    });
    if (!result.ok) throw new Error(result.error.message);
    const value: Referral = result.value;
    expect(value.code).toBe('27G47Y54VH9L');
    expect(new TextDecoder().decode(seen[0]?.body)).toBe(
      '{"campaignId":78,"advocateProfileIntegrationId":"A"}',
    );
  });

  it('a missing required body field is reported as missing, not as a body that is not an object', async () => {
    const result = await createReferral(client, {
      body: { campaignId: 78 },
    } as unknown as CreateReferralParams);
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (result.ok || result.error.kind !== 'validation') return;
    const issue = result.error.issues.find((i) => i.path === 'body.advocateProfileIntegrationId');
    expect(issue?.message).toBeDefined();
    // The body is an object; only the key is absent.
    expect(issue?.message).not.toMatch(/expected NewReferral \(an object\)/);
    expect(issue?.message).toMatch(/required|missing/i);
  });

  it('a documented 400 whose body is not an ErrorResponse (no message) is documented: false', async () => {
    server.use(answer('post', '/v1/referrals', 400, { errors: [] }));
    const result = await createReferral(client, params);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 400, documented: false, body: { errors: [] } },
    });
  });
});

describe('createReferralsForMultipleAdvocates', () => {
  const path = '/v1/referrals_for_multiple_advocates';
  const params = {
    silent: 'no',
    body: {
      campaignId: 45,
      advocateProfileIntegrationIds: ['URNGV8294NV', 'DRPVV9476AF'],
      usageLimit: 1,
      startDate: at(10),
      validCharacters: ['A', 'B', 'C', '7'],
      referralPattern: 'REF-###-###',
      attributes: { channel: 'web' },
    },
  };
  endpointTests(
    {
      id: 'createReferralsForMultipleAdvocates',
      call: (c, p) => createReferralsForMultipleAdvocates(c, p as CreateReferralsForMultipleAdvocatesParams),
      method: 'post',
      route: path,
      params,
      expectedPath: path,
      expectedQuery: '?silent=no',
      hasBody: true,
      success: { status: 201, body: referralsForMultipleAdvocates() },
      documented: { 400: errorResponseWithStatus(400), 401: errorResponseWithStatus(401) },
      signature: false,
      emptyOk: true,
      invalid: [
        {
          label: 'a usageLimit of the wrong type',
          params: change(params, 'body.usageLimit', '1'),
          path: 'body.usageLimit',
        },
        {
          label: 'missing required body field campaignId',
          params: change(params, 'body.campaignId'),
          path: 'body.campaignId',
        },
        {
          label: 'missing required body field advocateProfileIntegrationIds',
          params: change(params, 'body.advocateProfileIntegrationIds'),
          path: 'body.advocateProfileIntegrationIds',
        },
        {
          label: 'no advocates (minItems 1)',
          params: change(params, 'body.advocateProfileIntegrationIds', []),
          path: 'body.advocateProfileIntegrationIds',
        },
        {
          label: 'silent out of its range (yes/no)',
          params: change(params, 'silent', 'maybe'),
          path: 'silent',
        },
        { label: 'silent of the wrong type', params: change(params, 'silent', true), path: 'silent' },
        {
          label: 'a referralPattern under 3 characters',
          params: change(params, 'body.referralPattern', 'AB'),
          path: 'body.referralPattern',
        },
      ],
      offSchema: { body: { totalResultSize: '2', data: [] }, issuePath: 'totalResultSize' },
      lenient: referralsForMultipleAdvocates({ futureField: 1, data: [referral({ futureField: 2 })] }),
    },
    mock,
  );

  it('types the value as CreateReferralsForMultipleAdvocatesResponse | undefined', async () => {
    server.use(answer('post', path, 201, referralsForMultipleAdvocates()));
    const result = await createReferralsForMultipleAdvocates(
      client,
      params as CreateReferralsForMultipleAdvocatesParams,
    );
    if (!result.ok) throw new Error(result.error.message);
    const value: CreateReferralsForMultipleAdvocatesResponse | undefined = result.value;
    expect(value?.data.map((r) => r.code)).toEqual(['27G47Y54VH9L', 'HJ7K2P9QW3RT']);
  });

  it('sends a body without usageLimit (26.13 no longer requires it; 25.17 did)', async () => {
    server.use(answer('post', path, 204));
    const { usageLimit: _, ...body } = params.body;
    const result = await createReferralsForMultipleAdvocates(client, { body });
    expect(result).toMatchObject({ ok: true, value: undefined });
    expect(JSON.parse(new TextDecoder().decode(seen[0]?.body))).toEqual(body);
    expect(JSON.parse(new TextDecoder().decode(seen[0]?.body))).not.toHaveProperty('usageLimit');
  });

  it('silent=yes: a 204 without a body gives value undefined', async () => {
    server.use(answer('post', path, 204));
    const result = await createReferralsForMultipleAdvocates(client, {
      ...(params.body && { body: params.body }),
      silent: 'yes',
    });
    expect(result).toMatchObject({ ok: true, value: undefined, response: { status: 204 } });
    expect(seen[0]?.url.search).toBe('?silent=yes');
  });

  it('silent omitted (the API defaults to yes): no query string, and the 204 gives undefined', async () => {
    server.use(answer('post', path, 204));
    const result = await createReferralsForMultipleAdvocates(client, { body: params.body });
    expect(result).toMatchObject({ ok: true, value: undefined });
    expect(seen[0]?.url.search).toBe('');
  });

  it.each([200, 201])('an empty %i gives value undefined too', async (status) => {
    server.use(answer('post', path, status));
    const result = await createReferralsForMultipleAdvocates(client, { body: params.body });
    expect(result).toMatchObject({ ok: true, value: undefined, response: { status } });
  });
});
