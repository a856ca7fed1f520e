/**
 * One judgment, two interfaces: for every schema exported by src/models/schemas.ts, valibot's
 * `safeParse` and the Standard Schema interface (`schema['~standard'].validate`) give the same
 * outcome, value and issues (path, message and code), on a valid input, mistyped ones (the wrong
 * type at the top, and in a required field) and a drifted one (a field this SDK does not know,
 * and a required key written in another case).
 *
 * The inputs are small values built from each schema itself: for every leaf, the first of a few
 * candidates the leaf accepts; an object gets its required fields. The valid input is checked to
 * be valid, so that the comparison is not made on failures only.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { issueCode } from '../../src/core/issues.js';
import * as models from '../../src/models/schemas.js';

type AnySchema = v.GenericSchema & {
  readonly type: string;
  readonly entries?: Record<string, AnySchema>;
  readonly item?: AnySchema;
  readonly wrapped?: AnySchema;
  readonly options?: readonly unknown[];
  readonly literal?: unknown;
  readonly getter?: (input: unknown) => AnySchema;
  readonly pipe?: readonly { readonly type: string; readonly requirement?: unknown }[];
};

const OPTIONAL = new Set(['optional', 'exact_optional', 'nullish']);

const isSchema = (value: unknown): value is AnySchema =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'schema';

/** The schemas the generator emits: every `…Schema` export. */
const schemas = Object.entries(models as Record<string, unknown>).filter(
  (entry): entry is [string, AnySchema] => entry[0].endsWith('Schema') && isSchema(entry[1]),
);

const requiredKeys = (schema: AnySchema): string[] =>
  Object.entries(schema.entries ?? {})
    .filter(([, entry]) => !OPTIONAL.has(entry.type))
    .map(([key]) => key);

/** The first candidate `schema` accepts, or the first candidate when none is accepted. */
function firstAccepted(schema: AnySchema, candidates: readonly unknown[]): unknown {
  return candidates.find((c) => v.safeParse(schema, c).success) ?? candidates[0];
}

/** A small value `schema` accepts (its required fields only, one item per list). */
function sample(schema: AnySchema, depth = 0): unknown {
  if (depth > 12) return undefined;
  const min = schema.pipe?.find((action) => action.type === 'min_length')?.requirement;
  switch (schema.type) {
    case 'strict_object':
    case 'loose_object':
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of requiredKeys(schema))
        out[key] = sample(schema.entries?.[key] as AnySchema, depth + 1);
      return out;
    }
    case 'array': {
      const item = sample(schema.item as AnySchema, depth + 1);
      return firstAccepted(schema, [[item], []]);
    }
    case 'nullable':
    case 'optional':
    case 'exact_optional':
    case 'nullish':
      return sample(schema.wrapped as AnySchema, depth + 1);
    case 'picklist':
      return schema.options?.[0];
    case 'literal':
      return schema.literal;
    case 'lazy':
      // The effect union: an effect type this SDK does not know (its props are a free map).
      return sample(schema.getter?.({ effectType: 'someFutureEffect' }) as AnySchema, depth + 1);
    case 'union':
      return firstAccepted(
        schema,
        (schema.options as AnySchema[]).map((option) => sample(option, depth + 1)),
      );
    case 'string': {
      const long = typeof min === 'number' ? ['a'.repeat(min)] : [];
      return firstAccepted(schema, ['abcd', ...long, 'Ab1.x', '2026-06-24T10:00:00Z', '']);
    }
    case 'number':
      return firstAccepted(schema, [1, 0, 100, 1_000_000, -1, 0.5]);
    case 'boolean':
      return true;
    case 'custom':
    case 'record':
      return firstAccepted(schema, [{ note: 'a' }, {}, 'anything']);
    default:
      return 'anything';
  }
}

/** A value of another JSON type than `value`. */
function mistype(value: unknown): unknown {
  if (Array.isArray(value)) return { not: 'a list' };
  if (typeof value === 'object' && value !== null) return 'not an object';
  return typeof value === 'string' ? 42 : 'not the type';
}

/** The outcome of one path, comparable with the other's. */
function outcome(result: { issues?: readonly v.BaseIssue<unknown>[] | undefined; value?: unknown }) {
  return result.issues
    ? {
        ok: false,
        issues: result.issues.map((issue) => ({
          path: v.getDotPath(issue),
          message: issue.message,
          code: issueCode(issue),
        })),
      }
    : { ok: true, value: result.value };
}

function compare(schema: AnySchema, input: unknown) {
  const parsed = v.safeParse(schema, structuredClone(input));
  const standard = schema['~standard'].validate(structuredClone(input));
  if (standard instanceof Promise) throw new Error('a generated schema validated asynchronously');
  const viaSafeParse = outcome({ issues: parsed.issues, value: parsed.output });
  // valibot's issues, handed on as the Standard Schema's: read them back as what they are.
  const issues = standard.issues as readonly v.BaseIssue<unknown>[] | undefined;
  const viaStandard = outcome({ issues, value: 'value' in standard ? standard.value : undefined });
  expect(viaStandard).toEqual(viaSafeParse);
  return viaSafeParse;
}

describe('safeParse and ~standard.validate agree on every generated schema', () => {
  it('covers every generated schema', () => {
    expect(schemas.length).toBeGreaterThanOrEqual(230);
  });

  describe.each(schemas)('%s', (_name, schema) => {
    const valid = sample(schema);
    const keys = requiredKeys(schema);

    it('a valid input: both accept it, with the same value', () => {
      expect(compare(schema, valid)).toMatchObject({ ok: true });
    });

    it('a mistyped input: both refuse it, with the same issues', () => {
      expect(compare(schema, mistype(valid))).toMatchObject({ ok: false });
      // An array where an object is due: a request refuses it (an answer with no required field
      // takes it, as valibot's looseObject does): the same judgment either way.
      const asArray = compare(schema, []);
      if (schema.type === 'strict_object') expect(asArray).toMatchObject({ ok: false });
      const key = keys[0];
      if (key !== undefined && typeof valid === 'object' && valid !== null) {
        const field = (valid as Record<string, unknown>)[key];
        expect(compare(schema, { ...valid, [key]: mistype(field) })).toMatchObject({ ok: false });
      }
    });

    it('a drifted input (a field this SDK does not know, a key in another case): the same judgment', () => {
      if (typeof valid !== 'object' || valid === null || Array.isArray(valid)) {
        compare(schema, mistype(mistype(valid)));
        return;
      }
      const drifted: Record<string, unknown> = { ...valid, someFutureField: { nested: 1 } };
      const key = keys.find((k) => k.toUpperCase() !== k);
      if (key !== undefined) {
        drifted[key.toUpperCase()] = drifted[key];
        delete drifted[key];
      }
      const result = compare(schema, drifted);
      if (schema.type === 'strict_object')
        expect(result.issues?.map((issue) => issue.code)).toContain('unknown_key');
      if (schema.type === 'strict_object' && key !== undefined)
        expect(result.issues?.map((issue) => issue.code)).toContain('missing_key');
    });
  });
});
