/** Commander collector for repeatable options: each occurrence appends its value. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

// Every parser that collects a repeatable option's values, so `refuseRepeatedOptions` can tell them apart.
const COLLECTORS: WeakSet<object> = new WeakSet([collect]);

/** A collector, like {@link collect}, that first checks (or throws on) each value with `check`. */
export function collectChecked(check: (value: string) => string): (value: string, previous: string[] | undefined) => string[] {
  const collector = (value: string, previous: string[] | undefined): string[] => collect(check(value), previous);
  COLLECTORS.add(collector);
  return collector;
}

/** Marks `parser` as collecting a repeatable option's values (e.g. -H's headers by name). */
export function markCollector<T extends object>(parser: T): T {
  COLLECTORS.add(parser);
  return parser;
}

/** Whether an option's parser collects repeated values (the option is repeatable). */
export function isCollector(parse: unknown): boolean {
  return typeof parse === 'function' && COLLECTORS.has(parse);
}
