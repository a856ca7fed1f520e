/**
 * The release report (scripts/release-report.mjs): on the two Integration API releases in the
 * spec folder (25.17 -> 26.13) it lists the facts the spec README states for that step, the
 * committed docs/releases/25.17-to-26.13.md is what it writes today, and on small documents it
 * finds each kind of change (OpenAPI 3.0 flattened against 3.1 with allOf). The spec folder is
 * TALON_SPEC_DIR or ../shared/spec beside the repository; a missing file fails, never skips.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SPEC_DIR } from '../support/spec.js';

type Doc = Record<string, unknown>;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = join(ROOT, 'scripts/release-report.mjs');
const { releaseReport } = (await import(pathToFileURL(SCRIPT).href)) as {
  releaseReport: (oldDoc: Doc, newDoc: Doc, names?: { from?: string; to?: string }) => string;
};

const OLD = join(SPEC_DIR, 'integration-api.json');
const NEW = join(SPEC_DIR, 'integration-api-26.13.json');
const COMMITTED = join(ROOT, 'docs/releases/25.17-to-26.13.md');

function load(path: string): Doc {
  if (!existsSync(path))
    throw new Error(
      `${path} is missing: the release report test reads the spec folder (TALON_SPEC_DIR or ../shared/spec)`,
    );
  return JSON.parse(readFileSync(path, 'utf8')) as Doc;
}

/** The bullets of one `## title` section. */
function sectionOf(report: string, title: string): string[] {
  const start = report.indexOf(`\n## ${title}\n`);
  if (start === -1) return [];
  const rest = report.slice(start + title.length + 5);
  const end = rest.indexOf('\n## ');
  return (end === -1 ? rest : rest.slice(0, end)).split('\n').filter((line) => line.startsWith('- '));
}

