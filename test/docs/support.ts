/** What the documentation tests share: the repository root, the Markdown they read, the built exports. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const ROOT = join(import.meta.dirname, '../..');

/** The user-facing Markdown: the README, the changelog, the fake's README and every docs/*.md. */
export const MARKDOWN: readonly string[] = [
  'README.md',
  'CHANGELOG.md',
  'src/testing/README.md',
  ...(existsSync(join(ROOT, 'docs')) ? readdirSync(join(ROOT, 'docs')) : [])
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The names a built declaration file (`dist/<dts>`) exports. */
export function exportsOf(dts: string): string[] {
  const path = join(ROOT, 'dist', dts);
  if (!existsSync(path))
    throw new Error(`dist/${dts} is missing: run \`npm run build\` first (\`npm test\` does)`);
  const source = ts.createSourceFile(dts, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022);
  return source.statements.flatMap((s) =>
    ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)
      ? s.exportClause.elements.map((e) => e.name.text)
      : [],
  );
}
