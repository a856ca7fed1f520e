#!/usr/bin/env node
// Generates the SDK's spec-shaped code from the Integration API releases named in
// scripts/spec-files.mjs:
//   src/models/types.ts     every model as a named TypeScript type (answers and requests)
//   src/models/schemas.ts   the valibot schemas, each typed against its named type
//   src/endpoints/<op>.ts   one module per operation: params, errors, the operation table, the function
//   src/endpoints/index.ts  the list of operations
//
//   npm run gen            (writes, then formats with biome)
//   node scripts/gen.mjs --check   (prints the files whose committed text differs; exit 1 if any)
//
// The policies (strict requests, tolerant answers) live in src/models/helpers.ts and
// src/core/; this script only says where each applies. The spec files are read, never copied.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OVERLAYS } from './overlays.mjs';
import { CURRENT, EARLIER, LEGACY, LEGACY_OPERATIONS, loadSpec } from './spec-files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Facts the spec does not state
// ---------------------------------------------------------------------------------------------

/** Effect types whose name is not the props schema's `title` (or its name minus EffectProps). */
const EFFECT_TYPE_OVERRIDES = {
  CustomEffectProps: 'customEffect',
};

/** List answers and other spec names that are not fit for an export. */
function exportName(name) {
  const answer = /^(\w+?)_(\d{3})_response$/.exec(name);
  if (answer) {
    const [, op, status] = answer;
    return `${upperFirst(op)}${status.startsWith('2') ? '' : status}Response`;
  }
  return name
    .split(/_allOf_|_of_|_/)
    .map(upperFirst)
    .join('');
}

const upperFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const ident = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));
const PURE = '/*#__PURE__*/ ';
/** Longest field description kept in the declarations, in characters. */
const FIELD_DOC = 90;

// ---------------------------------------------------------------------------------------------
// Reading the releases
// ---------------------------------------------------------------------------------------------

const current = loadSpec(CURRENT);
const legacy = loadSpec(LEGACY);
const earlier = EARLIER.map(loadSpec);
const release = current.info?.version ?? CURRENT;

/** `#/components/schemas/Foo` → `Foo`. */
const refName = (ref) => ref.split('/').pop();

/**
 * Flattens a schema object: `allOf` members are merged (properties in order, required lists
 * united), a lone `allOf: [$ref]` wrapper is the reference itself.
 */
function flatten(schema, spec) {
  if (!schema || typeof schema !== 'object') return { kind: 'unknown' };
  if (schema.$ref) return { kind: 'ref', name: refName(schema.$ref), spec };
  if (schema.allOf) {
    const own = { ...schema };
    delete own.allOf;
    const parts = schema.allOf;
    if (parts.length === 1 && parts[0].$ref && !own.properties)
      return { kind: 'ref', name: refName(parts[0].$ref), spec, description: schema.description };
    const merged = {
      kind: 'object',
      properties: {},
      required: new Set(),
      spec,
      description: schema.description,
      /** The named schemas composed in (`allOf` `$ref` members), in order. */
      parts: [],
    };
    const add = (part) => {
      // A part that only lists `required` (no properties) makes fields of the other parts required.
      if (!part.$ref && part.required && !part.properties) {
        for (const key of part.required) merged.required.add(key);
        return;
      }
      const flat = part.$ref
        ? flatten(spec.components.schemas[refName(part.$ref)], spec)
        : flatten(part, spec);
      if (flat.kind !== 'object') return;
      if (part.$ref) merged.parts.push({ name: refName(part.$ref), flat });
      Object.assign(merged.properties, flat.properties);
      for (const key of flat.required) merged.required.add(key);
      merged.description ??= flat.description;
    };
    for (const part of parts) add(part);
    if (own.properties || own.required) add({ ...own, type: 'object' });
    return merged;
  }
  const type = schema.type;
  if (
    type === 'object' ||
    (!type && (schema.properties || typeof schema.additionalProperties === 'object'))
  ) {
    if (schema.properties && Object.keys(schema.properties).length > 0)
      return {
        kind: 'object',
        properties: schema.properties,
        required: new Set(schema.required ?? []),
        spec,
        description: schema.description,
      };
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
      return { kind: 'map', value: schema.additionalProperties, spec };
    return { kind: 'map', value: undefined, spec };
  }
  if (type === 'array') return { kind: 'array', items: schema.items, schema, spec };
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean')
    return { kind: type, schema, spec };
  return { kind: 'unknown' };
}

