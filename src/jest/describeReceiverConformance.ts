import { selectEventTypes } from '../schemas/selectEventTypes';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { Check } from '../checks/check';
import { CHECKS } from '../checks';
import { outcomeAfterGone } from '../checks/outcomeAfterGone';
import { createEngine } from '../engine';
import { AnswerLedger } from '../findings';
import { assembleReport } from '../evidence/assembleReport';
import { rescopeChecks } from '../evidence/scope';
import { REQUIREMENTS, type RequirementId } from '../contract/requirements';
import { rootCauses } from '../runner/rootCauses';
import { redactSecrets } from '../redaction/redactSecrets';
import type { CertificationReport, CheckReport } from '../evidence/certificationReport';
import { writeReports } from '../reports/writeReports';
import { runCertification } from '../runner/runCertification';
import { rateOnlyNames, selectChecks } from '../runner/selectChecks';
import { CAPACITY_CHECKS, type CapacityCheck } from '../checks/capacity/capacityChecks';
import type * as CertifyCapacity from '../capacity/certifyCapacity';
import type { CertifyCapacityOptions } from '../runner/certifyOptions';
import { UsageError } from '../errors';
import { validateSecrets, validateTarget } from '../runner/validateTarget';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';
import { terminalSafeBlock } from '../text/terminalWriter';
import { checkHeadline, checkMessage, type RerunHint } from './checkMessage';
import { ADAPTER_DEFAULTS, resolveDeferred, secretsOf, type ReceiverConformanceOptions } from './conformanceOptions';
import { injectedJestGlobals } from './jestGlobals';
import { JEST_WORDING } from './jestWording';
import { judgeVerdict, type Verdict } from '../evidence/verdict';
import { MAX_DRAWN_SEED } from '../optionRanges';

/** What {@link describeReceiverConformance} returns: the checks it declared and, as they finish, their results. */
export interface ConformanceSuite {
  /** The checks turned into tests, in catalogue order. */
  readonly checks: readonly Check[];
  /** The seed every check runs with (printed in each failure). */
  readonly seed: number;
  /** Reports of the checks that have run so far, in the order they ran. */
  results(): readonly CheckReport[];
  /** The verdict of the checks run so far, as certify gives it: `pass`, `fail` or `incomplete` (with why). */
  verdict(): Verdict;
}

/**
 * A failed check, as jest shows it: the message only, no stack into hookproof. Deliberately not in
 * src/errors.ts and not a HookproofError: it is a test failure (the receiver broke a requirement),
 * which hookproof reports as an outcome, never an error of hookproof's with a code and an exit code.
 * Only jest sees it, so it stays private to the adapter.
 */
class ConformanceFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConformanceFailure';
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * Declares a jest `describe` block with one test per conformance check, each run against the
 * receiver as `hookproof certify --checks <id>` would run it (one shared engine, one seed):
 *
 * - fail: the test fails; the message has every failure's label, expected and actual answer, a
 *   curl reproduction and the command to re-run the check with the same cases;
 * - warn (a recommended check failed, TLS-1 on an allowed http:// target, or GONE-1 once an
 *   earlier check met a 410, as the runner reports it): the test passes and the warning is logged;
 * - skip (the receiver answered 410 earlier, or the check cannot run): the test passes and the
 *   reason is logged; jest cannot mark a test skipped once it has started.
 *
 * Test names start with the requirement ID and check id (`SIG-3 sig-wrong-secret: …`), so
 * `jest -t SIG-3` runs one check. Configuration mistakes (unknown type or check, no secret)
 * throw here, at collection time, and fail the test file at once.
 */
