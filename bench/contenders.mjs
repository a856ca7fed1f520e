// The contenders of the bench, shared by bench/contender.mjs (one per process, measured) and
// bench/profile.mjs (one, under a CPU profiler): each makes the bench's updateCustomerSessionV2
// call its own way and resolves to the answer's value; `mgmt` and `kyMgmt` make the Management
// call (getLoyaltyCard) instead.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { CARD_ID, CARD_PATH, CARD_PROGRAM_ID, REQUEST_PATH, requestParams } from './fixture.mjs';

const require = createRequire(new URL('./peers/package.json', import.meta.url));
const params = requestParams();
const authorization = 'ApiKey-v1 bench-key';

/** A peer's ESM entry, as an ESM app would load it (`require.resolve` would give the CJS one). */
function importPeer(name) {
  const manifest = require.resolve(`${name}/package.json`);
  const { exports, module, main } = require(manifest);
  const entry = exports?.['.']?.import ?? module ?? main;
  return import(new URL(entry, pathToFileURL(manifest)).href);
}

/**
 * The call of contender `id` against the bench server at `baseUrl`; `heyApiBundle` is the
 * hey-api peer bench/peers/gen.mjs made. Loads only what that contender needs.
 */
export async function makeCall(id, baseUrl, heyApiBundle) {
  const url = `${baseUrl}${REQUEST_PATH}`;
  const contenders = {
    async fetch() {
      return async () => {
        const response = await fetch(url, {
          method: 'PUT',
          headers: { accept: 'application/json', 'content-type': 'application/json', authorization },
          body: JSON.stringify(params.body),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return JSON.parse(await response.text());
      };
    },
    async ky() {
      const { default: ky } = await import('ky');
      return () =>
        ky.put(url, { json: params.body, headers: { authorization }, timeout: false, retry: 0 }).json();
    },
    async kyDefaults() {
      // ky with the timeouts and retries the SDK sets by default: what a ky user pays for them.
      const { default: ky } = await import('ky');
      return () =>
        ky
          .put(url, { json: params.body, headers: { authorization }, timeout: 10_000, totalTimeout: 30_000 })
          .json();
    },
    async kyAsSdk() {
      // ky driven the way talon-fetch drives it (the same options, a Request without a body, the
      // serialized body handed to each attempt's fetch), without the SDK's own work: what the SDK
      // adds on top of ky is talon-fetch's figure minus this one.
      const { default: ky } = await import('ky');
      const retry = {
        limit: 2,
        methods: ['get', 'put', 'delete'],
        statusCodes: [408, 429, 500, 502, 503, 504],
      };
      return async () => {
        const body = new TextEncoder().encode(JSON.stringify(params.body));
        const response = await ky(url, {
          method: 'PUT',
          headers: { accept: 'application/json', 'content-type': 'application/json', authorization },
          redirect: 'manual',
          timeout: 10_000,
          totalTimeout: 30_000,
          retry: { ...retry, afterStatusCodes: retry.statusCodes, maxRetryAfter: 10_000, backoffLimit: 3000 },
          fetch: (request) =>
            globalThis.fetch(request.url, {
              method: request.method,
              headers: request.headers,
              body,
              signal: request.signal,
              redirect: 'manual',
            }),
        });
        return JSON.parse(await response.text());
      };
    },
    async openapiFetch() {
      const { default: createClient } = await importPeer('openapi-fetch');
      const client = createClient({ baseUrl, headers: { authorization } });
      return async () => {
        const { data, error } = await client.PUT('/v2/customer_sessions/{customerSessionId}', {
          params: { path: { customerSessionId: params.customerSessionId } },
          body: params.body,
        });
        if (error !== undefined) throw new Error(`openapi-fetch: ${JSON.stringify(error).slice(0, 200)}`);
        return data;
      };
    },
    async talonOne() {
      const TalonOne = require('talon_one');
      const apiClient = new TalonOne.ApiClient();
      apiClient.basePath = baseUrl;
      apiClient.authentications.api_key_v1.apiKey = 'bench-key';
      apiClient.authentications.api_key_v1.apiKeyPrefix = 'ApiKey-v1';
      const api = new TalonOne.IntegrationApi(apiClient);
      return () => api.updateCustomerSessionV2(params.customerSessionId, params.body);
    },
    async heyApi() {
      const { client, updateCustomerSessionV2 } = await import(heyApiBundle);
      client.setConfig({ baseUrl, headers: { authorization } });
      return async () => {
        const { data, error } = await updateCustomerSessionV2({
          path: { customerSessionId: params.customerSessionId },
          body: params.body,
        });
        if (error !== undefined) throw new Error(`hey-api: ${String(error?.message ?? error).slice(0, 300)}`);
        return data;
      };
    },
    async kyMgmt() {
      // The Management call (getLoyaltyCard) with ky alone: what `mgmt` is measured against.
      const { default: ky } = await import('ky');
      const cardUrl = `${baseUrl}${CARD_PATH}`;
      const headers = { authorization: 'ManagementKey-v1 bench-key' };
      return () => ky.get(cardUrl, { headers, timeout: false, retry: 0 }).json();
    },
    mgmt: () => managementCall('talon-fetch/management'),
    sdk: () => talonFetch(true, 'talon-fetch'),
    sdkLight: () => talonFetch(false, 'talon-fetch'),
    // Another build of talon-fetch (BENCH_BASELINE: the path of its dist/), to compare two versions.
    baseline: () => talonFetch(true, pathToFileURL(`${process.env.BENCH_BASELINE}/index.js`).href),
    baselineLight: () => talonFetch(false, pathToFileURL(`${process.env.BENCH_BASELINE}/index.js`).href),
    baselineMgmt: () => managementCall(pathToFileURL(`${process.env.BENCH_BASELINE}/management.js`).href),
  };

  /** talon-fetch/management's getLoyaltyCard from `entry`, the answer validated (a LoyaltyCard). */
  async function managementCall(entry) {
    const { createClient, getLoyaltyCard, managementKey } = await import(entry);
    const client = createClient({ baseUrl, auth: managementKey('bench-key') });
    const params = { loyaltyProgramId: CARD_PROGRAM_ID, loyaltyCardId: CARD_ID };
    return async () => {
      const result = await getLoyaltyCard(client, params);
      if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
      return result.value;
    };
  }

  async function talonFetch(validateResponse, from) {
    const { apiKey, createClient, updateCustomerSessionV2 } = await import(from);
    const client = createClient({ baseUrl, auth: apiKey('bench-key'), validateResponse });
    return async () => {
      const result = await updateCustomerSessionV2(client, params);
      if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
      return result.value;
    };
  }
  const make = contenders[id];
  if (!make) throw new Error(`unknown contender ${id}; one of ${Object.keys(contenders).join(', ')}`);
  return make();
}

/** Makes `calls` calls, `concurrency` at a time (1: one after the other). */
export async function runCalls(call, calls, concurrency) {
  if (concurrency === 1) {
    for (let i = 0; i < calls; i++) await call();
    return;
  }
  let started = 0;
  const worker = async () => {
    while (started < calls) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
