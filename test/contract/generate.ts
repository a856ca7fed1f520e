/**
 * Generates values that are valid by construction against a schema of the spec (OpenAPI 3.0, or
 * 3.1 with `allOf`: `deref` flattens compositions), from a seeded PRNG: objects with every
 * required field plus a random choice of optional ones, the right types, enum values from the
 * list, numbers within their bounds, RFC 3339 date-times, arrays of 0-3 items (unique where the
 * spec says so; `null` now and then in answers where the spec writes `default: null`, as the Go
 * backend sends an empty list), `type: object` without properties as a small record, and effects
 * with `effectType`/`props` pairs taken from the `*EffectProps` schemas.
 *
 * Also here: `checkSchema`, a small JSON-schema checker (type, required, properties with no
 * unknown keys, items, enum, allOf, bounds, lengths, item counts, pattern), and
 * `normalizeAnswer`, what the SDK's answer policy makes of a valid answer (`null` lists → `[]`).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deref, type OpenApi, refName, type SchemaObject } from '../support/spec.js';

/** The generator's reading of a spec `pattern` (Go syntax: POSIX classes) as JavaScript (scripts/gen/text.mjs). */
const { jsPattern } = (await import(
  pathToFileURL(join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'scripts/gen/text.mjs')).href
)) as { jsPattern: (pattern: string) => string };

/** mulberry32: a small, seedable PRNG, so that a failing case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  /** `request` leaves out readOnly properties; `response` keeps them. */
  readonly mode: 'request' | 'response';
  /** Only required properties (optional ones are never added). */
  readonly minimal?: boolean;
  /** Every optional property, and arrays of exactly one item (for finding every required path). */
  readonly full?: boolean;
}

/** Whether an array schema says the API may send `null` for it (`default: null`, or `nullable`). */
export const nullList = (s: SchemaObject) => s.type === 'array' && (s.default === null || !!s.nullable);

/**
 * The effect type each `*EffectProps` schema describes: the schema name without `EffectProps`,
 * first letter lower-cased; `CustomEffectProps` is `customEffect` (the type the API sends) and
 * `ErrorEffectProps` is `error`. `EffectProps` (the base) is not an effect type.
 */
export function effectTypes(spec: OpenApi): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(spec.components.schemas)) {
    if (!name.endsWith('EffectProps') || name === 'EffectProps') continue;
    const stem = name.slice(0, -'EffectProps'.length);
    const type = stem === 'Custom' ? 'customEffect' : stem[0]!.toLowerCase() + stem.slice(1);
    out.set(type, name);
  }
  return out;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const EXTRA = ['ü', '✓', ' ', '-', '_', 'ß', '€', '"', '\\', '/'];

export class Generator {
  private readonly rand: () => number;
  private readonly effects: ReadonlyMap<string, string>;

  constructor(
    private readonly spec: OpenApi,
    seed: number,
    private readonly options: GenerateOptions,
  ) {
    this.rand = prng(seed);
    this.effects = effectTypes(spec);
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }

  private chance(p: number): boolean {
    return this.rand() < p;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  /** A string of `length` characters; letters and digits only when a pattern is set (see `string`). */
  private text(length: number, plain: boolean): string {
    let out = this.pick(ALNUM.slice(0, 52).split(''));
    while (out.length < length)
      out += !plain && this.chance(0.15) ? this.pick(EXTRA) : this.pick(ALNUM.split(''));
    return out.slice(0, Math.max(length, 0));
  }

  private dateTime(): string {
    const ms = Date.UTC(2019, 0, 1) + Math.floor(this.rand() * 8 * 365 * 86_400_000);
    const iso = new Date(ms).toISOString();
    switch (this.int(0, 3)) {
      case 0:
        return iso; // 2024-03-01T10:00:00.000Z
      case 1:
        return iso.replace(/\.\d{3}Z$/, 'Z'); // no fraction
      case 2:
        return iso.replace(/\.(\d{3})Z$/, `.$1${this.int(100, 999)}+02:00`); // microseconds and an offset
      default:
        return iso.replace('Z', '-05:30');
    }
  }

  private uuid(): string {
    const hex = () => this.int(0, 15).toString(16);
    const part = (n: number) => Array.from({ length: n }, hex).join('');
    return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
  }

  private string(schema: SchemaObject): string {
    if (schema.format === 'date-time') return this.dateTime();
    if (schema.format === 'uuid') return this.uuid();
    const min = schema.minLength ?? 0;
    const max = Math.min(schema.maxLength ?? min + 12, min + 12);
    const text = this.text(
      this.int(Math.max(min, schema.pattern ? 2 : 0), Math.max(max, min)),
      !!schema.pattern,
    );
    if (!schema.pattern) return text;
    // Letters and digits fit every pattern of the spec but one, `name:value` (webhook headers).
    const fits = new RegExp(jsPattern(schema.pattern), 'u');
    const found = [text, `${text}:${text}`].find((candidate) => fits.test(candidate));
    if (found === undefined) throw new Error(`the generator has no value for the pattern ${schema.pattern}`);
    return found;
  }

  private number(schema: SchemaObject, integer: boolean): number {
    const min = schema.minimum ?? (integer ? -5 : -1000);
    const max = Math.min(schema.maximum ?? 1_000_000, min + 1_000_000);
    if (integer) return this.int(Math.ceil(min), Math.floor(max));
    const value = min + this.rand() * (max - min);
    return this.chance(0.3) ? Math.round(value) : Math.round(value * 100) / 100;
  }

  /** A small free-form record: what `type: object` without properties stands for. */
  record(depth = 0): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const n = this.options.full ? 1 : this.int(0, 3);
    for (let i = 0; i < n; i++) {
      const key = `${this.text(this.int(1, 8), true)}${i}`;
      const kind = this.int(0, depth > 1 ? 3 : 5);
      out[key] =
        kind === 0
          ? this.text(this.int(0, 10), false)
          : kind === 1
            ? this.number({}, false)
            : kind === 2
              ? this.chance(0.5)
              : kind === 3
                ? null
                : kind === 4
                  ? [this.text(3, true), this.int(0, 9)]
                  : this.record(depth + 1);
    }
    return out;
  }

