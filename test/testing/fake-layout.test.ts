/**
 * The layout of the fake (src/testing): a folder per domain of the API, each with its routes;
 * one route table (operations.ts) keyed by the SDK's operationIds; no import circle between its
 * files (type-only imports included); nothing of the endpoints imported as a value.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { operationIds } from '../../src/index.js';
import { ROUTE_TABLE } from '../../src/testing/operations.js';
import { specifiers } from '../support/imports.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FAKE = join(ROOT, 'src/testing');

/** Every .ts file under a folder, as paths relative to it. */
function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return files(path).map((f) => `${name}/${f}`);
    return name.endsWith('.ts') ? [name] : [];
  });
}

/** The module graph of src/testing: each file and the files of src/testing it imports. */
function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of files(FAKE)) {
    const text = readFileSync(join(FAKE, file), 'utf8');
    const targets = specifiers(text)
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(FAKE, resolve(FAKE, dirname(file), s.replace(/\.js$/, '.ts'))))
      .filter((target) => !target.startsWith('..'));
    edges.set(file, targets);
  }
  return edges;
}

/** The first import circle found (as the files around it), or undefined. */
function findCycle(edges: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    const at = path.indexOf(file);
    if (at >= 0) return [...path.slice(at), file];
    if (done.has(file)) return undefined;
    path.push(file);
    for (const next of edges.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(file);
    return undefined;
  };
  for (const file of edges.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the layout of the fake', () => {
  const edges = graph();

  it('reads the module graph (not vacuously)', () => {
    expect(edges.size).toBeGreaterThan(30);
    expect(edges.get('fake.ts')).toContain('operations.ts');
    expect(edges.get('operations.ts')).toContain('sessions/routes.ts');
  });

  it('has no import circle, type-only imports included', () => {
    expect(findCycle(edges)).toBeUndefined();
  });

  it('finds a circle where there is one (the check can fail)', () => {
    const circular = new Map(edges);
    circular.set('route.ts', [...(edges.get('route.ts') ?? []), 'operations.ts']);
    expect(findCycle(circular)).toEqual(expect.arrayContaining(['route.ts', 'operations.ts']));
  });

  it('keeps each domain in its folder, with its routes in routes.ts that only the route table imports', () => {
    const domains = [
      'sessions',
      'profiles',
      'coupons',
      'loyalty',
      'cards',
      'events',
      'audiences',
      'campaigns',
      'catalogs',
    ];
    for (const domain of domains) expect(edges.has(`${domain}/routes.ts`), domain).toBe(true);
    for (const [file, targets] of edges)
      if (file !== 'operations.ts')
        expect(
          targets.filter((t) => t.endsWith('routes.ts')),
          `${file} imports routes`,
        ).toEqual([]);
    expect([...edges.keys()].filter((f) => /(^|\/)more-|misc|utils/.test(f))).toEqual([]);
  });

  it('imports the endpoints for types only, and neither msw nor node: built-ins at the top level', () => {
    for (const file of edges.keys()) {
      const text = readFileSync(join(FAKE, file), 'utf8');
      expect(text, file).not.toMatch(/^import\s+(?!type\b)[^;]*from '(\.\.\/)+endpoints\//m);
      expect(text, file).not.toMatch(/^import[^;]*from '(msw|node:)/m);
      expect(text, file).not.toMatch(/import\('node:/);
    }
  });
});

describe('the route table', () => {
  it('maps every operationId of the SDK to the route of that operation, and nothing else', () => {
    expect(Object.keys(ROUTE_TABLE).sort()).toEqual(Object.keys(operationIds).sort());
    for (const [id, route] of Object.entries(ROUTE_TABLE)) expect(route.id, id).toBe(id);
  });
});
