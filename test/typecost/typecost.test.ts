/**
 * What the SDK's types cost a user: a consumer project (in a temp dir, strict, bundler resolution,
 * skipLibCheck, declaration) that resolves `talon-fetch` to this repo's built package, compiled
 * with this repo's TypeScript through its API. It measures the type instantiations one
 * `updateCustomerSessionV2` call adds over a baseline file that only creates a client, the
 * declaration the consumer's compiler emits for that file, and the size of dist/index.d.ts; the
 * same for one `getLoyaltyCard` call of `talon-fetch/management` (over a file that creates a
 * Management client) and the size of dist/management.d.ts.
 */

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../support/report.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DTS = join(ROOT, 'dist/index.d.ts');
const DCTS = join(ROOT, 'dist/index.d.cts');
const MANAGEMENT_DTS = join(ROOT, 'dist/management.d.ts');

const MAX_CALL_INSTANTIATIONS = 20_000;
const MAX_DECLARATION_BYTES = 2_000;
const MAX_DTS_BYTES = 250_000;
const MAX_MANAGEMENT_CALL_INSTANTIATIONS = 100;
/** A guard against runaway growth of the Management entry's declarations (186 operations). */
const MAX_MANAGEMENT_DTS_BYTES = 600_000;

const BASELINE_SOURCE = `import { apiKey, createClient } from 'talon-fetch';
export const talon = createClient({ baseUrl: 'https://example.talon.one', auth: apiKey('k') });
`;

const CALL_SOURCE = `import { apiKey, createClient, updateCustomerSessionV2 } from 'talon-fetch';
const talon = createClient({ baseUrl: 'https://example.talon.one', auth: apiKey('k') });
export async function run() {
  const r = await updateCustomerSessionV2(talon, { customerSessionId: 's1', body: { customerSession: { profileId: 'p1', cartItems: [{ sku: 'a', quantity: 1, price: 2 }], couponCodes: ['X'] } } });
  if (r.ok) return r.value;
  return undefined;
}
`;

const MANAGEMENT_BASELINE_SOURCE = `import { createClient, managementKey } from 'talon-fetch/management';
export const admin = createClient({ baseUrl: 'https://example.talon.one', auth: managementKey('k') });
`;

