import { CAPACITY_CHECKS, type CapacityCheck } from '../checks/capacity/capacityChecks';
import { gridx } from '../contract/gridx';
import { UsageError } from '../errors';
import type { CapacityRunSettings, CapacitySection } from '../evidence/capacitySection';
import type { CheckReport } from '../evidence/certificationReport';
import type { Failure } from '../evidence/failure';
import { probeBoundText } from '../evidence/probeBound';
import type { ReceiverAnswer } from '../evidence/ReceiverAnswer';
import { recordRequest } from '../evidence/recordedRequest';
import { optionInRange } from '../optionRanges';
import { redactSecrets } from '../redaction/redactSecrets';
import { CAPACITY_DEFAULTS, type CertifyCapacityOptions } from '../runner/certifyOptions';
import type { CapacityStage, CapacityStageInput, CapacityStageResult } from '../runner/capacityStage';
import { reproduction } from '../checks/reproduce';
import { sign } from '../signing/sign';
import { terminalSafe } from '../text/terminalSafe';
import type { CapacityReport } from './capacityReport';
import { createEventFeed, type EventFeed } from './eventFeed';
import type { CapacityJudgement } from './judgeCapacity';
import type { CapacitySample } from './loadPhase';
import { CAPACITY_LIMITS, runCapacity } from './runCapacity';

/**
 * The capacity phases of `certify --rate`: `hookproof capacity`'s engine (runCapacity: CAP-1 at
 * the declared rate, the find-max ramp from it for CAP-3, the recovery burst for CAP-2), its
 * judgements turned into checks of the certification, its measurements into report.json's
 * `capacity` section.
 */
export const certifyCapacityStage: CapacityStage = { settings: capacityRunSettings, run: runCapacityStage };

/** The options with certify's defaults, in capacity's documented ranges (one-line UsageError otherwise). */
export function capacityRunSettings(options: CertifyCapacityOptions): CapacityRunSettings {
  const rate = options.rate;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0 || rate > CAPACITY_LIMITS.maxRate) {
    throw new UsageError(`--rate must be a rate from above 0 to ${CAPACITY_LIMITS.maxRate} events/s, got ${String(rate)}`);
  }
  const durationMs = optionInRange('--duration', options.durationMs ?? CAPACITY_DEFAULTS.durationMs);
  const outageMs = options.outageMs === false ? undefined : optionInRange('--outage', options.outageMs ?? CAPACITY_DEFAULTS.outageMs);
  const retryBaseMs = optionInRange('--retry-base-ms', options.retryBaseMs ?? gridx.retry.baseDelayMs);
  const maxInFlight = optionInRange('--max-in-flight', options.maxInFlight ?? 256);
  const ramp = options.findMax;
  let findMax: CapacityRunSettings['findMax'];
  if (ramp !== false) {
    const maxRate = ramp?.maxRate ?? Math.min(CAPACITY_LIMITS.maxRate, rate * CAPACITY_DEFAULTS.overloadCeiling);
    if (!Number.isFinite(maxRate) || maxRate < rate || maxRate > CAPACITY_LIMITS.maxRate) {
      throw new UsageError(`--max-rate must be from the declared rate (${rate}/s) to ${CAPACITY_LIMITS.maxRate} events/s, got ${String(maxRate)}`);
    }
    const cooldownMs = ramp?.cooldownMs ?? CAPACITY_DEFAULTS.cooldownMs;
    if (!Number.isInteger(cooldownMs) || cooldownMs < 0 || cooldownMs > 60_000)
      throw new UsageError(`the overload probe's cooldownMs must be a whole number from 0 to 60000, got ${String(cooldownMs)}`);
    const stepMs = optionInRange('--step', ramp?.stepMs ?? CAPACITY_DEFAULTS.stepMs);
    const budgetMs = ramp?.budgetMs ?? CAPACITY_DEFAULTS.probeBudgetMs;
    if (!Number.isInteger(budgetMs) || budgetMs < stepMs || budgetMs > CAPACITY_LIMITS.maxDurationMs) {
      throw new UsageError(`the overload probe's budgetMs must be a whole number from its step (${stepMs}) to ${CAPACITY_LIMITS.maxDurationMs}, got ${String(budgetMs)}`);
    }
    findMax = { startRate: rate, maxRate, stepMs, cooldownMs, budgetMs };
  }
  if (outageMs !== undefined && (rate * (outageMs * 1.1 + durationMs)) / 1000 > CAPACITY_LIMITS.maxBurstEvents) {
    throw new UsageError(`the recovery burst would hold more than ${CAPACITY_LIMITS.maxBurstEvents} events: lower --rate, --outage or --duration`);
  }
  return { rate, durationMs, ...(outageMs !== undefined ? { outageMs } : {}), ...(findMax !== undefined ? { findMax } : {}), retryBaseMs, maxInFlight };
}

