/**
 * Loads the OpenAPI files of the Integration and Management APIs from the spec folder (`TALON_SPEC_DIR`, default
 * `../shared/spec` next to the repository root; they are data, never copied into the repository). The file names come from
 * scripts/spec-files.mjs (CURRENT, LEGACY, EARLIER, LEGACY_OPERATIONS), the one place that names
 * them. When they are absent, suites built with `describeWithSpec` FAIL with a message that says
 * so: a missing contract must never pass as a skipped or empty suite.
 *
 * The current release is OpenAPI 3.1 with schemas composed by `allOf`, request bodies under
 * `components/requestBodies` and shared parameters under `components/parameters`: `deref`
 * resolves all of that into one flat schema (properties merged, `required` united).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';

/** A JSON Schema object as the spec writes it (OpenAPI 3.0 / 3.1 subset). */
export interface SchemaObject {
  readonly $ref?: string;
  readonly allOf?: readonly SchemaObject[];
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly required?: readonly string[];
  readonly items?: SchemaObject;
  readonly additionalProperties?: SchemaObject | boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly pattern?: string;
  readonly readOnly?: boolean;
  readonly nullable?: boolean;
  readonly default?: unknown;
}

export interface RefObject {
  readonly $ref: string;
}

export interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly schema: SchemaObject;
}

export interface RequestBodyObject {
  readonly required?: boolean;
  readonly content: Readonly<Record<string, { readonly schema: SchemaObject }>>;
}

export interface OperationObject {
  readonly operationId: string;
  readonly parameters?: readonly (ParameterObject | RefObject)[];
  readonly requestBody?: RequestBodyObject | RefObject;
  readonly responses: Readonly<
    Record<
      string,
      {
        readonly description?: string;
        readonly content?: Readonly<Record<string, { readonly schema: SchemaObject }>>;
      }
    >
  >;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
}

export interface OpenApi {
  readonly openapi?: string;
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, SchemaObject>>;
    readonly parameters?: Readonly<Record<string, ParameterObject>>;
    readonly requestBodies?: Readonly<Record<string, RequestBodyObject>>;
    readonly securitySchemes?: Readonly<Record<string, unknown>>;
  };
}

/** One operation of a spec file, with its method and path template. */
export interface SpecOperation {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  readonly path: string;
  readonly op: OperationObject;
}

/** What scripts/spec-files.mjs exports. */
export interface SpecFiles {
  readonly CURRENT: string;
  readonly EARLIER: readonly string[];
  readonly LEGACY: string;
  readonly LEGACY_OPERATIONS: readonly string[];
  readonly MANAGEMENT: string;
  readonly SPEC_DIR: string;
  readonly loadSpec: (file: string) => unknown;
  /** Per spec file: the release, where the official copy it was extracted from is published, its SHA-256. */
  readonly SPEC_FILES: Readonly<
    Record<
      string,
      {
        readonly release: string;
        readonly source: { readonly repository: string; readonly path: string; readonly tag: string };
        readonly sha256: string;
      }
    >
  >;
}

export interface Specs {
  /** CURRENT of scripts/spec-files.mjs (`integration-api-26.13.json`): the contract of every current operation. */
  readonly current: OpenApi;
  /** LEGACY (`integration-api-2021.json`): the three V1 operations and `integration_auth`. */
  readonly legacy: OpenApi;
  /** MANAGEMENT (`management-api-26.13.json`): the contract of every Management operation. */
  readonly management: OpenApi;
  /** The file names, as scripts/spec-files.mjs gives them. */
  readonly files: { readonly current: string; readonly legacy: string; readonly management: string };
  /** The operations that exist only in the legacy file. */
  readonly legacyOperations: readonly string[];
  readonly dir: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** scripts/spec-files.mjs (a plain ES module without types: imported by URL, typed here). */
export const specFiles = (await import(
  pathToFileURL(join(ROOT, 'scripts/spec-files.mjs')).href
)) as SpecFiles;

/**
 * Where the spec files are read from: scripts/spec-files.mjs's SPEC_DIR, the one setting
 * (`TALON_SPEC_DIR`, default `../shared/spec` beside the repository).
 */
export const SPEC_DIR = specFiles.SPEC_DIR;

const readSpec = (file: string): OpenApi => specFiles.loadSpec(file) as OpenApi;

/** Reads the current, the legacy and the Management spec files, or says which one is missing or unreadable. */
export function loadSpecs(): Specs | { readonly problem: string } {
  try {
    return {
      current: readSpec(specFiles.CURRENT),
      legacy: readSpec(specFiles.LEGACY),
      management: readSpec(specFiles.MANAGEMENT),
      files: { current: specFiles.CURRENT, legacy: specFiles.LEGACY, management: specFiles.MANAGEMENT },
      legacyOperations: specFiles.LEGACY_OPERATIONS,
      dir: SPEC_DIR,
    };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * `describe(name, …)` with the specs loaded. When they cannot be loaded, the suite holds one
 * test that throws "shared/spec is missing: …", so the run fails loudly instead of skipping.
 */
export function describeWithSpec(name: string, body: (specs: Specs) => void): void {
  const specs = loadSpecs();
  if ('problem' in specs) {
    describe(name, () => {
      it('needs the Integration API spec', () => {
        throw new Error(`shared/spec is missing: ${specs.problem}`);
      });
    });
    return;
  }
  describe(name, () => body(specs));
}

/** Every operation of one spec file, by operationId. */
export function operationsOf(spec: OpenApi): Map<string, SpecOperation> {
  const out = new Map<string, SpecOperation>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op === 'object' && op !== null && typeof op.operationId === 'string')
        out.set(op.operationId, { method: method.toUpperCase() as SpecOperation['method'], path, op });
    }
  }
  return out;
}

