// Models: every named schema an operation reaches becomes a TypeScript type and a valibot schema,
// once per direction ('in': a strict request shape, 'out': a tolerant answer). `createModels`
// holds one run's state; nothing here runs on import.
import { effectModel } from './effects.mjs';
import { exportName, typeName } from './naming.mjs';
import { answerRequiredRule, flatten, named, sameSchema } from './spec.mjs';
import { doc, FIELD_DOC, firstParagraph, ident, jsPattern, PURE, schemaConst } from './text.mjs';

/**
 * One run's models. `releases` = `{ current, earlier, legacy? }` (parsed spec objects);
 * `effects` (optional) = `{ union, base, overrides }`, the name of the effect union schema and the
 * facts of effects the spec does not state (see ./effects.mjs); `shared` (optional) =
 * `{ models, spec, prefix }`, the models of another API's run (from its own `createModels`), its
 * current release and the prefix for a name it uses for another shape.
 *
 * The rule for names both runs use: a model whose export name the other run emitted from the same
 * schema name, in the same direction, from a schema that is identical in both releases
 * (`sameSchema`) is not emitted again: its name is listed in `imported` and used as it is. One
 * whose export name the other run emitted from anything else is emitted under `prefix` + its name.
 *
 * Returns `{ models, imported, model, expr, objectBody, collecting }`: `models` maps each export name to
 * `{ ts, schema?, schemaOf?, doc, deps }` (its declaration in types.ts, its declaration in
 * schemas.ts, the type its schema's comment links, its description, the export names its schema
 * uses); `model(name, spec, dir)` makes sure a named schema is a model and answers its export name;
 * `expr(flat, dir, indent, where)` answers the `{ ts, schema }` of a flattened schema.
 */