  private effect(schema: SchemaObject, depth: number): Record<string, unknown> {
    const base = this.object(schema, depth, new Set(['effectType', 'props']));
    // A type this SDK version cannot know (every type, where the spec has no *EffectProps
    // schemas, as the Management file): it must parse, with its props untyped.
    if (this.effects.size === 0 || this.chance(0.1)) {
      return { ...base, effectType: `future${this.text(6, true)}`, props: this.record(depth) };
    }
    const type = this.pick([...this.effects.keys()]);
    const props = this.value({ $ref: `#/components/schemas/${this.effects.get(type)}` }, depth + 1);
    return { ...base, effectType: type, props };
  }

  private object(
    schema: SchemaObject,
    depth: number,
    skip: ReadonlySet<string> = new Set(),
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const required = new Set(schema.required ?? []);
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      if (skip.has(key)) continue;
      if (this.options.mode === 'request' && (prop.readOnly || deref(this.spec, prop).readOnly)) continue;
      const wanted =
        required.has(key) ||
        (!this.options.minimal && (this.options.full || (depth < 6 && this.chance(depth < 3 ? 0.6 : 0.3))));
      if (wanted) out[key] = this.value(prop, depth + 1);
    }
    return out;
  }

  /** A value valid against `schema`. */
  value(schema: SchemaObject, depth = 0): unknown {
    const name = refName(schema);
    const s = deref(this.spec, schema);
    if (name === 'Effect') return this.effect(s, depth);
    if (s.nullable && !this.options.full && this.chance(0.1)) return null;
    if (
      this.options.mode === 'response' &&
      nullList(s) &&
      !this.options.full &&
      !this.options.minimal &&
      this.chance(0.15)
    )
      return null;
    if (s.enum) return this.pick(s.enum);
    switch (s.type) {
      case 'string':
        return this.string(s);
      case 'integer':
        return this.number(s, true);
      case 'number':
        return this.number(s, false);
      case 'boolean':
        return this.chance(0.5);
      case 'array': {
        const min = s.minItems ?? 0;
        const max = Math.min(s.maxItems ?? 3, 3);
        const n = this.options.full
          ? Math.max(1, min)
          : this.options.minimal
            ? min
            : this.int(min, Math.max(min, depth > 5 ? min : max));
        const items = Array.from({ length: n }, () => this.value(s.items ?? {}, depth + 1));
        if (!s.uniqueItems) return items;
        const seen = new Set<string>();
        return items.filter((item) => {
          const key = JSON.stringify(item);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      }
      default: {
        // `properties: {}` (as the spec writes `attributes`) is a free-form object, like no properties at all.
        if (s.properties && Object.keys(s.properties).length > 0) return this.object(s, depth);
        if (typeof s.additionalProperties === 'object') {
          const out: Record<string, unknown> = {};
          const n = this.options.full ? 1 : this.options.minimal ? 0 : this.int(0, depth > 5 ? 0 : 2);
          for (let i = 0; i < n; i++)
            out[`${this.text(4, true)}${i}`] = this.value(s.additionalProperties, depth + 1);
          return out;
        }
        if (s.type === 'object' || s.type === undefined) return this.record(depth);
        throw new Error(`cannot generate a value for ${JSON.stringify(s).slice(0, 120)}`);
      }
    }
  }
}

/**
 * Every path to a required property in `value` (generated with `full`), e.g.
 * `customerSession.cartItems.0.sku`, with the schema it belongs to. Used to remove them one by one.
 */
export function requiredPaths(spec: OpenApi, schema: SchemaObject, value: unknown, prefix = ''): string[] {
  const s = deref(spec, schema);
  const out: string[] = [];
  if (Array.isArray(value) && s.items) {
    value.forEach((item, i) => {
      out.push(...requiredPaths(spec, s.items!, item, `${prefix}${i}.`));
    });
    return out;
  }
  if (typeof value !== 'object' || value === null) return out;
  if (typeof s.additionalProperties === 'object') {
    for (const [key, item] of Object.entries(value))
      out.push(...requiredPaths(spec, s.additionalProperties, item, `${prefix}${key}.`));
  }
  if (!s.properties) return out;
  const required = new Set(s.required ?? []);
  for (const [key, prop] of Object.entries(s.properties)) {
    if (!(key in value)) continue;
    if (required.has(key)) out.push(`${prefix}${key}`);
    out.push(...requiredPaths(spec, prop, (value as Record<string, unknown>)[key], `${prefix}${key}.`));
  }
  return out;
}

/** A value that breaks one constraint of a property, and what it breaks. */
export interface Violation {
  /** Dotted path inside the body, e.g. `customerSession.cartItems.0.quantity`. */
  readonly path: string;
  readonly value: unknown;
  readonly rule: string;
}

/**
 * For every property present in `value` (generated with `full`), values that break exactly one
 * constraint of its schema: its type, enum, length, bounds, item count or pattern. `format`
 * (date-time, uuid) is left out: the SDK does not check formats, only types.
 */
export function violations(spec: OpenApi, schema: SchemaObject, value: unknown, prefix = ''): Violation[] {
  const s = deref(spec, schema);
  const out: Violation[] = [];
  const at = prefix.replace(/\.$/, '');
  const add = (rule: string, bad: unknown) => out.push({ path: at, value: bad, rule });
  if (prefix) {
    if (s.enum) add('enum', `not-${String(s.enum[0])}`);
    switch (s.type) {
      case 'string':
        add('type', 12345);
        if (s.maxLength !== undefined) add(`maxLength ${s.maxLength}`, 'x'.repeat(s.maxLength + 1));
        if (s.minLength) add(`minLength ${s.minLength}`, 'x'.repeat(s.minLength - 1));
        if (s.pattern && !new RegExp(jsPattern(s.pattern), 'u').test('!!!!!'))
          add(`pattern ${s.pattern}`, '!!!!!');
        break;
      case 'integer':
      case 'number':
        add('type', '12');
        if (s.type === 'integer') add('integer', 1.5);
        if (s.minimum !== undefined) add(`minimum ${s.minimum}`, s.minimum - 1);
        if (s.maximum !== undefined) add(`maximum ${s.maximum}`, s.maximum + 1);
        break;
      case 'boolean':
        add('type', 'true');
        break;
      case 'array': {
        add('type', 'not-an-array');
        const item = Array.isArray(value) ? value[0] : undefined;
        if (s.maxItems !== undefined && item !== undefined)
          add(
            `maxItems ${s.maxItems}`,
            Array.from({ length: s.maxItems + 1 }, () => item),
          );
        if (s.minItems) add(`minItems ${s.minItems}`, []);
        break;
      }
      default:
        // The spec examples' string "{}" where an object is due; a schema without type or
        // properties (`items: {}`, any value) has no constraint to break.
        if (s.type === 'object' || s.properties || s.additionalProperties) add('type', '{}');
    }
  }
  if (Array.isArray(value) && s.items) {
    value.forEach((item, i) => {
      out.push(...violations(spec, s.items!, item, `${prefix}${i}.`));
    });
  } else if (typeof value === 'object' && value !== null) {
    if (typeof s.additionalProperties === 'object')
      for (const [key, item] of Object.entries(value))
        out.push(...violations(spec, s.additionalProperties, item, `${prefix}${key}.`));
    for (const [key, prop] of Object.entries(s.properties ?? {}))
      if (key in value)
        out.push(...violations(spec, prop, (value as Record<string, unknown>)[key], `${prefix}${key}.`));
  }
  return out;
}

/** Options of {@link checkSchema}. */
export interface CheckOptions {
  /** `request`: a readOnly property must not be sent. */
  readonly mode: 'request' | 'response';
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/**
 * A small JSON-schema checker for the spec's subset: `type`, `required`, `properties` (a key the
 * schema does not define is an issue unless the object is free-form or has
 * `additionalProperties`), `items`, `enum`, `allOf` (through `deref`), `minimum`/`maximum`,
 * `minLength`/`maxLength`, `minItems`/`maxItems`, `uniqueItems`, `pattern`; `nullable` and
 * `default: null` lists accept `null`; in requests a readOnly property is an issue. Returns the
 * issues as `path: problem` lines (empty when the value is valid).
 */
export function checkSchema(
  spec: OpenApi,
  schema: SchemaObject,
  value: unknown,
  options: CheckOptions,
  path = '(root)',
): string[] {
  const s = deref(spec, schema);
  const out: string[] = [];
  const at = (problem: string) => out.push(`${path}: ${problem}`);
  if (value === null) {
    if (!s.nullable && !nullList(s) && !(s.type === undefined && !s.properties)) at('is null');
    return out;
  }
  if (s.enum && !s.enum.includes(value))
    at(`${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  const type = s.type ?? (s.properties ? 'object' : undefined);
  const actual = typeOf(value);
  switch (type) {
    case 'string':
      if (actual !== 'string') return [...out, `${path}: expected a string, got ${actual}`];
      if (s.minLength !== undefined && [...(value as string)].length < s.minLength)
        at(`shorter than ${s.minLength}`);
      if (s.maxLength !== undefined && [...(value as string)].length > s.maxLength)
        at(`longer than ${s.maxLength}`);
      if (s.pattern && !new RegExp(jsPattern(s.pattern), 'u').test(value as string))
        at(`does not match ${s.pattern}`);
      return out;
    case 'integer':
    case 'number':
      if (actual !== 'number') return [...out, `${path}: expected a ${type}, got ${actual}`];
      if (type === 'integer' && !Number.isInteger(value)) at('is not an integer');
      if (s.minimum !== undefined && (value as number) < s.minimum) at(`below the minimum ${s.minimum}`);
      if (s.maximum !== undefined && (value as number) > s.maximum) at(`above the maximum ${s.maximum}`);
      return out;
    case 'boolean':
      if (actual !== 'boolean') at(`expected a boolean, got ${actual}`);
      return out;
    case 'array': {
      if (!Array.isArray(value)) return [...out, `${path}: expected an array, got ${actual}`];
      if (s.minItems !== undefined && value.length < s.minItems) at(`fewer than ${s.minItems} items`);
      if (s.maxItems !== undefined && value.length > s.maxItems) at(`more than ${s.maxItems} items`);
      if (s.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length)
        at('items are not unique');
      value.forEach((item, i) => {
        out.push(...checkSchema(spec, s.items ?? {}, item, options, `${path}[${i}]`));
      });
      return out;
    }
    case 'object':
    case undefined: {
      if (type === undefined && !s.properties && s.additionalProperties === undefined) return out; // any value
      if (actual !== 'object') return [...out, `${path}: expected an object, got ${actual}`];
      const record = value as Record<string, unknown>;
      const properties = s.properties ?? {};
      for (const name of s.required ?? [])
        if (
          !(name in record) &&
          !(options.mode === 'request' && deref(spec, properties[name] ?? {}).readOnly)
        )
          at(`required property ${name} is missing`);
      const freeForm = Object.keys(properties).length === 0;
      for (const [key, item] of Object.entries(record)) {
        const prop = properties[key];
        if (prop) {
          if (options.mode === 'request' && (prop.readOnly || deref(spec, prop).readOnly))
            at(`${key} is readOnly and must not be sent`);
          out.push(...checkSchema(spec, prop, item, options, `${path}.${key}`));
        } else if (typeof s.additionalProperties === 'object')
          out.push(...checkSchema(spec, s.additionalProperties, item, options, `${path}.${key}`));
        else if (!freeForm && s.additionalProperties !== true) at(`${key} is not a property of the schema`);
      }
      return out;
    }
    default:
      at(`unsupported schema type ${type}`);
      return out;
  }
}

/**
 * What the SDK's answer policy makes of a valid answer: every list that arrived as `null`
 * becomes `[]` (effects' props by their `*EffectProps` schema); everything else is unchanged.
 */
export function normalizeAnswer(spec: OpenApi, schema: SchemaObject, value: unknown): unknown {
  const s = deref(spec, schema);
  if (value === null) return s.type === 'array' ? [] : null;
  if (Array.isArray(value)) return value.map((item) => normalizeAnswer(spec, s.items ?? {}, item));
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const effectProps =
    refName(schema) === 'Effect'
      ? effectTypes(spec).get(String((value as { effectType?: unknown }).effectType))
      : undefined;
  for (const [key, item] of Object.entries(value)) {
    const prop =
      key === 'props' && effectProps
        ? { $ref: `#/components/schemas/${effectProps}` }
        : (s.properties?.[key] ??
          (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined));
    out[key] = prop ? normalizeAnswer(spec, prop, item) : item;
  }
  return out;
}
