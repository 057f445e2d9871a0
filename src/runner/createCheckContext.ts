import fc from 'fast-check';
import type { Check, CheckOutcome } from '../checks/check';
import type { CasePlan, Failure } from '../evidence/failure';
import { blockerOf, blockerReason, tooLargeJudgement } from '../checks/attribution';
import { BlockedTally, blockedNote, mergeBlocked } from '../checks/blockedTally';
import type { CheckContext, Judgement, OutgoingCase, OutgoingPlan, PropertyOutcome, PropertySpec } from '../checks/checkContext';
import { goneSkipNote } from '../checks/goneMessage';
import { recordRequest } from '../evidence/recordedRequest';
import { describeResult, type DeliveryResult } from '../delivery';
import { captureAnswer, type AnswerLedger } from '../findings';
import { caseKind } from '../findings/caseKind';
import { sign } from '../signing';
import { caseSeed } from '../arbitraries/caseSeed';
import type { CoverageRecorder } from './coverage';
import { reproduction } from '../checks/reproduce';
import { scrubSignatureMaterial, signatureMaterial } from '../findings/scrubSignatureMaterial';
import type { RunState } from './runState';
import { InconclusiveTally, inconclusiveNote } from '../checks/inconclusiveTally';

/** What a check context is made from: the check-facing settings as the check sees them, and the run's plumbing. */
export interface ContextSettings extends Pick<
  CheckContext,
  'engine' | 'client' | 'secrets' | 'types' | 'deprecatedTypes' | 'runs' | 'seed' | 'timeoutMs' | 'maxEventBytes' | 'concurrency' | 'retryBaseDelayMs'
> {
  readonly url: string;
  readonly allowHttp: boolean;
  readonly reportPath: string;
  readonly coverage: CoverageRecorder;
  readonly state: RunState;
  /** Every answer of the run, for findings and set-up hints. */
  readonly answers?: AnswerLedger;
  readonly onCase?: (sent: number, failures: number) => void;
}

// Deliveries spent shrinking one failure. A receiver that fails every case (resets, TLS, garbage)
// would otherwise be sent a whole shrink path, hundreds of requests, for one finding.
export const SHRINK_BUDGET = 30;

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

  /** The case's judgement; a wrong answer is checked against the case's control, when it has one. */
  const judgeCase = async <T>(
    spec: PropertySpec<T>,
    value: T,
    outgoing: OutgoingCase,
    result: DeliveryResult,
    onSent: () => void,
  ): Promise<{ judgement: Judgement; control?: OutgoingCase }> => {
    const judgement = spec.judge(value, result);
    if (judgement.ok || judgement.blockedBy !== undefined) return { judgement };
    const tooLarge = check.requirement === 'EVT-4' ? undefined : tooLargeJudgement(outgoing.variant, result, judgement.expected);
    if (tooLarge !== undefined) return { judgement: tooLarge };
    if (spec.control === undefined) return { judgement };
    const control = spec.control(value, result);
    if (control === undefined) return { judgement };
    const controlResult = await send(control);
    onSent();
    // A control refused for what this very check is about (EVT-4's plain event refused as too
    // large) blocks nothing: the case is this check's.
    if (controlResult.outcome === 'success' || blockerOf(controlResult) === check.requirement) return { judgement, control };
    const blocker = control.refusalBreaks !== undefined && controlResult.status === 401 ? control.refusalBreaks : blockerOf(controlResult);
    return { judgement: { ...judgement, blockedBy: blocker, why: blockerReason(controlResult, control.label) }, control };
  };

  /** The plan of a forAll case: its setup deliveries, the case, and its control; undefined for the case alone. */
  const propertyPlan = (setup: readonly OutgoingCase[], outgoing: OutgoingCase, control: OutgoingCase | undefined): OutgoingPlan | undefined =>
    setup.length === 0 && control === undefined
      ? undefined
      : {
          deliveries: [
            ...setup.map((s) => ({ role: 'setup' as const, outgoing: s })),
            { role: 'judged' as const, outgoing },
            ...(control !== undefined ? [{ role: 'control' as const, outgoing: control }] : []),
          ],
        };

  const forAll = async <T>(spec: PropertySpec<T>): Promise<PropertyOutcome> => {
    let cases = 0;
    let judged = 0;
    const blocked = new BlockedTally();
    let casesAtFirstFailure: number | undefined;
    let last: { outgoing: OutgoingCase; result: DeliveryResult; expected: string; control?: OutgoingCase } | undefined;
    let stoppedEarly: string | undefined;
    // The body-size budget holds for every case whatever its arbitrary: a case too large is
    // never drawn (the arbitraries aim below the budget, so this rarely drops one). Each case is
    // made once, when drawn, and sent as made.
    const drawn = spec.arbitrary.map((value) => ({ value, outgoing: spec.toCase(value) })).filter(({ outgoing }) => outgoing.body.length <= settings.maxEventBytes);
    const stalled = new InconclusiveTally();
    const details = await fc.check(
      fc.asyncProperty(drawn, async ({ value, outgoing }) => {
        const shrinkSpent = casesAtFirstFailure === undefined ? 0 : cases - casesAtFirstFailure;
        const reason = stopReason() ?? (shrinkSpent >= SHRINK_BUDGET ? `shrinking stopped after ${SHRINK_BUDGET} deliveries; the failure shown may not be minimal` : undefined);
        if (reason !== undefined) {
          // Not sent: no evidence either way, so it neither fails nor lets shrinking continue.
          stoppedEarly = reason;
          return true;
        }
        const result = await send(outgoing);
        cases += 1;
        if (result.inconclusive !== undefined && !spec.judge(value, result).ok) {
          // Late while hookproof itself stalled, every time it was sent: no evidence either way.
          stalled.add(result.inconclusive);
          return true;
        }
        const { judgement, control } = await judgeCase(spec, value, outgoing, result, () => (cases += 1));
        if (judgement.blockedBy !== undefined) {
          // Not this check's to judge: it neither fails nor is evidence of a pass.
          blocked.add(judgement.blockedBy, judgement.why ?? 'something more basic fails');
          return true;
        }
        judged += 1;
        if (!judgement.ok) {
          last = { outgoing, result, expected: judgement.expected, ...(control !== undefined ? { control } : {}) };
          casesAtFirstFailure ??= cases;
        }
        return judgement.ok;
      }),
      { seed: caseSeed(settings.seed, `${check.id}/${spec.name}`), numRuns: spec.runs ?? settings.runs },
    );
    // fast-check keeps the last failing value it met while shrinking: that is `last`.
    const failures = details.failed && last !== undefined ? [failure(last.outgoing, last.result, last.expected, propertyPlan(spec.setup ?? [], last.outgoing, last.control))] : [];
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows, unchanged, what the property itself threw (a hookproof bug); fast-check types it unknown
    if (details.failed && last === undefined && details.errorInstance !== null) throw details.errorInstance;
    const blockedCases = blocked.result();
    const inconclusive = stalled.result();
    return {
      cases,
      failures,
      judged,
      ...(stoppedEarly !== undefined ? { stoppedEarly } : {}),
      ...(blockedCases !== undefined ? { blocked: blockedCases } : {}),
      ...(inconclusive !== undefined ? { inconclusive } : {}),
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
    client: settings.client,
    sign: (body) => sign(body, settings.secrets),
    stopReason,
    seedFor: (name) => caseSeed(settings.seed, `${check.id}/${name}`),
    send,
    forAll,
    failure,
    outcome,
  };
}
