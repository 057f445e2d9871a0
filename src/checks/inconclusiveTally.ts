/** Cases that could not be judged cleanly because hookproof's own process stalled: how many, and the first reason. */
export interface InconclusiveCases {
  readonly count: number;
  readonly reason: string;
}

/** Counts a property's inconclusive cases, keeping the first reason (the others say the same with other figures). */
export class InconclusiveTally {
  #count = 0;
  #reason: string | undefined;

  add(reason: string): void {
    this.#count += 1;
    this.#reason ??= reason;
  }

  result(): InconclusiveCases | undefined {
    return this.#reason === undefined ? undefined : { count: this.#count, reason: this.#reason };
  }

  /** Several properties' tallies as one. */
  static merge(parts: ReadonlyArray<InconclusiveCases | undefined>): InconclusiveCases | undefined {
    const present = parts.filter((p): p is InconclusiveCases => p !== undefined);
    const [first] = present;
    return first === undefined ? undefined : { count: present.reduce((sum, p) => sum + p.count, 0), reason: first.reason };
  }
}

/** The check's note: how many cases, and why (never the receiver's fault). */
export function inconclusiveNote(cases: InconclusiveCases): string {
  return `inconclusive: ${cases.count} case(s) could not be judged, ${cases.reason}`;
}
