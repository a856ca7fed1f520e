#!/usr/bin/env node
// Generates the valibot schemas under src/models/ from the OpenAPI files in ../shared/spec/.
//
//   node scripts/gen-models.mjs          (or: npm run gen:models, which also formats the output)
//
// The spec files are read, never copied: only names, types, required lists, enums and
// constraints end up in the generated code. The generated modules are committed, so the
// repository builds without ../shared/spec.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specDir = resolve(root, '../shared/spec');
const outDir = join(root, 'src/models');

function fail(message) {
  console.error(`gen-models: ${message}`);
  process.exit(1);
}

function loadSpec(file) {
  const path = join(specDir, file);
  if (!existsSync(path))
    fail(`spec file ${path} is missing (expected ../shared/spec next to the repository)`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

const current = loadSpec('integration-api.json');
const legacy = loadSpec('integration-api-2021.json');
const specs = { cur: current, old: legacy };

// ---------------------------------------------------------------------------------------------
// Scope
// ---------------------------------------------------------------------------------------------

const CURRENT_OPERATIONS = [
  'updateCustomerSessionV2',
  'updateCustomerProfileV2',
  'updateCustomerProfilesV2',
  'updateCustomerProfileAudiences',
  'createReferral',
  'createReferralsForMultipleAdvocates',
  'deleteCustomerData',
  'deleteCouponReservation',
  'createCouponReservation',
  'getReservedCustomers',
  'getCustomerInventory',
];
/** Operations that only exist in the 2021 release. */
const LEGACY_OPERATIONS = ['trackEvent', 'updateCustomerProfile', 'updateCustomerSession'];

/** Spec names that are not fit for an export. */
const RENAMES = {
  inline_response_200_1: 'ReservedCustomersResponse',
  inline_response_201: 'ReferralsForMultipleAdvocatesResponse',
};

/**
 * Effect props schemas whose effect type is not the mechanical one (name minus `EffectProps`,
 * first letter lowercased), and props schemas that are no Integration API effect at all (null).
 */
const STRIKETHROUGH =
  'a strikethrough-pricing payload entry; kept as a union member (mechanical name) so the union has one member per *EffectProps schema, though the Integration API is not known to return it as an effect';
const EFFECT_TYPE_OVERRIDES = {
  CustomEffectProps: { type: 'customEffect', why: 'custom effects arrive as `customEffect`, not `custom`' },
  StrikethroughEffectProps: { type: 'strikethrough', why: STRIKETHROUGH },
  StrikethroughSetDiscountPerItemEffectProps: { type: 'strikethroughSetDiscountPerItem', why: STRIKETHROUGH },
  StrikethroughSetDiscountPerItemMemberEffectProps: {
    type: 'strikethroughSetDiscountPerItemMember',
    why: STRIKETHROUGH,
  },
};

/** Comments on mappings that are mechanical but worth a note in the generated code. */
const EFFECT_TYPE_NOTES = {
  ShowBundleMetadataEffectProps:
    'the spec prose capitalises it ("ShowBundleMetadata"); kept camelCase like all others',
  ErrorEffectProps: 'not named in the spec prose; emitted when a rule fails to evaluate',
  WillAwardGiveawayEffectProps: 'sent instead of awardGiveaway while the session is not closed',
};

/**
 * Fields whose declared type is wrong for the live API, replaced in the response flavour.
 * `type: object` there is the generator's "any": the value follows the attribute or discount.
 */
const FIELD_OVERRIDES = {
  'UpdateAttributeEffectProps.value': 'v.unknown()',
  'StrikethroughSetDiscountPerItemEffectProps.value': 'v.unknown()',
  'StrikethroughSetDiscountPerItemMemberEffectProps.value': 'v.unknown()',
};

/** Field-level notes, only where a field has a trap. */
const FIELD_DOCS = {
  'Event.effects':
    'Raw effect objects: not checked against `EffectSchema` (unlike the `effects` of a state).',
  'LoyaltyCard.subledgers': 'Spelled `subledgers` here but `subLedgers` on `LoyaltyProgramLedgers`.',
  'LoyaltyProgramLedgers.subLedgers': 'Spelled `subLedgers` here but `subledgers` on `LoyaltyCard`.',
  'UpdateAttributeEffectProps.value': 'The new attribute value, of whatever type the attribute has.',
};

const MODULES = {
  common: [
    'ErrorSource',
    'APIError',
    'ErrorResponse',
    'ErrorResponseWithStatus',
    'AdditionalCost',
    'PriceDetail',
    'Product',
    'LimitConfig',
    'ExperimentVariantAllocation',
  ],
  coupons: ['Coupon', 'IntegrationCoupon', 'InventoryCoupon', 'CouponRejectionReason', 'CouponReservations'],
  referrals: [
    'Referral',
    'InventoryReferral',
    'ReferralRejectionReason',
    'NewReferral',
    'NewReferralsForMultipleAdvocates',
    'inline_response_201',
  ],
  loyalty: [
    'LedgerEntry',
    'LedgerInfo',
    'Tier',
    'Loyalty',
    'LoyaltyCard',
    'LoyaltyCardProfileRegistration',
    'LoyaltyMembership',
    'LoyaltyProgramLedgers',
    'LoyaltyLedgerEntryExpiryDateChange',
  ],
  campaigns: [
    'Campaign',
    'CampaignBudget',
    'CodeGeneratorSettings',
    'RuleFailureReason',
    'Giveaway',
    'AchievementProgressWithDefinition',
  ],
  events: ['Event', 'EventV3', 'Meta'],
  profiles: [
    'CustomerProfile',
    'AudienceMembership',
    'CustomerProfileAudienceRequest',
    'CustomerProfileAudienceRequestItem',
    'CustomerProfileIntegrationRequestV2',
    'ProfileAudiencesChanges',
    'MultipleCustomerProfileIntegrationRequest',
    'MultipleCustomerProfileIntegrationRequestItem',
    'CustomerProfileUpdateV2Response',
    'MultipleCustomerProfileIntegrationResponseV2',
    'CustomerProfileIntegrationResponseV2',
    'inline_response_200_1',
  ],
  sessions: [
    'CartItem',
    'NewCustomerSessionV2',
    'IntegrationRequest',
    'CustomerSessionV2',
    'Return',
    'ReturnedCartItem',
    'IntegrationStateV2',
  ],
  inventory: ['CustomerInventory'],
};
const MODULE_ORDER = [
  'helpers',
  'common',
  'coupons',
  'referrals',
  'loyalty',
  'campaigns',
  'effects',
  'events',
  'profiles',
  'sessions',
  'inventory',
  'legacy',
];
const MODULE_DOCS = {
  common: 'Errors and small shapes shared by several domains (costs, prices, limits).',
  coupons: 'Coupons, coupon reservations and coupon rejection reasons.',
  referrals: 'Referral codes and the requests that create them.',
  loyalty: 'Loyalty programs, ledgers, cards and tiers.',
  campaigns: 'Campaigns and what they hand out: giveaways, achievements, rule failure reasons.',
  effects: 'Rule engine effects: one props schema per effect type and the `Effect` union.',
  events: 'Events recorded by the API.',
  profiles: 'Customer profiles, audience memberships and the profile update requests and responses.',
  sessions: 'Customer sessions, cart items, returns and the session update request and response.',
  inventory: "A customer's inventory.",
  legacy:
    'Shapes of the 2021 release for the operations that only exist there (trackEvent, updateCustomerProfile, updateCustomerSession).',
};

// ---------------------------------------------------------------------------------------------
// Reachability
// ---------------------------------------------------------------------------------------------

function refName(ref) {
  const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!m) fail(`unsupported $ref ${ref}`);
  return m[1];
}

function collectRefs(node, out = new Set()) {
  if (Array.isArray(node)) for (const x of node) collectRefs(x, out);
  else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string') out.add(refName(node.$ref));
    for (const [k, x] of Object.entries(node)) if (k !== 'example') collectRefs(x, out);
  }
  return out;
}

