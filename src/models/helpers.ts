/**
 * Hand-written building blocks of the generated models (src/models/schemas.ts): the answer and
 * request policies live here, the generator only says where each one applies.
 *
 * - Answers are tolerant: unknown keys pass and stay on the object, unknown enum values pass,
 *   `null` is accepted in every optional field, and a `null` list becomes an empty list.
 * - Requests are strict: a key the schema does not define is an issue that names the key meant.
 */
import * as v from 'valibot';

/** The dataset a valibot schema runs on (its internal `~run` protocol). */
type Dataset = { typed: boolean; value: unknown; issues?: v.BaseIssue<unknown>[] };
type Run = (dataset: Dataset, config: v.Config<v.BaseIssue<unknown>>) => Dataset;

/**
 * `base` with its `~run` replaced by `run`: same type, same metadata (so object schemas still see
 * an optional key as optional), one function call where valibot's wrappers would nest two or
 * three. Answers are parsed on every call, so this is the hot path.
 *
 * The Standard Schema interface (`~standard`) is made anew around `run`: the one valibot built
 * for `base` calls `base`'s own `~run`, so a Standard Schema user would get another judgment
 * than `safeParse`. It is built as valibot 1.5 builds it (`_standardSchema`: version 1, vendor
 * valibot, the dataset of a run with the global config), which is why package.json pins valibot
 * to `~1.5.0`; test/models/standard.test.ts compares the two paths for every generated schema.
 */
function withRun<S extends v.GenericSchema>(base: S, run: Run): S {
  const validate = (value: unknown) => run({ typed: false, value }, v.getGlobalConfig());
  return { ...base, '~run': run, '~standard': { version: 1, vendor: 'valibot', validate } } as S;
}

const runOf = (schema: v.GenericSchema): Run => (schema as unknown as { '~run': Run })['~run'].bind(schema);

/**
 * Runs `run` over the items of an answer's array without copying it unless an item changed (a
 * `null` list inside became `[]`): the answer is ours, freshly parsed, so sharing is safe, and
 * it saves an allocation per array on every call. Any problem: valibot's own array (`fallback`)
 * runs instead, for its exact issues.
 */
function arrayRun(item: v.GenericSchema, fallback: Run): Run {
  const runItem = runOf(item);
  return (dataset, config) => {
    const input = dataset.value;
    if (!Array.isArray(input)) return fallback(dataset, config);
    let out: unknown[] | undefined;
    // One dataset for every item (see `answer`).
    const scratch: Dataset = { typed: false, value: undefined };
    for (let i = 0; i < input.length; i++) {
      const value: unknown = input[i];
      scratch.typed = false;
      scratch.value = value;
      const result = runItem(scratch, config);
      if (result.issues || !result.typed) return fallback(dataset, config);
      if (result.value !== value) {
        out ??= input.slice();
        out[i] = result.value;
      }
    }
    if (out) dataset.value = out;
    dataset.typed = true;
    return dataset;
  };
}

/** An answer's array that turns `null` into `[]`. */
function listRun(array: v.ArraySchema<v.GenericSchema, undefined>): Run {
  const run = arrayRun(array.item, runOf(array));
  return (dataset, config) => {
    if (dataset.value !== null) return run(dataset, config);
    dataset.value = [];
    dataset.typed = true;
    return dataset;
  };
}

/**
 * An answer's list: `null` (how the API's Go backend sends an empty list) becomes `[]`, so the
 * caller always gets an array.
 */
export function list<const T extends v.GenericSchema>(item: T) {
  const array = v.array(item);
  return withRun(
    v.nullable(array, (): never[] => []),
    listRun(array),
  );
}

/** An optional field of an answer: it may be absent or `null`. */
export function opt<const T extends v.GenericSchema>(schema: T) {
  const run = runOf(schema);
  return withRun(v.exactOptional(v.nullable(schema)), (dataset, config) => {
    if (dataset.value !== null) return run(dataset, config);
    dataset.typed = true;
    return dataset;
  });
}

