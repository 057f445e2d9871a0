import { UsageError } from '../../errors';
import { optionInRange } from '../../optionRanges';
import { isSchemaObject } from '../../spec/types';
import { resolveBrokerConnection, type BrokerOptions, type Environment } from './brokerConnection';
import { displayUrl } from './brokerEnvironment';
import { cliRunOptions } from './cliRunOptions';
import { matrixProbe, pactCliCause } from './pactCliCause';
import { BROKER_TIMEOUT_MS, outputLines, runPactCli } from './runPactCli';

export interface CanIDeployOptions extends BrokerOptions {
  /** The application to deploy, e.g. "acme-receiver". */
  readonly pacticipant: string;
  /** Its version, e.g. the git SHA that was published. */
  readonly version: string;
  /** The environment it is to be deployed to, e.g. "production". */
  readonly toEnvironment: string;
  /**
   * Ask again this many times while a verification result is unknown (the provider's verification
   * is probably still running), `retryIntervalSeconds` apart (default 10).
   */
  readonly retryWhileUnknown?: number;
  readonly retryIntervalSeconds?: number;
  /** Report the answer but let the caller deploy anyway (the Pact CLI's --dry-run). */
  readonly dryRun?: boolean;
}

/** One row of the broker's matrix: a pact between two versions and its verification result. */
export interface MatrixRow {
  readonly consumer: { readonly name: string; readonly version: string | undefined };
  readonly provider: { readonly name: string; readonly version: string | undefined };
  /** The verification result; undefined when the pact has not been verified. */
  readonly success: boolean | undefined;
}

export interface CanIDeployResult {
  /** True only when the broker said the version is deployable. */
  readonly deployable: boolean;
  /** False when the broker gave no matrix answer (unreachable, refused the credentials, unknown version…). */
  readonly answered: boolean;
  /** The broker's reason, as it states it. */
  readonly reason: string | undefined;
  readonly rows: readonly MatrixRow[];
  readonly notices: ReadonlyArray<{ readonly type: string; readonly text: string }>;
  /** The Pact CLI's own output when the broker gave no answer, secrets redacted. */
  readonly output: readonly string[];
  /** The broker's URL without credentials, for messages. */
  readonly broker: string;
  /** True when the broker gave no answer before the deadline. */
  readonly timedOut: boolean;
  /** When the broker gave no answer: why, in one line (see pactCliCause). */
  readonly cause: string | undefined;
}

/**
 * Asks a Pact Broker whether a version may be deployed to an environment, with the real Pact CLI
 * (`pact broker can-i-deploy --pacticipant P --version V --to-environment E --output json`), which
 * queries the broker's matrix (`GET /matrix?q[][pacticipant]=…&q[][version]=…&latestby=cvpv&environment=…`).
 * The JSON answer is read here, so "not deployable" and "no answer" can be told apart.
 */
export async function canIDeploy(options: CanIDeployOptions, env: Environment = process.env): Promise<CanIDeployResult> {
  for (const [option, value] of [
    ['--pacticipant', options.pacticipant],
    ['--version', options.version],
    ['--to-environment', options.toEnvironment],
  ] as const) {
    if (value.trim() === '') throw new UsageError(`${option} must not be empty`);
  }
  // The CLI's own ranges and messages, so a value the CLI accepts is one the library accepts too.
  const retries = optionInRange('--retry-while-unknown', options.retryWhileUnknown ?? 0);
  const interval = optionInRange('--retry-interval', options.retryIntervalSeconds ?? 10);
  const connection = resolveBrokerConnection(options, env);
  const args = [
    'broker',
    'can-i-deploy',
    '--pacticipant',
    options.pacticipant,
    '--version',
    options.version,
    '--to-environment',
    options.toEnvironment,
    '--output',
    'json',
    ...(retries > 0 ? ['--retry-while-unknown', String(retries), '--retry-interval', String(interval)] : []),
    ...(options.dryRun === true ? ['--dry-run'] : []),
  ];
  // The deadline grows by the time the retries knowingly wait.
  const run = await runPactCli(args, cliRunOptions(connection, options, env, retries * interval * 1000));
  // Not deployable is an answer too (the CLI then exits 1): read the JSON whatever the exit code.
  const answer = run.timedOut ? undefined : parseMatrix(run.stdout);
  const broker = displayUrl(connection.url);
  if (answer === undefined) {
    const cause = await pactCliCause(connection, matrixProbe(options.pacticipant, options.version, options.toEnvironment), run, options.brokerTimeoutMs ?? BROKER_TIMEOUT_MS);
    return { deployable: false, answered: false, reason: undefined, rows: [], notices: [], output: outputLines(run.stdout, run.stderr), broker, timedOut: run.timedOut, cause };
  }
  return { ...answer, answered: true, output: [], broker, timedOut: false, cause: undefined };
}

/** Reads the broker's matrix answer (`{ summary: { deployable, reason }, notices, matrix }`). */
function parseMatrix(stdout: string): Omit<CanIDeployResult, 'answered' | 'output' | 'broker' | 'timedOut' | 'cause'> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (!isSchemaObject(json) || !isSchemaObject(json.summary)) return undefined;
  const summary = json.summary;
  const rows = (Array.isArray(json.matrix) ? (json.matrix as unknown[]) : []).filter(isSchemaObject).map((row): MatrixRow => ({
    consumer: party(row.consumer),
    provider: party(row.provider),
    success: isSchemaObject(row.verificationResult) && typeof row.verificationResult.success === 'boolean' ? row.verificationResult.success : undefined,
  }));
  const notices = (Array.isArray(json.notices) ? (json.notices as unknown[]) : [])
    .filter(isSchemaObject)
    .map((n) => ({ type: typeof n.type === 'string' ? n.type : 'info', text: typeof n.text === 'string' ? n.text : '' }));
  return { deployable: summary.deployable === true, reason: typeof summary.reason === 'string' ? summary.reason : undefined, rows, notices };
}

function party(value: unknown): MatrixRow['consumer'] {
  const name = isSchemaObject(value) && typeof value.name === 'string' ? value.name : '?';
  const version = isSchemaObject(value) && isSchemaObject(value.version) && typeof value.version.number === 'string' ? value.version.number : undefined;
  return { name, version };
}
