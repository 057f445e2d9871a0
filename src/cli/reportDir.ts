import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeCause, UsageError } from '../errors';

/**
 * Creates `--report-dir` (with its parents) and proves it writable, before a run starts: a run of
 * minutes must not end in "cannot write the report". Returns the absolute path.
 */
export async function prepareReportDir(dir: string, option = '--report-dir'): Promise<string> {
  const root = resolve(dir);
  try {
    await mkdir(root, { recursive: true });
  } catch (cause) {
    throw new UsageError(`cannot create the ${option} ${dir}: ${describeCause(cause)}`);
  }
  const probe = join(root, `.hookproof-write-test.${process.pid}`);
  try {
    await writeFile(probe, '', { flag: 'wx' });
  } catch (cause) {
    throw new UsageError(`cannot write into the ${option} ${dir}: ${describeCause(cause)}`);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
  return root;
}
