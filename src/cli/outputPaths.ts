import { readFile, writeFile } from 'node:fs/promises';
import { describeCause, UsageError } from '../errors';
import { EXIT, type ExitCode } from './exitCodes';
import type { CliIO } from './io';
import { prepareReportDir } from './reportDir';

/**
 * Writes `text` to the file an option names (`--out FILE`), turning the user's mistakes (a
 * directory given where a file is needed, a missing parent directory, no permission) into one
 * line naming the option instead of an internal error.
 */
export async function writeOutputFile(path: string, text: string, option = '--out'): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const hint = code === 'EISDIR' ? `: ${option} names a directory; give a file path` : code === 'ENOENT' ? ': its directory does not exist' : '';
    throw new UsageError(`cannot write the ${option} file ${path}: ${describeCause(cause)}${hint}`);
  }
}

/**
 * Creates the directory an option names (`--out DIR`) and checks it is writable; a file given
 * where a directory is needed is one line naming the option.
 */
export function prepareOutputDir(dir: string, option = '--out'): Promise<string> {
  return prepareReportDir(dir, option);
}

/**
 * `--check`: whether the file at `path` holds exactly `text` (what the command would write).
 * Up to date: says so, exit 0. Otherwise `onStale` says what to do (each command has its own
 * remedy) and the exit code is 1; a file that cannot be read counts as missing.
 */
export async function checkOutputFile(path: string, text: string, io: CliIO, onStale: (found: 'stale' | 'missing') => void): Promise<ExitCode> {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === text) {
    io.out(`${path} is up to date`);
    return EXIT.pass;
  }
  onStale(current === undefined ? 'missing' : 'stale');
  return EXIT.fail;
}