export function createModels({ releases, effects, shared }) {
  const { current } = releases;
  const answerRequired = answerRequiredRule(current, releases.earlier ?? []);
  const models = new Map();
  /** Export names of the other run's models this run uses as they are (see `shared`). */
  const imported = new Set();
  const emitting = new Set();
  /** The dependency sets being collected, innermost last: `expr` adds each model it references. */
  const collectors = [];

  /** Runs `build` and answers its value with the export names of the models it referenced. */
  function collecting(build) {
    const deps = new Set();
    collectors.push(deps);
    try {
      return { value: build(), deps };
    } finally {
      collectors.pop();
    }
  }

  /**
   * Makes sure the named model `name` of `spec` is emitted for direction `dir` ('in' or 'out')
   * and returns its export name.
   */
  function model(name, spec, dir) {
    const union = effects && name === effects.union && dir === 'out';
    // Legacy answers carry the current effect union: effects are one concept across releases.
    if (union) spec = current;
    let exported = typeName(name, spec, dir, releases);
    const theirs = shared?.models.get(exported);
    if (theirs) {
      const same =
        theirs.source?.name === name && theirs.source.dir === dir && sameSchema(name, spec, shared.spec);
      if (same) {
        imported.add(exported);
        return exported;
      }
      exported = `${shared.prefix}${exported}`;
    }
    if (models.has(exported) || emitting.has(exported)) return exported;
    emitting.add(exported);
    const flat = named(name, spec);
    const { value: entry, deps } = collecting(() =>
      union
        ? effectModel(api, effects, exported)
        : flat.kind === 'object'
          ? objectModel(name, exported, flat, dir)
          : aliasModel(exported, flat, dir),
    );
    models.set(exported, {
      deps,
      source: { name, dir },
      ...entry,
      doc: spec.components.schemas[name].description ?? flat.description,
    });
    emitting.delete(exported);
    return exported;
  }

  /**
   * A named object model. The parts it is composed of (`allOf` members that are named schemas)
   * become the bases of its type, `interface CustomerSessionV2 extends IntegrationEntity, …`, where
   * the part's fields mean exactly the same in the composite (not redefined by a later part, and
   * required in the one exactly where required in the other). The rest is spelled out.
   */
  function objectModel(name, exported, flat, dir) {
    const required = dir === 'out' ? answerRequired(name, flat) : flat.required;
    const bases = [];
    const covered = new Set();
    for (const part of flat.parts ?? []) {
      const partRequired = dir === 'out' ? answerRequired(part.name, part.flat) : part.flat.required;
      const keys = Object.keys(part.flat.properties).filter(
        (key) => !(dir === 'in' && part.flat.properties[key].readOnly),
      );
      const fits =
        keys.length > 0 &&
        keys.every(
          (key) =>
            !covered.has(key) &&
            flat.properties[key] === part.flat.properties[key] &&
            required.has(key) === partRequired.has(key),
        );
      if (!fits) continue;
      const base = model(part.name, flat.spec, dir);
      if (!models.has(base) && !emitting.has(base) && !imported.has(base)) continue;
      bases.push(base);
      for (const key of keys) covered.add(key);
    }
    // The schema spells every field out: spreading the bases' entries would cost bundle bytes (a
    // pure wrapper per model so that bundlers can still drop it) and save none once gzipped. (It is
    // built first: the models it uses are its dependencies, in the order it uses them.)
    const all = objectBody(name, flat, dir, '  ', required);
    const own = Object.fromEntries(Object.entries(flat.properties).filter(([key]) => !covered.has(key)));
    const body = objectBody(name, { ...flat, properties: own }, dir, '  ', required);
    return {
      ts: `export interface ${exported}${bases.length ? ` extends ${bases.join(', ')}` : ''} {\n${body.ts}}`,
      schema: schemaConst(exported, dir, all.schema),
    };
  }

  function aliasModel(exported, flat, dir) {
    let e;
    if (flat.kind === 'array' && dir === 'out') {
      // A list answer: `null` becomes `[]` here too.
      const item = expr(flatten(flat.items, flat.spec), dir, '');
      e = { ts: `${parenthesized(item.ts)}[]`, schema: `${PURE}list(${item.schema})` };
    } else e = expr(flat, dir, '');
    return { ts: `export type ${exported} = ${e.ts};`, schema: schemaConst(exported, dir, e.schema) };
  }

  /**
   * The TS members and the valibot schema of an object schema: `{ ts, schema, entries }`, where
   * `entries` is the object literal of its fields' schemas and `schema` wraps it (`strict` for
   * requests, `answer` for answers).
   */
  function objectBody(name, flat, dir, indent, requiredKeys) {
    const required = requiredKeys ?? (dir === 'out' ? answerRequired(name, flat) : flat.required);
    let ts = '';
    const fields = [];
    for (const [key, raw] of Object.entries(flat.properties)) {
      if (dir === 'in' && raw.readOnly) continue;
      const prop = flatten(raw, flat.spec);
      const e = expr(prop, dir, `${indent}  `, `${name}.${key}`);
      const isList = prop.kind === 'array';
      const req = required.has(key);
      const description = raw.description ?? prop.description;
      // Field docs: the first sentence or so (every user's editor loads the declarations).
      ts += doc(
        raw.deprecated ? `${firstParagraph(description ?? '', FIELD_DOC)}\n@deprecated` : description,
        indent,
        FIELD_DOC,
      );
      let tsType;
      let schema;
      if (dir === 'out') {
        const item = isList
          ? expr(flatten(prop.items, prop.spec), dir, `${indent}  `, `${name}.${key}`)
          : undefined;
        if (req) {
          tsType = e.ts;
          schema = isList ? `${PURE}list(${item.schema})` : e.schema;
          if (raw.nullable) {
            tsType += ' | null';
            schema = `${PURE}v.nullable(${schema})`;
          }
        } else {
          tsType = isList ? e.ts : `${e.ts} | null`;
          schema = isList ? `${PURE}optList(${item.schema})` : `${PURE}opt(${e.schema})`;
        }
      } else {
        tsType = req ? e.ts : `${e.ts} | undefined`;
        schema = req ? e.schema : `${PURE}v.optional(${e.schema})`;
        if (raw.nullable) {
          tsType += ' | null';
          schema = req
            ? `${PURE}v.nullable(${e.schema})`
            : `${PURE}v.optional(${PURE}v.nullable(${e.schema}))`;
        }
      }
      ts += `${indent}${ident(key)}${req ? '' : '?'}: ${tsType};\n`;
      fields.push(`${indent}${ident(key)}: ${schema},\n`);
    }
    const entries = `{\n${fields.join('')}${indent.slice(2)}}`;
    const schema =
      dir === 'in'
        ? `${PURE}strict(${JSON.stringify(exportName(name))}, ${entries})`
        : `${PURE}answer(${entries})`;
    return { ts, schema, entries };
  }

  /** A schema expression: its TS type and its valibot code. */
  function expr(flat, dir, indent, where = '') {
    switch (flat.kind) {
      case 'ref': {
        const exported = model(flat.name, flat.spec, dir);
        collectors.at(-1)?.add(exported);
        return { ts: exported, schema: `${exported}Schema` };
      }
      case 'object': {
        const body = objectBody(where, flat, dir, `${indent}  `);
        return { ts: `{\n${body.ts}${indent}}`, schema: body.schema };
      }
      case 'map': {
        if (!flat.value) return { ts: 'Record<string, unknown>', schema: `${PURE}anyMap()` };
        const value = expr(flatten(flat.value, flat.spec), dir, indent, where);
        return { ts: `Record<string, ${value.ts}>`, schema: `${PURE}map(${value.schema})` };
      }
      case 'array': {
        const item = expr(flatten(flat.items, flat.spec), dir, indent, where);
        let schema = `${PURE}v.array(${item.schema})`;
        if (dir === 'in') {
          const checks = [];
          if (flat.schema.minItems !== undefined) checks.push(`${PURE}v.minLength(${flat.schema.minItems})`);
          if (flat.schema.maxItems !== undefined) checks.push(`${PURE}v.maxLength(${flat.schema.maxItems})`);
          if (checks.length) schema = `${PURE}v.pipe(${schema}, ${checks.join(', ')})`;
        }
        return { ts: `${parenthesized(item.ts)}[]`, schema };
      }
      case 'string':
        return stringExpr(flat.schema, dir);
      case 'integer':
      case 'number':
        return numberExpr(flat, dir);
      case 'boolean':
        return { ts: 'boolean', schema: `${PURE}v.boolean()` };
      default:
        return { ts: 'unknown', schema: `${PURE}v.unknown()` };
    }
  }

  const api = { models, imported, model, expr, objectBody, collecting, releases };
  return api;
}

