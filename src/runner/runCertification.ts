import { selectEventTypes } from '../schemas/selectEventTypes';
import { randomInt } from 'node:crypto';
import { displayPath } from '../displayPath';
import type { Check } from '../checks/check';
import { CHECKS, validateCustomChecks } from '../checks';
import { outcomeAfterGone } from '../checks/outcomeAfterGone';
import { createDeliveryClient } from '../delivery';
import { createEngine } from '../engine';
import { AnswerLedger } from '../findings';
import type { CertificationReport, CheckReport } from '../evidence/certificationReport';
import { specVersion } from '../spec/specVersion';
import { VERSION } from '../version';
import { DEFAULTS, type CertifyOptions, type SharedByRuns } from './certifyOptions';
import { CoverageRecorder } from './coverage';
import { assembleReport } from '../evidence/assembleReport';
import { createCheckContext } from './createCheckContext';
import { RunState } from './runState';
import { rateOnlyNames, selectChecks } from './selectChecks';
import { judgeScope } from '../evidence/scope';
import { runPool } from './runPool';
import { currentProvenance } from '../evidence/provenance';
import { InternalCheckError } from '../errors';
import { rootCauses } from './rootCauses';
import { reattributeReserialised } from '../findings/reserialisedBody';
import { optionInRange, MAX_DRAWN_SEED } from '../optionRanges';
import { validateSecrets, validateTarget } from './validateTarget';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';
import { requireStage, runCapacityPart, type CapacityStageResult } from './capacityStage';
import type { RequirementId } from '../contract/requirements';
import { UsageError } from '../errors';
import { CAPACITY_CHECKS } from '../checks/capacity/capacityChecks';
import type { CapacityRunSettings, CapacitySection } from '../evidence/capacitySection';

/**
 * Certifies a receiver: runs the selected checks against it and returns the report as data.
 * Throws HookproofError for configuration mistakes (bad URL, no secret, unknown type or check,
 * unreadable spec); never for anything the receiver does.
 */
