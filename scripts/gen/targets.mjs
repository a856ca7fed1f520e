// What the generator needs to know about each API it generates: the release files, where the
// output goes, the import paths the output uses, the words of its headers, its auth and its
// effects. Data only. (The Management API will be a second entry here.)
import { CURRENT, EARLIER, LEGACY, LEGACY_OPERATIONS } from '../spec-files.mjs';
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
