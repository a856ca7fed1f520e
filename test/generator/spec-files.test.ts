/**
 * Where the spec comes from: scripts/spec-files.mjs records, for every release file the SDK reads,
 * where the official copy is published and the SHA-256 of the extract in the spec folder. The
 * folder is one setting (TALON_SPEC_DIR, default ../shared/spec beside the repository), and a
 * missing folder fails, saying how to get the files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithSpec, SPEC_DIR, specFiles } from '../support/spec.js';
import { ROOT } from './support.js';

const { SPEC_FILES } = specFiles;

describe('scripts/spec-files.mjs', () => {
  it('records every release file it names, with its official source and a SHA-256', () => {
    for (const file of [specFiles.CURRENT, ...specFiles.EARLIER, specFiles.LEGACY])
      expect(Object.keys(SPEC_FILES)).toContain(file);
    for (const [file, entry] of Object.entries(SPEC_FILES)) {
      expect(entry.source.repository, file).toMatch(/^github\.com\/talon-one\/[\w-]+$/);
      expect(entry.source.path, file).toMatch(/\.(ya?ml|json)$/);
      expect(entry.source.tag, file).toMatch(/^v\d+\.\d+\.\d+$/);
      expect(entry.release, file).toContain(entry.source.tag.slice(1));
      expect(entry.sha256, file).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('reads the spec folder from TALON_SPEC_DIR, else ../shared/spec beside the repository', () => {
    const expected = process.env.TALON_SPEC_DIR
      ? resolve(process.env.TALON_SPEC_DIR)
      : resolve(ROOT, '../shared/spec');
    expect(SPEC_DIR).toBe(expected);
  });

  it('a missing spec folder fails the generator loudly, saying how to get the files', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/gen.mjs'), '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TALON_SPEC_DIR: join(ROOT, 'no-such-spec-folder') },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `the API spec ${join(ROOT, 'no-such-spec-folder', specFiles.CURRENT)} is missing`,
    );
    expect(run.stderr).toContain('TALON_SPEC_DIR');
    expect(run.stderr).toContain('docs/generator.md');
  });
});

describeWithSpec('the spec files in the spec folder are the recorded ones', () => {
  for (const [file, entry] of Object.entries(SPEC_FILES))
    it(`${file} has the recorded SHA-256 (${entry.release})`, () => {
      const hash = createHash('sha256')
        .update(readFileSync(join(SPEC_DIR, file)))
        .digest('hex');
      expect(hash).toBe(entry.sha256);
    });
});
