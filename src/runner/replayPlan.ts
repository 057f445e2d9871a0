import type { CaseDelivery, CasePlan, DeliveryRole, Failure } from '../evidence/failure';
import type { Judgement } from '../checks/checkContext';
import { expectSuccess } from '../checks/expectations';
import type { RecordedRequest } from '../evidence/recordedRequest';
import { resignHeader, secretsNeeded } from '../evidence/signatureRecipe';
import { createDeliveryClient, deliverWithRetries, describeResult, type DeliveryClient, type DeliveryResult } from '../delivery';
import { ReportUnreadableError, UsageError } from '../errors';
import type { ReportedCheckRequirement } from '../evidence/certificationReport';
import { replayJudgement } from './replayJudgement';
import { validateTarget } from './validateTarget';
import { scrubSignatureMaterial, signatureMaterial } from '../findings/scrubSignatureMaterial';
import { gridx } from '../contract/gridx';
import { listStatuses } from '../contract/listStatuses';

/** One delivery of a replayed case: what was sent and what the receiver answers now. */
export interface ReplayedDelivery {
  readonly role: DeliveryRole;
  readonly label: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Every answer, in order (more than one when gridX's retry policy re-sent it). */
  readonly attempts: readonly DeliveryResult[];
  /** Whether this delivery is the one the report blames (its recorded answer is the report's). */
  readonly blamed: boolean;
  /** Undefined for a control, and for a delivery the replay never sent. */
  readonly judgement?: Judgement;
}

/** The whole case replayed and judged by its requirement's rule. */
export interface CaseReplay {
  readonly deliveries: readonly ReplayedDelivery[];
  /** Fixed when every setup delivery is accepted and every judged one answered as the requirement asks. */
  readonly fixed: boolean;
  /** Why not, in words; undefined when fixed. */
  readonly reason?: string;
  /** What the replay cannot know (state the receiver kept or lost), to print beside the verdict. */
  readonly notes: readonly string[];
}

export interface ReplayOptions {
  readonly url: string;
  /**
   * The target's secrets: every digest the report describes (valid, or forged from a valid one) is
   * recomputed with them. Required when the case was signed: a report keeps no digest made with a secret.
   */
  readonly secrets?: readonly string[];
  readonly timeoutMs?: number;
  /** Headers added to every delivery (`-H`). */
  readonly extraHeaders?: Readonly<Record<string, string>>;
}

// Requirements whose cases are judged only after an earlier delivery changed the receiver's state.
const NEEDS_EARLIER: ReadonlySet<string> = new Set(['DLV-4', 'DLV-5', 'DLV-6', 'DLV-7']);

/** The case's deliveries: its plan, or the one recorded request of a single-delivery case. */
export function caseDeliveries(failure: Failure, requirement: ReportedCheckRequirement): CasePlan {
  if (failure.plan !== undefined) return failure.plan;
  if (NEEDS_EARLIER.has(requirement)) {
    throw new ReportUnreadableError(
      `case "${failure.case}" is one delivery of a ${requirement} case of several, and this report (made by an older hookproof) does not record the others; the state they gave the receiver is gone, so replaying this one alone proves nothing: certify again with --checks ${requirement}`,
    );
  }
  return { deliveries: [{ role: 'judged', label: failure.label, request: failure.request }] };
}

/** The secret indexes a case needs (see SignatureRecipe). */
export function secretsNeededBy(plan: CasePlan): number[] {
  return [...new Set(plan.deliveries.flatMap((d) => secretsNeeded(d.request.signature)))].sort((a, b) => a - b);
}

function requestFor(request: RecordedRequest, secrets: readonly string[]): { headers: Record<string, string>; body: Buffer } {
  const body = Buffer.from(request.bodyBase64, 'base64');
  const header = resignHeader(request.signature, body, secrets);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...request.headers };
  if (header !== undefined) headers['x-signature'] = header;
  return { headers, body };
}

const waitedOut = (r: DeliveryResult): boolean => r.outcome === 'transient' || r.outcome === 'timeout';

/**
 * Sends every delivery of a reported case again, in order (a batch at once), and judges the whole
 * case by its requirement's rule: setup deliveries must be accepted, judged ones answered as the
 * requirement asks (under gridX's retry policy when the case was sent so); controls are sent only
 * when a judged delivery is answered wrongly, and their answers say whether something more basic fails.
 */
export async function replayCase(failure: Failure, requirement: ReportedCheckRequirement, options: ReplayOptions): Promise<CaseReplay> {
  const url = validateTarget(options.url, true);
  const plan = caseDeliveries(failure, requirement);
  const needed = secretsNeededBy(plan);
  const secrets = options.secrets ?? [];
  if (needed.length > 0 && secrets.length === 0) {
    throw new UsageError(
      `case "${failure.case}" was signed with the receiver's secret, and a report keeps no digest made with one: give the target's secret with --secret-env NAME (or set HOOKPROOF_SECRET)`,
    );
  }
  const client = createDeliveryClient({ timeoutMs: options.timeoutMs ?? gridx.deadlineMs, ...(options.extraHeaders !== undefined ? { extraHeaders: options.extraHeaders } : {}) });
  try {
    return await play(client, url, failure, requirement, plan, secrets);
  } finally {
    await client.close();
  }
}