/** The flattened named schema `name` of `spec`. */
function named(name, spec) {
  const schema = spec.components.schemas[name];
  if (!schema) throw new Error(`gen: schema ${name} is referenced but not defined`);
  return flatten(schema, spec);
}

/** Required fields of answers: required by the current release and by every earlier one that has the schema. */
function answerRequired(name, flat) {
  if (flat.spec !== current) return flat.required;
  const out = new Set(flat.required);
  for (const spec of earlier) {
    if (!spec.components.schemas[name]) continue;
    const old = named(name, spec);
    if (old.kind !== 'object') continue;
    for (const key of out) if (!old.required.has(key)) out.delete(key);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Naming: a model is named by its spec name; request shapes end in Input; 2021-only shapes whose
// name the current release also uses start with Legacy.
// ---------------------------------------------------------------------------------------------

function typeName(name, spec, dir) {
  let base = exportName(name);
  if (spec === legacy && current.components.schemas[name]) base = `Legacy${base}`;
  return dir === 'in' ? `${base}Input` : base;
}

// ---------------------------------------------------------------------------------------------
// Emitting models
// ---------------------------------------------------------------------------------------------

/** name → { ts, schema, deps, doc } for every model emitted, keyed by the export name. */
const models = new Map();
const emitting = new Set();

function doc(text, indent = '', max = 180) {
  if (!text) return '';
  const clean = firstParagraph(text, max).replace(/\*\//g, '*\\/');
  const lines = clean.split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

/**
 * The first paragraph of a description, without the spec's HTML, with links reduced to their
 * text and kept short (declarations are what every user's editor loads): past `max` characters
 * it ends at the last full sentence that fits.
 */
function firstParagraph(text, max = 240) {
  const paragraph = String(text)
    .split(/\n\s*\n/)[0]
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .trim();
  const listed = paragraph.includes('\n- ') || paragraph.includes('\n* ');
  const line = listed ? paragraph : paragraph.replace(/\s*\n\s*/g, ' ');
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > 40 ? cut.slice(0, end + 1) : `${cut.replace(/\s+\S*$/, '')}…`;
}

/**
 * Makes sure the named model `name` of `spec` is emitted for direction `dir` ('in' or 'out')
 * and returns its export name.
 */
function model(name, spec, dir) {
  // Legacy answers carry the current effect union: effects are one concept across releases.
  if (name === 'Effect' && dir === 'out') spec = current;
  const exported = typeName(name, spec, dir);
  if (models.has(exported) || emitting.has(exported)) return exported;
  emitting.add(exported);
  const flat = named(name, spec);
  const entry =
    name === 'Effect' && dir === 'out'
      ? effectModel()
      : flat.kind === 'object'
        ? objectModel(name, exported, flat, dir)
        : aliasModel(flat, dir);
  models.set(exported, { ...entry, doc: spec.components.schemas[name].description ?? flat.description });
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
    if (!models.has(base) && !emitting.has(base)) continue;
    bases.push(base);
    for (const key of keys) covered.add(key);
  }
  const own = Object.fromEntries(Object.entries(flat.properties).filter(([key]) => !covered.has(key)));
  const body = objectBody(name, { ...flat, properties: own }, dir, '  ', required);
  // The schema spells every field out: spreading the bases' entries would cost bundle bytes (a
  // pure wrapper per model so that bundlers can still drop it) and save none once gzipped.
  const all = objectBody(name, flat, dir, '  ', required);
  return {
    ts: `export interface ${exported}${bases.length ? ` extends ${bases.join(', ')}` : ''} {\n${body.ts}}`,
    schema: `export const ${exported}Schema: v.GenericSchema<${dir === 'in' ? exported : `unknown, ${exported}`}> = ${all.schema};`,
  };
}

function aliasModel(flat, dir) {
  if (flat.kind === 'array' && dir === 'out') {
    // A list answer: `null` becomes `[]` here too.
    const item = expr(flatten(flat.items, flat.spec), dir, '');
    const itemTs = /[ |&{]/.test(item.ts) ? `(${item.ts})` : item.ts;
    return { alias: `${itemTs}[]`, aliasSchema: `${PURE}list(${item.schema})` };
  }
  const e = expr(flat, dir, '');
  return { alias: e.ts, aliasSchema: e.schema };
}

/** The TS members and the valibot object of an object schema. */
function objectBody(name, flat, dir, indent, requiredKeys) {
  const required = requiredKeys ?? (dir === 'out' ? answerRequired(name, flat) : flat.required);
  let ts = '';
  const entries = [];
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
        schema = req ? `${PURE}v.nullable(${e.schema})` : `${PURE}v.optional(${PURE}v.nullable(${e.schema}))`;
      }
    }
    ts += `${indent}${ident(key)}${req ? '' : '?'}: ${tsType};\n`;
    entries.push(`${ident(key)}: ${schema}`);
  }
  const inner = entries.map((e) => `${indent}${e},\n`).join('');
  const schema =
    dir === 'in'
      ? `${PURE}strict(${JSON.stringify(exportName(name))}, {\n${inner}${indent.slice(2)}})`
      : `${PURE}answer({\n${inner}${indent.slice(2)}})`;
  return { ts, schema, entries };
}

/** A schema expression: its TS type and its valibot code. */
function expr(flat, dir, indent, where = '') {
  switch (flat.kind) {
    case 'ref': {
      const exported = model(flat.name, flat.spec, dir);
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
      const itemTs = /[ |&{]/.test(item.ts) ? `(${item.ts})` : item.ts;
      let schema = `${PURE}v.array(${item.schema})`;
      if (dir === 'in') {
        const checks = [];
        if (flat.schema.minItems !== undefined) checks.push(`${PURE}v.minLength(${flat.schema.minItems})`);
        if (flat.schema.maxItems !== undefined) checks.push(`${PURE}v.maxLength(${flat.schema.maxItems})`);
        if (checks.length) schema = `${PURE}v.pipe(${schema}, ${checks.join(', ')})`;
      }
      return { ts: `${itemTs}[]`, schema };
    }
    case 'string':
      return stringExpr(flat.schema, dir);
    case 'integer':
    case 'number': {
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
    case 'boolean':
      return { ts: 'boolean', schema: `${PURE}v.boolean()` };
    default:
      return { ts: 'unknown', schema: `${PURE}v.unknown()` };
  }
}

function stringExpr(s, dir) {
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
  if (s.pattern !== undefined) checks.push(`${PURE}v.regex(/${s.pattern.replace(/\//g, '\\/')}/)`);
  return {
    ts: 'string',
    schema: checks.length ? `${PURE}v.pipe(${PURE}v.string(), ${checks.join(', ')})` : `${PURE}v.string()`,
  };
}

// The effect union -------------------------------------------------------------------------------

const effectMembers = [];

function effectModel() {
  const base = named('EffectEntity', current);
  const baseFlat = { ...base, properties: { ...base.properties } };
  delete baseFlat.properties.effectType;
  delete baseFlat.properties.props;
  const body = objectBody('EffectEntity', baseFlat, 'out', '  ');
  models.set('EffectBase', {
    ts: `export interface EffectBase {\n${body.ts}}`,
    schema: `const effectBaseEntries = ${body.schema.replace(`${PURE}answer(`, '').replace(/\)$/, '')};`,
    doc: 'The fields every effect has, besides `effectType` and `props`.',
  });
  const names = Object.keys(current.components.schemas)
    .filter((n) => n.endsWith('EffectProps') && n !== 'EffectProps')
    .sort();
  for (const name of names) {
    const props = model(name, current, 'out');
    const title = current.components.schemas[name].title;
    const type =
      EFFECT_TYPE_OVERRIDES[name] ?? (title && /^\w+$/.test(title) ? title : lowerFirst(name.slice(0, -11)));
    const member = name.slice(0, -'Props'.length);
    effectMembers.push({ type, member, props });
    models.set(member, {
      ts: `export interface ${member} extends EffectBase {\n  effectType: ${JSON.stringify(type)};\n  props: ${props};\n}`,
      doc: `An effect of type \`${type}\`; its props are {@link ${props}}.`,
    });
  }
  models.set('UnknownEffect', {
    ts: 'export interface UnknownEffect extends EffectBase {\n  effectType: UnknownEffectType;\n  props: Record<string, unknown>;\n}',
    doc: 'An effect of a type this SDK version does not know: its props stay untyped. Widen `effectType` to `string` to compare it.',
  });
  models.set('knownEffectTypes', {
    ts: `export type KnownEffectType = ${effectMembers.map((m) => JSON.stringify(m.type)).join(' | ')};\n\n/** The effect member of a known type, e.g. \`EffectOf<'setDiscount'>\`. */\nexport type EffectOf<T extends KnownEffectType> = Extract<Effect, { effectType: T }>;`,
    schema: `export const knownEffectTypes: readonly KnownEffectType[] = [${effectMembers.map((m) => JSON.stringify(m.type)).join(', ')}];`,
    doc: 'The effect types this SDK version knows, each with its typed props.',
  });
  return {
    alias: effectMembers.map((m) => m.member).join(' | ') + ' | UnknownEffect',
    aliasSchema: `${PURE}effectUnion<Effect>(effectBaseEntries, {\n${effectMembers.map((m) => `  ${m.type}: ${m.props}Schema,`).join('\n')}\n})`,
  };
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

function operationsOf(spec, filter) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.operationId || !filter(op.operationId)) continue;
      out.push({ ...op, method: method.toUpperCase(), path, spec, pathParameters: item.parameters ?? [] });
    }
  }
  return out;
}

const currentOps = operationsOf(current, () => true);
const legacyOps = operationsOf(legacy, (id) => LEGACY_OPERATIONS.includes(id));
for (const id of LEGACY_OPERATIONS)
  if (!legacyOps.some((op) => op.operationId === id))
    throw new Error(`gen: legacy operation ${id} is not in ${LEGACY}`);

function resolveParam(p, spec) {
  return p.$ref ? spec.components.parameters[refName(p.$ref)] : p;
}

function resolveBody(body, spec) {
  return body?.$ref ? spec.components.requestBodies[refName(body.$ref)] : body;
}

const jsonSchema = (x) => x?.content?.['application/json']?.schema;

/** A parameter's schema expression, with the checks the issue asks for. */
function paramExpr(p, spec) {
  const s = p.schema ?? {};
  if (p.in === 'path') {
    if (s.type === 'integer')
      return { ts: 'number', schema: `${PURE}v.pipe(${PURE}v.number(), ${PURE}v.safeInteger())` };
    const min = Math.max(1, s.minLength ?? 1);
    const max = s.maxLength !== undefined ? `, ${PURE}v.maxLength(${s.maxLength})` : '';
    return {
      ts: 'string',
      schema: `${PURE}v.pipe(${PURE}v.string(), ${PURE}v.minLength(${min}, 'must be at least ${min} character${min > 1 ? 's' : ''}')${max})`,
    };
  }
  if (p.name === 'silent' && s.type === 'string' && !s.enum)
    return { ts: "'yes' | 'no'", schema: `${PURE}v.picklist(['yes', 'no'])` };
  return expr(flatten(s, spec), 'in', '');
}

function buildOperation(op) {
  const spec = op.spec;
  const id = op.operationId;
  const isLegacy = spec === legacy;
  const Pascal = upperFirst(id);
  const params = [...op.pathParameters, ...(op.parameters ?? [])].map((p) => resolveParam(p, spec));
  const paramTs = [];
  const paramEntries = [];
  const query = [];
  const csv = [];
  for (const p of params) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    const e = paramExpr(p, spec);
    const req = p.in === 'path' || p.required;
    paramTs.push(
      `${doc(p.description, '  ', FIELD_DOC)}  ${ident(p.name)}${req ? '' : '?'}: ${e.ts}${req ? '' : ' | undefined'};`,
    );
    paramEntries.push(`    ${ident(p.name)}: ${req ? e.schema : `${PURE}v.optional(${e.schema})`},`);
    if (p.in === 'query') {
      query.push(p.name);
      if (p.schema?.type === 'array' && p.explode === false) csv.push(p.name);
    }
  }
  const body = resolveBody(op.requestBody, spec);
  let bodyType;
  if (body) {
    const schema = jsonSchema(body);
    const flat = flatten(schema, spec);
    const e = expr(flat, 'in', '  ', id);
    bodyType = e.ts;
    const req = body.required !== false;
    paramTs.push(`  /** The request body. */\n  body${req ? '' : '?'}: ${e.ts}${req ? '' : ' | undefined'};`);
    paramEntries.push(`    body: ${req ? e.schema : `${PURE}v.optional(${e.schema})`},`);
  }
  // Answers
  let response;
  let emptyOk = false;
  const errors = [];
  for (const [status, r] of Object.entries(op.responses)) {
    const code = Number(status);
    const schema = jsonSchema(r);
    if (code >= 200 && code < 300) {
      // A 204 has no body whatever its content says (the spec gives trackEventV2's a schema).
      if (schema && code !== 204 && !response)
        response = { status: code, ...expr(flatten(schema, spec), 'out', '') };
      else if (!schema || code === 204) emptyOk = true;
    } else if (code >= 400) {
      errors.push({
        status: code,
        ...(schema ? expr(flatten(schema, spec), 'out', '') : { ts: 'unknown', schema: undefined }),
      });
    }
  }
  // `silent=yes` (the API's default where an operation takes it) answers without a body.
  if (params.some((p) => p.name === 'silent')) emptyOk = true;
  const valueTs = response ? `${response.ts}${emptyOk ? ' | undefined' : ''}` : 'undefined';
  const apiKeyOnly = !(op.security ?? spec.security ?? []).some((s) => 'integration_auth' in s);
  const overlay = OVERLAYS[id] ?? {};
  return {
    id,
    Pascal,
    op,
    isLegacy,
    params,
    paramTs,
    paramEntries,
    query,
    csv,
    bodyType,
    response,
    emptyOk,
    valueTs,
    errors,
    apiKeyOnly,
    overlay,
  };
}

