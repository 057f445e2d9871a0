import type { BlockedCases } from './checkContext';
import type { RequirementId } from '../contract/requirements';

/** Counts a property's blocked cases and what blocked them (first reason kept: it is the one shown). */
export class BlockedTally {
  private count = 0;
  private readonly by = new Set<RequirementId>();
  private reason: string | undefined;

  add(by: RequirementId, reason: string): void {
    this.count += 1;
    this.by.add(by);
    this.reason ??= reason;
  }

  result(): BlockedCases | undefined {
    return this.count === 0 ? undefined : { count: this.count, by: [...this.by].sort(), reason: this.reason ?? 'something more basic fails' };
  }
}

/** The blocked cases of several properties as one. */
export function mergeBlocked(parts: ReadonlyArray<BlockedCases | undefined>): BlockedCases | undefined {
  const present = parts.filter((p): p is BlockedCases => p !== undefined);
  const [first] = present;
  if (first === undefined) return undefined;
  const by = [...new Set(present.flatMap((p) => p.by))].sort();
  return { count: present.reduce((sum, p) => sum + p.count, 0), by, reason: first.reason };
}

/** `blocked by EVT-1: <reason>`: the note of a blocked check, and the JUnit skip message. */
export function blockedNote(blocked: BlockedCases): string {
  return `blocked by ${blocked.by.join(', ')}: ${blocked.reason}`;
}
