import type { CheckReport } from '../../evidence/certificationReport';
import { formatDuration } from '../../text/formatDuration';
import { statusLabel } from '../text/statusLabel';
import { plural } from '../../text/plural';
import { statusStyle, type Paint } from './ansi';

/**
 * A finished check on one line, grep-friendly and the same in CI logs and on a terminal:
 * `PASS  sig-wrong-secret  SIG-3  40 cases  0.3 s`, with the failure count or the note after it.
 */
export function checkLine(check: CheckReport, paint: Paint, withNote = true): string {
  const word = statusLabel(check.status).padEnd(4);
  const parts = [paint(statusStyle(check.status), word), check.id, check.requirement, plural(check.cases, 'case'), formatDuration(check.durationMs)];
  if (check.failures.length > 0) parts.push(plural(check.failures.length, 'failure'));
  if (withNote && check.note !== undefined && check.status !== 'pass') parts.push(`(${check.note})`);
  return parts.join('  ');
}
