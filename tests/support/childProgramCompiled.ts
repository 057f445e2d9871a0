import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { childProgram as fromSources, type ChildProgram } from '../../src/childProgram';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- shared with the CommonJS globalSetup and CLI launcher
const { COMPILED, SRC, STAMP, sourceStamp } = require('./sourceStamp') as { COMPILED: string; SRC: string; STAMP: string; sourceStamp: () => string };

let compiledIsCurrent: boolean | undefined;

/**
 * src/childProgram.ts as the test files see it (jest.config.ts maps it here). From the sources a
 * forked child (a fleet target, the Pact verifier) runs through tsx, which compiles its whole module
 * graph again: about a CPU-second per child. globalSetup compiled the same sources into .test-cli/
 * (tests/setup/compileCli.js): while its stamp matches src/, the child runs that copy, as the
 * spawned CLI does (hookproofFromSource.js); else the sources through tsx, never a stale copy.
 */
export function childProgram(dir: string, name: string): ChildProgram {
  if (compiledIsCurrent === undefined) {
    try {
      compiledIsCurrent = readFileSync(STAMP, 'utf8') === sourceStamp();
    } catch {
      compiledIsCurrent = false;
    }
  }
  return compiledIsCurrent ? { file: join(COMPILED, relative(SRC, dir), `${name}.js`), execArgv: [] } : fromSources(dir, name);
}