async function runCapacityStage(input: CapacityStageInput): Promise<CapacityStageResult> {
  const { settings } = input;
  const began = Date.now();
  const report = await runCapacity({
    // The conformance checks ran first; CAP-1..3 are blocked by them, not by a preflight of capacity's own.
    preflight: false,
    url: input.url,
    secrets: input.secrets,
    allowHttp: input.allowHttp,
    engine: input.engine,
    types: input.types,
    seed: input.seed,
    rate: settings.rate,
    durationMs: settings.durationMs,
    ...(settings.findMax !== undefined ? { findMax: settings.findMax } : {}),
    ...(settings.outageMs !== undefined ? { outageMs: settings.outageMs } : {}),
    retryBaseMs: settings.retryBaseMs,
    maxInFlight: settings.maxInFlight,
    ...(input.headers !== undefined ? { headers: input.headers } : {}),
    ...(input.signal !== undefined ? { signal: input.signal } : {}),
    onProgress: (p) => input.onProgress?.({ kind: 'capacity', ...p }),
  });
  const elapsedMs = Date.now() - began;
  // The events are rebuilt from the same seed for the failures' replayable requests.
  const feed = createEventFeed(input.engine, { seed: input.seed, types: input.types });
  const checks = CAPACITY_CHECKS.map((check) => checkReport(check, report, input, feed, elapsedMs));
  return { checks, section: section(settings, report, input.signal?.aborted === true) };
}

/** The measurements, as report.json's `capacity` holds them (capacity.json's shapes; see evidence/capacitySection.ts). */
function section(settings: CapacityRunSettings, report: CapacityReport, aborted: boolean): CapacitySection {
  const unfinished = aborted ? unfinishedRequirements(settings, report) : [];
  return {
    settings,
    phases: report.phases,
    ...(report.findMax !== undefined ? { findMax: report.findMax } : {}),
    ...(report.recovery !== undefined ? { recovery: report.recovery } : {}),
    ...(unfinished.length > 0 ? { interrupted: { unfinished } } : {}),
  };
}

/**
 * After a signal stopped the run: the requirements the settings asked for whose phase was cut
 * short (marked `interrupted`) or never ran, in CAP order.
 */
function unfinishedRequirements(settings: CapacityRunSettings, report: CapacityReport): CapacityCheck['requirement'][] {
  const judged = (requirement: CapacityCheck['requirement']): boolean => report.requirements.some((r) => r.requirement === requirement);
  const declared = report.phases.find((p) => p.name === 'declared rate');
  const ramp = report.phases.filter((p) => p.name.startsWith('find-max'));
  const unfinished: CapacityCheck['requirement'][] = [];
  if (declared === undefined || declared.interrupted) unfinished.push('CAP-1');
  if (settings.outageMs !== undefined && (!judged('CAP-2') || report.recovery?.interrupted === true)) unfinished.push('CAP-2');
  if (settings.findMax !== undefined && (!judged('CAP-3') || ramp.some((p) => p.interrupted))) unfinished.push('CAP-3');
  return unfinished;
}

const NOT_EXERCISED: Readonly<Record<CapacityCheck['requirement'], string>> = {
  'CAP-1': 'not exercised: the run was stopped before the declared rate was offered',
  'CAP-2': 'not exercised: no outage was declared (the capacity option outageMs: false)',
  'CAP-3': 'not exercised: no overload probe (the capacity option findMax: false)',
};

