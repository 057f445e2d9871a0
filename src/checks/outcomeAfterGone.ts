import type { RequirementId } from '../contract/requirements';
import { goneMessage, goneSkipNote } from './goneMessage';

/**
 * What a check that was not run because the receiver had already answered 410 reports. GONE-1 is
 * what happened, so it warns with the GONE wording where the requirement table looks; every other
 * check is skipped. One rule, shared by the runner and the jest adapter.
 */
export function outcomeAfterGone(requirement: RequirementId, caseLabel: string): { readonly status: 'warn' | 'skip'; readonly note: string } {
  return requirement === 'GONE-1' ? { status: 'warn', note: goneMessage(caseLabel) } : { status: 'skip', note: goneSkipNote(caseLabel, 'not-run') };
}
