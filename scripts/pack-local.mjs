// `npm run pack:local`: a tarball of the package whose version carries a hash of what it packs,
// talon-fetch-0.1.0-local.<hash>.tgz, for installing a build from a clone.
//
// A plain `npm pack` always writes talon-fetch-0.1.0.tgz: after a rebuild `npm install` of the
// same path says "up to date", and `npm ci` takes the old build from npm's cache or fails with
// EINTEGRITY. Here a rebuild is a new version and a new file, and an app's lockfile pins exactly
// one build. Nothing is fetched: npm packs a staged copy of the files `npm pack` would include,
// with the version rewritten in the staged package.json (the repository's is not touched).
//
//   node scripts/pack-local.mjs [--out dir] [--no-build]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(args, cwd) {
  return execFileSync(NPM, [...args, '--ignore-scripts', '--no-update-notifier'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Packs `root` (a package directory) into `out` as `<name>-<version>-local.<hash>.tgz` and
 * returns `{ file, version, hash }`. The hash (12 hex digits of SHA-256) covers every packed
 * file's path and bytes, package.json with its version left out, so the same build gives the
 * same name and any change gives a new one.
 */
export function packLocal({ root = ROOT, out = root } = {}) {
  const [listing] = JSON.parse(npm(['pack', '--dry-run', '--json'], root));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const hash = createHash('sha256');
  const files = listing.files.map((f) => f.path).sort();
  for (const path of files) {
    const bytes =
      path === 'package.json'
        ? JSON.stringify({ ...pkg, version: undefined })
        : readFileSync(join(root, path));
    hash.update(`${path}\0`).update(bytes).update('\0');
  }
  const digest = hash.digest('hex').slice(0, 12);
  // A prerelease identifier of digits only may not start with 0: keep one letter in it.
  const id = /^\d+$/.test(digest) ? `h${digest.slice(1)}` : digest;
  const version = `${pkg.version.replace(/-.*$/, '')}-local.${id}`;
  const stage = mkdtempSync(join(tmpdir(), 'talon-fetch-pack-local-'));
  try {
    for (const path of files) {
      mkdirSync(dirname(join(stage, path)), { recursive: true });
      cpSync(join(root, path), join(stage, path));
    }
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify({ ...pkg, version }, null, 2)}\n`);
    mkdirSync(out, { recursive: true });
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', resolve(out)], stage));
    return { file: join(resolve(out), packed.filename), version, hash: id };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  if (!args.includes('--no-build'))
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
  const { file } = packLocal({ out: outAt === -1 ? ROOT : resolve(args[outAt + 1] ?? '.') });
  console.log(`${file}\ninstall it in your app with: npm install ${file}`);
}
