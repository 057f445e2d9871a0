import { UsageError } from '../errors';
import type { FleetTarget } from './fleetTarget';

/** Names the fleet's own files take in its report directory: no target directory may take them. */
const RESERVED = new Set(['index.json', 'index.html']);

/**
 * Each target's report directory name: its name made file-system safe. Refused up front, before
 * any target runs (UsageError, one line): a name whose directory would be one of the fleet's own
 * files (index.json, index.html), and two names that give the same directory, compared without
 * case as macOS and Windows file systems do ("Acme/EU" and "acme-eu"), where one target's report
 * would overwrite the other's.
 */
export function targetDirectories(targets: readonly FleetTarget[]): Map<string, string> {
  const byFolded = new Map<string, string>();
  const names = new Map<string, string>();
  for (const target of targets) {
    const dir = slugOf(target.name);
    if (RESERVED.has(dir.toLowerCase())) throw new UsageError(`fleet target "${target.name}" would write its reports as ${dir}, the fleet's own index file: rename the target`);
    const clash = byFolded.get(dir.toLowerCase());
    if (clash !== undefined)
      throw new UsageError(
        `fleet targets "${clash}" and "${target.name}" would write into the same report directory ${dir}: give them names that differ in more than case or punctuation`,
      );
    byFolded.set(dir.toLowerCase(), target.name);
    names.set(target.name, dir);
  }
  return names;
}

function slugOf(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 80) || 'target'
  );
}