/** The bullet of `where` in a section, as its list of backticked names. */
function namesAt(report: string, title: string, where: string): string[] {
  const line = sectionOf(report, title).find((l) => l.startsWith(`- \`${where}\`: `));
  return line ? [...line.slice(where.length + 6).matchAll(/`([^`]+)`/g)].map((m) => m[1]!) : [];
}

describe('25.17 -> 26.13 (the spec README facts)', () => {
  const oldDoc = load(OLD);
  const newDoc = load(NEW);
  const before = JSON.stringify([oldDoc, newDoc]);
  const report = releaseReport(oldDoc, newDoc);

  it('is pure: same text twice, the documents untouched', () => {
    expect(releaseReport(oldDoc, newDoc)).toBe(report);
    expect(JSON.stringify([oldDoc, newDoc])).toBe(before);
    expect(report.split('\n')[0]).toBe('# Integration API 25.17 → 26.13: what changed for users');
  });

  it('lists the three new operations, and none removed', () => {
    const added = sectionOf(report, 'Operations added');
    expect(added.map((l) => /^- `(\w+)`/.exec(l)?.[1]).sort()).toEqual([
      'getEventV3',
      'joinLoyaltyProgram',
      'trackEventV3',
    ]);
    expect(added.join('\n')).toContain('`POST /v3/events`');
    expect(sectionOf(report, 'Operations removed')).toEqual([]);
  });

  it('CustomerSessionV2 no longer requires cartItems, profileId, state, attributes; Coupon, Referral, CustomerProfile relaxed too', () => {
    const title = 'Answers: fields no longer required';
    expect(namesAt(report, title, 'CustomerSessionV2').sort()).toEqual([
      'attributes',
      'cartItems',
      'profileId',
      'state',
    ]);
    for (const schema of ['Coupon', 'IntegrationCoupon', 'InventoryCoupon'])
      expect(namesAt(report, title, schema)).toEqual(expect.arrayContaining(['usageLimit', 'value']));
    expect(namesAt(report, title, 'Referral')).toContain('usageLimit');
    expect(namesAt(report, title, 'CustomerProfile')).toContain('attributes');
  });

  it('BestPriorPrice.contextId -> contextIds is a renamed field', () => {
    expect(sectionOf(report, 'Renamed')).toContain(
      '- field `BestPriorPrice.contextId` → `contextIds` (answer, required; `contextId` stays, deprecated)',
    );
    expect(namesAt(report, 'Answers: fields added', 'BestPriorPrice')).not.toContain('contextIds');
  });

  it('the inline list answers are paired with their new names', () => {
    expect(sectionOf(report, 'Renamed')).toContain(
      '- schema `inline_response_200_4` → `getLoyaltyCardTransactions_200_response` (same place in getLoyaltyCardTransactions (200 answer))',
    );
  });

  it('arrays that gained default: null: effects and the data of list answers', () => {
    const title = 'Fields with `default: null`';
    expect(namesAt(report, title, 'IntegrationStateV2')).toContain('effects');
    expect(namesAt(report, title, 'IntegrationCustomerSessionResponse')).toContain('effects');
    expect(namesAt(report, title, 'getLoyaltyCardTransactions_200_response')).toEqual(['data']);
    expect(sectionOf(report, title).length).toBeGreaterThan(20);
  });

  it('new answer fields on IntegrationStateV2 and new request enum values', () => {
    expect(namesAt(report, 'Answers: fields added', 'IntegrationStateV2')).toEqual([
      'campaignEligibility',
      'achievements',
    ]);
    expect(namesAt(report, 'Requests: enum values added', 'IntegrationRequest')).toEqual([
      'responseContent',
      'campaignEligibility',
      'achievements',
    ]);
  });

  it('docs/releases/25.17-to-26.13.md is what the CLI writes today', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-fetch-release-report-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, 'report.md');
    const run = spawnSync(process.execPath, [SCRIPT, OLD, NEW, '--out', out], { encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr, stdout: run.stdout }).toEqual({
      status: 0,
      stderr: '',
      stdout: '',
    });
    expect(readFileSync(out, 'utf8')).toBe(report);
    expect(
      readFileSync(COMMITTED, 'utf8'),
      'regenerate with: node scripts/release-report.mjs <old> <new> --out docs/releases/25.17-to-26.13.md',
    ).toBe(report);
  });

  it('the CLI says how to call it', () => {
    const run = spawnSync(process.execPath, [SCRIPT, OLD], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: node scripts/release-report.mjs <old.json> <new.json> [--out file]');
  });
});

// ---------------------------------------------------------------------------------------------
// Small documents, one kind of change each.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

/** 3.0, flattened: an inline list answer name, required fields listed on the schema. */
const OLD_DOC = {
  openapi: '3.0.1',
  info: { version: 'talon_go 1.2.0' },
  paths: {
    '/v1/things': {
      post: {
        operationId: 'createThing',
        requestBody: json(ref('NewThing')),
        responses: { '200': json(ref('inline_response_200')) },
      },
    },
    '/v1/gone': { get: { operationId: 'goneOp', responses: {} } },
    '/v1/old': { get: { operationId: 'oldOp', responses: {} } },
  },
  components: {
    schemas: {
      NewThing: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          note: { type: 'string' },
          kind: { type: 'string', enum: ['a'] },
        },
      },
      inline_response_200: {
        type: 'object',
        required: ['data', 'total'],
        properties: { data: { type: 'array', items: ref('Thing') }, total: { type: 'integer' } },
      },
      Thing: {
        type: 'object',
        required: ['id', 'label'],
        properties: {
          id: { type: 'integer' },
          label: { type: 'string' },
          state: { type: 'string', enum: ['open'] },
        },
      },
      Shape: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } } },
      AEffectProps: { type: 'object', properties: {} },
    },
  },
};

/** 3.1, composed: the same things with allOf, a named list answer and a request body component. */
const NEW_DOC = {
  openapi: '3.1.0',
  info: { version: 'talon-one-go-sdk 1.3.0' },
  paths: {
    '/v1/things': {
      post: {
        operationId: 'createThing',
        parameters: [{ name: 'dry', in: 'query', required: false, schema: { type: 'boolean' } }],
        requestBody: { $ref: '#/components/requestBodies/NewThing' },
        responses: { '200': json(ref('createThing_200_response')), '409': json(ref('Thing')) },
      },
    },
    '/v1/old': { get: { operationId: 'oldOp', deprecated: true, responses: {} } },
    '/v1/new': { get: { operationId: 'newOp', summary: 'A new one', responses: {} } },
  },
  components: {
    requestBodies: { NewThing: json(ref('NewThing')) },
    schemas: {
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
      NewThing: {
        type: 'object',
        required: ['name', 'note', 'owner'],
        properties: {
          name: { type: 'string' },
          note: { type: 'string' },
          owner: { type: 'string' },
          kind: { type: 'string', enum: ['a', 'b'] },
        },
      },
      createThing_200_response: {
        type: 'object',
        required: ['data'],
        properties: {
          data: { type: 'array', items: ref('Thing'), default: null },
          total: { type: 'integer' },
        },
      },
      Thing: {
        allOf: [
          ref('Base'),
          {
            type: 'object',
            properties: {
              labels: { type: 'array', items: { type: 'string' }, default: null },
              label: { type: 'string', deprecated: true },
              state: { type: 'string', enum: ['open', 'closed'] },
            },
          },
        ],
      },
      Figure: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } } },
      AEffectProps: { type: 'object', properties: {} },
      BEffectProps: { type: 'object', properties: {} },
    },
  },
};

describe('each kind of change, 3.0 flattened -> 3.1 with allOf', () => {
  const report = releaseReport(OLD_DOC, NEW_DOC);

  it('operations added, removed, deprecated; statuses', () => {
    expect(sectionOf(report, 'Operations added')).toEqual(['- `newOp`: `GET /v1/new` (A new one)']);
    expect(sectionOf(report, 'Operations removed')).toEqual(['- `goneOp`: `GET /v1/gone`']);
    expect(sectionOf(report, 'Operations deprecated')).toEqual(['- `oldOp`: `GET /v1/old`']);
    expect(sectionOf(report, 'Documented statuses')).toEqual(['- `createThing`: +409']);
  });

  it('request fields: new required, newly required, optional parameter added, enum value added', () => {
    expect(sectionOf(report, 'Requests: new required fields (breaking)')).toEqual(['- `NewThing`: `owner`']);
    expect(sectionOf(report, 'Requests: fields newly required (breaking)')).toEqual(['- `NewThing`: `note`']);
    expect(sectionOf(report, 'Requests: optional fields added')).toEqual([
      '- `createThing (parameters)`: `dry`',
    ]);
    expect(sectionOf(report, 'Requests: enum values added')).toEqual(['- `NewThing`: `kind` (+ `b`)']);
  });

  it('answer fields through allOf: no longer required, renamed, default null, enum value added', () => {
    expect(sectionOf(report, 'Answers: fields no longer required')).toEqual([
      '- `createThing_200_response`: `total`',
      '- `Thing`: `label`',
    ]);
    expect(sectionOf(report, 'Renamed')).toEqual([
      '- field `Thing.label` → `labels` (answer; `label` stays, deprecated)',
      '- schema `inline_response_200` → `createThing_200_response` (same place in createThing (200 answer))',
      '- schema `Shape` → `Figure` (same fields)',
    ]);
    expect(sectionOf(report, 'Fields with `default: null`')).toEqual([
      '- `createThing_200_response`: `data`',
      '- `Thing`: `labels` (new field)',
    ]);
    expect(sectionOf(report, 'Answers: enum values added')).toEqual(['- `Thing`: `state` (+ `closed`)']);
    expect(sectionOf(report, 'Effect types added')).toEqual(['- `BEffectProps`']);
  });

  it('says nothing when nothing changed', () => {
    const same = releaseReport(NEW_DOC, NEW_DOC);
    expect(same.split('\n').filter((l) => l.startsWith('## '))).toEqual([]);
  });
});