/** An optional list of an answer: it may be absent; `null` becomes `[]`. */
export function optList<const T extends v.GenericSchema>(item: T) {
  const array = v.array(item);
  return withRun(v.exactOptional(v.nullable(array, (): never[] => [])), listRun(array));
}

const OPTIONAL: ReadonlySet<string> = /*#__PURE__*/ new Set(['exact_optional', 'optional', 'nullish']);

/**
 * An answer's object: the known fields are checked, unknown keys stay. The object is returned as
 * it came unless a field changed (a `null` list became `[]`); then a shallow copy carries the
 * change, so a caller's own data passed to a schema is never modified. Any problem (a missing
 * required field, a wrong type): valibot's looseObject runs instead, for its exact issues. The
 * fields checked are the keys `for...in` sees (own and inherited enumerable ones, all that a
 * parsed answer has); a required field it does not see sends the object to valibot too.
 */
export function answer<const E extends v.ObjectEntries>(entries: E) {
  const base = v.looseObject(entries);
  const fallback = runOf(base);
  // Each field's run, and 1 when the field is required (0 when it may be left out).
  const fields = new Map<string, [Run, number]>();
  let required = 0;
  for (const key in entries) {
    const schema = entries[key] as v.GenericSchema;
    const needed = +!OPTIONAL.has(schema.type);
    required += needed;
    fields.set(key, [runOf(schema), needed]);
  }
  return withRun(base, (dataset, config) => {
    const input = dataset.value as Record<string, unknown>;
    if (typeof input !== 'object' || input === null) return fallback(dataset, config);
    let out: Record<string, unknown> | undefined;
    let found = 0;
    const scratch: Dataset = { typed: false, value: undefined };
    // Driven by the keys the object has, not by the schema's (an answer leaves many optional
    // fields out, and looking each of them up costs more than the fields that are there).
    for (const key in input) {
      const field = fields.get(key);
      if (!field) continue;
      found += field[1];
      const value = input[key];
      scratch.typed = false;
      scratch.value = value;
      const result = field[0](scratch, config);
      if (result.issues || !result.typed) return fallback(dataset, config);
      if (result.value !== value) {
        out ??= { ...input };
        out[key] = result.value;
      }
    }
    if (found < required) return fallback(dataset, config);
    if (out) dataset.value = out;
    dataset.typed = true;
    return dataset;
  });
}

const isMap = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input);

const notMap = /*#__PURE__*/ v.custom<never>(
  (input) => isMap(input),
  (issue) => `Invalid type: expected an object (a map) but received ${issue.received}`,
);

/**
 * A map from keys to values of `value`. Every key is kept, `__proto__` and `constructor`
 * included (valibot's record skips those, and a body loses nothing it was given); an array is
 * not a map.
 */
