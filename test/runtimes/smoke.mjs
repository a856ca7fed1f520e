// The one smoke scenario every runtime of the matrix runs (see run.mjs and README.md).
// Portable ESM: no Node, Deno or Bun APIs; only fetch, AbortController, setTimeout, JSON.
// It receives the SDK module (`import * as sdk from 'talon-fetch'`, or `require('talon-fetch')`)
// so the caller decides which entry point (ESM, CJS, bundle) is exercised.

/**
 * @typedef {{ name: string, pass: boolean, detail: string, ms: number }} CheckResult
 * @typedef {{
 *   baseUrl: string,            // the fake Talon.One behind the runner's loopback server
 *   slowBaseUrl: string,        // same, but every request is held for 3 s first
 *   apiKey: string,             // a key the fake accepts
 *   applicationId: number,      // an Application the fake knows...
 *   applicationKey: string,     // ...and its hex key (for contentSignature)
 *   id: string,                 // unique per run, to keep runtimes apart in the shared fake
 * }} SmokeOptions
 */

/** Describes a result for a failure message, without dumping headers or whole bodies. */
function describe(result) {
  if (result === null || typeof result !== 'object') return `not a Result: ${String(result)}`;
  if (result.ok === true) return `ok (status ${result.response?.status})`;
  if (result.ok === false) {
    const e = result.error ?? {};
    const status = e.status === undefined ? '' : ` ${e.status}`;
    return `error ${e.kind}${status}: ${String(e.message).slice(0, 300)}`;
  }
  return `not a Result: ${JSON.stringify(result).slice(0, 200)}`;
}

/**
 * Runs the five checks and returns one result per check. Never throws: a check that throws (or
 * whose SDK call throws) is reported as failed with the thrown value.
 *
 * @param {Record<string, unknown>} sdk the talon-fetch module namespace (or CJS exports)
 * @param {SmokeOptions} options
 * @returns {Promise<CheckResult[]>}
 */
export async function runSmoke(sdk, options) {
  const {
    createClient,
    apiKey,
    contentSignature,
    deleteCustomerData,
    updateCustomerProfileV2,
    updateCustomerProfile,
    trackEvent,
  } = sdk;
  const { baseUrl, slowBaseUrl, id } = options;
  const profileId = `smoke-${id}`;
  const results = [];

  async function check(name, fn) {
    const started = Date.now();
    let pass = false;
    let detail;
    try {
      const verdict = await fn();
      pass = verdict.pass;
      detail = verdict.detail;
    } catch (err) {
      detail = `threw ${err?.name ?? typeof err}: ${String(err?.message ?? err).slice(0, 300)}`;
    }
    results.push({ name, pass, detail, ms: Date.now() - started });
  }

  // (1) apiKey: a V2 endpoint (api-key only) with a JSON body, creating the profile used below.
  await check('apiKey call', async () => {
    const client = createClient({ baseUrl, auth: apiKey(options.apiKey), retry: false });
    const r = await updateCustomerProfileV2(client, {
      integrationId: profileId,
      body: { attributes: { smoke: 'yes', unicode: 'ä€😀' } },
    });
    return { pass: r?.ok === true && r.response?.status === 200, detail: describe(r) };
  });

  // (2) contentSignature: HMAC-MD5 (pure JS, @noble/hashes) over JSON bodies, on the 2021
  // operations (the only ones the API lists with Content-Signature): a PUT, then a POST.
  await check('contentSignature call', async () => {
    const client = createClient({
      baseUrl,
      auth: contentSignature({
        applicationId: options.applicationId,
        applicationKey: options.applicationKey,
      }),
      retry: false,
    });
    const profile = await updateCustomerProfile(client, {
      integrationId: profileId,
      body: { attributes: { signed: 'yes', unicode: 'ä€😀' } },
    });
    if (profile?.ok !== true) return { pass: false, detail: `updateCustomerProfile: ${describe(profile)}` };
    const event = await trackEvent(client, {
      body: { profileId, sessionId: `${profileId}-session`, type: 'smoke', attributes: {} },
    });
    return {
      pass: event?.ok === true,
      detail: `updateCustomerProfile: ${describe(profile)}; trackEvent: ${describe(event)}`,
    };
  });

  // (3) a 4xx is a Result, not a throw.
  await check('http 401 as Result', async () => {
    const client = createClient({ baseUrl, auth: apiKey('wrong-key-for-the-smoke-test'), retry: false });
    const r = await deleteCustomerData(client, { integrationId: `${profileId}-401` });
    const pass = r?.ok === false && r.error?.kind === 'http' && r.error?.status === 401;
    return { pass, detail: describe(r) };
  });

  // (4) the caller aborts while the request is in flight (the slow route holds it for 3 s).
  await check('abort mid-request', async () => {
    const client = createClient({ baseUrl: slowBaseUrl, auth: apiKey(options.apiKey), retry: false });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 150);
    try {
      const r = await deleteCustomerData(
        client,
        { integrationId: `${profileId}-abort` },
        { signal: controller.signal },
      );
      return { pass: r?.ok === false && r.error?.kind === 'aborted', detail: describe(r) };
    } finally {
      clearTimeout(timer);
    }
  });

  // (5) the client's per-attempt timeout runs out before the slow route answers.
  await check('timeout', async () => {
    const client = createClient({
      baseUrl: slowBaseUrl,
      auth: apiKey(options.apiKey),
      timeout: 300,
      retry: false,
    });
    const started = Date.now();
    const r = await deleteCustomerData(client, { integrationId: `${profileId}-timeout` });
    const took = Date.now() - started;
    const pass = r?.ok === false && r.error?.kind === 'timeout' && took < 2500;
    return { pass, detail: `${describe(r)} after ${took} ms` };
  });

  return results;
}
