import { maskUrlCredentials } from '../../../redaction/maskUrlCredentials';
import { requirementOf } from '../requirementOf';
import type { HttpVerificationResult } from '../verificationResult';

/** What `pact verify --report-dir` writes to report.json: plain data, stable keys. */
export interface PactVerificationReport {
  readonly kind: 'hookproof-pact-verification';
  readonly tool: { readonly name: 'hookproof'; readonly version: string };
  /** The receiver's URL (credentials are refused, so there are none to hide). */
  readonly target: { readonly url: string };
  /** The pacts verified: files, URLs, or the broker and provider name. */
  readonly sources: readonly string[];
  readonly verdict: 'pass' | 'fail';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly summary: { readonly interactions: number; readonly passed: number; readonly failed: number; readonly pending: number };
  readonly interactions: ReadonlyArray<{
    readonly description: string;
    /** The requirement ID the description starts with, e.g. "SIG-8", or "" for another pact's interaction. */
    readonly requirement: string;
    readonly status: 'pass' | 'fail' | 'pending';
    readonly problems: readonly string[];
    readonly answer?: string;
  }>;
}

/** The report of one verification run. Pure: the caller redacts and writes. */
export function verificationReport(
  result: HttpVerificationResult,
  facts: { readonly version: string; readonly url: string; readonly sources: readonly string[]; readonly startedAt: Date; readonly finishedAt: Date },
): PactVerificationReport {
  const interactions = result.interactions.map((verdict) => ({
    description: verdict.description,
    requirement: requirementOf(verdict.description),
    status: verdict.passed ? ('pass' as const) : verdict.pending === true ? ('pending' as const) : ('fail' as const),
    problems: verdict.problems,
    ...(verdict.answer !== undefined ? { answer: verdict.answer } : {}),
  }));
  const count = (status: 'pass' | 'fail' | 'pending'): number => interactions.filter((i) => i.status === status).length;
  return {
    kind: 'hookproof-pact-verification',
    tool: { name: 'hookproof', version: facts.version },
    // Credentials are refused in the receiver's URL, but a pact URL or a broker URL may carry them.
    target: { url: maskUrlCredentials(facts.url) },
    sources: facts.sources.map(maskUrlCredentials),
    verdict: result.passed ? 'pass' : 'fail',
    startedAt: facts.startedAt.toISOString(),
    finishedAt: facts.finishedAt.toISOString(),
    summary: { interactions: interactions.length, passed: count('pass'), failed: count('fail'), pending: count('pending') },
    interactions,
  };
}
