import type { Failure } from '../evidence/failure';
import type { ReportedCheckRequirement } from '../evidence/certificationReport';
import { caseKind, type CaseKind } from './caseKind';
import { caseCause } from './caseCause';
import { describeAnswer } from './describeAnswer';

/**
 * One line saying what the receiver did to which cases, in its own words:
 * `Valid events of 19 types are refused: 400 json: unknown field "accountID"`,
 * `Forged deliveries (wrong-secret, body-changed) are accepted: 204`,
 * `Correctly signed events with the digest in upper-case hex are refused: 401`.
 *
 * The subject names what the cases have in common (see `caseCause`), not the event type the
 * first one happened to be made from: only a group of EVT-1 cases alone (valid events, where the
 * type is what varies) names its type.
 */
export function findingTitle(failures: readonly Failure[], eventTypes: readonly string[], explains: readonly ReportedCheckRequirement[] = []): string {
  const kinds = new Set(failures.map((f) => caseKind(f.variant)));
  const kind: CaseKind = kinds.size === 1 ? ([...kinds][0] as CaseKind) : 'other';
  const first = failures[0];
  if (first === undefined) return 'No failure';
  const subject = subjectOf(kind, failures, eventTypes, explains);
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

function subjectOf(kind: CaseKind, failures: readonly Failure[], eventTypes: readonly string[], explains: readonly ReportedCheckRequirement[]): string {
  switch (kind) {
    case 'valid': {
      const onlyRequirement = explains.length === 1 ? explains[0] : undefined;
      const causes = [...new Set(failures.map((f) => caseCause(f.variant, onlyRequirement)))].sort();
      const [cause] = causes;
      if (causes.length === 1 && cause !== undefined) return cause;
      const ofTypes = eventTypes.length > 1 ? ` of ${eventTypes.length} types` : '';
      if (explains.length === 1 && explains[0] === 'EVT-1' && eventTypes.length === 1) return `Valid events of type ${eventTypes[0] ?? ''}`;
      return `Valid events${ofTypes}`;
    }
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
  const names = [...new Set(failures.flatMap((f) => (f.variant?.startsWith(prefix) === true ? [f.variant.slice(prefix.length)] : [])))].sort();
  if (names.length === 0) return '';
  return ` (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
}
