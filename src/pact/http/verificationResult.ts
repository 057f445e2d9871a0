/** How one interaction fared in a verification. */
export interface InteractionVerdict {
  readonly description: string;
  readonly passed: boolean;
  /** What did not match, one line each, e.g. "expected 401 but was 202". */
  readonly problems: readonly string[];
  /** What the receiver answered: its status, or why there was none ("connection refused …"). */
  readonly answer?: string;
}

/** The outcome of `verifyHttpPact`: plain data, one verdict per interaction in verification order. */
export interface HttpVerificationResult {
  readonly passed: boolean;
  readonly interactions: readonly InteractionVerdict[];
}

interface CoreResults {
  result?: unknown;
  interactionResults?: Array<{ description?: unknown; result?: unknown }>;
  errors?: Array<{ interaction?: unknown; mismatch?: { type?: unknown; message?: unknown; mismatches?: Array<{ mismatch?: unknown }> } }>;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Reads the Pact core's verification JSON (what `pactffi_verifier_json` returns), or undefined when
 * `text` is not such a document (the core failed before verifying anything).
 */
export function parseVerificationResult(text: string): HttpVerificationResult | undefined {
  let parsed: CoreResults;
  try {
    parsed = JSON.parse(text) as CoreResults;
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.result !== 'boolean') return undefined;
  const errors = parsed.errors ?? [];
  const interactions = (parsed.interactionResults ?? []).map((entry): InteractionVerdict => {
    const description = plain(entry.description);
    const problems = errors
      .filter((error) => {
        const name = plain(error.interaction);
        return name === description || name.endsWith(` - ${description}`);
      })
      .flatMap((error) => {
        const mismatches = error.mismatch?.mismatches;
        if (Array.isArray(mismatches)) return mismatches.map((m) => plain(m.mismatch));
        return [plain(error.mismatch?.message ?? 'verification error')];
      });
    return { description, passed: entry.result === 'OK', problems };
  });
  return { passed: parsed.result, interactions };
}

function plain(value: unknown): string {
  return (typeof value === 'string' ? value : JSON.stringify(value) ?? '').replace(ANSI, '');
}
