/**
 * The generator's modules (plain ES modules under scripts/, without types) imported by URL for
 * the generator tests, and a small hand-made spec to run the stages on.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `scripts/<path>` imported as a module (its exports are untyped here). */
export function script(path: string) {
  return import(pathToFileURL(join(ROOT, 'scripts', path)).href);
}

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * A small hand-made current release: an `allOf` with a required-only part (`Thing`), `default: null`
 * lists, an open enum (`color`), a `requestBodies` reference, an `explode: false` query array
 * (`tags`) beside an exploded one, a list answer, a `silent` parameter and two effect props.
 */
export function tinySpec() {
  return {
    openapi: '3.1.0',
    info: { version: 'tiny 1.0.0' },
    paths: {
      '/v1/things/{thingId}': {
        parameters: [{ name: 'thingId', in: 'path', required: true, schema: { type: 'integer' } }],
        put: {
          operationId: 'updateThing',
          summary: 'Update a thing',
          description: 'Updates a <b>thing</b>, see [the docs](https://example.com).\n\nMore.',
          parameters: [
            { $ref: '#/components/parameters/tagsParam' },
            {
              name: 'subledgerId',
              in: 'query',
              explode: true,
              schema: { type: 'array', items: { type: 'string' } },
            },
          ],
          requestBody: { $ref: '#/components/requestBodies/NewThingBody' },
          responses: {
            '200': { description: 'OK', ...json(ref('Thing')) },
            '404': { description: 'Not found', ...json(ref('ErrorResponse')) },
          },
        },
      },
      '/v1/things': {
        get: {
          operationId: 'listThings',
          summary: 'List things',
          parameters: [
            { name: 'silent', in: 'query', schema: { type: 'string' } },
            { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
          responses: { '200': { description: 'OK', ...json(ref('listThings_200_response')) } },
        },
      },
    },
    components: {
      parameters: {
        tagsParam: {
          name: 'tags',
          in: 'query',
          description: 'Filter by tags.',
          explode: false,
          schema: { type: 'array', items: { type: 'string' } },
        },
      },
      requestBodies: { NewThingBody: { required: true, ...json(ref('NewThing')) } },
      schemas: {
        Entity: {
          type: 'object',
          properties: {
            id: { type: 'integer', readOnly: true, description: 'The ID.' },
            created: { type: 'string', format: 'date-time' },
          },
          required: ['id'],
        },
        NewThing: {
          type: 'object',
          description: 'A thing to create.',
          properties: {
            name: { type: 'string', minLength: 1 },
            color: { type: 'string', enum: ['red', 'blue'] },
            labels: { type: 'array', items: { type: 'string' }, default: null },
          },
          required: ['name'],
        },
        Thing: { allOf: [ref('Entity'), ref('NewThing'), { required: ['color'] }] },
        ErrorResponse: {
          type: 'object',
          properties: { message: { type: 'string' } },
          required: ['message'],
        },
        listThings_200_response: {
          type: 'object',
          properties: {
            hasMore: { type: 'boolean' },
            data: { type: 'array', items: ref('Thing'), default: null },
          },
          required: ['hasMore', 'data'],
        },
        EffectEntity: {
          type: 'object',
          properties: {
            campaignId: { type: 'integer' },
            effectType: { type: 'string' },
            props: { type: 'object' },
          },
          required: ['campaignId', 'effectType', 'props'],
        },
        Effect: { allOf: [ref('EffectEntity')], description: 'An effect.' },
        EffectProps: { type: 'object', properties: {} },
        SetDiscountEffectProps: {
          type: 'object',
          title: 'setDiscount',
          properties: { value: { type: 'number' } },
          required: ['value'],
        },
        CustomEffectProps: { type: 'object', properties: { effectId: { type: 'integer' } } },
        RollbackThingEffectProps: { type: 'object', properties: { thing: ref('Thing') } },
      },
    },
  };
}

/** An earlier release of the tiny API: `ErrorResponse.message` was not required there. */
export function tinyEarlier() {
  const spec = tinySpec();
  return {
    ...spec,
    components: {
      ...spec.components,
      schemas: {
        ...spec.components.schemas,
        ErrorResponse: { type: 'object', properties: { message: { type: 'string' } } },
      },
    },
  };
}

/** A legacy release of the tiny API: one signed operation and its own `Thing`. */
export function tinyLegacy() {
  return {
    openapi: '3.0.1',
    info: { version: 'tiny 0.1' },
    paths: {
      '/v1/old_things': {
        post: {
          operationId: 'trackThing',
          requestBody: json({ type: 'object', properties: { note: { type: 'string' } } }),
          responses: { '201': { description: 'Created', ...json(ref('Thing')) } },
          security: [{ api_key_v1: [] }, { integration_auth: [] }],
        },
      },
    },
    components: {
      schemas: {
        Thing: { type: 'object', properties: { old: { type: 'string' } }, required: ['old'] },
      },
    },
  };
}

const { INTEGRATION } = await script('gen/targets.mjs');

/**
 * A target for the tiny API: the Integration API's settings (auth, effects) with its own name,
 * files and folders one level deeper (`src/tiny/…`, as a second API would be); legacy release and
 * effects optional.
 */
export function tinyTarget(options: { legacy?: boolean; effects?: boolean } = {}) {
  // Paths one level deeper; names (the transport's type names) stay.
  type Paths = { [key: string]: string | Paths };
  const deeper = (paths: Paths): Paths =>
    Object.fromEntries(
      Object.entries(paths).map(([key, path]) => [
        key,
        typeof path === 'string' ? (path.startsWith('.') ? `../${path}` : path) : deeper(path),
      ]),
    );
  const { schemas, types, ...shared } = INTEGRATION.paths.endpoints;
  return {
    ...INTEGRATION,
    name: 'Tiny API',
    specLabel: '../spec',
    files: {
      current: 'tiny.json',
      earlier: [],
      legacy: options.legacy
        ? { file: 'tiny-old.json', operations: ['trackThing'], label: 'old', deprecated: 'Old.' }
        : undefined,
    },
    overlaysFile: 'tiny-overlays.mjs',
    out: { models: 'src/tiny/models', endpoints: 'src/tiny/endpoints' },
    paths: {
      models: { helpers: '../../models/helpers.js' },
      endpoints: { ...deeper(shared), schemas, types },
    },
    effects: options.effects ? INTEGRATION.effects : undefined,
  };
}
