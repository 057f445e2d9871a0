import { MAX_TIMER_MS } from '../../optionRanges';

/**
 * How much longer than hookproof's per-request timeout the verifier's proxy waits for a request,
 * so that a receiver that hangs is reported by hookproof ("timeout after … ms") rather than as a
 * failed request to the proxy.
 */
export const PROXY_SLACK_MS = 2_000;

/** The verifier's start-up (a Node process, pact-js and the native Pact core on a loaded machine) and its report. */
export const VERIFIER_START_MS = 60_000;

/**
 * The default deadline of one run of the Pact verifier over `interactions` interactions: its
 * start-up, then each interaction's one request at the longest the proxy waits for it. A run
 * within it never meets it; a Pact core that never answers is ended at it. At most Node's largest
 * timer (a longer one would fire at once).
 */
export function verifierDeadlineMs(interactions: number, timeoutMs: number): number {
  return Math.min(MAX_TIMER_MS, VERIFIER_START_MS + interactions * (timeoutMs + PROXY_SLACK_MS));
}
