// The quickstart behind `npm start`: a realistic flow through talon-fetch, printed step by step.
//
// By default it runs against the package's fake Talon.One (talon-fetch/testing) on a loopback
// port, so it needs no account and no network. With TALON_BASE_URL and TALON_API_KEY set it runs
// against that deployment instead, with `dry: true` on every write that has a dry mode (and the
// writes without one skipped) unless TALON_DRY=false. The API key is never printed.
//
//   npm start
//   TALON_BASE_URL=https://acme.europe-west1.talon.one TALON_API_KEY=… npm start
//   TALON_BASE_URL=… TALON_API_KEY=… TALON_DRY=false TALON_REFERRAL_CAMPAIGN_ID=12 npm start
//
// Exit code: 0 when every step that should succeed did, 1 otherwise, 2 for a bad configuration.
import {
  apiKey,
  createClient,
  createCouponReservation,
  createReferral,
  deleteCustomerData,
  getCustomerInventory,
  updateCustomerProfileV2,
  updateCustomerSessionV2,
} from 'talon-fetch';

const env = process.env;
const live = Boolean(env.TALON_BASE_URL || env.TALON_API_KEY);
if (live && !(env.TALON_BASE_URL && env.TALON_API_KEY)) {
  console.error(
    'Set both TALON_BASE_URL and TALON_API_KEY to run against a deployment (or neither for the fake).',
  );
  process.exit(2);
}
const dry = live && env.TALON_DRY !== 'false';

let server;
let settings;
if (live) {
  const campaign = Number(env.TALON_REFERRAL_CAMPAIGN_ID);
  settings = {
    baseUrl: env.TALON_BASE_URL,
    key: env.TALON_API_KEY,
    coupon: env.TALON_COUPON_CODE || 'SUMMER10',
    referralCampaignId: Number.isInteger(campaign) && campaign > 0 ? campaign : undefined,
    suffix: `-${Date.now().toString(36)}`,
  };
} else {
  const testing = await import('talon-fetch/testing');
  server = await testing.startFakeTalonServer(undefined, { port: 0 });
  settings = {
    baseUrl: server.url,
    key: testing.FAKE_API_KEY,
    coupon: testing.FAKE_COUPON_CODE,
    referralCampaignId: testing.FAKE_REFERRAL_CAMPAIGN_ID,
    suffix: '',
  };
}

const talon = createClient({ baseUrl: settings.baseUrl, auth: apiKey(settings.key), timeout: 10_000 });
const profileId = `quickstart-ada${settings.suffix}`;
const sessionId = `quickstart-cart${settings.suffix}`;
const cart = [
  { name: 'Espresso beans 1 kg', sku: 'BEANS-1KG', quantity: 2, price: 24.5 },
  { name: 'Hand grinder', sku: 'GRIND-1', quantity: 1, price: 89 },
];
const money = (n) => n.toFixed(2);
const dryFlag = dry ? { dry: true } : {};

let failures = 0;
let stepNo = 0;

/** Prints one step: number, name, outcome, HTTP status, a short detail. */
function line(name, outcome, status, detail) {
  stepNo++;
  console.log(
    `${String(stepNo).padStart(2)}  ${name.padEnd(22)}${outcome.padEnd(9)}${String(status ?? '-').padEnd(5)}${detail}`,
  );
}

/** Prints an indented detail line under a step. */
function sub(label, text) {
  console.log(`      ${label.padEnd(20)}${text}`);
}

/** Reports a result; a failed one counts as a failure unless `mayFail` says it is expected. */
function report(name, result, detail, mayFail = false) {
  if (result.ok) {
    line(name, 'ok', result.response.status, detail(result.value));
    return true;
  }
  const e = result.error;
  line(name, mayFail ? 'expected' : 'FAIL', e.status, `${e.kind} error: ${e.message}`);
  if (!mayFail) failures++;
  return false;
}

function skip(name, why) {
  line(name, 'skipped', undefined, why);
}

/** Lists the effects of an answer by type, one line each, leaving out those already shown. */
const shown = new Set();
function showEffects(effects) {
  let discount = 0;
  let repeated = 0;
  for (const effect of effects) {
    const p = effect.props;
    if (effect.effectType === 'setDiscount') discount += p.value;
    const key = JSON.stringify([effect.effectType, p.value, p.name]);
    if (shown.has(key)) {
      repeated++;
      continue;
    }
    shown.add(key);
    switch (effect.effectType) {
      case 'setDiscount':
        sub('setDiscount', `${p.name.padEnd(32)}-${money(p.value)}`);
        break;
      case 'acceptCoupon':
      case 'acceptReferral':
        sub(effect.effectType, p.value);
        break;
      case 'rejectCoupon':
      case 'rejectReferral':
        sub(effect.effectType, `${p.value} (${p.rejectionReason})`);
        break;
      case 'addLoyaltyPoints':
        sub('addLoyaltyPoints', `+${p.value} points (program ${p.programId})`);
        break;
      default:
        sub(effect.effectType, JSON.stringify(p).slice(0, 60));
    }
  }
  if (repeated) sub('…', `and ${repeated} effect(s) shown above`);
  return discount;
}

