import type { Failure } from '../checks/check';
import { caseKind, type CaseKind } from './caseKind';
import { describeAnswer } from './describeAnswer';

/**
 * One line saying what the receiver did to which cases, in its own words:
 * `Valid events of 19 types are refused: 400 json: unknown field "accountID"`,
 * `Forged deliveries (wrong-secret, body-changed) are accepted: 204`,
 * `Valid events of 3 types are not answered in time: timeout, no complete answer within 5000 ms`.
 */
export function findingTitle(failures: readonly Failure[], eventTypes: readonly string[]): string {
  const kinds = new Set(failures.map((f) => caseKind(f.variant)));
  const kind: CaseKind = kinds.size === 1 ? ([...kinds][0] as CaseKind) : 'other';
  const first = failures[0];
  if (first === undefined) return 'No failure';
  const subject = subjectOf(kind, failures, eventTypes);
  const answer = first.answer;
  if (answer === undefined) return `${subject} are answered wrongly: ${first.actual}`;
  const described = describeAnswer(answer);
  if (answer.status === undefined) {
    const verb = answer.error?.code === 'TIMEOUT' ? 'are not answered in time' : 'get no answer';
    return `${subject} ${verb}: ${described.replace(/^no answer: /, '')}`;
  }
  if (answer.outcome === 'success') return `${subject} ${kind === 'forged' ? 'are accepted' : 'are answered'}: ${described}`;
  return `${subject} ${kind === 'valid' ? 'are refused' : 'are answered'}: ${described}`;
}

function subjectOf(kind: CaseKind, failures: readonly Failure[], eventTypes: readonly string[]): string {
  switch (kind) {
    case 'valid':
      return eventTypes.length === 1 ? `Valid events of type ${eventTypes[0] ?? ''}` : eventTypes.length > 1 ? `Valid events of ${eventTypes.length} types` : 'Valid events';
    case 'forged':
      return `Forged deliveries${labels(failures, 'signature:')}`;
    case 'invalid':
      return `Invalid events${labels(failures, 'invalid:')}`;
    case 'unknown-type':
      return 'Events of unknown types';
    case 'other':
      return 'Deliveries';
  }
}

/** Up to three of the cases' labels, e.g. " (wrong-secret, missing-header)". */
function labels(failures: readonly Failure[], prefix: string): string {
  const names = [...new Set(failures.flatMap((f) => (f.variant?.startsWith(prefix) === true ? [f.variant.slice(prefix.length)] : [])))];
  if (names.length === 0) return '';
  return ` (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
}
