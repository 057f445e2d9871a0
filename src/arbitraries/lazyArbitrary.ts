import fc from 'fast-check';

/**
 * The arbitrary `build` returns, built when it is first asked for a value or a shrink: it draws
 * exactly what that arbitrary draws (every call is handed on unchanged). For branches of which a
 * run draws only a few: EVT-7 has a branch per field it can break, each its own event arbitrary.
 */
export function lazyArbitrary<T>(build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new LazyArbitrary(build);
}

class LazyArbitrary<T> extends fc.Arbitrary<T> {
  readonly #build: () => fc.Arbitrary<T>;
  #built: fc.Arbitrary<T> | undefined;

  constructor(build: () => fc.Arbitrary<T>) {
    super();
    this.#build = build;
  }

  #arbitrary(): fc.Arbitrary<T> {
    this.#built ??= this.#build();
    return this.#built;
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.#arbitrary().generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.#arbitrary().canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.#arbitrary().shrink(value, context);
  }
}