async function play(client: DeliveryClient, url: string, failure: Failure, requirement: ReportedCheckRequirement, plan: CasePlan, secrets: readonly string[]): Promise<CaseReplay> {
  const replayed: ReplayedDelivery[] = [];
  const blamedIndex = plan.deliveries.findIndex((d) => d.role === 'judged' && d.request.bodyBase64 === failure.request.bodyBase64);
  const sendOne = async (delivery: CaseDelivery, index: number): Promise<ReplayedDelivery> => {
    const { headers, body } = requestFor(delivery.request, secrets);
    const request = { url, body, headers };
    const signedBody = delivery.request.signature.signedBodyBase64 === undefined ? undefined : Buffer.from(delivery.request.signature.signedBodyBase64, 'base64');
    // What is printed of the answers never holds a working signature (see scrubSignatureMaterial).
    const scrubbing = {
      send: async (r: typeof request) => scrubSignatureMaterial(await client.send(r), () => signatureMaterial(body, headers['x-signature'], secrets, signedBody)),
    };
    const attempts =
      delivery.role === 'judged' && plan.retries !== undefined
        ? (await deliverWithRetries(scrubbing, request, { baseDelayMs: plan.retries.baseDelayMs, shouldRetry: waitedOut })).attempts
        : [await scrubbing.send(request)];
    const final = attempts[attempts.length - 1] as DeliveryResult;
    const judgement = delivery.role === 'setup' ? expectSuccess(final) : delivery.role === 'judged' ? judgeAttempts(requirement, attempts, plan.retries !== undefined) : undefined;
    return { role: delivery.role, label: delivery.label, headers, body, attempts, blamed: index === blamedIndex, ...(judgement !== undefined ? { judgement } : {}) };
  };
  const main = plan.deliveries.map((delivery, index) => ({ delivery, index })).filter(({ delivery }) => delivery.role !== 'control');
  for (let i = 0; i < main.length;) {
    // Consecutive deliveries of one batch go at once, as they did in the run (DLV-6).
    const batch = main[i]?.delivery.batch;
    let end = i + 1;
    while (batch !== undefined && end < main.length && main[end]?.delivery.batch === batch) end += 1;
    const group = main.slice(i, end);
    replayed.push(...(await Promise.all(group.map(({ delivery, index }) => sendOne(delivery, index)))));
    i += group.length;
    const setupRefused = replayed.find((r) => r.role === 'setup' && r.judgement?.ok === false);
    if (setupRefused !== undefined)
      return verdict(replayed, requirement, `"${setupRefused.label}" must be accepted before the case can be judged, and now gets ${describeResult(last(setupRefused))}`);
  }
  const wrong = replayed.find((r) => r.role === 'judged' && r.judgement?.ok === false);
  if (wrong === undefined) return verdict(replayed, requirement, undefined);
  const controls = plan.deliveries.map((delivery, index) => ({ delivery, index })).filter(({ delivery }) => delivery.role === 'control');
  for (const { delivery, index } of controls) replayed.push(await sendOne(delivery, index));
  const refusedControl = replayed.find((r) => r.role === 'control' && last(r).outcome !== 'success');
  const reason = `${requirement} requires ${wrong.judgement?.expected ?? 'another answer'} for "${wrong.label}", which now gets ${describeResult(last(wrong))}`;
  return verdict(
    replayed,
    requirement,
    refusedControl === undefined
      ? reason
      : `${reason}; its control ("${refusedControl.label}") is refused too (${describeResult(last(refusedControl))}): something more basic fails first`,
  );
}

/** The last answer of a replayed delivery. */
export function last(delivery: ReplayedDelivery): DeliveryResult {
  return delivery.attempts[delivery.attempts.length - 1] as DeliveryResult;
}

/** A judged delivery: by the requirement's rule; under retries, every answer before the last must be transient (DLV-7). */
function judgeAttempts(requirement: ReportedCheckRequirement, attempts: readonly DeliveryResult[], retried: boolean): Judgement {
  const final = attempts[attempts.length - 1] as DeliveryResult;
  const rule = replayJudgement(requirement, final) ?? { ok: true, expected: 'not judged: not a receiver requirement' };
  if (!retried) return rule;
  const wrongEarly = attempts.slice(0, -1).some((r) => !waitedOut(r));
  return {
    ok: rule.ok && !wrongEarly,
    expected: `${rule.expected} within gridX's five retries, every earlier answer a transient status (${listStatuses(gridx.statuses.transient)}) or a timeout`,
  };
}

function verdict(replayed: readonly ReplayedDelivery[], requirement: ReportedCheckRequirement, reason: string | undefined): CaseReplay {
  const notes: string[] = [];
  if (requirement === 'DLV-4') {
    notes.push('the receiver may still hold this event id from the original run; that makes the first delivery a duplicate too, which must be accepted all the same');
  }
  if (requirement === 'DLV-7')
    notes.push('a temporary failure may not recur on demand: an accepted replay shows the delivery is accepted now, not that every hiccup is signalled right');
  if (replayed.some((r) => r.role === 'judged' && r.label.startsWith('field-changed'))) {
    notes.push('the tampered copy is judged after its original is delivered again, as in the run: a receiver that looks the id up before verifying answers it as a duplicate');
  }
  return { deliveries: replayed, fixed: reason === undefined, ...(reason !== undefined ? { reason } : {}), notes };
}