const MANAGEMENT_CALL_SOURCE = `import { createClient, getLoyaltyCard, managementKey } from 'talon-fetch/management';
const admin = createClient({ baseUrl: 'https://example.talon.one', auth: managementKey('k') });
export async function run() {
  const r = await getLoyaltyCard(admin, { loyaltyProgramId: 14, loyaltyCardId: 'CARD-1' });
  if (r.ok) return r.value.identifier;
  return undefined;
}
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'preserve',
    moduleResolution: 'bundler',
    skipLibCheck: true,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: 'out',
    types: [],
  },
};

interface Measurement {
  instantiations: number;
  diagnostics: string[];
  declaration?: string;
}

/** One program for one consumer file: full type-check, its instantiation count, then (optionally) its declaration. */
function measure(project: string, file: string, emitDeclaration: boolean): Measurement {
  const config = ts.getParsedCommandLineOfConfigFile(join(project, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`cannot read ${project}/tsconfig.json`);
  const rootName = join(project, file);
  const program = ts.createProgram({ rootNames: [rootName], options: config.options });
  const diagnostics = [...ts.getPreEmitDiagnostics(program)];
  // Counted before emit, so declaration emit's own work is not in the figure.
  const instantiations = program.getInstantiationCount();
  let declaration: string | undefined;
  if (emitDeclaration) {
    const result = program.emit(
      program.getSourceFile(rootName),
      (name, text) => {
        if (name.endsWith('.d.ts')) declaration = text;
      },
      undefined,
      true,
    );
    diagnostics.push(...result.diagnostics);
  }
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => project,
    getNewLine: () => '\n',
  };
  return {
    instantiations,
    diagnostics: diagnostics.map((d) => ts.formatDiagnostic(d, host).trim()),
    ...(declaration === undefined ? {} : { declaration }),
  };
}

let temp: string | undefined;
let baseline: Measurement;
let call: Measurement;
let callCost: number;
let declarationBytes: number;
let dtsBytes: number;
let managementBaseline: Measurement;
let managementCall: Measurement;
let managementCallCost: number;
let managementDtsBytes: number;

beforeAll(() => {
  if (!existsSync(DTS))
    throw new Error(
      'dist/index.d.ts is missing: run `npm run build` first (`npm test` builds before vitest)',
    );
  temp = mkdtempSync(join(tmpdir(), 'talon-fetch-typecost-'));
  // The repo itself as the installed package: its exports map points at dist/, and dist's own
  // imports (ky, valibot, @noble/hashes) resolve from the repo's node_modules via the real path.
  mkdirSync(join(temp, 'node_modules'));
  symlinkSync(ROOT, join(temp, 'node_modules/talon-fetch'), 'dir');
  writeFileSync(
    join(temp, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  writeFileSync(join(temp, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(temp, 'baseline.ts'), BASELINE_SOURCE);
  writeFileSync(join(temp, 'call.ts'), CALL_SOURCE);
  writeFileSync(join(temp, 'management-baseline.ts'), MANAGEMENT_BASELINE_SOURCE);
  writeFileSync(join(temp, 'management-call.ts'), MANAGEMENT_CALL_SOURCE);

  baseline = measure(temp, 'baseline.ts', false);
  call = measure(temp, 'call.ts', true);
  callCost = call.instantiations - baseline.instantiations;
  declarationBytes = Buffer.byteLength(call.declaration ?? '', 'utf8');
  dtsBytes = Buffer.byteLength(readFileSync(DTS, 'utf8'), 'utf8');
  managementBaseline = measure(temp, 'management-baseline.ts', false);
  managementCall = measure(temp, 'management-call.ts', false);
  managementCallCost = managementCall.instantiations - managementBaseline.instantiations;
  managementDtsBytes = Buffer.byteLength(readFileSync(MANAGEMENT_DTS, 'utf8'), 'utf8');

  const cts = existsSync(DCTS) ? readFileSync(DCTS, 'utf8') : undefined;
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  const rows = [
    '| measure | today | limit |',
    '| --- | ---: | ---: |',
    `| instantiations of one \`updateCustomerSessionV2\` call (${call.instantiations} - baseline ${baseline.instantiations}) | ${callCost} | ${MAX_CALL_INSTANTIATIONS} |`,
    `| consumer's emitted declaration for that file | ${declarationBytes} B | ${MAX_DECLARATION_BYTES} B |`,
    `| dist/index.d.ts | ${dtsBytes} B (${kb(dtsBytes)}) | ${MAX_DTS_BYTES} B |`,
    `| instantiations of one \`getLoyaltyCard\` call of talon-fetch/management (${managementCall.instantiations} - baseline ${managementBaseline.instantiations}) | ${managementCallCost} | ${MAX_MANAGEMENT_CALL_INSTANTIATIONS} |`,
    `| dist/management.d.ts | ${managementDtsBytes} B (${kb(managementDtsBytes)}) | ${MAX_MANAGEMENT_DTS_BYTES} B |`,
  ];
  if (cts !== undefined)
    rows.push(
      `| dist/index.d.cts | ${Buffer.byteLength(cts, 'utf8')} B (${cts === readFileSync(DTS, 'utf8') ? 'same text as index.d.ts' : 'differs from index.d.ts'}) | |`,
    );
  report('typecost', `What talon-fetch's types cost a consumer:\n\n${rows.join('\n')}`);
}, 60_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe("what the SDK's types cost a consumer", () => {
  it('the consumer files type-check without errors (otherwise the figures mean nothing)', () => {
    expect({
      baseline: baseline.diagnostics,
      call: call.diagnostics,
      managementBaseline: managementBaseline.diagnostics,
      managementCall: managementCall.diagnostics,
    }).toEqual({ baseline: [], call: [], managementBaseline: [], managementCall: [] });
  });

  it(`one updateCustomerSessionV2 call costs at most ${MAX_CALL_INSTANTIATIONS} type instantiations`, () => {
    expect(callCost).toBeGreaterThan(0);
    expect(callCost).toBeLessThanOrEqual(MAX_CALL_INSTANTIATIONS);
  });

  it(`the consumer's emitted declaration names IntegrationStateV2 and is under ${MAX_DECLARATION_BYTES} bytes`, () => {
    const declaration = call.declaration ?? '';
    // A boolean, not toMatch: today's declaration is ~60 KB of inlined types, too long to print.
    expect(
      /\bIntegrationStateV2\b/.test(declaration),
      `the declaration does not name IntegrationStateV2; it starts: ${declaration.slice(0, 200)}`,
    ).toBe(true);
    expect(declarationBytes).toBeLessThan(MAX_DECLARATION_BYTES);
  });

  it(`dist/index.d.ts is at most ${MAX_DTS_BYTES} bytes`, () => {
    expect(dtsBytes).toBeLessThanOrEqual(MAX_DTS_BYTES);
  });

  it(`one getLoyaltyCard call of talon-fetch/management costs at most ${MAX_MANAGEMENT_CALL_INSTANTIATIONS} type instantiations`, () => {
    expect(managementCallCost).toBeGreaterThan(0);
    expect(managementCallCost).toBeLessThanOrEqual(MAX_MANAGEMENT_CALL_INSTANTIATIONS);
  });

  it(`dist/management.d.ts is at most ${MAX_MANAGEMENT_DTS_BYTES} bytes`, () => {
    expect(managementDtsBytes).toBeLessThanOrEqual(MAX_MANAGEMENT_DTS_BYTES);
  });
});