export function describeReceiverConformance(options: ReceiverConformanceOptions): ConformanceSuite {
  const jest = options.jest ?? injectedJestGlobals();
  const secrets = validateSecrets(secretsOf(options), JEST_WORDING);
  const engine = options.engine ?? createEngine(options.specPath !== undefined ? { specPath: options.specPath } : {});
  // An unknown type throws here, at collection time, as the runner would.
  if (options.types !== undefined && options.types.length > 0) selectEventTypes(engine.catalogue, { types: options.types });
  const checks = selectChecks(CHECKS, options.checks);
  const rateNamed = rateOnlyNames(options.checks);
  if (rateNamed.length > 0 && options.capacity === undefined) throw new UsageError(`${rateNamed.join(', ')}: judged only with a declared rate: set the option capacity: { rate }`);
  const seed = options.seed ?? randomInt(0, MAX_DRAWN_SEED);
  const log = options.log ?? ((message: string) => console.warn(message));
  // Every message jest prints quotes the receiver's answers: secrets redacted, control characters escaped.
  const said = (text: string): string => terminalSafeBlock(redactSecrets(text, secrets));
  const reports: CertificationReport[] = [];
  const results: CheckReport[] = [];
  let url: Promise<string> | undefined;
  // A promise rejected before the first test awaits it must not count as unhandled.
  if (isPromiseLike(options.url)) options.url.then(undefined, () => undefined);

  // One ledger for all one-check runs: findings and hints count every answer seen so far.
  const answers = new AnswerLedger(secrets);
  const causes = new Map<string, CertificationReport>();

  const runCheck = async (check: Check): Promise<CheckReport> => {
    url ??= resolveDeferred(options.url);
    const gone = reports.find((r) => r.gone !== undefined)?.gone;
    if (gone !== undefined) return { ...notRun(check), ...outcomeAfterGone(check.requirement, gone.caseLabel) };
    // Refused here first, in the adapter's words; runCertification would refuse it in the CLI's.
    const target = validateTarget(await url, options.allowHttp ?? false, JEST_WORDING);
    const report = await runCertification(
      {
        url: target,
        secrets,
        engine,
        checks: [check.id],
        seed,
        allowHttp: options.allowHttp ?? false,
        ...(options.types !== undefined ? { types: options.types } : {}),
        ...(options.runs !== undefined ? { runs: options.runs } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.maxEventBytes !== undefined ? { maxEventBytes: options.maxEventBytes } : {}),
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
        ...(options.retryBaseDelayMs !== undefined ? { retryBaseDelayMs: options.retryBaseDelayMs } : {}),
        ...(options.reportDir !== undefined ? { reportPath: join(options.reportDir, 'report.json') } : {}),
      },
      { answers },
    );
    reports.push(report);
    causes.set(check.id, report);
    return report.checks[0] ?? { ...notRun(check), status: 'skip', note: 'did not run' };
  };

  // The capacity phases run once, for the first CAP test that runs, after the checks' tests (jest
  // runs a file's tests in order); the checks that ran before can block them, as in certify.
  let capacityRun: Promise<CertificationReport> | undefined;
  const runCapacityCheck = async (check: CapacityCheck): Promise<CheckReport> => {
    const capacity = options.capacity;
    if (capacity === undefined) return { ...notRun(check), status: 'skip', note: 'no declared rate' };
    // Once the receiver answered 410, no capacity traffic: gridX would have deleted the subscription.
    const gone = reports.find((r) => r.gone !== undefined)?.gone;
    if (gone !== undefined && capacityRun === undefined) return { ...notRun(check), ...outcomeAfterGone(check.requirement, gone.caseLabel) };
    url ??= resolveDeferred(options.url);
    const target = validateTarget(await url, options.allowHttp ?? false, JEST_WORDING);
    capacityRun ??= runCertification(
      {
        url: target,
        secrets,
        engine,
        checks: CAPACITY_CHECKS.map((c) => c.requirement),
        seed,
        allowHttp: options.allowHttp ?? false,
        capacity,
        ...(options.types !== undefined ? { types: options.types } : {}),
        ...(options.reportDir !== undefined ? { reportPath: join(options.reportDir, 'report.json') } : {}),
      },
      { answers, capacityStage: capacityStage(), priorChecks: [...results] },
    ).then((report) => {
      reports.push(report);
      return report;
    });
    const report = await capacityRun;
    causes.set(check.id, report);
    return report.checks.find((c) => c.id === check.id) ?? { ...notRun(check), status: 'skip', note: 'did not run' };
  };

  jest.describe(options.title ?? ADAPTER_DEFAULTS.title, () => {
    const capacityChecks = options.capacity !== undefined ? CAPACITY_CHECKS : [];
    for (const check of [...checks, ...capacityChecks]) {
      jest.test(
        `${check.requirement} ${check.id}: ${check.title}`,
        async () => {
          const result = 'run' in check ? await runCheck(check) : await runCapacityCheck(check);
          results.push(result);
          const target = maskUrlCredentials(await (url as Promise<string>).catch(() => ''));
          const hint: RerunHint = {
            url: target,
            seed,
            runs: options.runs,
            allowHttp: options.allowHttp ?? false,
            reportWritten: options.reportDir !== undefined,
            secretCount: secrets.length,
            types: options.types,
            timeoutMs: options.timeoutMs,
            concurrency: options.concurrency,
            specPath: options.engine === undefined ? options.specPath : undefined,
            maxEventBytes: options.maxEventBytes,
            ...('run' in check || options.capacity === undefined ? {} : { capacityFlags: capacityFlags(options.capacity) }),
          };
          const found = causes.get(check.id) ?? {};
          if (result.status === 'fail') throw new ConformanceFailure(said(checkMessage(result, hint, found)));
          if (result.status === 'warn') log(said(checkMessage(result, hint, found)));
          // Blocked: not judged because something more basic fails. A required one must not go green.
          if (result.status === 'blocked' && result.severity === 'required')
            throw new ConformanceFailure(said(`${checkHeadline(result, seed)}: not judged, ${result.note ?? 'blocked'}`));
          if (result.status === 'blocked') log(said(`${checkHeadline(result, seed)}: ${result.note ?? 'blocked'}`));
          if (result.status === 'skip') log(said(`${checkHeadline(result, seed)}: ${result.note ?? 'skipped'}`));
        },
        options.testTimeoutMs ?? ADAPTER_DEFAULTS.testTimeoutMs,
      );
    }
    jest.afterAll(async () => {
      // Incomplete is a verdict of its own: every test may be green (a skipped required check
      // passes its test) while no evidence was found for some required requirement. Say so.
      const { verdict, reason } = suiteVerdict(results, reports);
      if (verdict === 'incomplete') log(redactSecrets(`hookproof verdict INCOMPLETE (not certified): ${reason ?? 'some required requirement has no judged case'}`, secrets));
      if (options.reportDir === undefined) return;
      const suite = suiteReport(reports, results, [...checks, ...capacityChecks], answers);
      if (suite !== undefined) await writeReports(suite, options.reportDir, secrets);
    });
  });

  return { checks, seed, results: () => [...results], verdict: () => suiteVerdict(results, reports) };
}

