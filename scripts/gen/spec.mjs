// Reading a release: schemas flattened (`allOf` merged), references resolved, the operations
// listed, and the rule that decides which answer fields are required across releases. Works on
// parsed spec objects handed in; reads no file and keeps no state.

/** `#/components/schemas/Foo` → `Foo`. */
export const refName = (ref) => ref.split('/').pop();

/**
 * Flattens a schema object of `spec`: `allOf` members are merged (properties in order, required
 * lists united), a lone `allOf: [$ref]` wrapper is the reference itself. Answers one of
 * `{ kind: 'ref' | 'object' | 'map' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'unknown' }`.
 */
export function flatten(schema, spec) {
  if (!schema || typeof schema !== 'object') return { kind: 'unknown' };
  if (schema.$ref) return { kind: 'ref', name: refName(schema.$ref), spec };
  if (schema.allOf) return flattenAllOf(schema, spec);
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

function flattenAllOf(schema, spec) {
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
    const flat = part.$ref ? flatten(spec.components.schemas[refName(part.$ref)], spec) : flatten(part, spec);
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

/** The flattened named schema `name` of `spec`; throws when the spec references an undefined one. */
export function named(name, spec) {
  const schema = spec.components.schemas[name];
  if (!schema) throw new Error(`gen: schema ${name} is referenced but not defined`);
  return flatten(schema, spec);
}

/**
 * The rule for answers across releases: a field of a `current` answer is required only if every
 * `earlier` release that has the schema requires it too (the release that requires less wins).
 * Returns `(name, flat) => Set` of the required keys; other releases keep their own lists.
 */
export function answerRequiredRule(current, earlier) {
  return (name, flat) => {
    if (flat.spec !== current) return flat.required;
    const out = new Set(flat.required);
    for (const spec of earlier) {
      if (!spec.components.schemas[name]) continue;
      const old = named(name, spec);
      if (old.kind !== 'object') continue;
      for (const key of out) if (!old.required.has(key)) out.delete(key);
    }
    return out;
  };
}

/** The operations of `spec` whose operationId passes `filter`, with method, path and path-level parameters. */
export function operationsOf(spec, filter = () => true) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.operationId || !filter(op.operationId)) continue;
      out.push({ ...op, method: method.toUpperCase(), path, spec, pathParameters: item.parameters ?? [] });
    }
  }
  return out;
}

/** A parameter, `components/parameters` reference resolved. */
export function resolveParam(p, spec) {
  return p.$ref ? spec.components.parameters[refName(p.$ref)] : p;
}

/** A request body, `components/requestBodies` reference resolved. */
export function resolveBody(body, spec) {
  return body?.$ref ? spec.components.requestBodies[refName(body.$ref)] : body;
}

/** The JSON schema of a request body or response (`content['application/json'].schema`). */
export const jsonSchema = (x) => x?.content?.['application/json']?.schema;

/** Whether a response is a CSV text (`application/csv`, the Management API's exports). */
export const isCsv = (x) => Boolean(x?.content?.['application/csv']);

/**
 * The schema of an error answer: its JSON schema, or the one the spec files under
 * `application/csv` when that is not the CSV text itself (the exports list their JSON error
 * bodies there; the API sends them as JSON).
 */
export function errorSchema(x) {
  const json = jsonSchema(x);
  if (json) return json;
  const csv = x?.content?.['application/csv']?.schema;
  return csv && csv.type !== 'string' ? csv : undefined;
}

/**
 * The file field of a `multipart/form-data` request body (the Management API's imports send
 * one CSV file, `upFile`): `{ field, description }`, or `undefined` when the body is not a form.
 */
export function uploadField(body, spec) {
  let schema = body?.content?.['multipart/form-data']?.schema;
  if (!schema) return undefined;
  if (schema.$ref) schema = spec.components.schemas[refName(schema.$ref)];
  const entry = Object.entries(schema?.properties ?? {}).find(([, p]) => p.format === 'binary');
  if (!entry) throw new Error('gen: a multipart/form-data body without a binary field');
  return { field: entry[0], description: entry[1].description };
}

/** Every `$ref` name in a JSON value (a schema and what it nests), in order. */
function refsIn(value, out = []) {
  if (Array.isArray(value)) for (const item of value) refsIn(item, out);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value))
      if (key === '$ref' && typeof item === 'string') out.push(refName(item));
      else refsIn(item, out);
  return out;
}

/**
 * Whether the named schema `name` is the same in the releases `a` and `b`: its JSON is identical,
 * and so is that of every named schema it reaches (a reference to a schema that differs makes a
 * different shape even where the text of `name` is the same).
 */
export function sameSchema(name, a, b) {
  const seen = new Set();
  const walk = (n) => {
    if (seen.has(n)) return true;
    seen.add(n);
    const x = a.components?.schemas?.[n];
    const y = b.components?.schemas?.[n];
    if (!x || !y || JSON.stringify(x) !== JSON.stringify(y)) return false;
    return refsIn(x).every(walk);
  };
  return walk(name);
}
