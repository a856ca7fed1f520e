/**
 * Hand-written building blocks of the generated models (src/models/schemas.ts): the answer and
 * request policies live here, the generator only says where each one applies.
 *
 * - Answers are tolerant: unknown keys pass and stay on the object, unknown enum values pass,
 *   `null` is accepted in every optional field, and a `null` list becomes an empty list.
 * - Requests are strict: a key the schema does not define is an issue that names the key meant.
 */
import * as v from 'valibot';

const emptyList = (): never[] => [];

/**
 * An answer's list: `null` (how the API's Go backend sends an empty list) becomes `[]`, so the
 * caller always gets an array.
 */
export function list<const T extends v.GenericSchema>(item: T) {
  return v.nullable(v.array(item), emptyList);
}

/** An optional field of an answer: it may be absent or `null`. */
export function opt<const T extends v.GenericSchema>(schema: T) {
  return v.exactOptional(v.nullable(schema));
}

/** An optional list of an answer: it may be absent; `null` becomes `[]`. */
export function optList<const T extends v.GenericSchema>(item: T) {
  return v.exactOptional(list(item));
}

/**
 * An answer's enum that also accepts values this SDK version does not know yet. Its type is the
 * union of the known values plus `string & {}`, which keeps editor autocompletion for them.
 */
export function openEnum<const T extends readonly string[]>(values: T) {
  return v.custom<T[number] | (string & {})>(
    (input) => typeof input === 'string',
    () => `Invalid type: expected a string such as ${values.join(', ')}`,
  );
}

const isMap = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input);

/**
 * A map from keys to values of `value`. Every key is kept, `__proto__` and `constructor`
 * included (valibot's record skips those, and a body loses nothing it was given); an array is
 * not a map.
 */
export function map<const T extends v.GenericSchema>(
  value: T,
): v.GenericSchema<Record<string, v.InferInput<T>>, Record<string, v.InferOutput<T>>> {
  return v.pipe(
    v.custom<Record<string, v.InferInput<T>>>(
      isMap,
      (issue) => `Invalid type: expected an object (a map) but received ${issue.received}`,
    ),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const input = dataset.value;
      const out: Record<string, v.InferOutput<T>> = {};
      let failed = false;
      for (const key of Object.keys(input)) {
        const item = input[key];
        const parsed = v.safeParse(value, item);
        if (parsed.success) {
          Object.defineProperty(out, key, {
            value: parsed.output,
            enumerable: true,
            writable: true,
            configurable: true,
          });
          continue;
        }
        failed = true;
        for (const issue of parsed.issues)
          addIssue({
            message: issue.message,
            path: [{ type: 'object', origin: 'value', input, key, value: item }, ...(issue.path ?? [])],
          });
      }
      return failed ? NEVER : out;
    }),
  );
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
  // The pipe behaves as the object schema it ends with; its type says so.
  return v.pipe(notArray, checked) as unknown as typeof checked;
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
    known[type] = v.looseObject({ ...base, effectType: v.literal(type), props });
  const unknownEffect = v.looseObject({ ...base, effectType: v.string(), props: anyMap() });
  return v.lazy((input) => {
    const type =
      typeof input === 'object' && input !== null
        ? (input as { effectType?: unknown }).effectType
        : undefined;
    return (
      typeof type === 'string' && Object.hasOwn(known, type) ? known[type] : unknownEffect
    ) as v.GenericSchema;
  }) as unknown as v.GenericSchema<unknown, T>;
}
