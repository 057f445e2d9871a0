/**
 * PascalCase TypeScript names for event types, unique within one spec:
 * `ev/plugged` → `EvPlugged`, `grid-signal-processor/limitation-of-power-consumption/set` →
 * `GridSignalProcessorLimitationOfPowerConsumptionSet`. Two types that would share a name get
 * `_2`, `_3`… in the order given.
 */
export function typeNames(types: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const type of types) {
    const base = pascalCase(type);
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base}_${n}`;
    used.add(name);
    names.set(type, name);
  }
  return names;
}

function pascalCase(type: string): string {
  const words = type.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const name = words.map((w) => (w[0] ?? '').toUpperCase() + w.slice(1)).join('');
  return name === '' || /^[0-9]/.test(name) ? `Type${name}` : name;
}
