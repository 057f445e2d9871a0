import { BrokerError } from '../../errors';
import { terminalSafe } from '../../text/terminalSafe';
import type { BrokerConnection } from './brokerConnection';
import { brokerClient } from './brokerHttp';
import { outputLines, type PactCliRun } from './runPactCli';

/** The resource a Pact CLI command was after, for hookproof to ask for itself. */
export interface CliProbe {
  /** A path relative to the broker's base URL, e.g. `/pacticipants/acme/versions/1`. */
  readonly path: string;
  /** What it is for, for the message: "find version 1 of acme". */
  readonly purpose: string;
}

/** The probe never waits longer than this: the CLI has already had its deadline. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Why a Pact CLI run against the broker got no answer, in one line. The CLI reports a refused
 * port as "error sending request", and at hookproof's deadline it says nothing at all (its own
 * retries outlast it), so hookproof asks the broker for the resource the CLI was after with its own
 * bounded client, whose failures name the real cause: connection refused, DNS, TLS, the HTTP status
 * with the broker's message, an answer that is not JSON, the deadline. When that request succeeds,
 * the cause is the CLI's own first error line. Credentials are redacted from all of it.
 */
export async function pactCliCause(connection: BrokerConnection, probe: CliProbe, run: PactCliRun, timeoutMs: number): Promise<string> {
  try {
    await brokerClient(connection, Math.min(timeoutMs, PROBE_TIMEOUT_MS)).request({ method: 'GET', url: probe.path.replace(/^\//, ''), purpose: probe.purpose });
  } catch (error) {
    if (error instanceof BrokerError) return error.message;
    throw error;
  }
  if (run.timedOut) return `the broker gave no answer within ${Math.round(timeoutMs / 100) / 10} s`;
  const lines = outputLines(run.stdout, run.stderr);
  const error = lines.find((l) => l.includes('❌')) ?? lines.at(-1);
  if (error === undefined) return `the Pact CLI exited with ${run.exitCode} and said nothing`;
  return terminalSafe(
    error
      .replace(/^\s*❌\s*/, '')
      .replace(/^IO Error - /, '')
      .replace(/\. URL: '[^']*'\s*$/, ''),
  );
}

/** The matrix query the Pact CLI's can-i-deploy sends, for {@link pactCliCause}. */
export function matrixProbe(pacticipant: string, version: string, environment: string): CliProbe {
  const q = encodeURIComponent;
  return {
    path: `/matrix?q[][pacticipant]=${q(pacticipant)}&q[][version]=${q(version)}&latestby=cvpv&environment=${q(environment)}`,
    purpose: `ask the matrix about ${pacticipant} ${version}`,
  };
}

/** The version resource record-deployment and record-release start from, for {@link pactCliCause}. */
export function versionProbe(pacticipant: string, version: string): CliProbe {
  return { path: `/pacticipants/${encodeURIComponent(pacticipant)}/versions/${encodeURIComponent(version)}`, purpose: `find version ${version} of ${pacticipant}` };
}
