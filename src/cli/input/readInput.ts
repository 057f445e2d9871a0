import { readFile } from 'node:fs/promises';
import { InputUnreadableError } from '../../errors';
import type { CliIO } from '../io';

/** How standard input is named in messages. */
export const STDIN_LABEL = '<stdin>';

/** Reads a file, or standard input for "-"; throws InputUnreadableError with a one-line reason. */
export async function readInput(path: string, io: CliIO): Promise<{ label: string; bytes: Buffer }> {
  const label = path === '-' ? STDIN_LABEL : path;
  try {
    return { label, bytes: path === '-' ? await io.stdin() : await readFile(path) };
  } catch (cause) {
    throw new InputUnreadableError(label, cause);
  }
}
