import { spawn } from 'node:child_process';
import { pactCliBinary } from './pactCliBinary';
import { PactCliUnavailableError } from '../../errors';
import { redactSecrets } from '../../redaction/redactSecrets';
import { stripAnsi } from '../../text/stripAnsi';

/** What a run of the Pact CLI left: its exit code and its output, secrets already redacted. */
export interface PactCliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the CLI was stopped at the deadline (`timeoutMs`): the broker gave no answer in time. */
  readonly timedOut: boolean;
}

/**
 * How long one Pact CLI run against a broker may take by default. The CLI retries refused and
 * failed requests with back-off (a refused port took 65 s) and has no overall deadline (a broker
 * that accepts the connection but never answers kept it waiting for over 400 s); a deployment gate
 * must fail closed in bounded time, so hookproof stops the CLI after this long.
 */
export const BROKER_TIMEOUT_MS = 30_000;

export interface RunPactCliOptions {
  /** The child's whole environment (broker URL and credentials included). */
  readonly env: Readonly<Record<string, string>>;
  /** Strings removed from everything the child printed before anyone sees it. */
  readonly secrets: readonly string[];
  /** The binary to run; default the one @pact-foundation/pact-cli installed. */
  readonly binary?: string;
  /** Stop the CLI after this many milliseconds (default BROKER_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

/**
 * Runs the Rust `pact` CLI with `args` (never secrets: those go in `env`), collects its output,
 * strips colours and redacts secrets. Resolves with the exit code whatever it is; rejects only when
 * the binary cannot be started. At the deadline the CLI is killed and the run resolves with
 * `timedOut` and a non-zero exit code.
 */
export function runPactCli(args: readonly string[], options: RunPactCliOptions): Promise<PactCliRun> {
  const binary = options.binary ?? pactCliBinary();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args], { env: { PACT_DO_NOT_TRACK: 'true', ...options.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? BROKER_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(deadline);
      reject(new PactCliUnavailableError(`${binary} did not start`, error));
    });
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      const clean = (chunks: Buffer[]): string => redactSecrets(stripAnsi(Buffer.concat(chunks).toString('utf8')), options.secrets);
      const exitCode = timedOut ? 124 : (code ?? (signal === null ? 1 : 128));
      resolve({ exitCode, stdout: clean(stdout), stderr: clean(stderr), timedOut });
    });
  });
}

/** Non-empty lines of some CLI output, trimmed at the end. */
export function outputLines(...texts: readonly string[]): string[] {
  return texts
    .flatMap((t) => t.split(/\r?\n/))
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
}
