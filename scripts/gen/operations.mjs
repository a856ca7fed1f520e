// Operations: each operation of a release becomes a plain description of its endpoint module
// (parameter members and schema entries, query and comma-joined query names, body, answer,
// documented errors, auth, the models it uses), built on the run's models. Nothing runs on import.
import { IDEMPOTENCY, methodRule } from '../idempotency.mjs';
import { upperFirst } from './naming.mjs';
import {
  errorSchema,
  flatten,
  isCsv,
  jsonSchema,
  named,
  resolveBody,
  resolveParam,
  uploadField,
} from './spec.mjs';
import { doc, FIELD_DOC, ident, PURE } from './text.mjs';

/**
 * A parameter's schema expression: path parameters are non-empty strings or safe integers,
 * `silent` is `'yes' | 'no'`, the rest follow their schema (`m` from createModels).
 */
export function paramExpr(p, spec, m) {
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
  return m.expr(flatten(s, spec), 'in', '');
}

/**
 * Describes one operation (from `operationsOf`) for its module. `m`: the run's models;
 * `legacy`: the legacy release (its operations are deprecated), if any; `overlay`: the
 * hand-written words for it (scripts/overlays.mjs); `auth.signature`: the security scheme that
 * allows a signed request besides the API key, or `auth.only`: the one auth every operation of
 * the API takes (then `apiKeyOnly` is false). `uses` lists the models its module imports.
 */
export function buildOperation(op, { m, legacy, overlay = {}, auth }) {
  const { value, deps } = m.collecting(() => describe(op, m));
  const signed = !auth.only && (op.security ?? op.spec.security ?? []).some((s) => auth.signature in s);
  const idempotency = idempotencyOf(op.operationId, op.method);
  return {
    ...value,
    isLegacy: op.spec === legacy,
    apiKeyOnly: !auth.only && !signed,
    idempotency,
    overlay,
    uses: deps,
  };
}

/** The fields of an idempotency entry the transport reads, in a fixed order; `reason` is for people. */
const IDEMPOTENCY_FIELDS = ['class', 'rule', 'keySince', 'conflict', 'repeat404'];

/**
 * The operation's classification from scripts/idempotency.mjs, as the object literal its module
 * carries (compact: no `reason`, only the fields that are set). An operation the table does not
 * classify yet (a new release's, a test's) gets the reviewed method rule; the coverage test of
 * the table (test/generator/idempotency.test.ts) fails until it is classified.
 */
export function idempotencyOf(id, method) {
  const entry = Object.hasOwn(IDEMPOTENCY, id) ? IDEMPOTENCY[id] : { class: methodRule(method) };
  const fields = IDEMPOTENCY_FIELDS.filter((f) => entry[f] !== undefined).map(
    (f) => `${f}: ${JSON.stringify(entry[f]).replaceAll('"', "'")}`,
  );
  return `{ ${fields.join(', ')} }`;
}

function describe(op, m) {
  const spec = op.spec;
  const id = op.operationId;
  const params = [...op.pathParameters, ...(op.parameters ?? [])].map((p) => resolveParam(p, spec));
  const paramTs = [];
  const paramEntries = [];
  const query = [];
  const csv = [];
  for (const p of params) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    const e = paramExpr(p, spec, m);
    const req = p.in === 'path' || p.required;
    paramTs.push(
      `${doc(p.description, '  ', FIELD_DOC)}  ${ident(p.name)}${req ? '' : '?'}: ${e.ts}${req ? '' : ' | undefined'};`,
    );
    paramEntries.push(`    ${ident(p.name)}: ${req ? e.schema : `${PURE}v.optional(${e.schema})`},`);
    if (p.in === 'query') {
      query.push(p.name);
      // `explode: false`: the values travel comma-joined in one `name=a,b`.
      if (p.schema?.type === 'array' && p.explode === false) csv.push(p.name);
    }
  }
  const body = resolveBody(op.requestBody, spec);
  const upload = uploadField(body, spec);
  let bodyType;
  if (upload) {
    // A form with one file: the file travels as `body.<field>` in whatever form the caller holds it.
    bodyType = `{ ${ident(upload.field)}: UploadFile }`;
    const what = upload.description ? ` ${upload.description}` : '';
    paramTs.push(
      `  /** The request body, sent as \`multipart/form-data\`: \`${upload.field}\` is the file (a \`Blob\`/\`File\`, a string of CSV, bytes).${what.replace(/\*\//g, '')} */\n  body: ${bodyType};`,
    );
    paramEntries.push(
      `    body: ${PURE}strict(${JSON.stringify(`${id} body`)}, { ${ident(upload.field)}: ${PURE}uploadFile() }),`,
    );
  } else if (body) {
    const e = m.expr(flatten(jsonSchema(body), spec), 'in', '  ', id);
    bodyType = e.ts;
    const req = body.required !== false;
    paramTs.push(`  /** The request body. */\n  body${req ? '' : '?'}: ${e.ts}${req ? '' : ' | undefined'};`);
    paramEntries.push(`    body: ${req ? e.schema : `${PURE}v.optional(${e.schema})`},`);
  }
  // Answers
  let response;
  let emptyOk = false;
  const errors = [];
  let csvAnswer = false;
  for (const [status, r] of Object.entries(op.responses)) {
    const code = Number(status);
    const schema = code >= 400 ? errorSchema(r) : jsonSchema(r);
    if (code >= 200 && code < 300 && !response && isCsv(r)) {
      // An export: the value is the CSV text.
      csvAnswer = true;
      response = { status: code, ts: 'string', schema: `${PURE}v.string()` };
    } else if (code >= 200 && code < 300) {
      // A 204 has no body whatever its content says (the spec gives trackEventV2's a schema).
      if (schema && code !== 204 && !response)
        response = { status: code, ...m.expr(flatten(schema, spec), 'out', '') };
      else if (!schema || code === 204) emptyOk = true;
    } else if (code >= 400) {
      errors.push({
        status: code,
        ...(schema ? m.expr(flatten(schema, spec), 'out', '') : { ts: 'unknown', schema: undefined }),
      });
    }
  }
  // `silent=yes` (the API's default where an operation takes it) answers without a body.
  if (params.some((p) => p.name === 'silent')) emptyOk = true;
  const valueTs = response ? `${response.ts}${emptyOk ? ' | undefined' : ''}` : 'undefined';
  return {
    id,
    Pascal: upperFirst(id),
    op,
    params,
    paramTs,
    paramEntries,
    query,
    csv,
    body,
    bodyType,
    upload,
    csvAnswer,
    response,
    emptyOk,
    valueTs,
    errors,
  };
}

/** A mechanical example call from the required parameters (an overlay may give a better one). */
export function exampleCall(b) {
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
  if (b.upload) args.push(`body: { ${ident(b.upload.field)}: 'identifier,amount\\nA-1,10\\n' }`);
  else if (b.bodyType) args.push(`body: ${sample(flatten(jsonSchema(b.body), b.op.spec), 0)}`);
  return `const result = await ${b.id}(talon, { ${args.join(', ')} });`;
}

/** A small valid request value for examples: required fields only, example values where the spec has them. */
export function sample(flat, depth = 0) {
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
