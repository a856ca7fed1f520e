// Checks every generated schema against the spec it was generated from (26.13; the 2021 file for
// the Legacy* shapes): minimal valid objects are built from the spec's required fields at test
// time, and the answer and request policies are checked on every schema. Needs ../shared/spec
// next to the repository (the suite fails loudly without it).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as models from '../../src/models/schemas.js';
import { describeWithSpec, specFiles } from '../support/spec.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const modelsDir = join(root, 'src/models');

interface Node {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  enum?: unknown[];
  additionalProperties?: Node | boolean;
  readOnly?: boolean;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number | string;
  maximum?: number | string;
  exclusiveMinimum?: boolean | number;
  minItems?: number;
  allOf?: Node[];
  oneOf?: Node[];
  anyOf?: Node[];
}
interface Spec {
  components: { schemas: Record<string, Node> };
}
type Flavour = 'req' | 'res';
type AnySchema = v.GenericSchema<unknown, unknown>;

/** Response fields the generator deliberately widens to `unknown`. */
const WIDENED = new Set([
  'UpdateAttributeEffectProps.value',
  'StrikethroughSetDiscountPerItemEffectProps.value',
  'StrikethroughSetDiscountPerItemMemberEffectProps.value',
]);

function isSchema(x: unknown): x is AnySchema {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'schema';
}

/** Every exported schema with its flavour and the spec name it stands for. */
function generatedSchemas(): { exportName: string; base: string; flavour: Flavour; schema: AnySchema }[] {
  const out = [];
  for (const [exportName, value] of Object.entries(models)) {
    if (!isSchema(value) || !exportName.endsWith('Schema')) continue;
    const flavour: Flavour = exportName.endsWith('InputSchema') ? 'req' : 'res';
    // Request shapes carry an `Input` suffix (NewCustomerSessionV2Input); answers keep the spec name.
    const base = exportName.slice(0, -(flavour === 'req' ? 'InputSchema' : 'Schema').length);
    out.push({ exportName, base, flavour, schema: value });
  }
  return out;
}

/** Tree-shaking conventions, checked on the source: every top-level call carries a PURE mark. */
describe('model modules', () => {
  const files = readdirSync(modelsDir).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s: top-level calls are /*#__PURE__*/ and there are no other side effects', (file) => {
    const text = readFileSync(join(modelsDir, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const unmarked: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) return; // not run at evaluation time
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const trivia = text.slice(node.getFullStart(), node.getStart(source));
        if (!trivia.includes('/*#__PURE__*/')) unmarked.push(node.getText(source).slice(0, 60));
      }
      ts.forEachChild(node, visit);
    };
    for (const statement of source.statements) {
      const allowed =
        ts.isImportDeclaration(statement) ||
        ts.isExportDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isFunctionDeclaration(statement) ||
        (ts.isEnumDeclaration(statement) &&
          (statement.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) ||
        (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.Const) !== 0);
      expect(allowed, `unexpected top-level statement: ${statement.getText(source).slice(0, 60)}`).toBe(true);
      visit(statement);
    }
    expect(unmarked).toEqual([]);
  });
});

