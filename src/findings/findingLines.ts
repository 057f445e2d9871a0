import { requirementList } from './requirementList';
import type { Finding, SetupHint } from '../evidence/Finding';

/**
 * The "what to fix first" list as text lines: the set-up hints, then one numbered line per finding
 * (`1. Valid events of 19 types are refused: 400 json: … (2,402 cases) → EVT-1, EVT-3; blocks SIG-1, …`),
 * at most `limit` of them. Empty when there is nothing to fix.
 */
export function findingLines(hints: readonly SetupHint[], findings: readonly Finding[], limit = 10): string[] {
  if (hints.length === 0 && findings.length === 0) return [];
  const lines = ['What to fix first:'];
  for (const hint of hints) lines.push(`  ! ${hint.message}`);
  findings.slice(0, limit).forEach((finding, index) => lines.push(`  ${index + 1}. ${findingLine(finding)}`));
  if (findings.length > limit) lines.push(`  (+${findings.length - limit} more in the report)`);
  return lines;
}

/** One finding on one line, without its number. */
export function findingLine(finding: Finding): string {
  const cases = `${finding.cases.toLocaleString('en-US')} case${finding.cases === 1 ? '' : 's'}`;
  const blocks = finding.blocks.length > 0 ? `; blocks ${requirementList(finding.blocks)}` : '';
  return `${finding.title} (${cases}) → ${requirementList(finding.explains)}${blocks}`;
}
