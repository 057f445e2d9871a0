/**
 * The one wording of "the receiver answered 410": gridX would delete its subscription. The console
 * shouts it (`!!! ` in front) and the runner puts it on GONE-1 when an earlier check met the 410.
 * It lives with the checks so that both the runner and the reports, above them, can use it.
 */
export function goneMessage(caseLabel: string): string {
  return `GONE: the receiver answered 410 Gone (case "${caseLabel}"). gridX would DELETE this webhook subscription; the remaining checks are skipped.`;
}
