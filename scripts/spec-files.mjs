// The one place that names the API release files (Integration and Management) the SDK is built from, where each official copy
// is published, and where the files are read from. Moving to a new release: put its file in the
// spec folder, record it in SPEC_FILES, name it in CURRENT (and move the old name into EARLIER),
// run `npm run gen`, review the diff, run the tests. See docs/generator.md.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The release the SDK offers: every operation and model comes from here. */
export const CURRENT = 'integration-api-26.13.json';

/**
 * Earlier releases still deployed somewhere: a field is required in an answer type only if these
 * require it too (the release that requires less wins).
 */
export const EARLIER = ['integration-api.json'];

/** The 2021 release: the three legacy V1 operations and the Content-Signature scheme live only here. */
export const LEGACY = 'integration-api-2021.json';

/** The Management API release (`talon-fetch/management`), the same release as CURRENT. */
export const MANAGEMENT = 'management-api-26.13.json';

/** The operations that exist only in the 2021 release and stay, deprecated. */
export const LEGACY_OPERATIONS = ['trackEvent', 'updateCustomerProfile', 'updateCustomerSession'];

/**
 * Every spec file the SDK reads: where the full specification it was extracted from is published
 * (the official Go SDK's repository, the file, the release tag) and the SHA-256 of the extract we
 * use. The extracts keep the operations of one tag (`integration` or `management`) and what they
 * reach, as JSON; see the README.md of the spec folder.
 */
export const SPEC_FILES = {
  'integration-api-26.13.json': {
    release: 'talon-one-go-sdk 26.13.0 (2026-06-24)',
    source: {
      repository: 'github.com/talon-one/talon-one-go-sdk',
      path: 'api/openapi.yaml',
      tag: 'v26.13.0',
    },
    sha256: 'ad534c9caf56942ddcc4b7f8cc338ae9509a0c24ea6bf88b157eeb0b8453f191',
  },
  'management-api-26.13.json': {
    release: 'talon-one-go-sdk 26.13.0 (2026-06-24)',
    source: {
      repository: 'github.com/talon-one/talon-one-go-sdk',
      path: 'api/openapi.yaml',
      tag: 'v26.13.0',
    },
    sha256: 'cfa4e8fb5767412fae9a6dce0016aa610d4d4f357569b38d107b4d5afcbe5a2d',
  },
  'integration-api.json': {
    release: 'talon_go 25.17.0 (2026-05-07)',
    source: { repository: 'github.com/talon-one/talon_go', path: 'api/openapi.yaml', tag: 'v25.17.0' },
    sha256: 'db52ff21f6d4a9d7d5b3cbc8c7f747ae9db601ffce98ff3db59ced7cbeee462b',
  },
  'integration-api-2021.json': {
    release: 'talon_go 2.4.0 (2021-04-30)',
    source: { repository: 'github.com/talon-one/talon_go', path: 'api/openapi.yaml', tag: 'v2.4.0' },
    sha256: '774c3d47cf503a18894e0899a8bcd54b025287ff1035d6c26f1f757b7e9f5445',
  },
};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the spec files are read from: the environment variable TALON_SPEC_DIR (relative to the
 * working directory), else `../shared/spec` beside the repository. The generator, the tests and
 * the bench all read it from here.
 */
export const SPEC_DIR = process.env.TALON_SPEC_DIR
  ? resolve(process.env.TALON_SPEC_DIR)
  : resolve(ROOT, '../shared/spec');

/** What to do when a spec file is missing (docs/generator.md says more). */
export function missingSpec(path) {
  return (
    `the API spec ${path} is missing. The generator, the contract tests and the bench read the ` +
    `release files from ${SPEC_DIR} (set TALON_SPEC_DIR to another folder, or put them in ../shared/spec ` +
    'beside the repository); scripts/spec-files.mjs names each file, the official copy it is ' +
    'extracted from and its SHA-256, and docs/generator.md says how to obtain them.'
  );
}

/** Reads one release file from SPEC_DIR; throws saying how to get it when it is absent. */
export function loadSpec(file) {
  const path = join(SPEC_DIR, file);
  if (!existsSync(path)) throw new Error(missingSpec(path));
  return JSON.parse(readFileSync(path, 'utf8'));
}
