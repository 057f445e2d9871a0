import { REQUIREMENTS } from '../contract/requirements';

/**
 * Requirement IDs in contract order, runs of three or more consecutive numbers of one area
 * shortened: `SIG-1, SIG-6, EVT-2, DLV-2..7`.
 */
export function requirementList(ids: readonly string[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const id = sorted[i] as string;
    let j = i;
    while (j + 1 < sorted.length && follows(sorted[j] as string, sorted[j + 1] as string)) j += 1;
    parts.push(j - i >= 2 ? `${id}..${numberOf(sorted[j] as string)}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

function rank(id: string): number {
  const index = REQUIREMENTS.findIndex((r) => r.id === id);
  return index < 0 ? REQUIREMENTS.length : index;
}

function follows(a: string, b: string): boolean {
  return areaOf(a) === areaOf(b) && rank(a) < REQUIREMENTS.length && numberOf(b) === numberOf(a) + 1;
}

function areaOf(id: string): string {
  return id.replace(/-\d+$/, '');
}

function numberOf(id: string): number {
  return Number(/-(\d+)$/.exec(id)?.[1] ?? Number.NaN);
}
