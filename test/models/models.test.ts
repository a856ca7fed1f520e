// Checks every generated schema against the spec it was generated from: minimal valid objects are
// built from the spec's required fields at test time. Needs ../shared/spec next to the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as models from '../../src/models/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const specDir = resolve(root, '../shared/spec');
const modelsDir = join(root, 'src/models');

interface Node {
  $ref?: string;
  type?: string;
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
  exclusiveMinimum?: boolean;
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

/** Exports whose name is not the spec's (generator renames). */
const RENAMED: Record<string, string> = {
  ReservedCustomersResponse: 'inline_response_200_1',
  ReferralsForMultipleAdvocatesResponse: 'inline_response_201',
  UnknownEffect: 'Effect',
};
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

if (
  !existsSync(join(specDir, 'integration-api.json')) ||
  !existsSync(join(specDir, 'integration-api-2021.json'))
) {
  describe('generated models against the spec', () => {
    it('needs the spec files', () => {
      throw new Error(
        `The spec is missing: expected ${specDir}/integration-api.json and integration-api-2021.json. ` +
          'These tests build their fixtures from it; put the shared spec folder next to the repository.',
      );
    });
  });
} else {
  const current = JSON.parse(readFileSync(join(specDir, 'integration-api.json'), 'utf8')) as Spec;
  const legacy = JSON.parse(readFileSync(join(specDir, 'integration-api-2021.json'), 'utf8')) as Spec;

  const specFor = (base: string): { spec: Spec; name: string } => {
    const renamed = RENAMED[base];
    if (renamed) return { spec: current, name: renamed };
    const stripped = base.replace(/^Legacy/, '');
    if (stripped !== base && legacy.components.schemas[stripped]) return { spec: legacy, name: stripped };
    if (current.components.schemas[base]) return { spec: current, name: base };
    if (legacy.components.schemas[base]) return { spec: legacy, name: base };
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

  const visibleProps = (node: Node, flavour: Flavour): [string, Node][] =>
    Object.entries(node.properties ?? {}).filter(([, p]) => !(flavour === 'req' && p.readOnly));

  /** The smallest value the spec allows for a node (required fields only, bounds respected). */
  const build = (spec: Spec, raw: Node, flavour: Flavour): unknown => {
    const node = objectOf(spec, raw);
    if (node.oneOf ?? node.anyOf) return build(spec, (node.oneOf ?? node.anyOf)?.[0] ?? {}, flavour);
    if (node.enum) return node.enum[0];
    const type = node.type ?? (node.properties ? 'object' : undefined);
    switch (type) {
      case 'string':
        return 'x'.repeat(Math.min(Math.max(node.minLength ?? 0, 4), node.maxLength ?? 4));
      case 'integer':
      case 'number':
        return node.minimum === undefined ? 1 : Number(node.minimum) + (node.exclusiveMinimum ? 1 : 0);
      case 'boolean':
        return true;
      case 'array':
        return Array.from({ length: node.minItems ?? 0 }, () => build(spec, node.items ?? {}, flavour));
      case 'object': {
        const required = new Set(node.required ?? []);
        const out: Record<string, unknown> = {};
        for (const [key, p] of visibleProps(node, flavour))
          if (required.has(key)) out[key] = build(spec, p, flavour);
        return out;
      }
      default:
        return 'anything';
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

  const all = generatedSchemas();
  const responses = all.filter((s) => s.flavour === 'res');
  const requests = all.filter((s) => s.flavour === 'req');

  describe('generated models against the spec', () => {
    it('covers the expected surface', () => {
      expect(responses.length).toBeGreaterThanOrEqual(90);
      expect(requests.length).toBeGreaterThanOrEqual(15);
      for (const s of all) expect(() => specFor(s.base), s.exportName).not.toThrow();
    });
  });

  describe.each(responses)('response schema $exportName', ({ base, schema }) => {
    const { spec, name } = specFor(base);
    const node = objectOf(spec, { $ref: `#/components/schemas/${name}` });
    const minimal = build(spec, node, 'res') as Record<string, unknown>;
    const required = (node.required ?? []).filter((k) => node.properties?.[k]);

    it('parses a minimal valid object', () => {
      const result = v.safeParse(schema, minimal);
      expect(result.issues?.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`)).toBeUndefined();
    });

    it('keeps unknown keys and accepts unknown enum values', () => {
      const extended: Record<string, unknown> = { ...minimal, someFutureField: { nested: 1 } };
      const field = enumField(spec, node, 'res');
      if (field) extended[field[0]] = field[2];
      const result = v.safeParse(schema, extended);
      expect(result.success).toBe(true);
      expect(result.output).toEqual(extended);
    });

    if (required.length > 0)
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

    it('rejects a string where an object is due', () => {
      expect(v.safeParse(schema, '{}').success).toBe(false);
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
}
