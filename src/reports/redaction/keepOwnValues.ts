import type { CapacitySampleRecord, CapacitySection } from '../../evidence/capacitySection';
import type { CertificationReport } from '../../evidence/certificationReport';

/**
 * `redacted` with the values hookproof wrote itself put back from `original`: the tool, the spec's
 * identity, seed, options, times, verdict, summary, requirement table, coverage, the runtime and
 * connection facts, and each check's and failure's own vocabulary (ids, requirements, severities,
 * statuses, counts, case ids, variants; not labels, which may quote a sent value). Redaction is for text that came
 * from outside (answers, notes quoting them, bodies, the URL and command given); a secret that
 * happens to equal `hookproof`, `sig-rotation`, `recommended` or `127.0.0.1` must not rewrite the
 * report's own words and make it unreadable or impossible to recheck.
 */
export function keepOwnValues(original: CertificationReport, redacted: CertificationReport): CertificationReport {
  const checks = redacted.checks.map((check, n) => {
    const own = original.checks[n];
    if (own === undefined) return check;
    const failures = check.failures.map((failure, m) => {
      const source = own.failures[m];
      return source === undefined
        ? failure
        : {
            ...failure,
            case: source.case,
            ...(source.variant !== undefined ? { variant: source.variant } : {}),
            ...(source.eventType !== undefined ? { eventType: source.eventType } : {}),
          };
    });
    return {
      ...check,
      id: own.id,
      title: own.title,
      requirement: own.requirement,
      severity: own.severity,
      status: own.status,
      cases: own.cases,
      durationMs: own.durationMs,
      ...(own.blockedBy !== undefined ? { blockedBy: own.blockedBy } : {}),
      failures,
    };
  });
  const provenance =
    redacted.provenance !== undefined && original.provenance !== undefined
      ? {
          ...redacted.provenance,
          node: original.provenance.node,
          platform: original.provenance.platform,
          ...(original.provenance.connection !== undefined ? { connection: original.provenance.connection } : {}),
        }
      : redacted.provenance;
  return {
    ...redacted,
    formatVersion: original.formatVersion,
    tool: original.tool,
    spec: { ...redacted.spec, sha256: original.spec.sha256 },
    seed: original.seed,
    options: original.options,
    startedAt: original.startedAt,
    finishedAt: original.finishedAt,
    verdict: original.verdict,
    summary: original.summary,
    requirements: original.requirements,
    coverage: original.coverage,
    checks,
    ...(provenance !== undefined ? { provenance } : {}),
    ...(original.capacity !== undefined && redacted.capacity !== undefined ? { capacity: ownCapacity(original.capacity, redacted.capacity) } : {}),
  };
}

/**
 * The capacity section is hookproof's own measurements (histograms, counts, phase names) except
 * the receiver's words in its samples (answer, error, Retry-After): only those stay redacted.
 */
function ownCapacity(original: CapacitySection, redacted: CapacitySection): CapacitySection {
  const samples = (own: readonly CapacitySampleRecord[], safe: readonly CapacitySampleRecord[] | undefined): CapacitySampleRecord[] =>
    own.map((sample, i) => {
      const theirs = safe?.[i];
      if (theirs === undefined) return sample;
      return {
        ...sample,
        answer: theirs.answer,
        ...(theirs.error !== undefined ? { error: theirs.error } : {}),
        ...(theirs.retryAfter !== undefined ? { retryAfter: theirs.retryAfter } : {}),
      };
    });
  return {
    ...original,
    phases: original.phases.map((phase, i) => ({ ...phase, failures: samples(phase.failures, redacted.phases[i]?.failures) })),
    ...(original.recovery !== undefined ? { recovery: { ...original.recovery, failures: samples(original.recovery.failures, redacted.recovery?.failures) } } : {}),
  };
}
