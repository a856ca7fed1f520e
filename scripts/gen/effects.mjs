// The effect union: `Effect.props` is a bare object in the spec; its shape depends on `effectType`
// and is given by the `*EffectProps` schemas, which no operation names. This stage turns them
// into one member per effect type (plus a member for types this SDK version does not know) and
// an `effectUnion` schema keyed on `effectType`. Nothing runs on import.
import { lowerFirst } from './naming.mjs';
import { named } from './spec.mjs';
import { PURE, schemaConst, TYPES } from './text.mjs';

/** The Integration API's effects: what the spec does not state about them. */
export const INTEGRATION_EFFECTS = {
  /** The union's spec name: answers carry a list of these. */
  union: 'Effect',
  /** The schema every effect extends (its `effectType` and `props` are replaced per member). */
  base: 'EffectEntity',
  /** Effect types whose name is not the props schema's `title` (or its name minus EffectProps). */
  overrides: { CustomEffectProps: 'customEffect' },
};

/** The effect type a `*EffectProps` schema gives the props of. */
export function effectType(name, schema, overrides = {}) {
  const title = schema.title;
  return (
    overrides[name] ??
    (title && /^\w+$/.test(title) ? title : lowerFirst(name.slice(0, -'EffectProps'.length)))
  );
}

/**
 * Defines EffectBase, one member per `*EffectProps` schema of the current release,
 * UnknownEffect and knownEffectTypes in the run's models (`m` from createModels), and answers the
 * union's own entry (`{ ts, schema, deps }`) under its export name `union`.
 */
export function effectModel(m, { base, overrides }, union) {
  const { current } = m.releases;
  const baseFlat = named(base, current);
  const properties = { ...baseFlat.properties };
  delete properties.effectType;
  delete properties.props;
  const { value: body, deps } = m.collecting(() =>
    m.objectBody(base, { ...baseFlat, properties }, 'out', '  '),
  );
  m.models.set('EffectBase', {
    ts: `export interface EffectBase {\n${body.ts}}`,
    schema: `const effectBaseEntries = ${body.entries};`,
    deps,
    doc: 'The fields every effect has, besides `effectType` and `props`.',
  });
  const members = Object.keys(current.components.schemas)
    .filter((n) => n.endsWith('EffectProps') && n !== 'EffectProps')
    .sort()
    .map((name) => {
      const props = m.model(name, current, 'out');
      const type = effectType(name, current.components.schemas[name], overrides);
      const member = name.slice(0, -'Props'.length);
      m.models.set(member, {
        ts: `export interface ${member} extends EffectBase {\n  effectType: ${JSON.stringify(type)};\n  props: ${props};\n}`,
        doc: `An effect of type \`${type}\`; its props are {@link ${props}}.`,
      });
      return { type, member, props };
    });
  m.models.set('UnknownEffect', {
    ts: 'export interface UnknownEffect extends EffectBase {\n  effectType: UnknownEffectType;\n  props: Record<string, unknown>;\n}',
    doc: 'An effect of a type this SDK version does not know: its props stay untyped. Widen `effectType` to `string` to compare it.',
  });
  const types = members.map((x) => JSON.stringify(x.type));
  m.models.set('knownEffectTypes', {
    ts: `export type KnownEffectType = ${types.join(' | ')};\n\n/** The effect member of a known type, e.g. \`EffectOf<'setDiscount'>\`. */\nexport type EffectOf<T extends KnownEffectType> = Extract<Effect, { effectType: T }>;`,
    schema: `export const knownEffectTypes: readonly ${TYPES}.KnownEffectType[] = [${types.join(', ')}];`,
    schemaOf: 'KnownEffectType',
    doc: 'The effect types this SDK version knows, each with its typed props.',
  });
  return {
    ts: `export type ${union} = ${members.map((x) => x.member).join(' | ')} | UnknownEffect;`,
    schema: schemaConst(
      union,
      'out',
      `${PURE}effectUnion<${TYPES}.${union}>(effectBaseEntries, {\n${members.map((x) => `  ${x.type}: ${x.props}Schema,`).join('\n')}\n})`,
    ),
    deps: new Set([...members.map((x) => x.props), 'EffectBase']),
  };
}
