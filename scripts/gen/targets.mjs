// What the generator needs to know about each API it generates: the release files, where the
// output goes, the import paths the output uses, the words of its headers, its auth and its
// effects. Data only. Two entries: the Integration API and the Management API.
import {
  CURRENT,
  EARLIER,
  LEGACY,
  LEGACY_OPERATIONS,
  MANAGEMENT as MANAGEMENT_FILE,
} from '../spec-files.mjs';
import { INTEGRATION_EFFECTS } from './effects.mjs';

/** The Integration API: src/models and src/endpoints. */
export const INTEGRATION = {
  name: 'Integration API',
  /** How the headers of generated files name the spec folder (whatever TALON_SPEC_DIR says). */
  specLabel: '../shared/spec',
  files: {
    current: CURRENT,
    earlier: EARLIER,
    /** The 2021 release: its listed operations stay, deprecated; its shapes get a Legacy prefix. */
    legacy: {
      file: LEGACY,
      operations: LEGACY_OPERATIONS,
      label: '2021',
      deprecated: 'A 2021 (V1) operation that the current API no longer lists.',
    },
  },
  overlaysFile: 'scripts/overlays.mjs',
  out: { models: 'src/models', endpoints: 'src/endpoints' },
  paths: {
    /** Imports of the files in `out.models`. */
    models: { helpers: './helpers.js' },
    /** Imports of the files in `out.endpoints`. */
    endpoints: {
      client: '../client.js',
      core: '../core',
      helpers: '../models/helpers.js',
      schemas: '../models/schemas.js',
      types: '../models/types.js',
      /** The transport: the operation's type and the `send` that runs it. */
      transport: {
        client: 'Client',
        operation: 'Operation',
        types: '../core/operation.js',
        send: '../core/request.js',
      },
    },
  },
  auth: {
    /** The security scheme that allows a signed request (Content-Signature) besides the API key. */
    signature: 'integration_auth',
    keyOnly: { client: "Client<'apiKey'>", text: '`apiKey` only' },
    signed: { client: 'Client', text: '`apiKey` or `contentSignature`' },
  },
  effects: INTEGRATION_EFFECTS,
};

/**
 * The Management API (`talon-fetch/management`): src/management/models and
 * src/management/endpoints. Generated after the Integration API, whose models it shares: a model
 * the Integration run emitted from an identical schema is imported from src/models, one whose name
 * the Integration run uses for another shape gets the `shared.prefix` (docs/generator.md, "Names
 * shared by the two APIs").
 */
export const MANAGEMENT = {
  name: 'Management API',
  specLabel: '../shared/spec',
  /** One release: no earlier Management file, so an answer field is required where 26.13 says so. */
  files: { current: MANAGEMENT_FILE, earlier: [], legacy: undefined },
  overlaysFile: 'scripts/overlays.mjs',
  out: { models: 'src/management/models', endpoints: 'src/management/endpoints' },
  paths: {
    models: {
      helpers: '../../models/helpers.js',
      /** Where the models shared with the Integration API are imported from. */
      shared: { types: '../../models/types.js', schemas: '../../models/schemas.js' },
    },
    endpoints: {
      client: '../client.js',
      core: '../../core',
      helpers: '../../models/helpers.js',
      schemas: '../models/schemas.js',
      types: '../models/types.js',
      /**
       * The Management API's own transport (src/management/send.ts: the Integration stages with
       * uploads, CSV answers, the rate limiter and the scheme check), which the Integration entry
       * never imports; and the modules of the operations that upload or answer CSV.
       */
      transport: {
        client: 'ManagementClient',
        operation: 'ManagementOperation',
        types: '../send.js',
        send: '../send.js',
      },
      upload: '../upload.js',
      csv: '../csv.js',
    },
  },
  auth: {
    /** Every operation takes this auth only, whatever the spec lists (it lists the Integration key). */
    only: { client: 'ManagementClient', text: '`managementKey`', scheme: 'managementKey' },
  },
  effects: undefined,
  /** The run whose models this one shares, and the prefix of a same-named model of another shape. */
  shared: { with: 'Integration API', prefix: 'Management' },
};
