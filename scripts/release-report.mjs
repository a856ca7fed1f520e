// What changed for users between two releases of the Talon.One Integration API, as Markdown.
//
//   node scripts/release-report.mjs <old.json> <new.json> [--out file]
//
// `releaseReport(oldDoc, newDoc)` is pure: two parsed OpenAPI documents in, a string out (no
// files, no clock, no environment). It reads OpenAPI 3.0 files with flattened schemas
// (`inline_response_200_4`) and 3.1 files composed with `allOf` (resolved before comparing),
// `components/requestBodies` and `components/parameters`. Schemas are compared where the
// operations use them (an operation's body with its body, its answer with its answer, then
// field by field), so a list answer renamed from an inline name to a named one is paired, and
// every change is said once per side: in requests (what you send) or in answers (what you read).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The node a local `$ref` points at (JSON pointer), or undefined. */
function pointer(doc, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  let node = doc;
  for (const part of ref.slice(2).split('/')) node = node?.[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  return node;
}

/** Follows `$ref`s to the node itself. */
function deref(doc, node) {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 32; hops++) current = pointer(doc, current.$ref);
  return current;
}

/** `{ allOf: [{ $ref }], description }` (a reference with its own description) is the reference. */
function unwrap(node) {
  let current = node;
  while (current?.allOf?.length === 1 && !current.properties && !current.$ref) current = current.allOf[0];
  return current;
}

/** The components/schemas name a node refers to (through its `$ref`), if any. */
function schemaName(node) {
  const ref = unwrap(node)?.$ref;
  return typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice(21) : undefined;
}

/** A schema with its `allOf` parts merged: properties, required keys, enum, deprecated. */
function flatten(doc, node, depth = 0) {
  const schema = deref(doc, node) ?? {};
  const out = {
    properties: {},
    required: new Set(),
    enum: schema.enum,
    deprecated: schema.deprecated === true,
  };
  if (depth < 16)
    for (const part of schema.allOf ?? []) {
      const flat = flatten(doc, part, depth + 1);
      Object.assign(out.properties, flat.properties);
      for (const key of flat.required) out.required.add(key);
      out.enum ??= flat.enum;
    }
  Object.assign(out.properties, schema.properties ?? {});
  for (const key of schema.required ?? []) out.required.add(key);
  return out;
}

/** The element schema of an array node, else the node. */
function element(doc, node) {
  const schema = deref(doc, unwrap(node));
  return schema?.type === 'array' || (Array.isArray(schema?.type) && schema.type.includes('array'))
    ? unwrap(schema.items)
    : unwrap(node);
}

/** True for a node that is (or composes) an object with properties. */
function isObject(doc, node) {
  const schema = deref(doc, node);
  return Boolean(schema && (schema.properties || schema.allOf));
}

/** The enum values of a property (or of its array items). */
function enumOf(doc, node) {
  return deref(doc, node)?.enum ?? deref(doc, element(doc, node))?.enum ?? [];
}

/** Two names that look like one field renamed: a plural, a suffix, or a small edit. */
function similar(a, b) {
  if (a === b) return false;
  if (a.startsWith(b) || b.startsWith(a)) return Math.abs(a.length - b.length) <= 3;
  if (Math.abs(a.length - b.length) > 2) return false;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] <= 2;
}

/** The JSON body schema of a requestBody or response node. */
function jsonSchema(doc, node) {
  const content = deref(doc, node)?.content ?? {};
  const type = Object.keys(content).find((t) => t.includes('json'));
  return type ? content[type].schema : undefined;
}

/** operationId -> { method, path, op } */
function operations(doc) {
  const out = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of METHODS) {
      const op = item[method];
      if (op?.operationId) out.set(op.operationId, { method: method.toUpperCase(), path, op, item });
    }
  return out;
}

/** `in:name` -> parameter, path-level parameters included. */
function parameters(doc, { op, item }) {
  const out = new Map();
  for (const node of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
    const param = deref(doc, node);
    if (param?.name) out.set(`${param.in}:${param.name}`, param);
  }
  return out;
}

