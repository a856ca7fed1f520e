// Naming: a model is named by its spec name; request shapes end in Input; shapes of the legacy
// release whose name the current release also uses start with Legacy; list answers
// (`<op>_200_response`) become `<Op>Response`. No state, no side effects.

export const upperFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
export const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

/** A spec schema name as an export name: list answers and other names not fit for an export. */
export function exportName(name) {
  const answer = /^(\w+?)_(\d{3})_response$/.exec(name);
  if (answer) {
    const [, op, status] = answer;
    return `${upperFirst(op)}${status.startsWith('2') ? '' : status}Response`;
  }
  return name
    .split(/_allOf_|_of_|_/)
    .map(upperFirst)
    .join('');
}

/**
 * The export name of the named schema `name` of `spec` in direction `dir` ('in': a request
 * shape, 'out': an answer), given the run's `current` and `legacy` (optional) releases.
 */
export function typeName(name, spec, dir, { current, legacy }) {
  let base = exportName(name);
  if (legacy && spec === legacy && current.components.schemas[name]) base = `Legacy${base}`;
  return dir === 'in' ? `${base}Input` : base;
}
