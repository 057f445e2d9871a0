import { ChecksInvalidError } from '../errors';
import type { Check } from './check';
import { DELIVERY_CHECKS } from './delivery';
import { EVENT_CHECKS } from './events';
import { REQUIREMENTS, requirementsJudged } from '../contract/requirements';
import { SIGNATURE_CHECKS } from './signature';
import { TRANSPORT_CHECKS } from './transport';

export type { Check, CheckOutcome } from './check';
export type { CheckContext, Judgement, OutgoingCase, PropertyOutcome, PropertySpec } from './checkContext';

/**
 * The list of checks: explicit arrays per area, in report order. Validated when this module loads:
 * unique ids, each check's severity is its requirement's, every remotely testable requirement has
 * a check.
 */
const SEVERITIES = ['required', 'recommended', 'informational'] as const;

export const CHECKS: readonly Check[] = validateCatalogue([...TRANSPORT_CHECKS, ...SIGNATURE_CHECKS, ...EVENT_CHECKS, ...DELIVERY_CHECKS]);

export function validateCatalogue(checks: readonly Check[]): readonly Check[] {
  validateChecks(checks);
  const covered = new Set(checks.map((c) => c.requirement));
  // CAP-1..3 are judged by the capacity phases of a run with a declared rate, not by checks.
  const missing = requirementsJudged(false)
    .filter((r) => r.remotelyTestable && !covered.has(r.id))
    .map((r) => r.id);
  if (missing.length > 0) {
    throw new ChecksInvalidError(`no check covers ${missing.join(', ')}`);
  }
  return checks;
}

/**
 * Checks given to the library (`customChecks:` option), validated where it comes in: an array
 * of checks, each with a kebab-case id unique in it, a title, a requirement of the contract, that
 * requirement's severity, and a `run` function. It need not cover every requirement: a run over it
 * is then reported `partial`. Throws ChecksInvalidError (one line) naming the first problem.
 */
export function validateCustomChecks(checks: unknown): readonly Check[] {
  if (!Array.isArray(checks)) throw new ChecksInvalidError('customChecks must be an array of checks');
  if (checks.length === 0) throw new ChecksInvalidError('customChecks holds no check');
  checks.forEach((check: unknown, index) => {
    if (typeof check !== 'object' || check === null) throw new ChecksInvalidError(`entry ${index} is not a check object`);
    const { id, title, run } = check as Partial<Record<keyof Check, unknown>>;
    if (typeof id !== 'string') throw new ChecksInvalidError(`entry ${index} has no string id`);
    if (typeof title !== 'string' || title.trim() === '') throw new ChecksInvalidError(`check ${JSON.stringify(id)} has no title`);
    if (typeof run !== 'function') throw new ChecksInvalidError(`check ${JSON.stringify(id)} has no run function`);
  });
  validateChecks(checks as readonly Check[]);
  return checks as readonly Check[];
}

/** The rules every check obeys, in any list of checks: ids, requirements, severities. */
function validateChecks(checks: readonly Check[]): void {
  const ids = new Set<string>();
  for (const check of checks) {
    const id = JSON.stringify(check.id);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(check.id)) throw new ChecksInvalidError(`check id ${id} is not kebab-case`);
    if (ids.has(check.id)) throw new ChecksInvalidError(`duplicate check id ${id}`);
    ids.add(check.id);
    const req = REQUIREMENTS.find((r) => r.id === check.requirement);
    if (req === undefined) {
      throw new ChecksInvalidError(`check ${id} cites unknown requirement ${oneLine(check.requirement)}; known: ${REQUIREMENTS.map((r) => r.id).join(', ')}`);
    }
    if (!req.remotelyTestable) throw new ChecksInvalidError(`check ${id} cites ${req.id}, which no remote check can prove`);
    if (req.judgedWhen === 'declared-rate')
      throw new ChecksInvalidError(`check ${id} cites ${req.id}, which the capacity phases of a run with a declared rate judge (certify --rate), not a check`);
    if (!(SEVERITIES as readonly unknown[]).includes(check.severity))
      throw new ChecksInvalidError(`check ${id} has unknown severity ${oneLine(check.severity)}; known: ${SEVERITIES.join(', ')}`);
    if (req.severity !== check.severity) throw new ChecksInvalidError(`check ${id} is ${check.severity} but ${req.id} is ${req.severity}`);
  }
}

/** A value from a caller's checks, printable on the error's one line. */
function oneLine(value: unknown): string {
  return String(value).replace(/\s+/g, ' ').slice(0, 80);
}
