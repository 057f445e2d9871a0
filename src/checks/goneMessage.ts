/**
 * The one wording of "the receiver answered 410": gridX would delete its subscription. The console
 * shouts it (`!!! ` in front) and the runner puts it on GONE-1 when an earlier check met the 410.
 * It lives with the checks so that both the runner and the reports, above them, can use it.
 */
export function goneMessage(caseLabel: string): string {
  return `GONE: the receiver answered 410 Gone (case "${caseLabel}"). gridX would DELETE this webhook subscription; the remaining checks are skipped.`;
}

/**
 * The note on a check the 410 cut short: `stopped` while it was sending, `not-run` when it never
 * started. Named here, beside {@link goneMessage}, so the runner, the check context and the jest
 * adapter cannot drift into three wordings.
 */
export function goneSkipNote(caseLabel: string, when: 'stopped' | 'not-run'): string {
  const reason = `the receiver answered 410 Gone to ${caseLabel}`;
  return when === 'not-run' ? `not run: ${reason}` : reason;
}
