import fc from 'fast-check';
import { anyInvalidEventArbitrary, INVALID_KINDS, invalidEventArbitrary, type InvalidCase } from '../../src/arbitraries';
import { defaultEngine } from '../support/engine';
import { RUNS_PER_TYPE } from '../support/runs';
import { shrinkPath } from '../support/shrinkPath';

const { catalogue, validators } = defaultEngine();

describe.each(catalogue.types.map((t) => [t.type, t] as const))('invalid %s cases', (_name, eventType) => {
  const arb = invalidEventArbitrary(catalogue, eventType);

  it('are all rejected by the validator', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const result = validators.validateBytes(c.body);
        if (result.valid) throw new Error(`accepted: ${c.label} ${c.body.toString('utf8').slice(0, 300)}`);
      }),
      { numRuns: Math.ceil(RUNS_PER_TYPE / 4) },
    );
  });

  it('stay invalid with the same label all along their shrink path', () => {
    for (let seed = 1; seed <= 8; seed += 1) {
      const path = shrinkPath(arb, seed * 7919);
      const first = path[0] as InvalidCase;
      for (const c of path) {
        expect(c.label).toBe(first.label);
        expect(validators.validateBytes(c.body).valid).toBe(false);
      }
    }
  });

  it('the mutated field is the one the validator complains about', () => {
    for (const c of fc.sample(invalidEventArbitrary(catalogue, eventType, { kinds: ['missing-required', 'wrong-type', 'enum-outside', 'bad-format', 'out-of-range'] }), {
      numRuns: 100,
    })) {
      const result = validators.validateBytes(c.body);
      expect(result.valid).toBe(false);
      if (!result.valid) expect(result.issues.map((i) => i.pointer)).toContain(c.pointer);
    }
  });
});

describe('invalid cases over all types', () => {
  it('produce every kind of breakage the spec allows', () => {
    const kinds = new Set(fc.sample(anyInvalidEventArbitrary(catalogue), { numRuns: 3000 }).map((c) => c.kind));
    // gridX's spec closes no object, so no unknown-property case exists (tests/arbitraries/unknownProperty.test.ts).
    expect([...kinds].sort()).toEqual(INVALID_KINDS.filter((k) => k !== 'unknown-property').sort());
  });

  it('can be restricted to some kinds', () => {
    const cases = fc.sample(anyInvalidEventArbitrary(catalogue, { kinds: ['not-json', 'empty-body'] }), { numRuns: 200 });
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['not-json', 'empty-body']));
    for (const c of cases) expect(c.event).toBeUndefined();
  });
});
