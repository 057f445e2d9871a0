import { writeFile } from 'node:fs/promises';
import { describeCause, UsageError } from '../errors';
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