/** A mechanical example call from the required parameters (an overlay may give a better one). */
function exampleCall(b) {
  if (b.overlay.example) return b.overlay.example;
  const args = [];
  for (const p of b.params) {
    if (p.in !== 'path' && !(p.in === 'query' && p.required)) continue;
    const s = p.schema ?? {};
    const value =
      s.type === 'integer' || s.type === 'number'
        ? String(p.example ?? s.example ?? 1)
        : JSON.stringify(
            typeof (p.example ?? s.example) === 'string' ? (p.example ?? s.example) : `${p.name}-1`,
          );
    args.push(`${ident(p.name)}: ${value}`);
  }
  if (b.bodyType)
    args.push(`body: ${sample(flatten(jsonSchema(resolveBody(b.op.requestBody, b.op.spec)), b.op.spec), 0)}`);
  return `const result = await ${b.id}(talon, { ${args.join(', ')} });`;
}

/** A small valid request value for examples: required fields only, example values where the spec has them. */
function sample(flat, depth) {
  switch (flat.kind) {
    case 'ref':
      return sample(named(flat.name, flat.spec), depth);
    case 'object': {
      if (depth > 4) return '{}';
      const parts = [];
      for (const key of flat.required) {
        const raw = flat.properties[key];
        if (!raw || raw.readOnly) continue;
        parts.push(`${ident(key)}: ${sample(flatten(raw, flat.spec), depth + 1)}`);
      }
      return parts.length ? `{ ${parts.join(', ')} }` : '{}';
    }
    case 'array': {
      const min = flat.schema.minItems ?? 1;
      return min > 0 ? `[${sample(flatten(flat.items, flat.spec), depth + 1)}]` : '[]';
    }
    case 'map':
      return '{}';
    case 'string': {
      const s = flat.schema;
      if (s.enum) return JSON.stringify(s.enum[0]);
      if (s.format === 'date-time') return "'2026-06-24T10:00:00Z'";
      return JSON.stringify(typeof s.example === 'string' && !s.example.includes('*/') ? s.example : 'text');
    }
    case 'integer':
    case 'number':
      return String(typeof flat.schema.example === 'number' ? flat.schema.example : 1);
    case 'boolean':
      return 'true';
    default:
      return '{}';
  }
}

