import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';
import { describeCause, UsageError } from '../errors';

/**
 * Creates `--report-dir` (with its parents) and proves it writable, before a run starts: a run of
 * minutes must not end in "cannot write the report". Returns the absolute path.
 */
export async function prepareReportDir(dir: string, option = '--report-dir'): Promise<string> {
  const root = refuseUnfitDir(dir, option);
  try {
    await makeDirectories(root);
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

/**
 * `mkdir -p`, one level at a time. Node's own `mkdir(…, { recursive: true })` never returns for
 * some paths (under /proc it retries forever), so the missing levels are made one by one and the
 * first error stops it.
 */
async function makeDirectories(path: string): Promise<void> {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    const found = await stat(current).catch((error: unknown) => {
      // Not `instanceof Error`: fs errors come from another realm under jest.
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (found !== undefined) {
      if (!found.isDirectory()) throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR' });
      break;
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of missing) await mkdir(dir);
}

/**
 * The absolute path of `dir`, unless it cannot be meant: an empty value (`--report-dir ""` is an
 * unset variable in a script, not "here") or a file-system root, where reports would be written
 * among the system's own directories. An existing file is no directory either.
 */
export function refuseUnfitDir(dir: string, option = '--report-dir'): string {
  if (dir.trim() === '') throw new UsageError(`${option} is empty: give the directory to write into (an unset variable in the command?)`);
  const root = resolve(dir);
  if (parse(root).root === root) throw new UsageError(`${option} ${dir} is the file-system root: give a directory of its own`);
  if (isExistingFile(root)) throw new UsageError(`${option} ${dir} is a file, not a directory`);
  return root;
}

/** Whether `path` exists and is not a directory; any other trouble (ENOTDIR, EACCES) is left to creating it, which names it. */
function isExistingFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === false;
  } catch {
    return false;
  }
}