/** Collects every change between the two documents, pairing schemas through the operations. */
export function compareReleases(oldDoc, newDoc) {
  const changes = {
    operationsAdded: [],
    operationsRemoved: [],
    operationsDeprecated: [],
    operationsMoved: [],
    statuses: [],
    fields: [],
    renamedSchemas: [],
    renamedFields: [],
    effectsAdded: [],
    effectsRemoved: [],
  };
  const oldOps = operations(oldDoc);
  const newOps = operations(newDoc);
  const oldSchemas = oldDoc.components?.schemas ?? {};
  const newSchemas = newDoc.components?.schemas ?? {};
  const seen = new Set();
  const paired = new Set();

  /** One change to a field: kind is added | removed | required | optional | deprecated | enum | null. */
  const field = (side, where, name, kind, detail = {}) =>
    changes.fields.push({ side, where, field: name, kind, ...detail });

  const compare = (oldNode, newNode, label, side) => {
    const oldName = schemaName(oldNode);
    const newName = schemaName(newNode);
    const where = newName ?? label;
    const key = `${side}|${oldName ?? label}|${newName ?? label}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (oldName) paired.add(oldName);
    if (newName) paired.add(newName);
    if (oldName && newName && oldName !== newName && !newSchemas[oldName] && !oldSchemas[newName])
      if (!changes.renamedSchemas.some((r) => r.from === oldName))
        changes.renamedSchemas.push({ from: oldName, to: newName, why: `same place in ${label}` });
    // A list answer (BestPriorPriceResponse is an array): its own default, then its items.
    const [listThen, listNow] = [element(oldDoc, oldNode), element(newDoc, newNode)];
    if (deref(newDoc, newNode)?.default === null && deref(oldDoc, oldNode)?.default !== null)
      field(side, where, undefined, 'null', { isNew: false });
    if (listNow !== unwrap(newNode) && listThen !== unwrap(oldNode)) {
      if (isObject(oldDoc, listThen) && isObject(newDoc, listNow))
        compare(listThen, listNow, `${where}[]`, side);
      return;
    }
    const before = flatten(oldDoc, oldNode);
    const after = flatten(newDoc, newNode);
    const addedValues = (after.enum ?? []).filter((v) => !(before.enum ?? []).includes(v));
    if (addedValues.length) field(side, where, undefined, 'enum', { values: addedValues });
    const added = Object.keys(after.properties).filter((k) => !(k in before.properties));
    const removed = Object.keys(before.properties).filter((k) => !(k in after.properties));
    // A field that went away or became deprecated while a similar name arrived: a rename.
    for (const from of Object.keys(before.properties)) {
      const gone =
        removed.includes(from) ||
        (deref(newDoc, after.properties[from])?.deprecated &&
          !deref(oldDoc, before.properties[from])?.deprecated);
      const to = gone && added.find((name) => similar(from, name));
      if (!to) continue;
      changes.renamedFields.push({
        side,
        where,
        from,
        to,
        kept: !removed.includes(from),
        required: after.required.has(to),
      });
      added.splice(added.indexOf(to), 1);
      if (after.properties[to]?.default === null) field(side, where, to, 'null', { isNew: true });
      if (removed.includes(from)) removed.splice(removed.indexOf(from), 1);
    }
    for (const name of added) {
      const prop = after.properties[name];
      field(side, where, name, 'added', { required: after.required.has(name) });
      if (prop?.default === null) field(side, where, name, 'null', { isNew: true });
    }
    for (const name of removed) field(side, where, name, 'removed', { required: before.required.has(name) });
    for (const [name, prop] of Object.entries(after.properties)) {
      if (!(name in before.properties)) continue;
      const was = before.properties[name];
      if (before.required.has(name) !== after.required.has(name))
        field(side, where, name, after.required.has(name) ? 'required' : 'optional');
      if (deref(newDoc, prop)?.deprecated && !deref(oldDoc, was)?.deprecated)
        field(side, where, name, 'deprecated');
      if (prop?.default === null && was?.default !== null) field(side, where, name, 'null', { isNew: false });
      const oldValues = enumOf(oldDoc, was);
      const values = enumOf(newDoc, prop).filter((v) => !oldValues.includes(v));
      if (values.length && !schemaName(element(newDoc, prop))) field(side, where, name, 'enum', { values });
      const [a, b] = [element(oldDoc, was), element(newDoc, prop)];
      if (isObject(oldDoc, a) && isObject(newDoc, b)) compare(a, b, `${where}.${name}`, side);
      else if (schemaName(b) && deref(newDoc, b)?.enum) compare(a, b, `${where}.${name}`, side);
    }
  };

  for (const [id, now] of newOps) {
    const then = oldOps.get(id);
    if (!then) {
      changes.operationsAdded.push({
        id,
        method: now.method,
        path: now.path,
        summary: now.op.summary,
        deprecated: now.op.deprecated === true,
      });
      continue;
    }
    if (now.op.deprecated && !then.op.deprecated)
      changes.operationsDeprecated.push({ id, method: now.method, path: now.path });
    if (now.method !== then.method || now.path !== then.path)
      changes.operationsMoved.push({
        id,
        from: `${then.method} ${then.path}`,
        to: `${now.method} ${now.path}`,
      });
    // Path and query parameters are request fields of the operation.
    const before = parameters(oldDoc, then);
    const after = parameters(newDoc, now);
    const where = `${id} (parameters)`;
    for (const [key, param] of after) {
      const was = before.get(key);
      if (!was) field('request', where, param.name, 'added', { required: param.required === true });
      else {
        if (Boolean(was.required) !== Boolean(param.required))
          field('request', where, param.name, param.required ? 'required' : 'optional');
        if (param.deprecated && !was.deprecated) field('request', where, param.name, 'deprecated');
        const oldValues = enumOf(oldDoc, was.schema);
        const values = enumOf(newDoc, param.schema).filter((v) => !oldValues.includes(v));
        if (values.length) field('request', where, param.name, 'enum', { values });
      }
    }
    for (const [key, param] of before)
      if (!after.has(key))
        field('request', where, param.name, 'removed', { required: param.required === true });
    const [oldBody, newBody] = [
      jsonSchema(oldDoc, then.op.requestBody),
      jsonSchema(newDoc, now.op.requestBody),
    ];
    if (oldBody && newBody) compare(oldBody, newBody, `${id} (body)`, 'request');
    else if (newBody)
      field('request', `${id}`, 'body', 'added', {
        required: deref(newDoc, now.op.requestBody)?.required === true,
      });
    else if (oldBody) field('request', `${id}`, 'body', 'removed', {});
    const oldStatuses = Object.keys(then.op.responses ?? {});
    const newStatuses = Object.keys(now.op.responses ?? {});
    const gained = newStatuses.filter((s) => !oldStatuses.includes(s));
    const lost = oldStatuses.filter((s) => !newStatuses.includes(s));
    if (gained.length || lost.length) changes.statuses.push({ id, gained, lost });
    for (const status of newStatuses) {
      const [a, b] = [
        jsonSchema(oldDoc, then.op.responses?.[status]),
        jsonSchema(newDoc, now.op.responses[status]),
      ];
      if (a && b && status.startsWith('2')) compare(a, b, `${id} (${status} answer)`, 'answer');
    }
  }
  for (const [id, then] of oldOps)
    if (!newOps.has(id)) changes.operationsRemoved.push({ id, method: then.method, path: then.path });

  // Effect payloads: no operation references them; Effect.props is one of them by effectType.
  const effects = (schemas) => Object.keys(schemas).filter((n) => /.EffectProps$/.test(n));
  for (const name of effects(newSchemas)) {
    if (oldSchemas[name])
      compare(
        { $ref: `#/components/schemas/${name}` },
        { $ref: `#/components/schemas/${name}` },
        name,
        'answer',
      );
    else changes.effectsAdded.push(name);
  }
  for (const name of effects(oldSchemas)) if (!newSchemas[name]) changes.effectsRemoved.push(name);

  // Schemas no operation pairs: the same property names under a new name is a rename.
  const keysOf = (doc, name) =>
    Object.keys(flatten(doc, { $ref: `#/components/schemas/${name}` }).properties)
      .sort()
      .join();
  const gone = Object.keys(oldSchemas).filter(
    (n) => !newSchemas[n] && !changes.renamedSchemas.some((r) => r.from === n),
  );
  const arrived = Object.keys(newSchemas).filter(
    (n) => !oldSchemas[n] && !changes.renamedSchemas.some((r) => r.to === n),
  );
  for (const from of gone) {
    const shape = keysOf(oldDoc, from);
    const to = shape && arrived.find((n) => keysOf(newDoc, n) === shape);
    if (to) {
      changes.renamedSchemas.push({ from, to, why: 'same fields' });
      arrived.splice(arrived.indexOf(to), 1);
    }
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Markdown.

const code = (text) => `\`${text}\``;
const at = (where, name) => code(name === undefined ? where : `${where}.${name}`);

/** Bullets grouped by where: "- `Schema`: `a`, `b`". */
function grouped(entries, describe = (e) => code(e.field)) {
  const by = new Map();
  for (const entry of entries) by.set(entry.where, [...(by.get(entry.where) ?? []), describe(entry)]);
  return [...by]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([where, items]) => `- ${code(where)}: ${items.join(', ')}`);
}

