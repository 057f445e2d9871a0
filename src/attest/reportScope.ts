import { CHECKS } from '../checks';
import type { CertificationReport } from '../evidence/certificationReport';
import { DEFAULTS } from '../runner/certifyOptions';

/** A report's scope: `full` (every check, default runs, gridX's 5 s deadline) or `partial`, naming what was narrowed. */
export interface ReportScope {
  readonly level: 'full' | 'partial';
  readonly narrowed: readonly string[];
}

/**
 * The scope a report states (`scope`), or, for a report written before it stated one, the scope
 * its options show: fewer checks than the catalogue, fewer runs than the default, another timeout.
 */
export function scopeOf(report: CertificationReport): ReportScope {
  const stated = (report as { readonly scope?: { readonly level?: unknown; readonly narrowed?: unknown } }).scope;
  if (stated !== undefined && (stated.level === 'full' || stated.level === 'partial')) {
    const narrowed = Array.isArray(stated.narrowed) ? stated.narrowed.filter((n): n is string => typeof n === 'string') : [];
    return { level: stated.level, narrowed };
  }
  const narrowed: string[] = [];
  if (report.options.checks.length < CHECKS.length) narrowed.push('checks');
  if (report.options.runs < DEFAULTS.runs) narrowed.push('runs');
  if (report.options.timeoutMs !== DEFAULTS.timeoutMs) narrowed.push('timeout');
  return { level: narrowed.length === 0 ? 'full' : 'partial', narrowed };
}
