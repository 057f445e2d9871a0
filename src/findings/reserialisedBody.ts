import type { Failure } from '../evidence/failure';
import { acceptedCase } from '../checks/attribution';
import type { RequirementId } from '../contract/requirements';
import type { CheckReport } from '../evidence/certificationReport';
import type { Finding } from '../evidence/Finding';
import { describeAnswer } from './describeAnswer';
import { RESERIALISERS, parsedBody } from './reserialisers';

/** What a receiver that verifies a re-serialised body must change. */
export const RAW_BODY_HINT = 'verify the raw request bytes, not a re-serialised body';

/**
 * Attribution rule for a receiver that verifies a re-serialised body (`reserialisedBy`, from the
 * run's evidence: the correctly signed valid events it refused are exactly those whose bytes the
 * re-serialisation changes). Such refusals are SIG-8's, whichever check's cases they were: each
 * failure of another check that is a refused valid event whose bytes change moves to SIG-8's check,
 * which fails with the hint; a check left with no failure of its own is blocked by SIG-8, and so are
 * the checks that were blocked by it. Without such evidence (or without SIG-8 in the run) the checks
 * are returned unchanged.
 */
export function reattributeReserialised(checks: readonly CheckReport[], reserialisedBy: string | undefined): CheckReport[] {
  const reserialiser = RESERIALISERS.find((r) => r.name === reserialisedBy);
  const own = checks.find((c) => c.requirement === 'SIG-8');
  if (reserialiser === undefined || own === undefined) return [...checks];
  const changed = (failure: Failure): boolean => {
    const answer = failure.answer;
    if (!acceptedCase(failure.variant) || failure.request.truncated !== undefined || answer?.status === undefined || answer.outcome === 'success' || answer.status === 413)
      return false;
    const text = Buffer.from(failure.request.bodyBase64, 'base64').toString('utf8');
    return reserialiser.changes(text, parsedBody(text));
  };
  const moved: Failure[] = [];
  const emptied = new Set<string>();
  const why = `the correctly signed valid events the receiver refused are exactly those whose bytes differ from ${reserialiser.name}`;
  const updated = checks.map((check): CheckReport => {
    if (check === own) return check;
    const theirs = check.failures.filter(changed);
    if (theirs.length === 0) return check;
    moved.push(...theirs);
    const mine = check.failures.filter((f) => !changed(f));
    if (mine.length > 0) return { ...check, failures: mine };
    emptied.add(check.requirement);
    const { note: _note, ...rest } = check;
    return { ...rest, status: 'blocked', failures: [], blockedBy: ['SIG-8'], note: `blocked by SIG-8: ${why}; its refused cases are SIG-8's` };
  });
  if (moved.length === 0 && own.status !== 'fail') return updated;
  return updated.map((check): CheckReport => {
    if (check === own) {
      const { blockedBy: _blockedBy, ...rest } = own;
      return { ...rest, status: 'fail', failures: [...own.failures, ...moved], note: `${RAW_BODY_HINT}: ${why}` };
    }
    const by = check.blockedBy ?? [];
    if (check.status !== 'blocked' || !by.some((id) => emptied.has(id))) return check;
    const repointed = [...new Set(by.map((id): RequirementId => (emptied.has(id) ? 'SIG-8' : id)))];
    const reason = (check.note ?? '').replace(/^blocked by [^:]*: /, '');
    return { ...check, blockedBy: repointed, note: `blocked by ${repointed.join(', ')}: ${reason}` };
  });
}

/**
 * The finding of SIG-8 alone, when the evidence shows a re-serialising receiver, is titled with
 * the cause and the fix; other findings are returned unchanged.
 */
export function explainReserialised(findings: readonly Finding[], reserialisedBy: string | undefined): Finding[] {
  if (reserialisedBy === undefined) return [...findings];
  return findings.map((finding) =>
    finding.explains.length === 1 && finding.explains[0] === 'SIG-8'
      ? {
          ...finding,
          title: `Valid events whose bytes differ from ${reserialisedBy} are refused${finding.answer !== undefined ? `: ${describeAnswer(finding.answer)}` : ''}. The receiver verifies a re-serialised body: ${RAW_BODY_HINT}`,
        }
      : finding,
  );
}
