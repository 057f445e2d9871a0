import { createHash } from 'node:crypto';

/**
 * A source of event ids that never repeat within one check: uuids (version-4 layout) derived from
 * the run's seed, the check and a counter, so the same --seed sends the same ids.
 *
 * Stateful checks need events that are new to the receiver. Drawn ids do not guarantee it:
 * shrinking moves every id towards the same minimal uuid, which would turn the first delivery of a
 * shrunk case into a duplicate of an earlier case's event and blame the wrong delivery.
 */
export function freshIds(seed: number, name: string): () => string {
  let next = 0;
  return () => {
    const hex = createHash('sha256').update(`${seed}/${name}/${next}`).digest('hex');
    next += 1;
    const variant = (8 + (parseInt(hex.charAt(16), 16) & 3)).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}
