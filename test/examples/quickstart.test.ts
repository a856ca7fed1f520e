/**
 * `npm start`'s script, examples/quickstart/index.mjs, run end to end as a child process (the
 * Node that runs vitest, i.e. Node 24 from the `node` devDependency). It imports the BUILT package
 * by name, so the build must exist: npm test builds before it runs vitest.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE_API_KEY, startFakeTalonServer } from '../../src/testing/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = 'examples/quickstart/index.mjs';
const STEPS = [
  'update profile',
  'open session',
  'reserve coupon',
  'create referral',
  'read inventory',
  'join loyalty program',
  'close session',
  'loyalty balance',
  'return an item',
  'balance after return',
  'loyalty transactions',
  'generate card',
  'link card',
  'delete customer data',
  'deliberate error',
];
const LOYALTY_ENV = ['TALON_LOYALTY_PROGRAM_ID', 'TALON_LOYALTY_CARD_PROGRAM_ID'];

function requireBuild(): void {
  for (const file of ['dist/index.js', 'dist/testing.js'])
    if (!existsSync(join(ROOT, file)))
      throw new Error(
        `${file} is missing: the quickstart imports the built package (talon-fetch, talon-fetch/testing). ` +
          'Run `npm run build` first (`npm test` and `npm start` do).',
      );
}

/** Runs the quickstart with extra environment variables; resolves with its exit code and output. */
function runQuickstart(
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; out: string; ms: number }> {
  requireBuild();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const clean = { ...process.env };
    for (const name of [
      'TALON_BASE_URL',
      'TALON_API_KEY',
      'TALON_DRY',
      'TALON_REFERRAL_CAMPAIGN_ID',
      ...LOYALTY_ENV,
    ])
      delete clean[name];
    const child = spawn(process.execPath, [SCRIPT], { cwd: ROOT, env: { ...clean, ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, ms: Date.now() - started });
    });
  });
}

describe('npm start (examples/quickstart)', () => {
  it('runs the whole flow against the fake on loopback and exits 0 promptly', async () => {
    const { code, out, ms } = await runQuickstart({});
    expect(out).toContain('the fake Talon.One at http://127.0.0.1:');
    for (const [i, step] of STEPS.entries())
      expect(out).toMatch(new RegExp(`^ *${i + 1} +${step} +ok `, 'm'));
    expect(out).toMatch(/acceptCoupon +SUMMER10/);
    expect(out).toMatch(/setDiscount +Summer sale: 10% off +-13\.80/);
    expect(out).toMatch(/rejectCoupon +WELCOME-NOPE \(CouponNotFound\)/);
    expect(out).toMatch(/total +124\.20 after 13\.80 of discounts/);
    expect(out).toMatch(/addLoyaltyPoints +\+124 points/);
    // The loyalty chapter: earned on closing, part taken back by the return, walked page by page.
    expect(out).toMatch(/loyalty balance +ok +200 +124 active, 0 pending, 0 expired \(tier Silver\)/);
    expect(out).toMatch(/rollbackDiscount +Summer sale: 10% off +\+8\.90/);
    expect(out).toMatch(/rollbackAddedPoints -80 points \(program 7\)/);
    expect(out).toMatch(/balance after return +ok +200 +44 active/);
    expect(out).toMatch(/loyalty transactions +ok +200 +2 transaction\(s\), walked one page at a time/);
    expect(out).toMatch(/subtraction +-80 /);
    expect(out).toMatch(
      /generate card +ok +200 +card (\S+) \(active\)\n.*link card +ok +200 +\1 linked to quickstart-ada/,
    );
    expect(out).toContain("{ ok: false, error: { kind: 'http', status: 404");
    expect(out).toContain(`All ${STEPS.length} steps done.`);
    expect(out).not.toContain(FAKE_API_KEY);
    expect(code, out).toBe(0);
    expect(ms).toBeLessThan(10_000); // the loopback server closed its connections: no hang at exit
  });

  it('runs against TALON_BASE_URL with dry=true on every write, persisting nothing and never printing the key', async () => {
    const server = await startFakeTalonServer({ apiKey: 'a-deployment-key-0123' });
    try {
      const { code, out } = await runQuickstart({
        TALON_BASE_URL: server.url,
        TALON_API_KEY: 'a-deployment-key-0123',
      });
      expect(out).toContain(`target   ${server.url} (from TALON_BASE_URL)`);
      expect(out).toMatch(/dry run: writes use dry=true/);
      expect(out).toMatch(/reserve coupon +skipped/);
      expect(out).toMatch(/delete customer data +skipped/);
      expect(out).toMatch(/join loyalty program +skipped +- +set TALON_LOYALTY_PROGRAM_ID/);
      expect(out).not.toContain('a-deployment-key-0123');
      expect(code, out).toBe(0);
      expect(server.fake.state.profiles.size).toBe(0);
      expect(server.fake.state.sessions.size).toBe(0);

      const persisted = await runQuickstart({
        TALON_BASE_URL: server.url,
        TALON_API_KEY: 'a-deployment-key-0123',
        TALON_DRY: 'false',
        TALON_REFERRAL_CAMPAIGN_ID: '2',
        TALON_LOYALTY_PROGRAM_ID: '7',
        TALON_LOYALTY_CARD_PROGRAM_ID: '8',
      });
      expect(persisted.out).toMatch(/TALON_DRY=false: writes are persisted/);
      for (const step of STEPS) expect(persisted.out).toMatch(new RegExp(`${step} +ok `));
      expect(server.fake.state.loyaltyCards.size).toBe(1); // the card stays; the customer does not
      expect(persisted.code, persisted.out).toBe(0);
      expect(server.fake.state.profiles.size).toBe(0); // deleted at the end

      const denied = await runQuickstart({ TALON_BASE_URL: server.url, TALON_API_KEY: 'wrong-key-42' });
      expect(denied.out).toMatch(/update profile +FAIL +401/);
      expect(denied.out).not.toContain('wrong-key-42');
      expect(denied.code).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('refuses half a configuration with exit code 2', async () => {
    const { code, out } = await runQuickstart({ TALON_BASE_URL: 'https://acme.europe-west1.talon.one' });
    expect(out).toMatch(/Set both TALON_BASE_URL and TALON_API_KEY/);
    expect(code).toBe(2);
  });
});
