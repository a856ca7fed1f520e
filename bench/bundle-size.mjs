// Prints the bundle-size table of the README ("Bundle size"): small apps importing the BUILT
// package, bundled with rollup and with esbuild, minified and gzipped (level 9, 1 KB = 1000 B).
// Also writes .tmp/bundle-sizes.json. The budgets are asserted by test/bundle/bundle.test.ts.
//
//   npm run size        (builds first; Node 24 runs the TypeScript harness directly)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { breakdownTable, KB, measureAll, ROOT, sizesJson, sizeTable } from '../test/bundle/harness.ts';

const m = await measureAll();
console.log(`Bundle sizes, gzip -9, 1 KB = 1000 B\n\n${sizeTable(m)}\n`);
console.log(`Minified bytes by part (esbuild), with each part's proportional share of the gzip size\n`);
console.log(`${breakdownTable(m)}\n`);
console.log(`ky alone (default export + the three type guards): ${(m.kyAloneGzip / KB).toFixed(2)} KB gzip`);
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
writeFileSync(join(ROOT, '.tmp/bundle-sizes.json'), `${JSON.stringify(sizesJson(m), null, 2)}\n`);
