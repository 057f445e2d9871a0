import type { CertificationReport } from '../evidence/certificationReport';

/** One target's row in the fleet index. */
export interface FleetEntry {
  readonly name: string;
  readonly url: string;
  /** The target's report directory, relative to the fleet's report directory. */
  readonly reportDir: string;
  readonly mode: 'certify' | 'recheck';
  /** `error`: hookproof could not run it (bad URL, missing secret, refused recheck); see `error`. */
  readonly verdict: 'pass' | 'fail' | 'incomplete' | 'error';
  /** For a recheck: whether the rechecked report was confirmed. */
  readonly recheck?: 'confirmed' | 'not confirmed';
  /** Requirement IDs of the failed checks, sorted. */
  readonly failingRequirements: readonly string[];
  readonly digest?: string;
  readonly error?: string;
  /** What changed since the previous run (`--previous DIR`), e.g. "pass → fail". */
  readonly change?: string;
}

/** index.json of a fleet run. */
export interface FleetIndex {
  readonly formatVersion: 1;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Which shard this run was, when the fleet was split (`--shard i/n`). */
  readonly shard?: { readonly index: number; readonly total: number };
  /** Targets in the file, and of them in this run's shard. */
  readonly targetsInFile: number;
  readonly previous?: string;
  /** `incomplete`: nothing failed but some required requirement had no judged case (no evidence, no pass). */
  readonly summary: { readonly pass: number; readonly fail: number; readonly incomplete: number; readonly error: number };
  readonly targets: readonly FleetEntry[];
}

/** A target's row from its finished report. */
export function entryFromReport(base: Pick<FleetEntry, 'name' | 'url' | 'reportDir' | 'mode'>, report: CertificationReport): FleetEntry {
  const failing = [...new Set(report.checks.filter((c) => c.status === 'fail').map((c) => c.requirement))].sort();
  return {
    ...base,
    verdict: report.verdict,
    ...(report.recheck !== undefined ? { recheck: report.recheck.verdict } : {}),
    failingRequirements: failing,
    ...(report.digest !== undefined ? { digest: report.digest } : {}),
  };
}

/** Whether a row counts as a success: passed, and (for a recheck) confirmed. */
export function entrySucceeded(entry: FleetEntry): boolean {
  return entry.verdict === 'pass' && entry.recheck !== 'not confirmed';
}

/**
 * What changed for a target since the previous run's row: "new", "unchanged", a verdict change
 * ("pass → fail"), or the requirements that started or stopped failing.
 */
export function changeSince(entry: FleetEntry, previous: FleetEntry | undefined): string {
  if (previous === undefined) return 'new';
  const parts: string[] = [];
  if (previous.verdict !== entry.verdict) parts.push(`${previous.verdict} → ${entry.verdict}`);
  if (previous.recheck !== entry.recheck && entry.recheck !== undefined) parts.push(`recheck ${entry.recheck}`);
  const was = new Set(previous.failingRequirements);
  const is = new Set(entry.failingRequirements);
  const started = entry.failingRequirements.filter((r) => !was.has(r));
  const stopped = previous.failingRequirements.filter((r) => !is.has(r));
  if (started.length > 0) parts.push(`now failing ${started.join(', ')}`);
  if (stopped.length > 0) parts.push(`fixed ${stopped.join(', ')}`);
  return parts.length === 0 ? 'unchanged' : parts.join('; ');
}
