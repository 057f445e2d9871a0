import { dirname, join } from 'node:path';
import { requireOptional } from '../../requireOptional';
import { PactCliUnavailableError } from '../../errors';

/**
 * The path of the Rust `pact` binary that @pact-foundation/pact-cli ships in its per-platform package
 * (`@pact-foundation/pact-cli-<os>-<arch>/standalone/pact`). Found through module resolution from the
 * pact-cli package, as its own launcher does, never through PATH.
 */
export function pactCliBinary(): string {
  // An optional peer dependency: missing, it is a DependencyMissingError naming what to install.
  const cliPackage = requireOptional('@pact-foundation/pact-cli', '@pact-foundation/pact-cli/package.json', 'the Pact broker commands', require.resolve) as string;
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const platformPackage = `@pact-foundation/pact-cli-${os}-${process.arch}`;
  let binaryPackage: string;
  try {
    binaryPackage = require.resolve(`${platformPackage}/package.json`, { paths: [dirname(cliPackage)] });
  } catch (error) {
    throw new PactCliUnavailableError(`${platformPackage} (the binary for ${os}-${process.arch}) is not installed`, error);
  }
  return join(dirname(binaryPackage), 'standalone', process.platform === 'win32' ? 'pact.exe' : 'pact');
}