function checkReport(check: CapacityCheck, report: CapacityReport, input: CapacityStageInput, feed: EventFeed, elapsedMs: number): CheckReport {
  const base = { id: check.id, title: check.title, requirement: check.requirement, severity: check.severity };
  const judgement = report.requirements.find((r) => r.requirement === check.requirement);
  const ramp = report.phases.filter((p) => p.name.startsWith('find-max'));
  const declared = report.phases.find((p) => p.name === 'declared rate');
  const rampMs = ramp.reduce((sum, p) => sum + p.durationMs, 0);
  const recovery = report.recovery;
  const cases =
    check.requirement === 'CAP-1'
      ? (declared?.sent ?? 0)
      : check.requirement === 'CAP-3'
        ? ramp.reduce((sum, p) => sum + p.sent, 0)
        : recovery !== undefined
          ? recovery.backlog + recovery.duplicates + recovery.live
          : 0;
  // A phase's durationMs is its planned length: a phase a signal cut short took less, and the three
  // together never more than the capacity part took.
  const declaredMs = Math.min(declared?.durationMs ?? 0, elapsedMs);
  const probeMs = Math.min(rampMs, elapsedMs - declaredMs);
  const durationMs = check.requirement === 'CAP-1' ? declaredMs : check.requirement === 'CAP-3' ? probeMs : Math.max(0, elapsedMs - declaredMs - probeMs);
  if (judgement === undefined) {
    const note = input.signal?.aborted === true ? 'not exercised: the run was stopped (signal) before this phase' : NOT_EXERCISED[check.requirement];
    return { ...base, status: 'skip', cases, durationMs, failures: [], note };
  }
  const judged = judgement.summary;
  const bound = check.requirement === 'CAP-3' && report.findMax !== undefined ? probeBoundText(report.findMax) : undefined;
  const note = bound === undefined ? judged : `${judged}; ${bound}`;
  return { ...base, status: statusOf(judgement, check), cases, durationMs, failures: failuresOf(check, judgement, input, feed), note };
}

/** The runner's rule: a failed recommended requirement is a warning, never a failed verdict. */
function statusOf(judgement: CapacityJudgement, check: CapacityCheck): CheckReport['status'] {
  switch (judgement.status) {
    case 'fail':
      return check.severity === 'required' ? 'fail' : 'warn';
    case 'skipped':
      return 'skip';
    default:
      return judgement.status;
  }
}

const EXPECTED: Readonly<Record<CapacityCheck['requirement'], string>> = {
  'CAP-1': `a success status (200, 201, 202 or 204) within ${gridx.deadlineMs / 1000} s of its scheduled time`,
  'CAP-2': `a success status within gridX's ${gridx.retry.retries} retries, never a permanent refusal`,
  'CAP-3': `a fast transient status (429 or 503) or a success, within ${gridx.deadlineMs / 1000} s`,
};

/** The judgement's first failures as the report's failures: each with its replayable request and the receiver's answer. */
function failuresOf(check: CapacityCheck, judgement: CapacityJudgement, input: CapacityStageInput, feed: EventFeed): Failure[] {
  if (judgement.status !== 'fail') return [];
  return judgement.failures.flatMap((sample, n) => {
    const event = feed.eventWithId(sample.id);
    if (event === undefined) return [];
    const id = `${check.id}#${n + 1}`;
    const request = recordRequest(
      { body: event.body, ...(input.headers !== undefined ? { headers: input.headers } : {}), signature: sign(event.body, input.secrets) },
      input.secrets,
    );
    return [
      {
        case: id,
        label: `event ${sample.id} due at ${sample.scheduledAtMs} ms (${sample.type})`,
        eventType: sample.type,
        expected: EXPECTED[check.requirement],
        actual: actualOf(sample),
        answer: answerOf(sample, input.secrets),
        reproduce: reproduction(input.url, input.reportPath, id, request),
        request,
      },
    ];
  });
}

function actualOf(sample: CapacitySample): string {
  const after = `after ${sample.latencyMs} ms from its scheduled time`;
  if (sample.outcome === 'timeout') return `timeout ${after}`;
  if (sample.outcome === 'error') return `error: ${sample.error ?? 'no usable answer'} ${after}`;
  return `${sample.status ?? '?'} ${sample.outcome} ${after}`;
}

// A sample keeps at most this many characters of the answer body (loadPhase.ts).
const SAMPLE_ANSWER_CHARS = 300;

/** The receiver's answer as the report keeps every answer: redacted, control characters escaped. */
function answerOf(sample: CapacitySample, secrets: readonly string[]): ReceiverAnswer {
  const safe = (text: string): string => redactSecrets(terminalSafe(redactSecrets(text, secrets)), secrets);
  return {
    ...(sample.status !== undefined ? { status: sample.status } : {}),
    outcome: sample.outcome,
    headers: sample.retryAfter !== undefined ? { 'retry-after': safe(sample.retryAfter) } : {},
    body: safe(sample.answer),
    bodyBytes: Buffer.byteLength(sample.answer),
    bodyTruncated: sample.answer.length >= SAMPLE_ANSWER_CHARS,
    ...(sample.error !== undefined || sample.outcome === 'timeout'
      ? { error: { code: sample.outcome === 'timeout' ? ('TIMEOUT' as const) : ('OTHER' as const), message: safe(sample.error ?? 'no answer in time') } }
      : {}),
    durationMs: sample.latencyMs,
  };
}
