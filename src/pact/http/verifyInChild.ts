import { fork } from 'node:child_process';
import { join } from 'node:path';
import { errorFromChild, InternalError } from '../../errors';
import { stripAnsi } from '../../text/stripAnsi';
import type { HttpVerificationResult } from './verificationResult';
import type { FromVerifier, ToVerifier, VerifierJob } from './verifierMessages';

// Run from the TypeScript sources (tests, `tsx`), the child needs the same loader; from dist/ it
// runs the compiled file as it is.
const fromSource = __filename.endsWith('.ts');

/** Where the Pact core's own report goes, one line at a time (hookproof's escaping sink in the CLI). */
export interface VerifierOutput {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Runs the Pact verifier in a process of its own and resolves its result. The native Pact core
 * prints its report straight to its process's standard output, out of reach of any escaping in
 * this one: a pact's descriptions or a receiver's answer could reach the terminal raw. Here its
 * output is read from a pipe and handed to `output` line by line. The process is ended once it
 * has answered (pact-js can keep a process alive after a failed verification).
 */
export function verifyInChild(job: VerifierJob, output: VerifierOutput): Promise<HttpVerificationResult> {
  const entry = join(__dirname, `verifierProcess${fromSource ? '.ts' : '.js'}`);
  const child = fork(entry, [], {
    execArgv: fromSource ? ['--require', require.resolve('tsx/cjs')] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const flushOut = lineSplitter(child.stdout, (line) => output.out(line));
  const flushErr = lineSplitter(child.stderr, (line) => output.err(line));
  const tell = (message: ToVerifier): void => {
    if (child.connected) child.send(message);
  };

  return new Promise<HttpVerificationResult>((resolve, reject) => {
    let outcome: { ok: true; result: HttpVerificationResult } | { ok: false; error: Error } | undefined;
    child.on('message', (message: FromVerifier) => {
      switch (message.kind) {
        case 'ready':
          tell({ kind: 'run', job });
          return;
        case 'done':
          outcome ??= { ok: true, result: message.result };
          child.kill();
          return;
        case 'failed':
          outcome ??= {
            ok: false,
            error: message.hookproof ? errorFromChild(message) : new InternalError(message.message),
          };
          child.kill();
          return;
      }
    });
    child.on('error', (error) => {
      outcome ??= { ok: false, error: new InternalError(`the Pact verifier's process could not run: ${error.message}`) };
    });
    // 'close' comes after the pipes are drained: every line of the core's report is out by then.
    child.on('close', (code, signal) => {
      flushOut();
      flushErr();
      if (outcome === undefined) {
        reject(new InternalError(`the Pact verifier's process ended before answering (${signal ?? `exit code ${String(code)}`})`));
      } else if (outcome.ok) resolve(outcome.result);
      else reject(outcome.error);
    });
  });
}

/** Calls `line` for every complete line read from `stream`; the returned function flushes the rest. */
function lineSplitter(stream: NodeJS.ReadableStream | null, line: (text: string) => void): () => void {
  let pending = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) line(fromCore(part));
  });
  return () => {
    if (pending !== '') line(fromCore(pending));
    pending = '';
  };
}

/**
 * A line of the core's report without its colours (the core colours even into a pipe), which
 * would otherwise show as escapes; whatever else it holds is escaped by the writer it goes to.
 */
function fromCore(text: string): string {
  return stripAnsi(text.replace(/\r$/, ''));
}
