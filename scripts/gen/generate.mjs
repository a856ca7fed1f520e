// One generator run: the stages in order, state created here and nowhere else.
//   spec.mjs        reading a release (flattening, references, operations, the answer-required rule)
//   naming.mjs      export names
//   models.mjs      named types and valibot schemas (effects.mjs: the effect union)
//   operations.mjs  each operation described for its module
//   emit.mjs        the text of every file
import { endpointModule, indexFile, schemasFile, typesFile } from './emit.mjs';
import { createModels } from './models.mjs';
import { buildOperation } from './operations.mjs';
import { operationsOf } from './spec.mjs';

/**
 * Generates the files of one API. `target`: the API's settings (./targets.mjs); `specs`: the parsed
 * release files `{ current, earlier, legacy? }` that `target.files` names; `overlays`: the
 * hand-written words per operationId; `shared` (for a target with `shared` settings): the answer of
 * the run whose models this one shares (its `models` and `spec`). Answers
 * `{ files, counts, models, spec }`: a `Map` from a path relative to the repository root to its text
 * (before formatting), the numbers of operations and models (and of the models shared), and the
 * run's models and current release (what a later run shares).
 * Throws when a legacy operation the target lists is not in the legacy release.
 */
export function generate({ target, specs, overlays = {}, shared }) {
  const { current, legacy } = specs;
  const legacyFiles = target.files.legacy;
  const m = createModels({
    releases: { current, earlier: specs.earlier ?? [], legacy },
    effects: target.effects,
    shared: shared && { models: shared.models, spec: shared.spec, prefix: target.shared.prefix },
  });
  const currentOps = operationsOf(current);
  const legacyOps = legacy ? operationsOf(legacy, (id) => legacyFiles.operations.includes(id)) : [];
  for (const id of legacy ? legacyFiles.operations : [])
    if (!legacyOps.some((op) => op.operationId === id))
      throw new Error(`gen: legacy operation ${id} is not in ${legacyFiles.file}`);

  const built = [...currentOps, ...legacyOps]
    .map((op) => buildOperation(op, { m, legacy, overlay: overlays[op.operationId], auth: target.auth }))
    .sort((a, b) => a.id.localeCompare(b.id));
  // Every *EffectProps schema is a model even though no operation names it (props of the union).
  if (target.effects) m.model(target.effects.union, current, 'out');

  const release = current.info?.version ?? target.files.current;
  const counts = {
    current: currentOps.length,
    legacy: legacyOps.length,
    models: m.models.size,
    ...(shared ? { shared: m.imported.size } : {}),
  };
  const imported = [...m.imported].sort();
  const importedSchemas = imported.filter((name) => shared.models.get(name).schema);
  const files = new Map();
  files.set(`${target.out.models}/types.ts`, typesFile(m.models, target, release, imported));
  files.set(`${target.out.models}/schemas.ts`, schemasFile(m.models, target, release, importedSchemas));
  files.set(`${target.out.endpoints}/index.ts`, indexFile(built, target, counts));
  for (const b of built) files.set(`${target.out.endpoints}/${b.id}.ts`, endpointModule(b, target));
  return { files, counts, models: m.models, spec: current };
}
