/**
 * Everything a command may do to the outside world: write lines and read standard input. Commands
 * never touch `process` directly, so tests run them with {@link memoryIO} instead of spawning.
 */
export interface CliIO {
  /** Writes one line (no trailing newline needed) to standard output. */
  out(line: string): void;
  /** Writes one line to standard error. */
  err(line: string): void;
  /** Reads standard input to its end. */
  stdin(): Promise<Buffer>;
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