function operationsById(spec) {
  const ops = {};
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item))
      if (op && typeof op === 'object' && op.operationId) ops[op.operationId] = op;
  }
  return ops;
}

/** Top-level schema names of request bodies and (2xx or all) responses of the given operations. */
function operationRoots(spec, ids, { errors }) {
  const ops = operationsById(spec);
  const req = new Set();
  const res = new Set();
  for (const id of ids) {
    const op = ops[id];
    if (!op) fail(`operation ${id} not found`);
    if (op.requestBody) collectRefs(op.requestBody, req);
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      if (errors || status.startsWith('2')) collectRefs(response, res);
    }
  }
  return { req, res };
}

function schemaOf(specKey, name) {
  const s = specs[specKey].components.schemas[name];
  if (!s) fail(`schema ${name} not found in the ${specKey === 'cur' ? 'current' : '2021'} spec`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Expression generation
// ---------------------------------------------------------------------------------------------

const PURE = '/*#__PURE__*/ ';
const call = (fn, ...args) => `${PURE}${fn}(${args.join(', ')})`;
const pipe = (base, actions) => (actions.length ? call('v.pipe', base, ...actions) : base);
const lit = (x) => JSON.stringify(x);
const num = (x) => {
  const n = Number(x); // the spec writes some bounds as strings ("1E+15")
  if (!Number.isFinite(n)) fail(`bad numeric bound ${x}`);
  return String(n);
};
const isIdent = (k) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k);

function regexLiteral(pattern) {
  try {
    new RegExp(pattern);
  } catch (e) {
    fail(`invalid pattern ${pattern}: ${e.message}`);
  }
  return `/${pattern.replace(/\//g, '\\/')}/`;
}

function numberActions(s) {
  const a = [];
  if (s.minimum !== undefined)
    a.push(call(s.exclusiveMinimum === true ? 'v.gtValue' : 'v.minValue', num(s.minimum)));
  if (s.maximum !== undefined)
    a.push(call(s.exclusiveMaximum === true ? 'v.ltValue' : 'v.maxValue', num(s.maximum)));
  return a;
}

/**
 * The valibot expression for a schema node. `ctx.ref(name)` resolves a $ref to an identifier
 * (recording the dependency); `ctx.owner` is the component being generated, for overrides.
 */
function gen(node, flavour, ctx) {
  if (node.$ref) return ctx.ref(refName(node.$ref));
  const strict = flavour === 'req';
  let out;
  if (node.allOf) {
    const merged = { type: 'object', properties: {}, required: [] };
    for (const part of node.allOf) {
      const p = part.$ref ? schemaOf(ctx.specKey, refName(part.$ref)) : part;
      if (p.allOf || p.oneOf || p.anyOf) fail(`nested composition in allOf of ${ctx.owner}`);
      Object.assign(merged.properties, p.properties ?? {});
      merged.required.push(...(p.required ?? []));
    }
    out = genObject(merged, flavour, ctx);
  } else if (node.oneOf || node.anyOf) {
    out = call('v.union', `[${(node.oneOf ?? node.anyOf).map((m) => gen(m, flavour, ctx)).join(', ')}]`);
  } else if (node.enum) {
    if (!node.enum.every((x) => typeof x === 'string')) fail(`non-string enum in ${ctx.owner}`);
    out = strict ? call('v.picklist', lit(node.enum)) : call('openEnum', lit(node.enum));
  } else {
    const type = node.type ?? (node.properties ? 'object' : undefined);
    switch (type) {
      case 'string': {
        const a = [];
        if (strict) {
          if (node.minLength !== undefined) a.push(call('v.minLength', num(node.minLength)));
          if (node.maxLength !== undefined) a.push(call('v.maxLength', num(node.maxLength)));
          if (node.pattern !== undefined) a.push(call('v.regex', regexLiteral(node.pattern)));
        }
        out = pipe(call('v.string'), a);
        break;
      }
      case 'integer':
        out = strict ? pipe(call('v.number'), [call('v.integer'), ...numberActions(node)]) : call('v.number');
        break;
      case 'number':
        out = pipe(call('v.number'), strict ? numberActions(node) : []);
        break;
      case 'boolean':
        out = call('v.boolean');
        break;
      case 'array': {
        if (!node.items) fail(`array without items in ${ctx.owner}`);
        const a = [];
        if (strict) {
          if (node.minItems !== undefined) a.push(call('v.minLength', num(node.minItems)));
          if (node.maxItems !== undefined) a.push(call('v.maxLength', num(node.maxItems)));
        }
        out = pipe(call('v.array', gen(node.items, flavour, ctx)), a);
        break;
      }
      case 'object':
        out = genObject(node, flavour, ctx);
        break;
      case undefined:
        out = call('v.unknown');
        break;
      default:
        fail(`unsupported type ${type} in ${ctx.owner}`);
    }
  }
  return out;
}

function genObject(node, flavour, ctx) {
  const strict = flavour === 'req';
  const props = Object.entries(node.properties ?? {}).filter(([, p]) => !(strict && p.readOnly));
  if (props.length === 0) {
    const ap = node.additionalProperties;
    const value = ap && typeof ap === 'object' ? gen(ap, flavour, ctx) : call('v.unknown');
    return call('v.record', call('v.string'), value);
  }
  const required = new Set(node.required ?? []);
  const entries = props.map(([key, p]) => {
    const path = `${ctx.owner}.${key}`;
    const override = strict ? undefined : FIELD_OVERRIDES[path];
    let e = override ? `${PURE}${override}` : gen(p, flavour, ctx);
    const nullable = p.nullable === true;
    if (required.has(key)) e = nullable ? call('v.nullable', e) : e;
    else e = call(nullable ? 'v.nullish' : 'v.optional', e);
    const doc = FIELD_DOCS[path] ? `/** ${FIELD_DOCS[path]} */\n` : '';
    return `${doc}${isIdent(key) ? key : lit(key)}: ${e}`;
  });
  return call(strict ? 'v.object' : 'v.looseObject', `{\n${entries.join(',\n')},\n}`);
}

// ---------------------------------------------------------------------------------------------
// Entries: one per (spec, schema, flavour) that is generated
// ---------------------------------------------------------------------------------------------

const curNames = new Set(Object.keys(current.components.schemas));
const entries = new Map(); // key -> entry
const computing = new Set();

function exportBase(specKey, name, isLegacy) {
  const base = RENAMES[name] ?? name;
  if (/^inline_/.test(base)) fail(`schema ${name} needs a name in RENAMES`);
  return specKey === 'old' && isLegacy ? `Legacy${base}` : base;
}

const identOf = (base, flavour) => (flavour === 'req' ? `${base}InputSchema` : `${base}Schema`);
const typeOf = (base, flavour) => (flavour === 'req' ? `${base}Input` : base);

function moduleOf(specKey, name) {
  if (specKey === 'old') return 'legacy';
  if (name === 'Effect' || name.endsWith('EffectProps')) return 'effects';
  for (const [mod, names] of Object.entries(MODULES)) if (names.includes(name)) return mod;
  fail(`schema ${name} has no module: add it to MODULES in scripts/gen-models.mjs`);
}

/** Computes (without marking as used) the entry for a current-spec schema. */
function curEntry(name, flavour) {
  const key = `cur:${name}:${flavour}`;
  if (entries.has(key)) return entries.get(key);
  const base = exportBase('cur', name, false);
  const entry = {
    key,
    specKey: 'cur',
    name,
    flavour,
    base,
    ident: identOf(base, flavour),
    module: moduleOf('cur', name),
  };
  entries.set(key, entry);
  computing.add(key);
  entry.deps = new Set();
  if (name === 'Effect') {
    if (flavour !== 'res') fail('Effect is only generated as a response schema');
    entry.special = 'effect';
    entry.expr = '<EffectSchema>';
  } else {
    entry.expr = gen(schemaOf('cur', name), flavour, {
      specKey: 'cur',
      owner: name,
      ref: (r) => refTo(entry, curEntry(r, flavour)),
    });
  }
  computing.delete(key);
  return entry;
}

/** Resolves a 2021 schema to the current entry when structurally identical, else a legacy one. */
const oldResolved = new Map();
function oldEntry(name, flavour) {
  const memo = `${name}:${flavour}`;
  if (oldResolved.has(memo)) return oldResolved.get(memo);
  const key = `old:${name}:${flavour}`;
  const clash = curNames.has(name);
  const entry = { key, specKey: 'old', name, flavour, module: 'legacy', deps: new Set(), legacy: clash };
  entry.base = exportBase('old', name, clash);
  entry.ident = identOf(entry.base, flavour);
  oldResolved.set(memo, entry); // provisional, for recursion
  computing.add(key);
  entry.expr = gen(schemaOf('old', name), flavour, {
    specKey: 'old',
    owner: name,
    ref: (r) => refTo(entry, oldEntry(r, flavour)),
  });
  computing.delete(key);
  if (clash) {
    const now = curEntry(name, flavour);
    if (now.expr === entry.expr) {
      oldResolved.set(memo, now);
      return now;
    }
  }
  entries.set(key, entry);
  return entry;
}

function refTo(from, to) {
  from.deps.add(to.key);
  // A reference back into a component still being generated is recursive: defer it.
  if (computing.has(to.key)) {
    from.lazy = true;
    return call('v.lazy', `() => ${to.ident}`);
  }
  return to.ident;
}

const used = new Set();
function markUsed(entry) {
  if (used.has(entry.key)) return;
  used.add(entry.key);
  for (const d of entry.deps) markUsed(entries.get(d));
}

// Current spec: the 11 operations (with their error bodies) ...
const curRoots = operationRoots(current, CURRENT_OPERATIONS, { errors: true });
for (const n of curRoots.req) markUsed(curEntry(n, 'req'));
for (const n of curRoots.res) markUsed(curEntry(n, 'res'));
// ... and every effect props schema (no operation references them directly).
const effectPropsNames = Object.keys(current.components.schemas)
  .filter((n) => n.endsWith('EffectProps'))
  .sort();
for (const n of effectPropsNames) markUsed(curEntry(n, 'res'));
markUsed(curEntry('Effect', 'res'));

// 2021 spec: request bodies and 2xx responses of the operations that only exist there.
const oldRoots = operationRoots(legacy, LEGACY_OPERATIONS, { errors: false });
for (const n of oldRoots.req) markUsed(oldEntry(n, 'req'));
for (const n of oldRoots.res) markUsed(oldEntry(n, 'res'));

const usedEntries = [...entries.values()].filter((e) => used.has(e.key));
for (const e of usedEntries) {
  if (e.lazy) fail(`${e.ident} is recursive: write its type by hand before using v.lazy`);
}

// Unique export names.
const exportNames = new Map();
for (const e of usedEntries) {
  for (const n of [e.ident, typeOf(e.base, e.flavour)]) {
    if (exportNames.has(n)) fail(`export name clash: ${n}`);
    exportNames.set(n, e.key);
  }
}

// ---------------------------------------------------------------------------------------------
// Documentation (own words; the spec's prose is not copied)
// ---------------------------------------------------------------------------------------------

const PHRASES = {
  APIError: 'one entry in the error list of an error body',
  AchievementProgressWithDefinition:
    "a customer's progress in an achievement, with the achievement's settings",
  AdditionalCost: 'an additional cost (shipping, packaging, ...) of a session or cart item',
  AudienceMembership: 'an audience a customer profile belongs to',
  Campaign: 'a campaign',
  CampaignBudget: 'one budget counter of a campaign',
  CartItem: 'a cart item',
  CodeGeneratorSettings: 'the settings for generating coupon or referral codes',
  Coupon: 'a coupon',
  CouponRejectionReason: 'the reason a coupon was rejected',
  CouponReservations: 'the profiles to reserve a coupon for, or to release it from',
  CustomerInventory: "a customer's inventory (profile, loyalty, coupons, referrals, giveaways, achievements)",
  CustomerProfile: 'a customer profile',
  CustomerProfileAudienceRequest: 'a batch of audience membership changes',
  CustomerProfileAudienceRequestItem: 'one audience membership change',
  CustomerProfileIntegrationRequestV2: 'an update of one customer profile (v2)',
  CustomerProfileIntegrationResponseV2: 'the outcome of updating one customer profile (v2)',
  CustomerProfileUpdateV2Response: 'one profile in the outcome of a bulk profile update',
  CustomerSession: 'a customer session (2021 release)',
  CustomerSessionV2: 'a customer session (v2)',
  Effect: 'an effect',
  EffectProps: 'effect props of no particular shape',
  ErrorResponse: 'an error body: a message and optional details',
  ErrorResponseWithStatus: 'an error body that may also carry the HTTP status code',
  ErrorSource: 'the part of a request an error points at',
  Event: 'an event the API recorded',
  EventV3: 'an event as reported back in a session update',
  ExperimentVariantAllocation: 'the experiment variant a session is allocated to',
  Giveaway: 'a giveaway code',
  IntegrationCoupon: 'a coupon together with its redemption count for the profile',
  IntegrationRequest: 'an update of one customer session (v2)',
  IntegrationState: 'the outcome of a 2021-release event, profile or session update',
  IntegrationStateV2: 'the outcome of updating one customer session (v2)',
  InventoryCoupon: "a coupon in a customer's inventory",
  InventoryReferral: "a referral in a customer's inventory",
  LedgerEntry: 'an entry of a loyalty ledger',
  LedgerInfo: 'the balances of a loyalty ledger',
  LimitConfig: 'a usage limit',
  Loyalty: 'the loyalty balances of a profile',
  LoyaltyCard: 'a loyalty card',
  LoyaltyCardProfileRegistration: 'a profile linked to a loyalty card',
  LoyaltyLedgerEntryExpiryDateChange: 'a changed expiry date of one loyalty transaction',
  LoyaltyMembership: 'a loyalty program a profile has joined',
  LoyaltyProgramBalance: 'the balances of one loyalty program (2021 release)',
  LoyaltyProgramLedgers: 'the ledgers of one loyalty program',
  Meta: 'extra details attached to an event',
  MultipleCustomerProfileIntegrationRequest: 'a bulk update of customer profiles',
  MultipleCustomerProfileIntegrationRequestItem: 'one profile in a bulk profile update',
  MultipleCustomerProfileIntegrationResponseV2: 'the outcome of a bulk profile update',
  NewCustomerProfile: 'an update of one customer profile (2021 release)',
  NewCustomerSession: 'an update of one customer session (2021 release)',
  NewCustomerSessionV2: 'the session part of a session update (v2)',
  NewEvent: 'a custom event to track (2021 release)',
  NewReferral: 'a referral to create',
  NewReferralsForMultipleAdvocates: 'referrals to create for several advocates at once',
  PriceDetail: 'the price of a cart item under one price type',
  Product: 'the product a cart item belongs to',
  ProfileAudiencesChanges: 'the audiences to add a profile to or remove it from',
  Referral: 'a referral',
  ReferralRejectionReason: 'the reason a referral was rejected',
  Return: 'a return of cart items',
  ReturnedCartItem: 'one returned cart item',
  RuleFailureReason: 'the reason a rule did not trigger',
  Tier: 'a loyalty tier',
  inline_response_200_1: 'the profiles that hold a reservation of a coupon',
  inline_response_201: 'the referrals created for several advocates',
};

function phraseOf(e) {
  let p = PHRASES[e.name];
  if (!p && e.name.endsWith('EffectProps')) {
    const t = effectTypeOf(e.name);
    p = t
      ? `the props of the \`${t}\` effect`
      : 'the props of a strikethrough-pricing entry (not an effect type)';
  }
  if (!p) fail(`schema ${e.name} needs a phrase in PHRASES`);
  return e.specKey === 'old' && e.legacy ? `${p} in its 2021-release shape` : p;
}
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function docs(e) {
  const p = phraseOf(e);
  return e.flavour === 'req'
    ? {
        schema: `Strict schema for ${p}, checked before sending.`,
        type: `${cap(p)}, as accepted in a request.`,
      }
    : {
        schema: `Lenient schema for ${p}: unknown keys${e.expr.includes('openEnum(') ? ' and enum values' : ''} pass.`,
        type: `${cap(p)}, as returned.`,
      };
}

// ---------------------------------------------------------------------------------------------
// Effects
// ---------------------------------------------------------------------------------------------

function effectTypeOf(propsName) {
  if (propsName === 'EffectProps') return null;
  if (propsName in EFFECT_TYPE_OVERRIDES) return EFFECT_TYPE_OVERRIDES[propsName].type;
  const stem = propsName.slice(0, -'EffectProps'.length);
  return stem[0].toLowerCase() + stem.slice(1);
}

/** Effect types the spec prose names ("... the "setDiscount" effect ..."), to check the mapping. */
function effectTypesInProse() {
  const found = new Set();
  const text = JSON.stringify(current.components.schemas);
  for (const m of text.matchAll(/(?:\\"|`)([a-z][A-Za-z]+)(?:\\"|`) effect/g)) found.add(m[1]);
  return found;
}

function effectsTail() {
  const effectSchema = schemaOf('cur', 'Effect');
  const members = effectPropsNames
    .map((n) => ({ props: n, type: effectTypeOf(n) }))
    .filter((m) => m.type)
    .sort((a, b) => a.type.localeCompare(b.type));
  const prose = effectTypesInProse();
  const unmatched = members.filter((m) => !prose.has(m.type) && !(m.props in EFFECT_TYPE_OVERRIDES));
  for (const m of unmatched) {
    if (!EFFECT_TYPE_NOTES[m.props])
      fail(`effect type ${m.type} (${m.props}) is not named in the spec: check it`);
  }
  const baseProps = Object.fromEntries(
    Object.entries(effectSchema.properties).filter(([k]) => k !== 'effectType' && k !== 'props'),
  );
  const baseExpr = genObject({ properties: baseProps, required: effectSchema.required }, 'res', {
    specKey: 'cur',
    owner: 'Effect',
    ref: () => fail('Effect base fields must not reference other schemas'),
  });
  // `{ ... }` of the looseObject call, reused as the entries of every member.
  const baseEntries = baseExpr.slice(`${PURE}v.looseObject(`.length, -1);
  const lines = [];
  const excluded = Object.entries(EFFECT_TYPE_OVERRIDES).filter(([, o]) => o.type === null);
  lines.push(`// Props schemas without a member in the union, each being ${STRIKETHROUGH}:`);
  lines.push(`// ${excluded.map(([n]) => n).join(', ')}.`);
  lines.push('');
  lines.push('/** The effect types this SDK version knows, each with a typed `props` schema. */');
  lines.push('export const knownEffectTypes = [');
  for (const m of members) {
    const why = EFFECT_TYPE_OVERRIDES[m.props]?.why ?? EFFECT_TYPE_NOTES[m.props];
    const note = why ? ` // ${m.props}: ${why}` : '';
    lines.push(`  ${lit(m.type)},${note}`);
  }
  lines.push('] as const;');
  lines.push('');
  lines.push('/** The name of an effect type with a typed `props` schema. */');
  lines.push('export type KnownEffectType = (typeof knownEffectTypes)[number];');
  lines.push('');
  // Why an enum tag and not `string & { brand }`: TypeScript finds any `string & X` comparable to
  // every string literal, so a catch-all typed that way defeats narrowing in a `switch` on
  // `effectType`. A string-enum tag is assignable to `string` but comparable to no known name.
  lines.push('// Type-only tag (ambient: nothing at runtime). Its value is never what the API sends.');
  lines.push('export declare enum UnknownEffectTypeTag {');
  lines.push("  Unknown = '(an effect type this SDK version does not know)',");
  lines.push('}');
  lines.push('');
  lines.push('/**');
  lines.push(
    ' * An effect type this SDK version does not know: a string at runtime, typed so that a `switch` on',
  );
  lines.push(
    ' * `effectType` narrows `props` for the known names. To test for a name the SDK does not know yet,',
  );
  lines.push(
    " * widen first: `(effect.effectType as string) === 'newType'` (TypeScript rejects the direct comparison).",
  );
  lines.push(' */');
  lines.push('export type UnknownEffectType = UnknownEffectTypeTag;');
  lines.push('');
  lines.push('// The fields every effect has, besides `effectType` and `props`.');
  lines.push(`const effectBaseEntries = ${baseEntries};`);
  lines.push('');
  lines.push(
    '/** Lenient schema for an effect whose type this SDK version does not know (its props stay untyped). */',
  );
  // The schemas that spread effectBaseEntries are built inside pure IIFEs: esbuild counts an object
  // spread at module level as a possible side effect (a getter could run), and would otherwise keep
  // every effect schema in bundles that never parse a session.
  lines.push(`export const UnknownEffectSchema = ${PURE}(() =>`);
  lines.push('  v.looseObject({');
  lines.push('    ...effectBaseEntries,');
  lines.push(`    effectType: ${PURE}v.custom<UnknownEffectType>(`);
  lines.push(
    "      (input) => typeof input === 'string' && !(knownEffectTypes as readonly string[]).includes(input),",
  );
  lines.push(
    "      'Invalid effect type: expected a string that is not a known type (known types must match their props)',",
  );
  lines.push('    ),');
  lines.push(`    props: ${call('v.record', call('v.string'), call('v.unknown'))},`);
  lines.push('  }))();');
  lines.push('');
  lines.push('/** An effect of a type this SDK version does not know. */');
  lines.push('export type UnknownEffect = v.InferOutput<typeof UnknownEffectSchema>;');
  lines.push('');
  lines.push(
    '/** Lenient schema for an effect: known types must match their props schema, unknown types pass with untyped props. */',
  );
  // Dispatch by a keyed lookup: valibot's variant tries its options in order and builds an issue
  // for every mismatch, which made validating a session answer cost ~4x JSON.parse (bench/).
  lines.push(`export const EffectSchema = ${PURE}(() => {`);
  lines.push('  const known = {');
  for (const m of members) {
    lines.push(
      `    ${m.type}: ${PURE}v.looseObject({ ...effectBaseEntries, effectType: ${call('v.literal', lit(m.type))}, props: ${identOf(m.props, 'res')} }),`,
    );
  }
  lines.push('  };');
  lines.push('  type Member = (typeof known)[keyof typeof known] | typeof UnknownEffectSchema;');
  lines.push('  return v.lazy((input): Member => {');
  lines.push(
    "    const type = typeof input === 'object' && input !== null ? (input as { effectType?: unknown }).effectType : undefined;",
  );
  lines.push(
    "    return typeof type === 'string' && Object.hasOwn(known, type) ? known[type as keyof typeof known] : UnknownEffectSchema;",
  );
  lines.push('  });');
  lines.push('})();');
  lines.push('');
  lines.push('/** An effect returned by the rule engine; switch on `effectType` to narrow `props`. */');
  lines.push('export type Effect = v.InferOutput<typeof EffectSchema>;');
  lines.push('');
  lines.push("/** The effect member of a known type, e.g. `EffectOf<'setDiscount'>`. */");
  lines.push('export type EffectOf<T extends KnownEffectType> = Extract<Effect, { effectType: T }>;');
  return { text: lines.join('\n'), members };
}

// ---------------------------------------------------------------------------------------------
// Emission
// ---------------------------------------------------------------------------------------------

const byModule = new Map();
for (const e of usedEntries) {
  if (!byModule.has(e.module)) byModule.set(e.module, []);
  byModule.get(e.module).push(e);
}
for (const m of byModule.keys()) if (!MODULE_ORDER.includes(m)) fail(`module ${m} missing in MODULE_ORDER`);

/** Orders a module's entries so that every schema comes after the schemas it uses. */
function topo(list) {
  const inModule = new Set(list.map((e) => e.key));
  const sorted = [...list].sort((a, b) => a.ident.localeCompare(b.ident));
  const done = new Set();
  const out = [];
  const visit = (e, stack) => {
    if (done.has(e.key)) return;
    if (stack.has(e.key)) fail(`cycle through ${e.ident}`);
    stack.add(e.key);
    for (const d of [...e.deps].sort()) if (inModule.has(d)) visit(entries.get(d), stack);
    stack.delete(e.key);
    done.add(e.key);
    out.push(e);
  };
  for (const e of sorted) visit(e, new Set());
  return out;
}

const moduleDeps = new Map();
const outputs = new Map();
let effectInfo;
for (const mod of MODULE_ORDER) {
  if (mod === 'helpers') continue;
  const list = byModule.get(mod);
  if (!list) continue;
  const imports = new Map(); // module -> Set(ident)
  let usesOpenEnum = false;
  const body = [];
  for (const e of topo(list)) {
    for (const d of e.deps) {
      const dep = entries.get(d);
      if (dep.module !== mod) {
        if (!imports.has(dep.module)) imports.set(dep.module, new Set());
        imports.get(dep.module).add(dep.ident);
      }
    }
    if (e.special === 'effect') continue; // emitted at the end of the module
    if (e.expr.includes('openEnum(')) usesOpenEnum = true;
    const d = docs(e);
    body.push(`/** ${d.schema} */`);
    body.push(`export const ${e.ident} = ${e.expr};`);
    body.push(`/** ${d.type} */`);
    body.push(
      `export type ${typeOf(e.base, e.flavour)} = v.${e.flavour === 'req' ? 'InferInput' : 'InferOutput'}<typeof ${e.ident}>;`,
    );
    body.push('');
  }
  if (mod === 'effects') {
    effectInfo = effectsTail();
    body.push(effectInfo.text);
  }
  if (usesOpenEnum) imports.set('helpers', new Set(['openEnum']));
  moduleDeps.set(mod, new Set(imports.keys()));
  const head = [
    '// Generated by scripts/gen-models.mjs from the Talon.One Integration API spec. Do not edit by hand.',
    `// ${MODULE_DOCS[mod]}`,
    "import * as v from 'valibot';",
  ];
  for (const m of MODULE_ORDER) {
    if (!imports.has(m)) continue;
    head.push(`import { ${[...imports.get(m)].sort().join(', ')} } from './${m}.js';`);
  }
  outputs.set(mod, `${head.join('\n')}\n\n${body.join('\n').trimEnd()}\n`);
}

// The import graph between model modules must be acyclic (schemas are used at evaluation time).
{
  const state = new Map();
  const visit = (m, path) => {
    if (state.get(m) === 'done') return;
    if (state.get(m) === 'active') fail(`module import cycle: ${[...path, m].join(' -> ')}`);
    state.set(m, 'active');
    for (const d of moduleDeps.get(m) ?? []) visit(d, [...path, m]);
    state.set(m, 'done');
  };
  for (const m of moduleDeps.keys()) visit(m, []);
}

const HELPERS = `// Hand-kept helper of the generated models (written by scripts/gen-models.mjs).
import * as v from 'valibot';

/**
 * A response enum that also accepts values this SDK version does not know yet. The type is the
 * union of the known values plus \`string & {}\`, which keeps editor autocompletion for them.
 */
export function openEnum<const T extends readonly string[]>(values: T) {
  return v.custom<T[number] | (string & {})>(
    (input) => typeof input === 'string',
    () => \`Invalid type: expected a string such as \${values.join(', ')}\`,
  );
}
`;
outputs.set('helpers', HELPERS);

const INDEX = `// Generated by scripts/gen-models.mjs. Every schema and type of the Integration API models.
${MODULE_ORDER.filter((m) => outputs.has(m))
  .map((m) => `export * from './${m}.js';`)
  .join('\n')}
`;

mkdirSync(outDir, { recursive: true });
// Remove modules of an earlier run (only generated files), so that dropped modules disappear.
for (const f of readdirSync(outDir)) {
  const path = join(outDir, f);
  if (f.endsWith('.ts') && readFileSync(path, 'utf8').includes('scripts/gen-models.mjs')) rmSync(path);
}
for (const [mod, text] of outputs) writeFileSync(join(outDir, `${mod}.ts`), text);
writeFileSync(join(outDir, 'index.ts'), INDEX);

// Summary.
const count = (pred) => usedEntries.filter(pred).length;
console.log(
  `gen-models: ${outputs.size} modules; response schemas: ${count((e) => e.flavour === 'res' && !e.special)} (+ EffectSchema), ` +
    `request schemas: ${count((e) => e.flavour === 'req')}, legacy: ${count((e) => e.module === 'legacy')}, ` +
    `effect types: ${effectInfo.members.length}`,
);
