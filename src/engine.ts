import { buildCatalogue, type EventCatalogue } from './schemas/catalogue';
import { schemaSetDigest } from './schemas/schemaSetDigest';
import { createValidators, type EventValidators } from './schemas/validators';
import { DEFAULT_SPEC_PATH } from './spec/defaultSpecPath';
import { loadSpec } from './spec/loadSpec';
import { buildCompiledSchemas } from './spec/parsedSpecCache';
import type { SpecDocument } from './spec/types';
import { unboundedConstraints } from './spec/unboundedConstraints';
import { SpecInvalidError } from './errors';

/** A spec turned into what every part of hookproof works from. */
export interface Engine {
  readonly spec: SpecDocument;
  readonly catalogue: EventCatalogue;
  readonly validators: EventValidators;
}

export interface EngineOptions {
  /** Path of the OpenAPI spec file; defaults to the project's copy of the gridX spec. */
  readonly specPath?: string;
}

/**
 * Loads a spec, applies the errata, and compiles validators: the one entry for CLI commands, the
 * jest adapter and library users alike. Throws SpecUnreadableError / SpecInvalidError.
 */
export function createEngine(options: EngineOptions = {}): Engine {
  return engineFromSpec(loadSpec(options.specPath ?? DEFAULT_SPEC_PATH));
}

/**
 * Everything loading does after parsing: errata, catalogue, compiled validators. `lint-spec` runs
 * exactly this, so a spec the lint passes is a spec that loads.
 */
export function engineFromSpec(spec: SpecDocument): Engine {
  const catalogue = buildCatalogue(spec);
  // After the catalogue, so a spec that does not load for a more basic reason says that first.
  const [unbounded] = unboundedConstraints(spec);
  if (unbounded !== undefined) throw new SpecInvalidError(spec.path, unbounded.message);
  // Every validator is compiled now, so that a schema ajv refuses fails here, at once; unless the
  // build already compiled exactly these schemas (the bundled spec): then each type's validator is
  // compiled when first used, and a command that validates one type compiles one.
  const compileOnUse = buildCompiledSchemas(spec.sha256, schemaSetDigest(catalogue));
  return { spec, catalogue, validators: createValidators(catalogue, { compileOnUse }) };
}
