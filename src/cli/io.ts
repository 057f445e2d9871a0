import { terminalSafeStreamWrite, terminalSafeWriter } from '../text/terminalWriter';

/**
 * Everything a command may do to the outside world: write lines and read standard input. Commands
 * never touch `process` directly, so tests run them with {@link memoryIO} instead of spawning.
 */
export interface CliIO {
  /**
   * Writes one line (no trailing newline needed) to standard output. A function property, not a
   * method: commands pass it on unbound (`writeLines(io.out, text)`), so it must not need `this`.
   */
  readonly out: (line: string) => void;
  /** Writes one line to standard error; a function property for the same reason as `out`. */
  readonly err: (line: string) => void;
  /** Reads standard input to its end. */
  stdin(): Promise<Buffer>;
  /** Where live progress goes (standard error); absent in tests, which then get plain lines. */
  readonly progress?: ProgressStream;
  /** Environment variables (secrets may come from them); process.env unless a test injects one. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A writable terminal-like stream for progress output. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/**
 * `io` with every line and every progress write passed through the one terminal-safe writer
 * (`src/text/terminalWriter.ts`). `runCli` hands commands only this, so no command, however it
 * builds its lines, can put a control character from outside on the console.
 */
export function terminalSafeIO(io: CliIO): CliIO {
  const progress = io.progress;
  return {
    out: terminalSafeWriter(io.out),
    err: terminalSafeWriter(io.err),
    stdin: () => io.stdin(),
    ...(progress !== undefined
      ? {
          progress: {
            ...(progress.isTTY !== undefined ? { isTTY: progress.isTTY } : {}),
            ...(progress.columns !== undefined ? { columns: progress.columns } : {}),
            write: terminalSafeStreamWrite((text) => progress.write(text)),
          },
        }
      : {}),
    ...(io.env !== undefined ? { env: io.env } : {}),
  };
}

/** The real process streams. */
export function processIO(): CliIO {
  return {
    out: (line) => {
      process.stdout.write(`${line}\n`);
    },
    err: (line) => {
      process.stderr.write(`${line}\n`);
    },
    stdin: () => readAll(process.stdin),
    progress: process.stderr,
    env: process.env,
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks);
}

/** Writes a block of text (as commander produces it) line by line, without a trailing empty line. */
export function writeLines(write: (line: string) => void, text: string): void {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (trimmed === '') return;
  for (const line of trimmed.split('\n')) write(line);
}
