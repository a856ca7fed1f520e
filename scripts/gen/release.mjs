// `npm run gen -- --release <file>`: moves the generator to a new Integration API release in one
// command. It reads the new file from the spec folder, writes the report of what changed for
// users (scripts/release-report.mjs) to docs/releases/<old>-to-<new>.md, and regenerates with the
// new file as the current release and the old current one first among the earlier releases. It
// does not edit scripts/spec-files.mjs: it prints the lines to change there (the file's name and
// SHA-256), which a person reviews with the report (docs/releasing.md).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { releaseName, releaseReport } from '../release-report.mjs';
import { SPEC_DIR } from '../spec-files.mjs';

/**
 * The target moved to `file` (a name in the spec folder): `files.current` is the new file and
 * the old current release leads `files.earlier` (answers require only what both require).
 */
export function targetForRelease(target, file) {
  return {
    ...target,
    files: { ...target.files, current: file, earlier: [target.files.current, ...target.files.earlier] },
  };
}

/** The name of `arg` inside the spec folder, or an Error saying where the file must be. */
export function releaseFile(arg) {
  const inFolder = existsSync(join(SPEC_DIR, arg)) ? join(SPEC_DIR, arg) : resolve(arg);
  if (!existsSync(inFolder)) return new Error(`--release: ${arg} is not in the spec folder ${SPEC_DIR}`);
  if (resolve(dirname(inFolder)) !== resolve(SPEC_DIR))
    return new Error(
      `--release: put ${basename(inFolder)} in the spec folder ${SPEC_DIR} first (TALON_SPEC_DIR)`,
    );
  return basename(inFolder);
}

/**
 * Writes the report for `oldDoc` → `newDoc` under `into`/docs/releases and returns its path
 * relative to `into`, with the new file's SHA-256 for scripts/spec-files.mjs.
 */
export function writeReleaseReport(into, oldDoc, newDoc, newFile) {
  const name = `${releaseName(oldDoc, 'old')}-to-${releaseName(newDoc, 'new')}.md`;
  const relative = join('docs', 'releases', name);
  mkdirSync(join(into, 'docs', 'releases'), { recursive: true });
  writeFileSync(join(into, relative), releaseReport(oldDoc, newDoc));
  const sha256 = createHash('sha256')
    .update(readFileSync(join(SPEC_DIR, newFile)))
    .digest('hex');
  return { report: relative, sha256 };
}
