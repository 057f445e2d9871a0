/** The loud line printed when a receiver answered 410: gridX would delete its subscription. */
export function goneMessage(caseLabel: string): string {
  return `!!! GONE: the receiver answered 410 Gone (case "${caseLabel}"). gridX would DELETE this webhook subscription; the remaining checks are skipped.`;
}