async function main() {
  console.log('talon-fetch quickstart');
  console.log(
    live
      ? `  target   ${settings.baseUrl} (from TALON_BASE_URL)`
      : `  target   the fake Talon.One at ${settings.baseUrl} (loopback, no network)`,
  );
  if (live)
    console.log(
      dry
        ? '  mode     dry run: writes use dry=true and nothing is persisted; writes without a dry mode are skipped (TALON_DRY=false to persist)'
        : '  mode     TALON_DRY=false: writes are persisted, and the customer is deleted at the end',
    );
  console.log(`  profile  ${profileId}    session  ${sessionId}\n`);

  // 1. Create or update the customer profile.
  const profile = await updateCustomerProfileV2(talon, {
    integrationId: profileId,
    runRuleEngine: true,
    ...dryFlag,
    body: { attributes: { Name: 'Ada Lovelace' }, responseContent: ['customerProfile'] },
  });
  report(
    'update profile',
    profile,
    (v) => `attributes ${JSON.stringify(v.customerProfile?.attributes ?? {})}`,
  );

  // 2. Open a session with a cart and two coupon codes (one valid, one unknown).
  const codes = [settings.coupon, 'WELCOME-NOPE'];
  const opened = await updateCustomerSessionV2(talon, {
    customerSessionId: sessionId,
    ...dryFlag,
    body: {
      customerSession: { profileId, cartItems: cart, couponCodes: codes, state: 'open' },
      responseContent: ['customerSession'],
    },
  });
  if (
    report(
      'open session',
      opened,
      (v) => `${cart.length} items, subtotal ${money(v.customerSession?.cartItemTotal ?? 0)}`,
    )
  ) {
    const discount = showEffects(opened.value.effects);
    const total = opened.value.customerSession?.total ?? 0;
    sub('total', `${money(total - discount)} after ${money(discount)} of discounts`);
  }

  // 3. Reserve the coupon for the customer (it then shows in their inventory).
  if (dry) skip('reserve coupon', 'no dry mode for this operation');
  else
    report(
      'reserve coupon',
      await createCouponReservation(talon, {
        couponValue: settings.coupon,
        body: { integrationIDs: [profileId] },
      }),
      (v) => `${v.value} reserved (${v.reservationCounter ?? '?'} reservation(s))`,
    );

  // 4. Create a referral code the customer can share.
  if (dry) skip('create referral', 'no dry mode for this operation');
  else if (!settings.referralCampaignId) skip('create referral', 'set TALON_REFERRAL_CAMPAIGN_ID to run it');
  else
    report(
      'create referral',
      await createReferral(talon, {
        body: { campaignId: settings.referralCampaignId, advocateProfileIntegrationId: profileId },
      }),
      (v) => `code ${v.code} (campaign ${v.campaignId})`,
    );

  // 5. Read what the customer holds.
  report(
    'read inventory',
    await getCustomerInventory(talon, {
      integrationId: profileId,
      coupons: true,
      referrals: true,
      loyalty: true,
    }),
    (v) => {
      const points = Object.values(v.loyalty?.programs ?? {}).reduce(
        (s, p) => s + p.ledger.currentBalance,
        0,
      );
      return `${v.coupons?.length ?? 0} coupon(s), ${v.referrals?.length ?? 0} referral(s), ${points} point(s)`;
    },
    dry, // nothing was persisted in a dry run, so the profile may not exist
  );

  // 6. Close the session: the order is paid, loyalty points are added.
  const closed = await updateCustomerSessionV2(talon, {
    customerSessionId: sessionId,
    ...dryFlag,
    body: {
      customerSession: {
        profileId,
        ...(dry ? { cartItems: cart, couponCodes: codes } : {}),
        state: 'closed',
      },
    },
  });
  if (report('close session', closed, () => 'closed')) showEffects(closed.value.effects);

  // 7. Delete the customer's data (a data-protection request).
  if (dry) skip('delete customer data', 'no dry mode for this operation');
  else
    report(
      'delete customer data',
      await deleteCustomerData(talon, { integrationId: profileId }),
      () => `${profileId} deleted`,
    );

  // 8. A deliberate error: the inventory of the deleted profile. Errors are values, never thrown.
  const gone = await getCustomerInventory(talon, { integrationId: profileId, profile: true });
  if (!gone.ok && gone.error.kind === 'http' && gone.error.status === 404) {
    line(
      'deliberate error',
      'ok',
      404,
      `the inventory of a ${dry ? 'never persisted' : 'deleted'} profile, as a Result:`,
    );
    console.log(
      `      { ok: false, error: { kind: 'http', status: 404, documented: ${gone.error.documented} } }`,
    );
    console.log(`      message: ${gone.error.message}`);
  } else {
    line(
      'deliberate error',
      live ? 'note' : 'FAIL',
      gone.ok ? gone.response.status : gone.error.status,
      `expected a 404, got ${gone.ok ? 'ok' : gone.error.kind}`,
    );
    if (!live) failures++;
  }

  console.log(failures ? `\n${failures} step(s) failed.` : `\nAll ${stepNo} steps done.`);
}

try {
  await main();
} catch (error) {
  console.error(`quickstart crashed: ${error?.stack ?? error}`);
  failures++;
} finally {
  await server?.close();
}
process.exitCode = failures ? 1 : 0;
