/**
 * Statuses as messages write them: `408, 429, 500` joined by commas, or with `conjunction` before
 * the last (`200, 201, 202 or 204`), so a message lists the contract's classes without restating them.
 */
export function listStatuses(statuses: readonly number[], conjunction?: 'and' | 'or'): string {
  if (conjunction === undefined || statuses.length < 2) return statuses.join(', ');
  return `${statuses.slice(0, -1).join(', ')} ${conjunction} ${String(statuses.at(-1))}`;
}
