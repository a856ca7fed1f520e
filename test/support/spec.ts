/**
 * Loads the OpenAPI files of the Integration API from `../shared/spec` (next to the repository
 * root; they are data, never copied into the repository). When they are absent, suites built
 * with `describeWithSpec` FAIL with a message that says so: a missing contract must never pass
 * as a skipped or empty suite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/** A JSON Schema object as the spec writes it (OpenAPI 3.0 subset). */
export interface SchemaObject {
  readonly $ref?: string;
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
  readonly pattern?: string;
  readonly readOnly?: boolean;
  readonly nullable?: boolean;
  readonly default?: unknown;
}

export interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema: SchemaObject;
}

export interface OperationObject {
  readonly operationId: string;
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content: Readonly<Record<string, { readonly schema: SchemaObject }>>;
  };
  readonly responses: Readonly<
    Record<string, { readonly content?: Readonly<Record<string, { readonly schema: SchemaObject }>> }>
  >;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
}

export interface OpenApi {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, SchemaObject>>;
    readonly securitySchemes?: Readonly<Record<string, unknown>>;
  };
}

/** One operation of a spec file, with its method and path template. */
export interface SpecOperation {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  readonly path: string;
  readonly op: OperationObject;
}

export interface Specs {
  /** `integration-api.json`: the current API. */
  readonly current: OpenApi;
  /** `integration-api-2021.json`: the 2021 release (the V1 operations, `integration_auth`). */
  readonly legacy: OpenApi;
  readonly dir: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * Where the spec files are expected: `../shared/spec` from the repository root
 * (`TALON_SPEC_DIR` overrides it, e.g. to run the contract against another release).
 */
export const SPEC_DIR = process.env.TALON_SPEC_DIR
  ? resolve(process.env.TALON_SPEC_DIR)
  : resolve(ROOT, '../shared/spec');
const FILES = { current: 'integration-api.json', legacy: 'integration-api-2021.json' } as const;

/** Reads both spec files, or says which one is missing or unreadable. */
export function loadSpecs(): Specs | { readonly problem: string } {
  const out: Record<string, OpenApi> = {};
  for (const [key, file] of Object.entries(FILES)) {
    const path = resolve(SPEC_DIR, file);
    if (!existsSync(path)) return { problem: `${path} does not exist` };
    try {
      out[key] = JSON.parse(readFileSync(path, 'utf8')) as OpenApi;
    } catch (error) {
      return { problem: `${path} cannot be read as JSON (${String(error)})` };
    }
  }
  return { current: out.current!, legacy: out.legacy!, dir: SPEC_DIR };
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
        throw new Error(
          `shared/spec is missing: ${specs.problem}. The contract tests read the OpenAPI files from ${SPEC_DIR} ` +
            '(../shared/spec from the repository root, or TALON_SPEC_DIR); restore them to run these tests.',
        );
      });
    });
    return;
  }
  describe(name, () => body(specs));
}

/** Finds an operation by operationId in one spec file. */
export function findOperation(spec: OpenApi, operationId: string): SpecOperation | undefined {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op === 'object' && op !== null && op.operationId === operationId)
        return { method: method.toUpperCase() as SpecOperation['method'], path, op };
    }
  }
  return undefined;
}

/** Follows `$ref`s (local ones only) until a schema without one. */
export function deref(spec: OpenApi, schema: SchemaObject): SchemaObject {
  let current = schema;
  for (let i = 0; current.$ref && i < 20; i++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const next = spec.components.schemas[name];
    if (!next) throw new Error(`unresolved $ref ${current.$ref}`);
    current = next;
  }
  return current;
}

/** The name a `$ref` points at, or undefined. */
export function refName(schema: SchemaObject): string | undefined {
  return schema.$ref?.replace('#/components/schemas/', '');
}