export function map<const T extends v.GenericSchema>(value: T) {
  const runValue = runOf(value);
  const refuse = runOf(notMap);
  const base = v.record(v.string(), value);
  return withRun(base, (dataset, config) => {
    const input = dataset.value;
    if (!isMap(input)) return refuse(dataset, config);
    const out: Record<string, unknown> = {};
    dataset.typed = true;
    for (const key of Object.keys(input)) {
      const item = runValue({ typed: false, value: input[key] }, config);
      if (item.issues) {
        const step = { type: 'object', origin: 'value', input, key, value: input[key] } as const;
        for (const issue of item.issues) {
          (issue as { path?: unknown[] }).path = [step, ...(issue.path ?? [])];
          if (dataset.issues) dataset.issues.push(issue);
          else dataset.issues = [issue];
        }
      }
      if (!item.typed) dataset.typed = false;
      Object.defineProperty(out, key, {
        value: item.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    dataset.value = out;
    return dataset;
  });
}

/** The free-form map of attributes and similar fields: the object itself, every key kept. */
export function anyMap() {
  return v.custom<Record<string, unknown>>(
    isMap,
    (issue) => `Invalid type: expected an object (a map) but received ${issue.received}`,
  );
}

/**
 * Edit distance between two keys (insertions, deletions, substitutions and swaps of two
 * neighbours each count 1), bounded: returns `max + 1` as soon as it exceeds `max`.
 */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? max + 1;
}

/**
 * The known key a misspelled `key` most likely meant: the same letters in another case, or the
 * closest within a third of its length (at least 1, at most 3 edits). `undefined` when none is close.
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = known.find((name) => name.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const max = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  let found: string | undefined;
  let best = max + 1;
  for (const name of known) {
    const d = distance(lower, name.toLowerCase(), max);
    if (d < best) {
      best = d;
      found = name;
    }
  }
  return found;
}

/**
 * A request object checked strictly: a key outside `entries` is an issue whose message reads
 * `is not a field of NewCustomerSessionV2; did you mean cartItems?` (the transport puts the
 * key's path in front). `name` is the spec's schema name.
 */
export function strict<const E extends v.ObjectEntries>(name: string, entries: E) {
  const known = Object.keys(entries);
  // valibot's object schemas take an array for an object: refuse it first.
  const notArray = v.custom<unknown>(
    (input) => !Array.isArray(input),
    `Invalid type: expected ${name} (an object) but received an array`,
  );
  const checked = v.strictObject(entries, (issue) => {
    if (issue.expected === 'never') {
      const meant = closestKey(String(issue.input), known);
      return `is not a field of ${name}${meant ? `; did you mean ${meant}?` : ''}`;
    }
    // A required key that is absent: valibot reports it with the key as the last path item.
    if (issue.path?.length && issue.input === undefined) return `is required by ${name}`;
    return `Invalid type: expected ${name} (an object) but received ${issue.received}`;
  });
  const refuse = runOf(notArray);
  const run = runOf(checked);
  return withRun(checked, (dataset, config) =>
    Array.isArray(dataset.value) ? refuse(dataset, config) : run(dataset, config),
  );
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * A date-time in a request: a `Date` or an RFC 3339 string, sent as RFC 3339 (a `Date` as its
 * UTC ISO form). An invalid `Date` or a string in another format is an issue.
 */
export function dateTime() {
  return v.pipe(
    v.union(
      [
        v.pipe(
          v.date(),
          v.check((d) => !Number.isNaN(d.getTime()), 'must be a valid Date'),
        ),
        v.pipe(v.string(), v.regex(RFC3339, 'must be an RFC 3339 date-time such as 2026-06-24T10:00:00Z')),
      ],
      'Invalid type: expected a Date or an RFC 3339 date-time string',
    ),
    v.transform((value): string => (typeof value === 'string' ? value : value.toISOString())),
  );
}

/**
 * An effect `effectType` the SDK does not know. Declared, never emitted: it exists so that
 * `switch (effect.effectType)` narrows `props` for the known types; widen to `string` to compare
 * with a type name this SDK version does not list.
 */
export declare enum UnknownEffectTypeTag {
  /** Not a real value: marks effect types this SDK version does not know. */
  Unknown = '(an effect type this SDK version does not know)',
}

/** The `effectType` of an effect this SDK version does not know. */
export type UnknownEffectType = UnknownEffectTypeTag;

/**
 * The effect union: each known `effectType` is checked against its props schema (found by a
 * keyed lookup, not by trying each member); any other type passes with untyped props.
 */
export function effectUnion<T>(
  base: v.ObjectEntries,
  propsByType: Readonly<Record<string, v.GenericSchema>>,
): v.GenericSchema<unknown, T> {
  const known: Record<string, v.GenericSchema> = {};
  for (const [type, props] of Object.entries(propsByType))
    known[type] = answer({ ...base, effectType: v.literal(type), props });
  const unknownEffect = answer({ ...base, effectType: v.string(), props: anyMap() });
  return v.lazy((input) => {
    // Any value but null and undefined reads as an object here; a primitive has no effectType.
    const type = (input as { effectType?: unknown } | null | undefined)?.effectType;
    return (
      typeof type === 'string' && Object.hasOwn(known, type) ? known[type] : unknownEffect
    ) as v.GenericSchema;
  }) as unknown as v.GenericSchema<unknown, T>;
}
