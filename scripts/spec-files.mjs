// The one place that names the Integration API release files the SDK is built from. Moving to a
// new release: put its file in ../shared/spec, name it in CURRENT (and move the old name into
// EARLIER), run `npm run gen`, review the diff, run the tests.
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

/** The operations that exist only in the 2021 release and stay, deprecated. */
export const LEGACY_OPERATIONS = ['trackEvent', 'updateCustomerProfile', 'updateCustomerSession'];

/** Where the spec files are: ../shared/spec beside the repository. */
export const SPEC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/spec');

/** Reads one release file; throws with a clear message when ../shared/spec is absent. */
export function loadSpec(file) {
  const path = join(SPEC_DIR, file);
  if (!existsSync(path))
    throw new Error(
      `the Integration API spec ${path} is missing: the generator and the contract tests read ../shared/spec beside the repository`,
    );
  return JSON.parse(readFileSync(path, 'utf8'));
}
