import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DependencyMissingError } from './errors';

/** The packages hookproof can work without, each needed by one feature only (package.json `peerDependenciesMeta`). */
export type OptionalPackage = '@pact-foundation/pact' | '@pact-foundation/pact-cli';

/**
 * `require(specifier)` of an optional package, or a DependencyMissingError that names the package
 * and the version range to install. Only a missing package becomes that error: a package that is
 * installed and fails to load is rethrown as it is.
 */
export function requireOptional(packageName: OptionalPackage, specifier: string, feature: string, load: (specifier: string) => unknown = require): unknown {
  try {
    return load(specifier);
  } catch (error) {
    if (isMissing(error, packageName)) throw new DependencyMissingError(packageName, feature, peerRange(packageName), error);
    throw error;
  }
}

/** A resolution failure for the package itself (not for some module it requires in turn). */
function isMissing(error: unknown, packageName: string): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return false;
  const firstLine = ((error as Error).message.split('\n')[0] ?? '').trim();
  return firstLine.includes(`'${packageName}'`) || firstLine.includes(`'${packageName}/`);
}

/** The range hookproof declares for an optional package, read only when one is missing. */
function peerRange(packageName: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { peerDependencies?: Record<string, string> };
    return manifest.peerDependencies?.[packageName];
  } catch {
    return undefined;
  }
}