/** The verdict of the checks run so far, by the one rule certify uses (pass, fail or incomplete). */
function suiteVerdict(results: readonly CheckReport[], reports: readonly CertificationReport[]): Verdict {
  return judgeVerdict(results, reports.find((r) => r.gone !== undefined)?.gone);
}

/**
 * One report of the one-check runs, as if the checks had run together: `results` (every check's
 * report, including those skipped without a run) in catalogue order, the run's facts from the
 * first run (times spanning all of them, the checks aspect of the scope judged again), root causes
 * from the ledger of all their answers, and the rest judged by assembleReport.
 */
function suiteReport(
  runs: readonly CertificationReport[],
  results: readonly CheckReport[],
  order: readonly Pick<Check, 'id'>[],
  answers: AnswerLedger,
): CertificationReport | undefined {
  const [first] = runs;
  if (first === undefined) return undefined;
  const position = (c: CheckReport): number => order.findIndex((o) => o.id === c.id);
  const checks = [...results].sort((a, b) => position(a) - position(b));
  const gone = runs.find((r) => r.gone !== undefined)?.gone;
  const capacity = runs.find((r) => r.capacity !== undefined)?.capacity;
  return assembleReport({
    subject: { kind: 'receiver' },
    facts: {
      tool: first.tool,
      spec: first.spec,
      target: first.target,
      seed: first.seed,
      options: { ...first.options, checks: checks.map((c) => c.id) },
      startedAt: runs.map((r) => r.startedAt).sort()[0] ?? first.startedAt,
      finishedAt:
        runs
          .map((r) => r.finishedAt)
          .sort()
          .at(-1) ?? first.finishedAt,
      ...(first.provenance !== undefined ? { provenance: first.provenance } : {}),
      ...(first.scope !== undefined ? { scope: rescopeChecks(first.scope, receiverRequirements(checks), capacity !== undefined) } : {}),
      ...(gone !== undefined ? { gone } : {}),
      ...(capacity !== undefined ? { capacity } : {}),
    },
    checks,
    coverage: runs.map((r) => r.coverage),
    causes: rootCauses(checks, answers, { url: first.target.url, secrets: first.options.secrets }, first.options.maxEventBytes),
  });
}

/** The receiver requirements among the checks' (a certify report's checks cite only those). */
function receiverRequirements(checks: readonly CheckReport[]): RequirementId[] {
  return REQUIREMENTS.filter((r) => checks.some((c) => c.requirement === r.id)).map((r) => r.id);
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** The capacity engine, loaded only when a capacity test runs (the load generator, the latency histograms). */
function capacityStage(): typeof CertifyCapacity.certifyCapacityStage {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load: the build is CommonJS
  return (require('../capacity/certifyCapacity') as typeof CertifyCapacity).certifyCapacityStage;
}

/** The capacity flags of `certify --rate` for the options given, so a CAP test's rerun command runs the same phases. */
function capacityFlags(capacity: CertifyCapacityOptions): string[] {
  const flags = [`--rate ${capacity.rate}`];
  if (capacity.durationMs !== undefined) flags.push(`--duration ${capacity.durationMs}ms`);
  if (typeof capacity.outageMs === 'number') flags.push(`--outage ${capacity.outageMs}ms`);
  if (capacity.findMax !== undefined && capacity.findMax !== false) {
    if (capacity.findMax.maxRate !== undefined) flags.push(`--max-rate ${capacity.findMax.maxRate}`);
    if (capacity.findMax.stepMs !== undefined) flags.push(`--step ${capacity.findMax.stepMs}ms`);
  }
  if (capacity.retryBaseMs !== undefined) flags.push(`--retry-base-ms ${capacity.retryBaseMs}`);
  if (capacity.maxInFlight !== undefined) flags.push(`--max-in-flight ${capacity.maxInFlight}`);
  return flags;
}

/** The report of a check that sent nothing, without its status and note. */
function notRun(check: Pick<Check, 'id' | 'title' | 'requirement' | 'severity'>): Omit<CheckReport, 'status' | 'note'> {
  return { id: check.id, title: check.title, requirement: check.requirement, severity: check.severity, cases: 0, durationMs: 0, failures: [] };
}
