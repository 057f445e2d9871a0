import { fork } from 'node:child_process';
import { DeadlineExceededError, errorFromChild, InternalError } from '../../errors';
import { stripAnsi } from '../../text/stripAnsi';
import { answerWithin, endChild, seconds } from './childDeadline';
import type { HttpVerificationResult } from './verificationResult';
import { verifierEntry } from './verifierEntry';
import type { FromVerifier, ToVerifier, VerifierJob } from './verifierMessages';

/** Where the Pact core's own report goes, one line at a time (hookproof's escaping sink in the CLI). */
export interface VerifierOutput {
  out(line: string): void;
  err(line: string): void;
}

type Outcome = { readonly ok: true; readonly result: HttpVerificationResult } | { readonly ok: false; readonly error: Error };

/**
 * Runs the Pact verifier in a process of its own and resolves its result. The native Pact core
 * prints its report straight to its process's standard output, out of reach of any escaping in
 * this one: a pact's descriptions or a receiver's answer could reach the terminal raw. Here its
 * output is read from a pipe and handed to `output` line by line. The process is ended once it
 * has answered (pact-js can keep a process alive after a failed verification), or at
 * `deadlineMs` without an answer: then this rejects with a DeadlineExceededError, the process
 * already gone.
 */
export async function verifyInChild(job: VerifierJob, output: VerifierOutput, deadlineMs: number): Promise<HttpVerificationResult> {
  const entry = verifierEntry();
  const child = fork(entry.file, [], { execArgv: [...entry.execArgv], serialization: 'advanced', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const flushOut = lineSplitter(child.stdout, (line) => output.out(line));
  const flushErr = lineSplitter(child.stderr, (line) => output.err(line));
  // 'close' comes after the pipes are drained: every line of the core's report is out by then.
  const closed = new Promise<string>((resolve) =>
    child.once('close', (code, signal) => {
      flushOut();
      flushErr();
      resolve(signal ?? `exit code ${String(code)}`);
    }),
  );
  const answer = new Promise<Outcome | undefined>((resolve) => {
    child.on('message', (message: FromVerifier) => {
      switch (message.kind) {
        case 'ready':
          if (child.connected) child.send({ kind: 'run', job } satisfies ToVerifier);
          return;
        case 'done':
          resolve({ ok: true, result: message.result });
          return;
        case 'failed':
          resolve({ ok: false, error: message.hookproof ? errorFromChild(message) : new InternalError(message.message) });
          return;
      }
    });
    child.once('error', (error) => resolve({ ok: false, error: new InternalError(`the Pact verifier's process could not run: ${error.message}`) }));
    void closed.then(() => resolve(undefined));
  });

  const outcome = await answerWithin(child, answer, deadlineMs);
  await endChild(child);
  // A process that never started has no pipes to drain.
  const ending = child.pid === undefined ? 'not started' : await closed;
  if (outcome === 'late') {
    throw new DeadlineExceededError(
      `the Pact verifier gave no result within ${seconds(deadlineMs)} and was ended (if the receiver or this machine is that slow, give it more time with --deadline)`,
    );
  }
  if (outcome === undefined) throw new InternalError(`the Pact verifier's process ended before answering (${ending})`);
  if (outcome.ok) return outcome.result;
  throw outcome.error;
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
