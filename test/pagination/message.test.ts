/**
 * What the compiler says when a pagination helper gets an operation it cannot walk: the reason,
 * in words, rather than a long signature mismatch. Compiles a snippet with the TypeScript API
 * (strict, exactOptionalPropertyTypes) and reads the diagnostics.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'talon-fetch-paginate-message-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SNIPPET = `import { apiKey, collectItems, createClient, getCustomerSession, getLoyaltyCardTransactions, paginate, paginateItems, type CallOptions, type Client, type Result, type TalonError } from ${JSON.stringify(join(ROOT, 'src/index.js'))};
const talon = createClient({ baseUrl: 'https://acme.europe-west1.talon.one', auth: apiKey('key') });
declare function listWithoutMore(client: Client, params: { pageSize?: number; skip?: number }, options?: CallOptions): Promise<Result<{ data: string[] }, TalonError>>;
paginate(getCustomerSession, talon, { customerSessionId: 'cart-42' });
paginateItems(getCustomerSession, talon, { customerSessionId: 'cart-42' });
collectItems(listWithoutMore, talon, {});
paginate(getLoyaltyCardTransactions, talon, { loyaltyProgramId: 1, loyaltyCardId: 'card-1' });
`;

function diagnostics(): { line: number; text: string }[] {
  const file = join(dir, 'snippet.ts');
  writeFileSync(file, SNIPPET);
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ({
      line: d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
      text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
}

describe('paginate with a non-paginated operation', () => {
  const found = diagnostics();

  it('the message says why, in its first line', () => {
    expect(found.map((d) => d.line)).toEqual([4, 5, 6]);
    const first = (line: number) => found.find((d) => d.line === line)!.text.split('\n')[0];
    expect(first(4)).toContain('GetCustomerSessionParams');
    expect(first(4)).toContain(
      `is not assignable to parameter of type '"paginate() needs an operation with pageSize and skip params and a { data, hasMore | totalResultSize } answer: this one is not paginated (its params have no skip and pageSize)"'`,
    );
    expect(first(5)).toContain('this one is not paginated (its params have no skip and pageSize)');
    expect(first(6)).toContain(
      'this one is not paginated (its answer has data but neither hasMore nor totalResultSize)',
    );
  });
}, 60_000);