/** `field` (+ `a`, `b`), or the values of a named enum. */
const enumValues = (e) => {
  const values = e.values.map((v) => code(v)).join(', ');
  return e.field === undefined ? `+ ${values}` : `${code(e.field)} (+ ${values})`;
};

/** A short name for a release from its `info.version`, e.g. "talon_go 25.17.0 (2026-05-07)" -> "25.17". */
export function releaseName(doc, fallback = 'unknown') {
  const match = /(\d+)\.(\d+)(?:\.\d+)?/.exec(String(doc?.info?.version ?? ''));
  return match ? `${match[1]}.${match[2]}` : fallback;
}

/**
 * The report: Markdown that lists what changed for users between `oldDoc` and `newDoc` (parsed
 * OpenAPI 3.0 or 3.1 documents). Pure: same input, same text.
 */
export function releaseReport(oldDoc, newDoc, names = {}) {
  const from = names.from ?? releaseName(oldDoc, 'old');
  const to = names.to ?? releaseName(newDoc, 'new');
  const c = compareReleases(oldDoc, newDoc);
  const of = (side, kind) =>
    c.fields.filter((f) => f.side === side && f.kind === kind && f.field !== undefined);
  const enums = (side) => c.fields.filter((f) => f.side === side && f.kind === 'enum');
  const op = (o) =>
    `- ${code(o.id)}: ${code(`${o.method} ${o.path}`)}${o.summary ? ` (${o.summary.trim()})` : ''}${o.deprecated ? ', deprecated' : ''}`;
  const withRequired = (f) => `${code(f.field)}${f.required ? ' (required)' : ''}`;
  // [title, bullets, the sentence under the title]; a section without bullets is left out.
  const sections = [
    ['Operations added', c.operationsAdded.map(op)],
    ['Operations removed', c.operationsRemoved.map(op), 'Calls to these fail on the new release (breaking).'],
    ['Operations deprecated', c.operationsDeprecated.map(op)],
    ['Operations moved', c.operationsMoved.map((m) => `- ${code(m.id)}: ${code(m.from)} → ${code(m.to)}`)],
    [
      'Documented statuses',
      c.statuses.map(
        (s) =>
          `- ${code(s.id)}: ${[...s.gained.map((x) => `+${x}`), ...s.lost.map((x) => `−${x}`)].join(', ')}`,
      ),
    ],
    [
      'Renamed',
      [
        ...c.renamedFields.map(
          (r) =>
            `- field ${at(r.where, r.from)} → ${code(r.to)} (${r.side}${r.required ? ', required' : ''}; ${r.kept ? `${code(r.from)} stays, deprecated` : `${code(r.from)} is gone`})`,
        ),
        ...c.renamedSchemas.map((r) => `- schema ${code(r.from)} → ${code(r.to)} (${r.why})`),
      ],
      'Fields: the old name went away or became deprecated while a similar one arrived. Schemas: a new name at the same place in an operation, or the same fields under a new name.',
    ],
    ['Requests: new required fields (breaking)', grouped(of('request', 'added').filter((f) => f.required))],
    ['Requests: fields newly required (breaking)', grouped(of('request', 'required'))],
    [
      'Requests: fields removed',
      grouped(of('request', 'removed')),
      'Sending them is refused by the SDK (strict requests) once regenerated.',
    ],
    ['Requests: optional fields added', grouped(of('request', 'added').filter((f) => !f.required))],
    ['Requests: fields no longer required', grouped(of('request', 'optional'))],
    ['Requests: fields deprecated', grouped(of('request', 'deprecated'))],
    [
      'Requests: enum values added',
      grouped(enums('request'), enumValues),
      'New values you may send; every value you send today still works.',
    ],
    [
      'Answers: fields no longer required',
      grouped(of('answer', 'optional')),
      'The type makes them optional: code that reads them must handle their absence (breaking for readers).',
    ],
    ['Answers: fields newly required', grouped(of('answer', 'required'))],
    ['Answers: fields added', grouped(of('answer', 'added'), withRequired)],
    ['Answers: fields removed', grouped(of('answer', 'removed'))],
    ['Answers: fields deprecated', grouped(of('answer', 'deprecated'))],
    [
      'Answers: enum values added',
      grouped(enums('answer'), enumValues),
      'Answer enums are open in the SDK (unknown values still parse), so these are not breaking.',
    ],
    [
      'Effect types added',
      c.effectsAdded.map((n) => `- ${code(n)}`),
      'New `*EffectProps` payloads; unknown effect types already parse as `CustomEffect`-like values.',
    ],
    ['Effect types removed', c.effectsRemoved.map((n) => `- ${code(n)}`)],
    [
      'Fields with `default: null`',
      grouped(
        c.fields.filter((f) => f.kind === 'null'),
        (f) =>
          f.field === undefined
            ? 'the whole answer (a list)'
            : `${code(f.field)}${f.isNew ? ' (new field)' : ''}`,
      ),
      'The API may send `null` for these (the Go backend serializes an empty list as `null`); the SDK reads `null` as an empty list or absent value.',
    ],
  ];
  const lines = [
    `# Integration API ${from} → ${to}: what changed for users`,
    '',
    `Generated by \`scripts/release-report.mjs\` from ${code(oldDoc.info?.version ?? from)} and ${code(newDoc.info?.version ?? to)}.`,
    'Requests are what you send (a new required field or parameter breaks callers); answers are',
    'what you read (a field no longer required may be missing: code that reads it must cope).',
    '',
    `Operations: ${c.operationsAdded.length} added, ${c.operationsRemoved.length} removed, ${c.operationsDeprecated.length} deprecated. ` +
      `Effect types: ${c.effectsAdded.length} added. Renamed: ${c.renamedSchemas.length} schemas, ${c.renamedFields.length} fields.`,
  ];
  for (const [title, bullets, intro] of sections) {
    if (!bullets.length) continue;
    lines.push('', `## ${title}`, '');
    if (intro) lines.push(intro, '');
    lines.push(...bullets);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// CLI: thin on purpose (`npm run gen -- --release <file>` will call releaseReport itself).

function cli(args) {
  const outAt = args.indexOf('--out');
  const out = outAt === -1 ? undefined : args[outAt + 1];
  const files = outAt === -1 ? args : args.filter((_, i) => i !== outAt && i !== outAt + 1);
  if (files.length !== 2 || (outAt !== -1 && !out)) {
    console.error('usage: node scripts/release-report.mjs <old.json> <new.json> [--out file]');
    return 2;
  }
  const [oldDoc, newDoc] = files.map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const report = releaseReport(oldDoc, newDoc, {
    from: releaseName(oldDoc, basename(files[0], '.json')),
    to: releaseName(newDoc, basename(files[1], '.json')),
  });
  if (out) writeFileSync(out, report);
  else process.stdout.write(report);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = cli(process.argv.slice(2));