function endpointModule(b) {
  const { id, Pascal, op } = b;
  const errorTs = b.errors.length
    ? `export type ${Pascal}Errors = {\n${b.errors.map((e) => `  ${e.status}: ${e.ts};`).join('\n')}\n};`
    : `export type ${Pascal}Errors = Record<never, never>;`;
  const errorsEntry = b.errors.filter((e) => e.schema);
  const statuses = b.errors.map((e) => e.status);
  const summary =
    b.overlay.summary ?? `${firstParagraph(op.summary ?? id)}${/[.!?]$/.test(op.summary ?? '') ? '' : '.'}`;
  const description = b.overlay.description ?? (op.description ? firstParagraph(op.description) : '');
  const auth = b.apiKeyOnly ? '`apiKey` only' : '`apiKey` or `contentSignature`';
  const deprecated = b.isLegacy
    ? `\n * @deprecated ${b.overlay.deprecated ?? 'A 2021 (V1) operation that the current API no longer lists.'}`
    : op.deprecated
      ? `\n * @deprecated ${b.overlay.deprecated ?? 'The API marks this operation deprecated.'}`
      : '';
  const notes = b.overlay.notes
    ? `\n *\n${b.overlay.notes
        .split('\n')
        .map((l) => ` * ${l}`.trimEnd())
        .join('\n')}`
    : '';
  const descriptionDoc = description
    ? `\n *\n${description
        .replace(/\*\//g, '*\\/')
        .split('\n')
        .map((l) => ` * ${l}`.trimEnd())
        .join('\n')}`
    : '';
  const typeImports = new Set();
  const valueImports = new Set();
  const collect = (text, into) => {
    for (const m of text.matchAll(/\b[A-Z]\w*\b/g))
      if (models.has(m[0]) || models.has(m[0].replace(/Schema$/, ''))) into.add(m[0]);
  };
  collect([...b.paramTs, b.valueTs, errorTs].join('\n').replace(/\/\*\*[\s\S]*?\*\//g, ''), typeImports);
  collect(
    [...b.paramEntries, b.response?.schema ?? '', ...errorsEntry.map((e) => e.schema)].join('\n'),
    valueImports,
  );
  const helperNames = new Set(['strict']);
  for (const m of b.paramEntries
    .join('\n')
    .matchAll(/\b(answer|strict|dateTime|anyMap|map|list|opt|optList)\(/g))
    helperNames.add(m[1]);
  const specFile = b.isLegacy ? LEGACY : CURRENT;
  const lines = [];
  lines.push(
    `// Generated by scripts/gen.mjs from ../shared/spec/${specFile}. Do not edit by hand: change the generator or scripts/overlays.mjs and run \`npm run gen\`.`,
  );
  if (
    /\bv\./.test(
      [...b.paramEntries, b.response?.schema ?? '', ...errorsEntry.map((e) => e.schema)].join('\n'),
    )
  )
    lines.push(`import * as v from 'valibot';`);
  lines.push(`import type { Client } from '../client.js';`);
  lines.push(`import type { TalonError } from '../core/errors.js';`);
  lines.push(`import type { Operation } from '../core/operation.js';`);
  lines.push(`import type { CallOptions } from '../core/options.js';`);
  lines.push(`import { send } from '../core/request.js';`);
  lines.push(`import type { Result } from '../core/result.js';`);
  if (helperNames.size)
    lines.push(`import { ${[...helperNames].sort().join(', ')} } from '../models/helpers.js';`);
  if (valueImports.size)
    lines.push(`import { ${[...valueImports].sort().join(', ')} } from '../models/schemas.js';`);
  if (typeImports.size)
    lines.push(`import type { ${[...typeImports].sort().join(', ')} } from '../models/types.js';`);
  lines.push('');
  lines.push(`/** Parameters of {@link ${id}}${b.bodyType ? '; the request body is `body`' : ''}. */`);
  lines.push(`export interface ${Pascal}Params {\n${b.paramTs.join('\n')}\n}`);
  lines.push('');
  lines.push(`/** Error statuses {@link ${id}} documents, with their bodies. */`);
  lines.push(errorTs);
  lines.push('');
  lines.push(
    `/** The value {@link ${id}} resolves to on success${b.emptyOk ? ' (`undefined` when the API answers without a body)' : ''}. */`,
  );
  lines.push(`export type ${Pascal}Value = ${b.valueTs};`);
  lines.push('');
  const opFields = [
    `  id: '${id}',`,
    `  method: '${op.method}',`,
    `  path: '${op.path}',`,
    `  params: ${PURE}strict('${id} params', {\n${b.paramEntries.map((e) => `  ${e}`).join('\n')}\n  }),`,
  ];
  if (b.query.length) opFields.push(`  query: [${b.query.map((q) => `'${q}'`).join(', ')}],`);
  if (b.csv.length) opFields.push(`  csv: [${b.csv.map((q) => `'${q}'`).join(', ')}],`);
  if (b.bodyType) opFields.push('  body: true,');
  if (b.response) opFields.push(`  response: ${b.response.schema},`);
  if (b.response && b.emptyOk) opFields.push('  emptyOk: true,');
  if (errorsEntry.length)
    opFields.push(`  errors: { ${errorsEntry.map((e) => `${e.status}: ${e.schema}`).join(', ')} },`);
  if (b.apiKeyOnly) opFields.push('  apiKeyOnly: true,');
  lines.push(`const operation: Operation<${Pascal}Value, ${Pascal}Errors> = {\n${opFields.join('\n')}\n};`);
  lines.push('');
  const errorsText = statuses.length
    ? `\`http\` (documented: ${statuses.join(', ')})`
    : '`http` (none documented)';
  const valueName = b.response ? b.response.ts : 'no body';
  lines.push(`/**
 * ${summary}${descriptionDoc}${notes}
 *
 * \`${op.method} ${op.path}\` · auth: ${auth}
 *
 * @example
 * \`\`\`ts
 * ${exampleCall(b)}
 * \`\`\`
 *
 * @returns A {@link Result}: the value (${valueName}), or a {@link TalonError}: ${errorsText},
 * \`validation\` (nothing sent), \`config\`, \`network\`, \`timeout\`, \`aborted\` or \`response\` (its \`body\` keeps an off-schema answer).${deprecated}
 */
export function ${id}(
  client: ${b.apiKeyOnly ? "Client<'apiKey'>" : 'Client'},
  params: ${Pascal}Params,
  options?: CallOptions,
): Promise<Result<${Pascal}Value, TalonError<${Pascal}Errors>>> {
  return send(client, operation, params, options);
}
`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

const built = [...currentOps, ...legacyOps].map(buildOperation).sort((a, b) => a.id.localeCompare(b.id));
// Every *EffectProps schema is a model even though no operation names it (props of the union).
model('Effect', current, 'out');

/** Orders models so that every schema is defined after those it uses. */
function ordered() {
  const names = [...models.keys()].sort();
  const seen = new Set();
  const out = [];
  const visit = (name, stack) => {
    if (seen.has(name)) return;
    if (stack.includes(name))
      throw new Error(`gen: models refer to each other in a cycle: ${[...stack, name].join(' → ')}`);
    const m = models.get(name);
    const code = `${m.schema ?? ''}\n${m.aliasSchema ?? ''}`;
    for (const dep of code.matchAll(/\b([A-Z]\w*)Schema\b/g))
      if (dep[1] !== name && models.has(dep[1])) visit(dep[1], [...stack, name]);
    if (code.includes('effectBaseEntries') && name !== 'EffectBase') visit('EffectBase', [...stack, name]);
    seen.add(name);
    out.push(name);
  };
  for (const name of names) visit(name, []);
  return out;
}

const header = (what) =>
  `// Generated by scripts/gen.mjs from ../shared/spec/${CURRENT} (release ${release}) and ${LEGACY}. Do not edit by hand: run \`npm run gen\`.\n// ${what}\n`;

const order = ordered();
let typesText = `${header('Every model of the Integration API as a named type: answers by their spec name, request shapes with an Input suffix.')}import type { UnknownEffectType } from './helpers.js';\n\n`;
let schemasText = `${header('The valibot schema of every model, typed against its named type in ./types.ts. Answers: tolerant (see ./helpers.ts); requests: strict.')}import * as v from 'valibot';\nimport { answer, anyMap, dateTime, effectUnion, list, map, opt, optList, strict } from './helpers.js';\nimport type * as T from './types.js';\n\n`;
for (const name of [...models.keys()].sort()) {
  const m = models.get(name);
  const d = doc(m.doc);
  if (m.alias !== undefined) typesText += `${d}export type ${name} = ${m.alias};\n\n`;
  else typesText += `${d}${m.ts}\n\n`;
}
for (const name of order) {
  const m = models.get(name);
  let code;
  if (m.aliasSchema !== undefined) {
    const dirIn = name.endsWith('Input');
    code = `export const ${name}Schema: v.GenericSchema<${dirIn ? `T.${name}` : `unknown, T.${name}`}> = ${m.aliasSchema};`;
  } else code = m.schema;
  if (!code) continue;
  code = code.replace(
    /GenericSchema<(unknown, )?([A-Z]\w*)(, unknown)?>/g,
    (_, a, n, b) => `GenericSchema<${a ?? ''}T.${n}${b ?? ''}>`,
  );
  code = code
    .replace(/effectUnion<Effect>/, 'effectUnion<T.Effect>')
    .replace(/readonly KnownEffectType\[\]/, 'readonly T.KnownEffectType[]');
  schemasText += `/** Schema of {@link T.${name === 'EffectBase' ? 'EffectBase' : name === 'knownEffectTypes' ? 'KnownEffectType' : name}}. */\n${code}\n\n`;
}

let index = `// Generated by scripts/gen.mjs. Do not edit by hand: run \`npm run gen\`.\n// Every operation the SDK offers: the ${currentOps.length} of ${CURRENT} and the ${legacyOps.length} legacy ones of ${LEGACY}.\n`;
for (const b of built)
  index += `export {\n  type ${b.Pascal}Errors,\n  type ${b.Pascal}Params,\n  type ${b.Pascal}Value,\n  ${b.id},\n} from './${b.id}.js';\n`;
index += `\n/** The operationIds of every operation exported, with the release each comes from. */\nexport const operationIds = {\n${built.map((b) => `  ${b.id}: '${b.isLegacy ? '2021' : 'current'}',`).join('\n')}\n} as const;\n`;

const files = new Map();
files.set('src/models/types.ts', typesText);
files.set('src/models/schemas.ts', schemasText);
files.set('src/endpoints/index.ts', index);
for (const b of built) files.set(`src/endpoints/${b.id}.ts`, endpointModule(b));

export { files };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : root;
  for (const dir of ['src/endpoints']) {
    // Generated endpoint modules are rewritten whole; hand-written ones (params.ts) stay.
    for (const f of readdirSync(join(outDir, dir))) {
      const path = join(outDir, dir, f);
      if (readFileSync(path, 'utf8').startsWith('// Generated by scripts/gen.mjs')) rmSync(path);
    }
  }
  for (const [file, text] of files) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    writeFileSync(join(outDir, file), text);
  }
  console.log(
    `gen: ${files.size} files from ${CURRENT} (${currentOps.length} operations) and ${LEGACY} (${legacyOps.length}), ${models.size} models`,
  );
}