export async function runCertification(options: CertifyOptions, shared: SharedByRuns = {}): Promise<CertificationReport> {
  // Custom checks are checked before anything else is built or sent.
  const rateNamed = rateOnlyNames(options.checks);
  if (rateNamed.length > 0 && options.capacity === undefined) {
    throw new UsageError(`${rateNamed.join(', ')} ${rateNamed.length === 1 ? 'is' : 'are'} judged only with a declared rate: add --rate N/s (the capacity option)`);
  }
  const checks = selectChecks(options.customChecks !== undefined ? validateCustomChecks(options.customChecks) : CHECKS, options.checks);
  const allowHttp = options.allowHttp ?? false;
  const url = validateTarget(options.url, allowHttp);
  const secrets = validateSecrets(options.secrets);
  const runs = optionInRange('--runs', options.runs ?? DEFAULTS.runs);
  const timeoutMs = optionInRange('--timeout-ms', options.timeoutMs ?? DEFAULTS.timeoutMs);
  const concurrency = optionInRange('--concurrency', options.concurrency ?? DEFAULTS.concurrency);
  const maxEventBytes = optionInRange('--max-event-bytes', options.maxEventBytes ?? DEFAULTS.maxEventBytes);
  const seed = options.seed !== undefined ? optionInRange('--seed', options.seed) : randomInt(0, MAX_DRAWN_SEED);
  // The capacity settings are checked before anything is sent, too.
  const stage = options.capacity !== undefined ? requireStage(shared.capacityStage) : undefined;
  const capacitySettings = options.capacity !== undefined && stage !== undefined ? stage.settings(options.capacity) : undefined;
  const engine = options.engine ?? createEngine(options.specPath !== undefined ? { specPath: options.specPath } : {});
  // Deprecated types are EVT-5's to judge: selected unless --types leaves them out.
  const selected = selectEventTypes(engine.catalogue, { ...(options.types !== undefined && options.types.length > 0 ? { types: options.types } : {}), includeDeprecated: true });

  const client = createDeliveryClient({
    timeoutMs,
    ...(shared.beforeDelivery !== undefined ? { beforeSend: shared.beforeDelivery } : {}),
    ...(options.headers !== undefined ? { extraHeaders: options.headers } : {}),
  });
  const coverage = new CoverageRecorder();
  const state = new RunState();
  const answers = shared.answers ?? new AnswerLedger(secrets);
  const startedAt = new Date();
  options.onProgress?.({ kind: 'start', checks: checks.length + (options.capacity !== undefined ? CAPACITY_CHECKS.length : 0), seed });

  const runOne = async (check: Check): Promise<CheckReport> => {
    const base = { id: check.id, title: check.title, requirement: check.requirement, severity: check.severity };
    if (state.gone !== undefined) return { ...base, cases: 0, durationMs: 0, failures: [], ...outcomeAfterGone(check.requirement, state.gone.caseLabel) };
    options.onProgress?.({ kind: 'check-start', id: check.id, title: check.title });
    const ctx = createCheckContext(check, {
      engine,
      client,
      url,
      allowHttp,
      secrets,
      types: selected.filter((t) => !t.deprecated),
      deprecatedTypes: selected.filter((t) => t.deprecated),
      runs,
      seed,
      timeoutMs,
      maxEventBytes,
      concurrency,
      retryBaseDelayMs: options.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs,
      reportPath: options.reportPath ?? 'hookproof-report/report.json',
      coverage,
      state,
      answers,
      onCase: (sent, failures) => options.onProgress?.({ kind: 'case', id: check.id, sent, failures }),
    });
    const began = Date.now();
    let report: CheckReport;
    try {
      const outcome = await check.run(ctx);
      // A failed recommended or informational check is a warning, never a failed verdict.
      const status = outcome.status === 'fail' && check.severity !== 'required' ? 'warn' : outcome.status;
      report = { ...base, ...outcome, status, durationMs: Date.now() - began };
    } catch (error) {
      // A bug in hookproof is neither the receiver's failure nor a skip: the run ends with exit 2.
      throw new InternalCheckError(check.id, error);
    }
    // state.gone was undefined when this check began (see the return above), so a 410 now is news.
    const goneNow = state.gone as RunState['gone'];
    if (goneNow !== undefined) options.onProgress?.({ kind: 'gone', caseLabel: goneNow.caseLabel });
    options.onProgress?.({ kind: 'check-end', check: report });
    return report;
  };

  let reports: CheckReport[];
  try {
    reports = await runPool(checks, concurrency, runOne);
  } finally {
    await client.close();
  }
  // A receiver that verifies a re-serialised body fails SIG-8, and only SIG-8 (see reserialisedBody.ts).
  reports = reattributeReserialised(reports, answers.reserialisedBy());

  // The capacity phases come after every conformance check, alone: load would distort both.
  let capacity: CapacityStageResult | undefined;
  if (stage !== undefined && capacitySettings !== undefined) {
    capacity = await runCapacityPart(
      {
        settings: capacitySettings,
        url,
        secrets,
        allowHttp,
        engine,
        types: selected.filter((t) => !t.deprecated).map((t) => t.type),
        seed,
        reportPath: options.reportPath ?? 'hookproof-report/report.json',
        ...(options.headers !== undefined ? { headers: options.headers } : {}),
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
        ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
      },
      [...(shared.priorChecks ?? []), ...reports],
      state.gone,
      stage,
    );
    for (const check of capacity.checks) options.onProgress?.({ kind: 'check-end', check });
    reports = [...reports, ...capacity.checks];
  }

  return assembleReport({
    subject: { kind: 'receiver' },
    facts: {
      tool: { name: 'hookproof', version: VERSION },
      spec: { path: displayPath(engine.spec.path), sha256: engine.spec.sha256, ...specVersion(engine.spec) },
      target: { url: maskUrlCredentials(url), trust: trustDescription(url) },
      seed,
      options: { runs, timeoutMs, maxEventBytes, concurrency, allowHttp, types: selected.map((t) => t.type), checks: checks.map((c) => c.id), secrets: secrets.length },
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      provenance: currentProvenance(options.invocation ?? [], client.connection()),
      scope: judgeScope({
        requirements: [...checks.map((c) => c.requirement), ...(capacitySettings !== undefined ? exercised(capacitySettings, capacity?.section) : [])],
        ...(capacity !== undefined ? { rateDeclared: true } : {}),
        types: { selected: selected.filter((t) => !t.deprecated).length, all: selectEventTypes(engine.catalogue).length },
        runs,
        timeoutMs,
      }),
      ...(state.gone !== undefined ? { gone: state.gone } : {}),
      ...(capacity !== undefined ? { capacity: capacity.section } : {}),
    },
    checks: reports,
    coverage: [coverage.table()],
    causes: rootCauses(reports, answers, { url: maskUrlCredentials(url), secrets: secrets.length }, maxEventBytes),
  });
}

function trustDescription(url: string): string {
  if (url.startsWith('http:')) return 'plain http: no TLS (allowed by --allow-http)';
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  return extra !== undefined && extra !== '' ? `Node.js default trust store plus NODE_EXTRA_CA_CERTS (${extra})` : 'Node.js default trust store';
}

/**
 * The capacity requirements a run's settings exercise (CAP-2 needs an outage, CAP-3 the overload
 * probe), less those a signal left unfinished: an interrupted run never claims them in its scope.
 */
function exercised(settings: CapacityRunSettings, section: CapacitySection | undefined): RequirementId[] {
  const unfinished = new Set<RequirementId>(section?.interrupted?.unfinished ?? []);
  const asked: RequirementId[] = ['CAP-1', ...(settings.outageMs !== undefined ? (['CAP-2'] as const) : []), ...(settings.findMax !== undefined ? (['CAP-3'] as const) : [])];
  return asked.filter((r) => !unfinished.has(r));
}
