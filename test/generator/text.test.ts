/** scripts/gen/text.mjs: identifiers, doc comments and schema constants as emitted. */
import { describe, expect, it } from 'vitest';
import { script } from './support.js';

const text = await script('gen/text.mjs');

describe('emitted text', () => {
  it('quotes keys that are not identifiers', () => {
    expect(text.ident('name')).toBe('name');
    expect(text.ident('x-y')).toBe('"x-y"');
  });

  it('keeps the first paragraph of a description, without HTML, links reduced to their text', () => {
    expect(text.firstParagraph('Updates a <b>thing</b>, see [the docs](https://x.example).\n\nMore.')).toBe(
      'Updates a thing, see the docs.',
    );
    const long = `${'A sentence that is long enough. '.repeat(4)}Then a tail`;
    expect(text.firstParagraph(long, 100)).toBe(
      'A sentence that is long enough. A sentence that is long enough. A sentence that is long enough.',
    );
  });

  it('writes one-line and multi-line doc comments, escaping a comment end', () => {
    expect(text.doc('Ends */ here', '  ')).toBe('  /** Ends *\\/ here */\n');
    expect(text.doc('Items:\n- one\n- two')).toBe('/**\n * Items:\n * - one\n * - two\n */\n');
    expect(text.doc(undefined)).toBe('');
  });

  it('types a schema constant against the named type, in the types namespace', () => {
    expect(text.schemaConst('ThingInput', 'in', 'x')).toBe(
      `export const ThingInputSchema: v.GenericSchema<T.ThingInput> = x;`,
    );
    expect(text.schemaConst('Thing', 'out', 'x')).toBe(
      `export const ThingSchema: v.GenericSchema<unknown, T.Thing> = x;`,
    );
  });
});
