/**
 * Every `ts` code block of the README, src/testing/README.md and docs/*.md type-checks against the BUILT package, as a
 * user would paste it. A block that has no import of its own gets a prelude: every export of
 * `talon-fetch` and `talon-fetch/testing` it names, and a `talon` client when it uses one without
 * declaring it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { exportsOf, MARKDOWN, ROOT } from './support.js';

const OUT = join(ROOT, '.tmp', 'snippets');
interface Snippet {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

/** The `ts` blocks of one Markdown file, with the line each starts on. */
function snippetsOf(file: string, text: string): Snippet[] {
  const found: Snippet[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```(ts|typescript)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1] ?? '';
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^ *```\s*$/.test(lines[end] ?? '')) end++;
    const code = lines.slice(start, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
    found.push({ file, line: start + 1, code: code.join('\n') });
    i = end;
  }
  return found;
}

/** The module text a block is checked as. */
function moduleFor(code: string, main: readonly string[], testing: readonly string[]): string {
  const used = (name: string) => new RegExp(`\\b${name}\\b(?![-/])`).test(code);
  const declared = (name: string) =>
    new RegExp(`\\b(?:const|let|var|function|class)\\s+${name}\\b`).test(code);
  const client =
    used('talon') && !declared('talon')
      ? `import type { Client as __Client } from 'talon-fetch';\ndeclare const talon: __Client<'apiKey'>;`
      : '';
  if (/^\s*import\s/m.test(code)) return `${client}\n${code}\nexport {};\n`;
  const fromMain = main.filter((n) => used(n) && !declared(n));
  const fromTesting = testing.filter((n) => used(n) && !declared(n) && !fromMain.includes(n));
  const prelude = [
    fromMain.length ? `import { ${fromMain.join(', ')} } from 'talon-fetch';` : '',
    fromTesting.length ? `import { ${fromTesting.join(', ')} } from 'talon-fetch/testing';` : '',
    client,
  ];
  return `${prelude.filter(Boolean).join('\n')}\n${code}\nexport {};\n`;
}

describe('documentation code blocks type-check', () => {
  const snippets = MARKDOWN.flatMap((file) => snippetsOf(file, readFileSync(join(ROOT, file), 'utf8')));

  it('finds the blocks (README has a quickstart)', () => {
    expect(snippets.filter((s) => s.file === 'README.md').length).toBeGreaterThan(3);
  });

  it('every ts block of README.md and docs/*.md compiles against the built package', () => {
    const main = exportsOf('index.d.ts');
    const testing = exportsOf('testing.d.ts');
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const files = snippets.map((s, i) => {
      const name = join(OUT, `${s.file.replace(/[^a-z0-9]+/gi, '_')}_${s.line}_${i}.ts`);
      writeFileSync(name, moduleFor(s.code, main, testing));
      return { name, snippet: s };
    });
    const program = ts.createProgram(
      files.map((f) => f.name),
      {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules/@types')],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
      },
    );
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const at = files.find((f) => f.name === d.file?.fileName);
      const where = at ? `${at.snippet.file}, block at line ${at.snippet.line}` : (d.file?.fileName ?? '?');
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('the checker itself', () => {
  it('adds a prelude only for what a block names, and checks a wrong block as wrong', () => {
    const code = moduleFor(
      'const r = await deleteCustomerData(talon, { integrationId: 1 });',
      ['deleteCustomerData', 'apiKey'],
      [],
    );
    expect(code).toContain("import { deleteCustomerData } from 'talon-fetch';");
    expect(code).toContain('declare const talon');
    expect(code).not.toContain('import { apiKey');
    expect(moduleFor("import { apiKey } from 'talon-fetch';\napiKey('k');", ['apiKey'], [])).not.toContain(
      'declare',
    );
    expect(
      snippetsOf(
        'x.md',
        'a\n```ts\nconst a = 1;\n```\n```sh\nls\n```\n- item\n  ```ts\n  const b = 2;\n  ```\n',
      ),
    ).toEqual([
      { file: 'x.md', line: 3, code: 'const a = 1;' },
      { file: 'x.md', line: 10, code: 'const b = 2;' },
    ]);
  });
});
