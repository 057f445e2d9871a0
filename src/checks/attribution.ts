import { describeResult, type DeliveryResult } from '../delivery';
import type { Judgement, OutgoingCase, WrongDelivery } from './checkContext';
import type { RequirementId } from '../contract/requirements';
import { labelExpectation, SIGNATURE_LABELS, type SignatureLabel } from '../contract/signatureLabels';

/**
 * Attribution: a refused case counts only against the requirement it is about. When a correctly
 * signed, valid event in gridX's canonical form is not accepted, what failed is the most basic
 * requirement that answer breaks, and every check that needed such an event accepted to judge its
 * own cases is blocked by it rather than failed:
 *
 * - no HTTP answer (timeout, reset, refused, not HTTP): DLV-1; a TLS failure: TLS-1
 * - a redirect: DLV-3; a 2xx other than 200/201/202/204: DLV-2
 * - 401: SIG-1 (the receiver refused a valid digest); 410: GONE-1 (gridX deletes the subscription)
 * - 413: EVT-4 (the body is within the run's size budget, and gridX's events can be that large)
 * - any other refusal (4xx, 5xx): EVT-1 (the receiver refused a valid event)
 */
export function blockerOf(result: DeliveryResult): RequirementId {
  if (result.outcome === 'timeout') return 'DLV-1';
  if (result.outcome === 'error') return result.error?.code === 'TLS_UNTRUSTED' || result.error?.code === 'TLS_ERROR' ? 'TLS-1' : 'DLV-1';
  const status = result.status ?? 0;
  if (status >= 300 && status < 400) return 'DLV-3';
  if (status >= 200 && status < 300) return 'DLV-2';
  if (status === 401) return 'SIG-1';
  if (result.outcome === 'gone') return 'GONE-1';
  if (status === 413) return 'EVT-4';
  return 'EVT-1';
}

/** What a blocking answer means, for the blocked check's note. */
export function blockerReason(result: DeliveryResult, about = 'a correctly signed valid event'): string {
  const answer = describeResult(result);
  switch (blockerOf(result)) {
    case 'DLV-1':
      return `${about} got no answer (${answer})`;
    case 'TLS-1':
      return `no TLS connection could be made (${answer})`;
    case 'DLV-3':
      return `${about} was redirected (${answer})`;
    case 'DLV-2':
      return `${about} got a non-standard success status (${answer})`;
    case 'SIG-1':
      return `${about} was refused as unauthenticated (${answer})`;
    case 'EVT-4':
      return `${about} was refused as too large (${answer})`;
    default:
      return `${about} was refused (${answer})`;
  }
}

/**
 * The judgement of a case that a conformant receiver accepts, for the check of requirement `own`:
 * a success passes; a refusal whose blocker is `own` fails; any other refusal is not this check's
 * to judge (blocked by what it breaks).
 */
export function judgeAcceptance(own: RequirementId, result: DeliveryResult, expected = 'a success status (200, 201, 202 or 204) in time'): Judgement {
  if (result.outcome === 'success') return { ok: true, expected };
  const blocker = blockerOf(result);
  if (blocker === own) return { ok: false, expected };
  return { ok: false, expected, blockedBy: blocker, why: blockerReason(result) };
}

/**
 * Whether an answer says there is no webhook endpoint here (404, 405), or that the body is too
 * large for it (413), answers given before any signature is looked at: a forged request answered
 * so counts against its signature requirement only if a correctly signed one is answered otherwise.
 */
export function endpointMissing(result: DeliveryResult): boolean {
  return result.status === 404 || result.status === 405 || result.status === 413;
}

/**
 * Whether a case, by its coverage variant, is one a conformant receiver accepts: a valid event
 * ("valid", "valid:<how>"), correctly signed in any accepted form ("signature:<accepted label>",
 * SIG-8's "signature:raw-body").
 */
export function acceptedCase(variant: string | undefined): boolean {
  if (variant === undefined) return false;
  if (variant === 'valid' || variant.startsWith('valid:') || variant === 'signature:raw-body') return true;
  const label = variant.startsWith('signature:') ? variant.slice('signature:'.length) : undefined;
  return label !== undefined && (SIGNATURE_LABELS as readonly string[]).includes(label) && labelExpectation(label as SignatureLabel) === 'accept';
}

/**
 * A 413 to a case a conformant receiver accepts is EVT-4's: its body is within the run's size
 * budget, and only its size can explain the refusal (the same event smaller is the control that
 * shows it). Any other check's case answered so is blocked by EVT-4; undefined otherwise.
 */
export function tooLargeJudgement(variant: string | undefined, result: DeliveryResult, expected: string): Judgement | undefined {
  return result.status === 413 && acceptedCase(variant)
    ? blockedJudgement(expected, 'EVT-4', blockerReason(result, 'a correctly signed valid event within the body-size budget'))
    : undefined;
}

/**
 * Whether an answer to a forged request may say nothing about its signature: no endpoint here
 * (404, 405) or a redirect (gridX follows none, DLV-3). Such a forged request counts against its
 * signature requirement only if the same body, correctly signed, is answered otherwise; a receiver
 * that redirects everything has its forged-request checks blocked by DLV-3, not failed.
 */
export function forgedAnswerNeedsControl(result: DeliveryResult): boolean {
  return endpointMissing(result) || blockerOf(result) === 'DLV-3';
}

/** A judgement that cannot judge: the case's answer is some more basic requirement's to fail. */
export function blockedJudgement(expected: string, by: RequirementId, why: string): Judgement {
  return { ok: false, expected, blockedBy: by, why };
}

/** A scenario that could not be judged: its control delivery got `result`, which breaks something more basic. */
export function blockedDelivery(outgoing: OutgoingCase, result: DeliveryResult, expected: string, about: string): WrongDelivery {
  return { outgoing, result, expected, blockedBy: blockerOf(result), why: blockerReason(result, about) };
}