/** An item type as an array's element: `(A | B)[]`, `X[]`. */
const parenthesized = (ts) => (/[ |&{]/.test(ts) ? `(${ts})` : ts);

function numberExpr(flat, dir) {
  if (dir === 'out') return { ts: 'number', schema: `${PURE}v.number()` };
  const s = flat.schema;
  const checks = [];
  if (flat.kind === 'integer') checks.push(`${PURE}v.safeInteger()`);
  if (s.minimum !== undefined) checks.push(`${PURE}v.minValue(${s.minimum})`);
  if (s.maximum !== undefined) checks.push(`${PURE}v.maxValue(${s.maximum})`);
  const schema = checks.length
    ? `${PURE}v.pipe(${PURE}v.number(), ${checks.join(', ')})`
    : `${PURE}v.number()`;
  return { ts: 'number', schema };
}

/** A string schema: an enum is open in answers (any string passes) and a picklist in requests. */
export function stringExpr(s, dir) {
  if (s.enum) {
    const values = s.enum.filter((x) => typeof x === 'string');
    const union = values.map((x) => JSON.stringify(x)).join(' | ');
    const list = `[${values.map((x) => JSON.stringify(x)).join(', ')}]`;
    return dir === 'out'
      ? // An open enum: any string passes at run time (its known values live in the type only,
        // which keeps them out of bundles).
        { ts: `${union} | (string & {})`, schema: `${PURE}v.string()` }
      : { ts: union, schema: `${PURE}v.picklist(${list})` };
  }
  if (dir === 'out') return { ts: 'string', schema: `${PURE}v.string()` };
  if (s.format === 'date-time') return { ts: 'Date | string', schema: `${PURE}dateTime()` };
  const checks = [];
  if (s.minLength !== undefined) checks.push(`${PURE}v.minLength(${s.minLength})`);
  if (s.maxLength !== undefined) checks.push(`${PURE}v.maxLength(${s.maxLength})`);
  if (s.pattern !== undefined) checks.push(`${PURE}v.regex(/${jsPattern(s.pattern).replace(/\//g, '\\/')}/)`);
  return {
    ts: 'string',
    schema: checks.length ? `${PURE}v.pipe(${PURE}v.string(), ${checks.join(', ')})` : `${PURE}v.string()`,
  };
}