/** Finds an operation by operationId in one spec file. */
export function findOperation(spec: OpenApi, operationId: string): SpecOperation | undefined {
  return operationsOf(spec).get(operationId);
}

/** The object a local `$ref` (`#/components/…`) points at. */
export function resolveRef<T>(spec: OpenApi, ref: string): T {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let target: unknown = spec;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    target =
      typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[key] : undefined;
  }
  if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
  return target as T;
}

const isRef = (value: object): value is RefObject => typeof (value as RefObject).$ref === 'string';

/** The parameters of an operation, `components/parameters` refs resolved. */
export function parametersOf(spec: OpenApi, op: OperationObject): ParameterObject[] {
  return (op.parameters ?? []).map((p) => (isRef(p) ? resolveRef<ParameterObject>(spec, p.$ref) : p));
}

/** The JSON request body of an operation (`components/requestBodies` refs resolved), if any. */
export function requestBodyOf(
  spec: OpenApi,
  op: OperationObject,
): { readonly required: boolean; readonly schema: SchemaObject } | undefined {
  if (!op.requestBody) return undefined;
  const body = isRef(op.requestBody)
    ? resolveRef<RequestBodyObject>(spec, op.requestBody.$ref)
    : op.requestBody;
  const schema = body.content['application/json']?.schema;
  return schema ? { required: !!body.required, schema } : undefined;
}

/** Whether `schema` is only a wrapper around one `$ref` (`allOf: [{ $ref }]`, as 3.1 writes a described ref). */
function loneRef(schema: SchemaObject): string | undefined {
  if (schema.$ref) return schema.$ref;
  const parts = schema.allOf;
  if (parts?.length === 1 && parts[0]?.$ref && !schema.properties && !schema.type) return parts[0].$ref;
  return undefined;
}

const flattened = new WeakMap<OpenApi, WeakMap<SchemaObject, SchemaObject>>();

/**
 * The schema without `$ref` and `allOf`: refs followed (a lone `allOf: [$ref]` wrapper is the ref),
 * `allOf` parts merged (properties united, later parts winning a clash; `required` united; other
 * keywords from the first part that has them, the schema's own keywords first).
 */
export function deref(spec: OpenApi, schema: SchemaObject, depth = 0): SchemaObject {
  if (depth > 40) throw new Error('$ref/allOf nesting too deep');
  let cache = flattened.get(spec);
  if (!cache) {
    cache = new WeakMap();
    flattened.set(spec, cache);
  }
  const hit = cache.get(schema);
  if (hit) return hit;
  let out: SchemaObject;
  const ref = loneRef(schema);
  if (ref) {
    const { $ref: _r, allOf: _a, ...own } = schema;
    const target = deref(spec, resolveRef<SchemaObject>(spec, ref), depth + 1);
    // Sibling keywords of a wrapper (readOnly, default, description) apply on top of the target.
    out = { ...target, ...own };
  } else if (schema.allOf) {
    const { allOf, ...own } = schema;
    const merged: Record<string, unknown> = { ...own };
    const properties: Record<string, SchemaObject> = { ...(own.properties ?? {}) };
    const required = new Set(own.required ?? []);
    for (const part of allOf) {
      const flat = deref(spec, part, depth + 1);
      for (const [key, value] of Object.entries(flat)) {
        if (key === 'properties' || key === 'required') continue;
        if (!(key in merged)) merged[key] = value;
      }
      Object.assign(properties, flat.properties ?? {});
      for (const name of flat.required ?? []) required.add(name);
    }
    if (Object.keys(properties).length > 0) merged.properties = properties;
    if (required.size > 0) merged.required = [...required];
    if (merged.properties && merged.type === undefined) merged.type = 'object';
    out = merged as SchemaObject;
  } else out = schema;
  cache.set(schema, out);
  return out;
}

/** The schema name a `$ref` (or a lone `allOf: [$ref]` wrapper) points at, or undefined. */
export function refName(schema: SchemaObject): string | undefined {
  return loneRef(schema)?.replace(/^#\/components\/schemas\//, '');
}
