import type { CliIO } from './io';

/** A {@link CliIO} that records what a command writes; for tests and programmatic use. */
export interface MemoryIO extends CliIO {
  readonly stdout: string[];
  readonly stderr: string[];
}

/** Creates an in-memory CliIO whose standard input holds `stdin`. */
export function memoryIO(stdin: string | Buffer = ''): MemoryIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => {
      stdout.push(line);
    },
    err: (line) => {
      stderr.push(line);
    },
    stdin: () => Promise.resolve(typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin),
  };
}
