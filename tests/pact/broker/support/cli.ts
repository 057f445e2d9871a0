import { runCli } from '../../../../src/cli/runCli';
import { memoryIO } from '../../../../src/cli/memoryIO';

/** A run of the CLI in-process: exit code and the lines written. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Everything written, for "never printed" assertions. */
  readonly all: string;
}

/**
 * An environment without the machine's PACT_BROKER_* settings: the tests decide what the CLI sees.
 * Retries are off so that a refused request fails at once.
 */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PACT_BROKER_HTTP_RETRIES: '0' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'SSL_CERT_FILE']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}

/** Runs `hookproof pact <args>` in-process with the given environment. */
export async function pactCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const io = { ...memoryIO(), env };
  const code = await runCli(['pact', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr, all: [...io.stdout, ...io.stderr].join('\n') };
}
