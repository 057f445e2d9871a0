import { stripAnsi } from '../../text/stripAnsi';

/** How one interaction fared in a verification. */
export interface InteractionVerdict {
  readonly description: string;
  readonly passed: boolean;
  /** What did not match, one line each, e.g. "expected 401 but was 202". */
  readonly problems: readonly string[];
  /** What the receiver answered: its status, or why there was none ("connection refused …"). */
  readonly answer?: string;
  /**
   * The interaction belongs to a pending pact (`--enable-pending`): its failure is reported but
   * does not fail the verification, as the Pact Broker's pending-pact workflow intends.
   */
  readonly pending?: boolean;
}

/** The outcome of `verifyHttpPact`: plain data, one verdict per interaction in verification order. */
export interface HttpVerificationResult {
  readonly passed: boolean;
  readonly interactions: readonly InteractionVerdict[];
}

interface CoreResults {
  result?: unknown;
  interactionResults?: Array<{ description?: unknown; result?: unknown }>;
  errors?: CoreError[];
  /** Failures of pending pacts: reported, but they do not fail the run. */
  pendingErrors?: CoreError[];
}

interface CoreError {
  interaction?: unknown;
  mismatch?: { type?: unknown; message?: unknown; mismatches?: Array<{ mismatch?: unknown }> };
}

/**
 * Reads the Pact core's verification JSON (what `pactffi_verifier_json` returns), or undefined when
 * `text` is not such a document (the core failed before verifying anything).
 */
export function parseVerificationResult(text: string): HttpVerificationResult | undefined {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isCoreResults(document)) return undefined;
  const parsed = document;
  const interactions = (parsed.interactionResults ?? []).map((entry): InteractionVerdict => {
    const description = plain(entry.description);
    const problems = problemsOf(parsed.errors ?? [], description);
    const pendingProblems = problemsOf(parsed.pendingErrors ?? [], description);
    const passed = entry.result === 'OK';
    if (!passed && problems.length === 0 && pendingProblems.length > 0) return { description, passed, problems: pendingProblems, pending: true };
    return { description, passed, problems };
  });
  return { passed: parsed.result, interactions };
}

function isCoreResults(value: unknown): value is CoreResults & { result: boolean } {
  return typeof value === 'object' && value !== null && typeof (value as { result?: unknown }).result === 'boolean';
}

function problemsOf(errors: readonly CoreError[], description: string): string[] {
  return errors
    .filter((error) => {
      const name = plain(error.interaction);
      return name === description || name.endsWith(` - ${description}`);
    })
    .flatMap((error) => {
      const mismatches = error.mismatch?.mismatches;
      if (Array.isArray(mismatches)) return mismatches.map((m) => plain(m.mismatch));
      return [plain(error.mismatch?.message ?? 'verification error')];
    });
}

function plain(value: unknown): string {
  // JSON.stringify gives undefined for undefined (a missing field), whatever its declared type says.
  const text = typeof value === 'string' ? value : ((JSON.stringify(value) as string | undefined) ?? '');
  return stripAnsi(text);
}
