import { spawn } from 'node:child_process';
import { requireOptional } from '../../requireOptional';
import { terminalSafe } from '../../text/terminalSafe';
import { terminalSafeStreamWrite } from '../../text/terminalWriter';
import { answerWithin, endChild, seconds, within } from './childDeadline';
import { failedRequirements } from './pactJsFailures';
import { WITHOUT_SIG8_FILTER } from './signatureInteractions';

/** Options of {@link runPactJsVerifier}. */
export interface PactJsVerifierRunOptions {
  /**
   * pact-js's `VerifierOptions` as plain data (`providerBaseUrl`, `pactUrls`, broker options…):
   * they cross into a child process, so functions (state handlers, request filters) cannot.
   */
  readonly verifierOptions: Readonly<Record<string, unknown>> & { readonly providerBaseUrl: string };
  /**
   * Skip SIG-8 with the documented description filter (default true): pact-js's proxy re-serialises
   * the body and cannot send it. An explicit `PACT_DESCRIPTION` in `env` wins.
   */
  readonly skipSig8?: boolean;
  /** The whole run's deadline in milliseconds (default 10 minutes). */
  readonly deadlineMs?: number;
  /** How long the verifier may take to exit once its result is in (default 5 s). */
  readonly exitGraceMs?: number;
  /** The verifier's environment (default: this process's), PACT_DO_NOT_TRACK=true unless set. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where the verifier's own output goes (default: this process's standard error, terminal-safe). */
  readonly output?: (text: string) => void;
}

/** How a pact-js verification run ended. */
export type PactJsEnding =
  /** The verifier gave its result and exited by itself. */
  | 'exited'
  /** The result was in but the process stayed alive: hookproof ended it after the grace period. */
  | 'ended-after-result'
  /** No result before the deadline: hookproof ended it. */
  | 'ended-at-deadline'
  /** The verifier process exited without a result. */
  | 'crashed';

export interface PactJsVerifierRun {
  readonly passed: boolean;
  readonly ending: PactJsEnding;
  /** The requirement IDs of the failed interactions, when the verifier reported them. */
  readonly failed: readonly string[];
  /** One line: why it failed, or why it had to be ended; undefined for a pass that exited by itself. */
  readonly cause: string | undefined;
}

// The child: pact-js's Verifier, nothing of hookproof; its result goes back over the IPC channel,
// which it then closes so that only the verifier's own handles can keep it alive.
const CHILD = `
const [, modulePath, options] = process.argv;
const done = (message) => process.send(message, () => process.disconnect());
new (require(modulePath).Verifier)(JSON.parse(options)).verifyProvider().then(
  () => done({ passed: true }),
  (e) => done({ passed: false, message: String(e && e.message !== undefined ? e.message : e) }),
);
`;

interface ChildResult {
  readonly passed: boolean;
  readonly message?: string;
}

/**
 * Runs pact-js's `Verifier` in a child process and makes sure the run ends: pact-js's proxy
 * re-serialises JSON request bodies but forwards the original Content-Length, so a body it cannot
 * send as written (SIG-8's) leaves a request to the receiver open and the Node process never exits.
 * Here the verifier gets `deadlineMs` for its result and `exitGraceMs` more to exit; past either,
 * its process is ended and the cause said in one line. A sound run exits by itself and passes.
 *
 * Throws DependencyMissingError when @pact-foundation/pact is not installed.
 */
export async function runPactJsVerifier(options: PactJsVerifierRunOptions): Promise<PactJsVerifierRun> {
  const modulePath = requireOptional('@pact-foundation/pact', '@pact-foundation/pact', "running pact-js's Verifier", (s) => require.resolve(s)) as string;
  const deadlineMs = options.deadlineMs ?? 600_000;
  const graceMs = options.exitGraceMs ?? 5_000;
  const baseEnv = options.env ?? process.env;
  const env: Record<string, string | undefined> = { ...baseEnv, PACT_DO_NOT_TRACK: baseEnv.PACT_DO_NOT_TRACK ?? 'true' };
  if (options.skipSig8 !== false && baseEnv.PACT_DESCRIPTION === undefined) env.PACT_DESCRIPTION = WITHOUT_SIG8_FILTER;
  const output = options.output ?? terminalSafeStreamWrite((text) => process.stderr.write(text));

  const child = spawn(process.execPath, ['-e', CHILD, modulePath, JSON.stringify(options.verifierOptions)], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let lastLine = '';
  const relay = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    lastLine = text.trim().split('\n').at(-1) ?? lastLine;
    output(text);
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const result = new Promise<ChildResult | undefined>((resolve) => {
    child.once('message', (message) => resolve(message as ChildResult));
    void exited.then(() => resolve(undefined));
  });

  const outcome = await answerWithin(child, result, deadlineMs);
  if (outcome === 'late') {
    return { passed: false, ending: 'ended-at-deadline', failed: [], cause: `pact-js's Verifier gave no result within ${seconds(deadlineMs)} and was ended` };
  }
  if (outcome === undefined) {
    const code = await exited;
    return { passed: false, ending: 'crashed', failed: [], cause: `pact-js's Verifier exited (code ${String(code)}) without a result: ${terminalSafe(lastLine)}` };
  }
  const failed = outcome.passed ? [] : (failedRequirements(outcome.message ?? '') ?? []);
  const verdict = outcome.passed
    ? undefined
    : failed.length > 0
      ? `pact-js's Verifier failed ${failed.length} interaction(s): ${failed.join(', ')}`
      : `pact-js's Verifier could not verify: ${terminalSafe((outcome.message ?? '').split('\n')[0] ?? '')}`;
  if ((await within(exited, graceMs)) !== 'late') return { passed: outcome.passed, ending: 'exited', failed, cause: verdict };
  await endChild(child);
  const stuck = `pact-js's Verifier did not exit within ${seconds(graceMs)} of its result and was ended (its proxy keeps a request to the receiver open after forwarding a re-serialised body; SIG-8 needs PACT_DESCRIPTION='${WITHOUT_SIG8_FILTER}' or the --for pact-js contract)`;
  return { passed: outcome.passed, ending: 'ended-after-result', failed, cause: verdict === undefined ? stuck : `${verdict}; ${stuck}` };
}
