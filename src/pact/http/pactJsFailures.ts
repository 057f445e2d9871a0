/**
 * The requirement IDs of the interactions a pact-js verification failed, from the rejection pact-js
 * gives (its message is the Pact core's JSON result: `interactionResults[]` of `description` and
 * `result`). Undefined when the message is not that JSON (the verifier could not run at all).
 */
export function failedRequirements(message: string): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  const results = typeof parsed === 'object' && parsed !== null ? (parsed as { interactionResults?: unknown }).interactionResults : undefined;
  if (!Array.isArray(results)) return undefined;
  return results
    .filter((r): r is { description: string; result: unknown } => typeof r === 'object' && r !== null && typeof (r as { description?: unknown }).description === 'string')
    .filter((r) => r.result !== 'OK')
    .map((r) => r.description.split(' ')[0] ?? r.description);
}
