import type { Check, CheckOutcome } from '../checks/check';
import type { CasePlan, Failure } from '../evidence/failure';
import { blockedNote, mergeBlocked } from '../checks/blockedTally';
import type { CheckContext, OutgoingCase, OutgoingPlan, PropertyOutcome } from '../checks/checkContext';
import { goneSkipNote } from '../checks/goneMessage';
import { recordRequest } from '../evidence/recordedRequest';
import { describeResult, type DeliveryClient, type DeliveryResult } from '../delivery';
import { captureAnswer, type AnswerLedger } from '../findings';
import { caseKind } from '../findings/caseKind';
import { sign } from '../signing';
import type { CoverageRecorder } from './coverage';
import { reproduction } from '../checks/reproduce';
import { scrubSignatureMaterial, signatureMaterial } from '../findings/scrubSignatureMaterial';
import type { RunState } from './runState';
import { InconclusiveTally, inconclusiveNote } from '../checks/inconclusiveTally';
import { forAll } from './forAll';

/** What a check context is made from: the check-facing settings as the check sees them, and the run's plumbing. */
export interface ContextSettings extends Pick<
  CheckContext,
  'engine' | 'secrets' | 'types' | 'deprecatedTypes' | 'runs' | 'seed' | 'timeoutMs' | 'maxEventBytes' | 'concurrency' | 'retryBaseDelayMs'
> {
  readonly client: DeliveryClient;
  readonly url: string;
  readonly allowHttp: boolean;
  readonly reportPath: string;
  readonly coverage: CoverageRecorder;
  readonly state: RunState;
  /** Every answer of the run, for findings and set-up hints. */
  readonly answers?: AnswerLedger;
  readonly onCase?: (sent: number, failures: number) => void;
}

/** The context one check runs in; it counts the check's cases and numbers its failures. */
export function createCheckContext(check: Check, settings: ContextSettings): CheckContext {
  let sent = 0;
  let failureCount = 0;
  let timeouts = 0;
  const headerName = settings.engine.catalogue.signatureHeader.name;
  const mediaType = settings.engine.catalogue.mediaType;

  const stopReason = (): string | undefined => {
    if (settings.state.gone !== undefined) return goneSkipNote(settings.state.gone.caseLabel, 'stopped');
    if (timeouts >= settings.state.timeoutBudget()) return `the receiver timed out ${timeouts} time(s); remaining cases were not sent`;
    return undefined;
  };

  const send = async (outgoing: OutgoingCase): Promise<DeliveryResult> => {
    const headers: Record<string, string> = { 'content-type': mediaType, ...(outgoing.headers ?? {}) };
    if (outgoing.signature !== undefined) headers[headerName] = outgoing.signature;
    settings.coverage.record(outgoing.eventType, outgoing.variant);
    // A receiver's answer never brings a working signature into the report (an echoed header, the digest it expected).
    const result = scrubSignatureMaterial(await settings.client.send({ url: settings.url, body: outgoing.body, headers }), () =>
      signatureMaterial(outgoing.body, outgoing.signature, settings.secrets, outgoing.signedBody),
    );
    sent += 1;
    settings.answers?.record(outgoing.variant, outgoing.eventType, result, outgoing.body);
    // A timeout hookproof's own stall may explain is not the receiver's: it does not count towards giving up.
    if (result.outcome === 'timeout' && result.inconclusive === undefined) {
      timeouts += 1;
      settings.state.consecutiveTimeouts += 1;
    } else {
      settings.state.consecutiveTimeouts = 0;
    }
    // gridX never sends a forged request, so a 410 to one deletes nothing: it is that signature
    // check's wrong answer (expected 401), judged like any other, and the run goes on.
    if (result.outcome === 'gone' && caseKind(outgoing.variant) !== 'forged') settings.state.gone ??= { caseLabel: outgoing.label };
    settings.onCase?.(sent, failureCount);
    return result;
  };

  const failure = (outgoing: OutgoingCase, result: DeliveryResult, expected: string, outgoingPlan?: OutgoingPlan): Failure => {
    failureCount += 1;
    const id = `${check.id}#${failureCount}`;
    const request = recordRequest(outgoing, settings.secrets);
    const plan: CasePlan | undefined =
      outgoingPlan === undefined
        ? undefined
        : {
            deliveries: outgoingPlan.deliveries.map((d) => ({
              role: d.role,
              label: d.outgoing.label,
              ...(d.batch !== undefined ? { batch: d.batch } : {}),
              request: d.outgoing === outgoing ? request : recordRequest(d.outgoing, settings.secrets),
            })),
            ...(outgoingPlan.retries !== undefined ? { retries: outgoingPlan.retries } : {}),
          };
    const label = outgoing.eventType === undefined ? outgoing.label : `${outgoing.label} (${outgoing.eventType})`;
    return {
      case: id,
      label,
      expected,
      actual: describeResult(result),
      reproduce: reproduction(settings.url, settings.reportPath, id, request, plan),
      request,
      ...(plan !== undefined ? { plan } : {}),
      answer: captureAnswer(result, settings.secrets),
      variant: outgoing.variant,
      ...(outgoing.eventType !== undefined ? { eventType: outgoing.eventType } : {}),
    };
  };

  const outcome = (parts: readonly PropertyOutcome[], note?: string): CheckOutcome => {
    const failures = parts.flatMap((p) => p.failures);
    const cases = parts.reduce((sum, p) => sum + p.cases, 0);
    const stopped = parts.map((p) => p.stoppedEarly).find((r) => r !== undefined);
    const judged = parts.reduce((sum, p) => sum + (p.judged ?? p.cases), 0);
    const blocked = mergeBlocked(parts.map((p) => p.blocked));
    const inconclusive = InconclusiveTally.merge(parts.map((p) => p.inconclusive));
    if (failures.length === 0 && inconclusive !== undefined) {
      // Nothing failed, but some case could not be judged cleanly: hookproof's own stall, not the receiver's.
      const notes = [inconclusiveNote(inconclusive), note, stopped].filter((n): n is string => n !== undefined);
      return { status: 'inconclusive', cases, failures, note: notes.join('; ') };
    }
    if (failures.length === 0 && judged === 0 && blocked !== undefined) {
      const notes = [blockedNote(blocked), note, stopped].filter((n): n is string => n !== undefined);
      return { status: 'blocked', cases, failures, note: notes.join('; '), blockedBy: blocked.by };
    }
    const partly = blocked === undefined ? undefined : `${blocked.count} case(s) not judged, ${blockedNote(blocked)}`;
    const notes = [note, partly, stopped].filter((n): n is string => n !== undefined);
    const status = failures.length > 0 ? 'fail' : judged === 0 ? 'skip' : 'pass';
    return { status, cases, failures, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
  };

  return {
    engine: settings.engine,
    secrets: settings.secrets,
    types: settings.types,
    deprecatedTypes: settings.deprecatedTypes,
    runs: settings.runs,
    seed: settings.seed,
    timeoutMs: settings.timeoutMs,
    maxEventBytes: settings.maxEventBytes,
    concurrency: settings.concurrency,
    target: { url: settings.url, allowHttp: settings.allowHttp },
    retryBaseDelayMs: settings.retryBaseDelayMs,
    sign: (body) => sign(body, settings.secrets),
    send,
    forAll: (spec) => forAll({ check, seed: settings.seed, runs: settings.runs, maxEventBytes: settings.maxEventBytes, send, stopReason, failure }, spec),
    failure: (outgoing, result, expected) => failure(outgoing, result, expected),
    outcome,
  };
}
