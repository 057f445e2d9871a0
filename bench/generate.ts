import fc from 'fast-check';
import { JSONSchemaFaker } from 'json-schema-faker';
import { eventArbitrary, serialiseEvent } from './shipped';
import type { Engine } from '../src/engine';
import { ratePerSecond, round } from './measure';

/**
 * Events generated and validated per second over all types: hookproof's arbitraries against
 * json-schema-faker on the very same per-type schemas, each judged by the same validator.
 *
 * The two alternate, hookproof, faker, faker, hookproof, each for half of `ms` at a time, so that
 * a machine whose load changes during the measurement (other work shares it) favours neither;
 * each side's rate is its events over its summed time.
 */
export function benchGenerate(engine: Engine, ms: number): Record<string, number> {
  const { catalogue, validators } = engine;
  const types = catalogue.types;
  const arbitraries = types.map((t) => eventArbitrary(t));
  let hookproofValid = 0;
  let hookproofTotal = 0;
  let round1 = 0;
  const hookproofSlice = (sliceMs: number): { perSecond: number; operations: number } =>
    ratePerSecond(sliceMs, () => {
      const index = round1 % types.length;
      round1 += 1;
      const batch = fc.sample(arbitraries[index] as fc.Arbitrary<Record<string, unknown>>, { numRuns: 20, seed: round1 });
      for (const event of batch) {
        hookproofTotal += 1;
        if (validators.validateBytes(serialiseEvent(event)).valid) hookproofValid += 1;
      }
      return batch.length;
    });

  JSONSchemaFaker.option({ alwaysFakeOptionals: false, useDefaultValue: false, failOnInvalidTypes: false, failOnInvalidFormat: false });
  let fakerValid = 0;
  let fakerTotal = 0;
  let round2 = 0;
  const fakerSlice = (sliceMs: number): { perSecond: number; operations: number } =>
    ratePerSecond(sliceMs, () => {
      const eventType = types[round2 % types.length];
      round2 += 1;
      if (eventType === undefined) return 0;
      let event: unknown;
      try {
        event = JSONSchemaFaker.generate(eventType.schema);
      } catch {
        event = undefined;
      }
      fakerTotal += 1;
      if (event !== undefined && validators.validate(JSON.parse(JSON.stringify(event))).valid) fakerValid += 1;
      return 1;
    });

  // Over the bundled spec each type's validator compiles on first use (about 13 ms a type): done
  // here for every type, before either side is timed, so that neither pays it inside its slice.
  for (const arbitrary of arbitraries) {
    for (const event of fc.sample(arbitrary, { numRuns: 1, seed: 0 })) validators.validateBytes(serialiseEvent(event));
  }
  const slices = [hookproofSlice(ms / 2), fakerSlice(ms / 2), fakerSlice(ms / 2), hookproofSlice(ms / 2)];
  const rate = (of: ReadonlyArray<{ perSecond: number; operations: number }>): number =>
    of.reduce((n, s) => n + s.operations, 0) / of.reduce((t, s) => t + s.operations / s.perSecond, 0);
  const hookproof = rate([slices[0], slices[3]].filter((s) => s !== undefined));
  const faker = rate([slices[1], slices[2]].filter((s) => s !== undefined));
  return {
    hookproof_per_s: round(hookproof, 1),
    faker_per_s: round(faker, 1),
    ratio: round(hookproof / faker),
    hookproof_validity: round(hookproofValid / hookproofTotal, 4),
    faker_validity: round(fakerValid / fakerTotal, 4),
  };
}