describeWithSpec('generated models against the spec', (specs) => {
  const current = specs.current as unknown as Spec;
  const legacy = specs.legacy as unknown as Spec;
  /** The earlier releases: an answer field is required only if they require it too. */
  const earlier = specFiles.EARLIER.map((file) => specFiles.loadSpec(file) as Spec);

  /**
   * Spec names that are not fit for an export: list answers are named `<OperationId>Response` for
   * `<operationId>_<status>_response` (the status kept only when it is not 2xx:
   * `UpdateCustomerSessionV2409Response`); other names lose their underscores and `_of_`/`_allOf_`
   * joints (`Attributes_of_coupon` → `AttributesCoupon`).
   */
  const renamed = new Map<string, string>();
  const upper = (part: string) => part.charAt(0).toUpperCase() + part.slice(1);
  for (const name of Object.keys(current.components.schemas)) {
    const match = /^(\w+?)_(\d{3})_response$/.exec(name);
    if (match) {
      const [, op = '', status = ''] = match;
      renamed.set(`${upper(op)}${status.startsWith('2') ? '' : status}Response`, name);
    } else if (name.includes('_'))
      renamed.set(
        name
          .split(/_allOf_|_of_|_/)
          .map(upper)
          .join(''),
        name,
      );
  }

  const specFor = (base: string): { spec: Spec; name: string; legacy: boolean } => {
    const listed = renamed.get(base);
    if (listed) return { spec: current, name: listed, legacy: false };
    const stripped = base.replace(/^Legacy/, '');
    if (stripped !== base && legacy.components.schemas[stripped])
      return { spec: legacy, name: stripped, legacy: true };
    if (current.components.schemas[base]) return { spec: current, name: base, legacy: false };
    if (legacy.components.schemas[base]) return { spec: legacy, name: base, legacy: true };
    throw new Error(`no spec schema for the export ${base}`);
  };

  const resolveNode = (spec: Spec, node: Node): Node => {
    if (!node.$ref) return node;
    const name = node.$ref.replace('#/components/schemas/', '');
    const target = spec.components.schemas[name];
    if (!target) throw new Error(`dangling ref ${node.$ref}`);
    return resolveNode(spec, target);
  };

  const objectOf = (spec: Spec, node: Node): Node => {
    const n = resolveNode(spec, node);
    if (!n.allOf) return n;
    const merged: Node = { type: 'object', properties: {}, required: [] };
    for (const part of n.allOf) {
      const p = objectOf(spec, part);
      Object.assign(merged.properties ?? {}, p.properties);
      merged.required?.push(...(p.required ?? []));
    }
    return merged;
  };

  /** The required fields of an answer: those of the spec, and of each earlier release that has the name. */
  const answerRequired = (spec: Spec, name: string, node: Node, isLegacy: boolean): Set<string> => {
    let required = (node.required ?? []).filter((k) => node.properties?.[k]);
    if (!isLegacy)
      for (const other of earlier) {
        if (!other.components.schemas[name]) continue;
        const theirs = new Set(objectOf(other, { $ref: `#/components/schemas/${name}` }).required ?? []);
        required = required.filter((k) => theirs.has(k));
      }
    void spec;
    return new Set(required);
  };

  /** A free-form map (attributes and the like): every key is kept, in requests too. */
  const isMap = (node: Node) =>
    !node.properties &&
    (node.type === 'object' || node.type === undefined) &&
    node.additionalProperties !== false;

  const visibleProps = (node: Node, flavour: Flavour): [string, Node][] =>
    Object.entries(node.properties ?? {}).filter(([, p]) => !(flavour === 'req' && p.readOnly));

  const exclusiveBump = (node: Node) =>
    node.exclusiveMinimum === true ? 1 : typeof node.exclusiveMinimum === 'number' ? 1 : 0;

  /** The smallest value the spec allows for a node (required fields only, bounds respected). */
  const build = (spec: Spec, raw: Node, flavour: Flavour, required?: Set<string>): unknown => {
    const node = objectOf(spec, raw);
    if (node.oneOf ?? node.anyOf) return build(spec, (node.oneOf ?? node.anyOf)?.[0] ?? {}, flavour);
    if (node.enum) return node.enum[0];
    const type = node.type ?? (node.properties ? 'object' : undefined);
    switch (type) {
      case 'string':
        if (node.format === 'date-time') return '2026-05-01T10:15:22Z';
        return 'x'.repeat(Math.min(Math.max(node.minLength ?? 0, 4), node.maxLength ?? 4));
      case 'integer':
      case 'number': {
        if (typeof node.exclusiveMinimum === 'number') return node.exclusiveMinimum + 1;
        return node.minimum === undefined ? 1 : Number(node.minimum) + exclusiveBump(node);
      }
      case 'boolean':
        return true;
      case 'array':
        return Array.from({ length: node.minItems ?? 0 }, () => build(spec, node.items ?? {}, flavour));
      case 'object': {
        const needed = required ?? new Set(node.required ?? []);
        const out: Record<string, unknown> = {};
        for (const [key, p] of visibleProps(node, flavour))
          if (needed.has(key)) out[key] = build(spec, p, flavour);
        return out;
      }
      default:
        // A map without `type` (`additionalProperties` only) is an object too.
        return isMap(node) ? {} : 'anything';
    }
  };

  /** A value of the wrong JSON type for a node, or undefined where any type is fine. */
  const wrongValue = (spec: Spec, raw: Node): unknown => {
    const node = objectOf(spec, raw);
    if (node.enum) return 42;
    switch (node.type ?? (node.properties ? 'object' : undefined)) {
      case 'string':
        return 42;
      case 'integer':
      case 'number':
        return '1';
      case 'boolean':
        return 'true';
      case 'array':
        return {};
      case 'object':
        return '{}';
      default:
        return undefined;
    }
  };

  /** A top-level field holding an enum (directly or as array items): a valid and an invalid value. */
  const enumField = (spec: Spec, node: Node, flavour: Flavour): [string, unknown, unknown] | undefined => {
    for (const [key, raw] of visibleProps(node, flavour)) {
      const p = resolveNode(spec, raw);
      if (p.enum) return [key, p.enum[0], 'SomeValueNotInTheSpec'];
      const items = p.type === 'array' && p.items ? resolveNode(spec, p.items) : undefined;
      if (items?.enum) return [key, [items.enum[0]], ['SomeValueNotInTheSpec']];
    }
    return undefined;
  };

  const isObjectNode = (node: Node) => (node.type ?? (node.properties ? 'object' : undefined)) === 'object';
  const isList = (spec: Spec, raw: Node) => resolveNode(spec, raw).type === 'array';

  const all = generatedSchemas();
  const responses = all.filter((s) => s.flavour === 'res');
  const requests = all.filter((s) => s.flavour === 'req');

  it('covers the expected surface, every export named after a spec schema', () => {
    expect(responses.length).toBeGreaterThanOrEqual(140);
    expect(requests.length).toBeGreaterThanOrEqual(30);
    for (const s of all) expect(() => specFor(s.base), s.exportName).not.toThrow();
    // The renaming rules of the generator, spot-checked.
    expect(specFor('GetReservedCustomersResponse').name).toBe('getReservedCustomers_200_response');
    expect(specFor('UpdateCustomerSessionV2409Response').name).toBe('updateCustomerSessionV2_409_response');
    expect(specFor('LegacyCoupon')).toMatchObject({ name: 'Coupon', legacy: true });
  });

  describe.each(responses)('response schema $exportName', ({ base, schema }) => {
    const { spec, name, legacy: isLegacy } = specFor(base);
    const node = objectOf(spec, { $ref: `#/components/schemas/${name}` });
    const object = isObjectNode(node);
    const required = object ? answerRequired(spec, name, node, isLegacy) : new Set<string>();
    const minimal = build(spec, node, 'res', required) as Record<string, unknown>;
    const optional = object ? visibleProps(node, 'res').filter(([k]) => !required.has(k)) : [];

    it('parses a minimal valid object', () => {
      const result = v.safeParse(schema, minimal);
      expect(result.issues?.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`)).toBeUndefined();
    });

    if (object) {
      it('keeps unknown keys and accepts unknown enum values', () => {
        const extended: Record<string, unknown> = { ...minimal, someFutureField: { nested: 1 } };
        const field = enumField(spec, node, 'res');
        if (field) extended[field[0]] = field[2];
        const result = v.safeParse(schema, extended);
        expect(result.success).toBe(true);
        expect(result.output).toEqual(extended);
      });

      it('rejects a string where an object is due', () => {
        expect(v.safeParse(schema, '{}').success).toBe(false);
      });
    }

    if (required.size > 0)
      it('fails without each required field, and on a wrong type', () => {
        for (const key of required) {
          const { [key]: _dropped, ...rest } = minimal;
          expect(v.safeParse(schema, rest).success, `without ${key}`).toBe(false);
          const wrong = WIDENED.has(`${name}.${key}`)
            ? undefined
            : wrongValue(spec, node.properties?.[key] ?? {});
          if (wrong !== undefined)
            expect(v.safeParse(schema, { ...minimal, [key]: wrong }).success, key).toBe(false);
        }
      });

    if (optional.length > 0)
      it('accepts every optional field as null (a list as null becomes [])', () => {
        for (const [key, raw] of optional) {
          const result = v.safeParse(schema, { ...minimal, [key]: null });
          expect(
            result.issues?.map((i) => `${key}: ${i.message}`),
            key,
          ).toBeUndefined();
          const output = result.output as Record<string, unknown>;
          expect(output[key], key).toEqual(isList(spec, raw) ? [] : null);
        }
      });

    const requiredLists = [...required].filter((k) => isList(spec, node.properties?.[k] ?? {}));
    if (requiredLists.length > 0)
      it('turns a required list that arrives as null into []', () => {
        for (const key of requiredLists) {
          const result = v.safeParse(schema, { ...minimal, [key]: null });
          expect(result.success, key).toBe(true);
          expect((result.output as Record<string, unknown>)[key], key).toEqual([]);
        }
      });

    // Fields one release requires and another does not are optional (the release that requires less wins).
    const relaxed = object
      ? (node.required ?? []).filter((k) => node.properties?.[k] && !required.has(k))
      : [];
    if (relaxed.length > 0)
      it('accepts the absence of fields only some releases require', () => {
        for (const key of relaxed) {
          const result = v.safeParse(schema, minimal);
          expect(result.success, key).toBe(true);
          expect(key in minimal, key).toBe(false);
        }
      });
  });

  describe.each(requests)('request schema $exportName', ({ base, schema }) => {
    const { spec, name } = specFor(base);
    const node = objectOf(spec, { $ref: `#/components/schemas/${name}` });
    const minimal = build(spec, node, 'req') as Record<string, unknown>;
    const required = (node.required ?? []).filter(
      (k) => node.properties?.[k] && !node.properties[k].readOnly,
    );

    it('accepts a minimal valid object', () => {
      const result = v.safeParse(schema, minimal);
      expect(result.issues?.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`)).toBeUndefined();
    });

    if (required.length > 0)
      it('rejects a missing required field', () => {
        for (const key of required) {
          const { [key]: _dropped, ...rest } = minimal;
          expect(v.safeParse(schema, rest).success, `without ${key}`).toBe(false);
        }
      });

    if (isMap(node))
      it('is a free-form map: every key is kept', () => {
        const input = { someFutureField: 1, cartitems: [], 'Grüße ✓': { nested: true } };
        expect(v.safeParse(schema, input)).toMatchObject({ success: true, output: input });
      });
    else
      it('is strict: an unknown key is an issue, and a misspelled key names the field meant', () => {
        const unknown = v.safeParse(schema, { ...minimal, someFutureField: 1 });
        expect(unknown.success).toBe(false);
        expect(unknown.issues?.[0]?.message).toMatch(/^is not a field of \w+$/);
        const key = visibleProps(node, 'req')
          .map(([k]) => k)
          .find((k) => k.length >= 4 && k.toLowerCase() !== k);
        if (!key) return;
        const typo = key.toLowerCase();
        const misspelled = v.safeParse(schema, { ...minimal, [typo]: minimal[key] ?? null });
        expect(misspelled.success).toBe(false);
        expect(misspelled.issues?.map((i) => i.message)).toContain(
          `${unknown.issues?.[0]?.message}; did you mean ${key}?`,
        );
      });

    const field = enumField(spec, node, 'req');
    if (field !== undefined)
      it('rejects a value outside an enum', () => {
        if (!field) return;
        const [key, good, bad] = field;
        expect(v.safeParse(schema, { ...minimal, [key]: good }).success).toBe(true);
        expect(v.safeParse(schema, { ...minimal, [key]: bad }).success).toBe(false);
      });

    it('applies the bounds the spec gives to top-level fields', () => {
      for (const [key, raw] of visibleProps(node, 'req')) {
        const p = resolveNode(spec, raw);
        const bad: unknown[] = [];
        if (p.type === 'string' && p.maxLength !== undefined) bad.push('x'.repeat(p.maxLength + 1));
        if (p.type === 'string' && p.minLength !== undefined && p.minLength > 0) bad.push('');
        if (p.type === 'integer') bad.push(1.5);
        if ((p.type === 'integer' || p.type === 'number') && p.maximum !== undefined)
          bad.push(Number(p.maximum) + 1);
        if ((p.type === 'integer' || p.type === 'number') && p.minimum !== undefined)
          bad.push(Number(p.minimum) - 1);
        if (p.type === 'array' && p.minItems) bad.push([]);
        for (const value of bad) {
          expect(v.safeParse(schema, { ...minimal, [key]: value }).success, `${key} = ${String(value)}`).toBe(
            false,
          );
        }
      }
    });
  });

  describe('request schemas overall', () => {
    it('include enums to reject (the check above is not vacuous)', () => {
      const withEnum = requests.filter((s) => {
        const { spec, name } = specFor(s.base);
        return enumField(spec, objectOf(spec, { $ref: `#/components/schemas/${name}` }), 'req') !== undefined;
      });
      expect(withEnum.map((s) => s.exportName)).toEqual(
        expect.arrayContaining([
          'IntegrationRequestInputSchema',
          'CustomerProfileAudienceRequestItemInputSchema',
        ]),
      );
    });
  });

  describe('answer policy overall', () => {
    it('relaxes what only one release requires (not vacuous)', () => {
      const session = objectOf(current, { $ref: '#/components/schemas/CustomerSessionV2' });
      const required = answerRequired(current, 'CustomerSessionV2', session, false);
      for (const key of ['cartItems', 'profileId', 'state', 'attributes'])
        expect(required.has(key), key).toBe(false);
      expect(required.has('integrationId')).toBe(true);
    });
  });
});
