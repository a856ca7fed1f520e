// Pieces of emitted TypeScript text shared by every stage: identifiers, the pure-call mark and
// doc comments made from the spec's descriptions. No state, no side effects.

/** Marks a call as free of side effects, so that bundlers can drop an unused schema. */
export const PURE = '/*#__PURE__*/ ';

/** Longest field description kept in the declarations, in characters. */
export const FIELD_DOC = 90;

/** A property key as TypeScript writes it: bare when it is an identifier, quoted otherwise. */
export const ident = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

/**
 * The first paragraph of a description, without the spec's HTML, with links reduced to their
 * text and kept short (declarations are what every user's editor loads): past `max` characters
 * it ends at the last full sentence that fits.
 */
export function firstParagraph(text, max = 240) {
  const paragraph = String(text)
    .split(/\n\s*\n/)[0]
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .trim();
  const listed = paragraph.includes('\n- ') || paragraph.includes('\n* ');
  const line = listed ? paragraph : paragraph.replace(/\s*\n\s*/g, ' ');
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > 40 ? cut.slice(0, end + 1) : `${cut.replace(/\s+\S*$/, '')}…`;
}

/** A `/** … *\/` comment of a description's first paragraph at `indent` ('' when there is none). */
export function doc(text, indent = '', max = 180) {
  if (!text) return '';
  const clean = firstParagraph(text, max).replace(/\*\//g, '*\\/');
  const lines = clean.split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

/** The namespace the schemas file imports the types under (`import type * as T from './types.js'`). */
export const TYPES = 'T';

/** `export const <name>Schema: v.GenericSchema<…> = <expr>;`, typed against the named type. */
export function schemaConst(name, dir, expr) {
  const type = dir === 'in' ? `${TYPES}.${name}` : `unknown, ${TYPES}.${name}`;
  return `export const ${name}Schema: v.GenericSchema<${type}> = ${expr};`;
}

/** POSIX bracket classes (the spec's patterns are Go regular expressions) as JavaScript ranges. */
const POSIX = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  lower: 'a-z',
  print: '\\x20-\\x7E',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\s',
  upper: 'A-Z',
  word: '\\w',
  xdigit: '0-9A-Fa-f',
};

/**
 * A spec `pattern` as the source of a JavaScript regular expression: POSIX classes inside brackets
 * (`[^[:cntrl:]]`, which JavaScript would read as a set of letters) become ranges. Throws on a
 * POSIX class it does not know.
 */
export function jsPattern(pattern) {
  return pattern.replace(/\[:(\w+):\]/g, (whole, name) => {
    if (!(name in POSIX)) throw new Error(`gen: unknown POSIX class ${whole} in the pattern ${pattern}`);
    return POSIX[name];
  });
}
