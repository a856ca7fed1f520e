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
// The loyalty chapter runs against a deployment when TALON_LOYALTY_PROGRAM_ID names a
// profile-based program (and TALON_LOYALTY_CARD_PROGRAM_ID a card-based one, for the card step).
//
// Exit code: 0 when every step that should succeed did, 1 otherwise, 2 for a bad configuration.
import {
  apiKey,
  collectItems,
  createClient,
  createCouponReservation,
  createReferral,
  deleteCustomerData,
  generateLoyaltyCard,
  getCustomerInventory,
  getLoyaltyBalances,
  getLoyaltyProgramProfileTransactions,
  joinLoyaltyProgram,
  linkLoyaltyCardToProfile,
  returnCartItems,
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

const positive = (text) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
let server;
let settings;
if (live) {
  const campaign = Number(env.TALON_REFERRAL_CAMPAIGN_ID);
  settings = {
    loyaltyProgramId: positive(env.TALON_LOYALTY_PROGRAM_ID),
    cardProgramId: positive(env.TALON_LOYALTY_CARD_PROGRAM_ID),
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
    loyaltyProgramId: testing.FAKE_LOYALTY_PROGRAM_ID,
    cardProgramId: testing.FAKE_LOYALTY_CARD_PROGRAM_ID,
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
      case 'rollbackDiscount':
        sub('rollbackDiscount', `${p.name.padEnd(32)}+${money(p.value)}`);
        break;
      case 'rollbackAddedLoyaltyPoints':
        sub('rollbackAddedPoints', `-${p.value} points (program ${p.programId})`);
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

  // Loyalty: join the program, earn on closing, read the balance, walk the transactions, return
  // an item and see its points go back, generate a card and link it.
  console.log('\n    loyalty');
  const programId = settings.loyaltyProgramId;
  const noProgram = 'set TALON_LOYALTY_PROGRAM_ID to run it';
  if (!programId) skip('join loyalty program', noProgram);
  else if (dry) skip('join loyalty program', 'no dry mode for this operation');
  else
    report(
      'join loyalty program',
      await joinLoyaltyProgram(talon, { loyaltyProgramId: programId, integrationId: profileId }),
      () => `${profileId} joined program ${programId}`,
    );

  // Close the session: the order is paid, loyalty points are added.
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

  const balance = async (name) => {
    if (!programId) return skip(name, noProgram);
    report(
      name,
      await getLoyaltyBalances(talon, {
        loyaltyProgramId: programId,
        integrationId: profileId,
        includeTiers: true,
      }),
      (v) => {
        const b = v.balance;
        const tier = b?.currentTier?.name ? `tier ${b.currentTier.name}` : 'no tier';
        return `${b?.activePoints ?? 0} active, ${b?.pendingPoints ?? 0} pending, ${b?.expiredPoints ?? 0} expired (${tier})`;
      },
      dry, // nothing was persisted in a dry run
    );
  };
  await balance('loyalty balance');

  // Return the grinder: its share of the discount and of the points goes back.
  if (dry) skip('return an item', 'the session was not persisted in a dry run');
  else {
    const returned = await returnCartItems(talon, {
      customerSessionId: sessionId,
      body: { return: { returnedCartItems: [{ position: 1, quantity: 1 }] } },
    });
    if (report('return an item', returned, () => `${cart[1].name} returned`))
      showEffects(returned.value.effects);
    await balance('balance after return');
  }

  // Every transaction, fetched page by page with the pagination helper (one per page here, to
  // show the walk).
  if (!programId) skip('loyalty transactions', noProgram);
  else {
    const pages = { loyaltyProgramId: programId, integrationId: profileId, pageSize: 1 };
    const all = await collectItems(getLoyaltyProgramProfileTransactions, talon, pages, { maxItems: 100 });
    if (all.ok) {
      line(
        'loyalty transactions',
        'ok',
        all.response.status,
        `${all.value.length} transaction(s), walked one page at a time`,
      );
      for (const tx of all.value) sub(tx.type, `${tx.amount > 0 ? '+' : ''}${tx.amount} ${tx.name}`);
    } else report('loyalty transactions', all, () => '', dry);
  }

  // A loyalty card: generated in the card-based program, then linked to the customer.
  const cardProgramId = settings.cardProgramId;
  if (!cardProgramId) skip('generate + link card', 'set TALON_LOYALTY_CARD_PROGRAM_ID to run it');
  else if (dry) skip('generate + link card', 'no dry mode for these operations');
  else {
    const card = await generateLoyaltyCard(talon, { loyaltyProgramId: cardProgramId, body: {} });
    if (report('generate card', card, (v) => `card ${v.identifier} (${v.status})`)) {
      const linked = await linkLoyaltyCardToProfile(talon, {
        loyaltyProgramId: cardProgramId,
        loyaltyCardId: card.value.identifier,
        body: { integrationId: profileId },
      });
      report('link card', linked, (v) => `${v.identifier} linked to ${profileId}`);
    }
  }
  console.log('');

  // Delete the customer's data (a data-protection request).
  if (dry) skip('delete customer data', 'no dry mode for this operation');
  else
    report(
      'delete customer data',
      await deleteCustomerData(talon, { integrationId: profileId }),
      () => `${profileId} deleted`,
    );

  // A deliberate error: the inventory of the deleted profile. Errors are values, never thrown.
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
