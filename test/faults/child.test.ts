/**
 * The process-level proof that the SDK leaves nothing behind: a child Node process runs a fault
 * scenario (child-scenario.ts, bundled here with esbuild) and must exit by itself, with code 0,
 * within a second of finishing its work: a forgotten 10 s body timer, 30 s total timer, backoff
 * delay or open socket would keep it alive.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';

let dir: string;
let script: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'talon-fetch-child-'));
  script = join(dir, 'scenario.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./child-scenario.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: script,
    logLevel: 'silent',
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('a child process running fault scenarios exits on its own, promptly, with code 0', async () => {
  const started = Date.now();
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (c, s) => resolve([c, s])),
  );
  const exited = Date.now();
  clearTimeout(killer);
  expect(stderr).toBe('');
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  const report = JSON.parse(stdout.trim()) as { outcomes: Record<string, string>; done: number };
  expect(report.outcomes).toEqual({
    'reset-before': 'network',
    'slow-headers': 'timeout',
    'trickle-body': 'timeout',
    huge: 'response',
    '503-twice': 'ok 3',
    redirect: 'response',
    '500-html': 'http',
  });
  // From the last line of work to the exit: no lingering timer or socket.
  expect(exited - report.done).toBeLessThan(1000);
  expect(exited - started).toBeLessThan(10_000);
});
