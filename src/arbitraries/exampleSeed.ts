/**
 * The seed of a named example (a pact interaction's event), stable when other names come and go:
 * FNV-1a of the name, offset by `base`. Not `caseSeed`: pact files recorded with it must not move.
 */
export function exampleSeed(base: number, name: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(name, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return (base + hash) | 0;
}
