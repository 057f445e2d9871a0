import type { MatchingRule } from './messagePactFile';
import { pointerFromSegments, pointerSegments } from '../../jsonPointer';

/** A wildcard step of a rule path: `*` (any key) or `[*]` (any index). */
export const ANY = Symbol('any');
export type RulePathStep = string | typeof ANY;

/**
 * Deeper than any gridX event (a few levels) by far; a rule path of 50,000 steps is an attack on
 * the work done per field, not a contract, and is read as unreadable (the rule applies nowhere).
 */
export const MAX_RULE_PATH_STEPS = 64;
const MAX_RULE_PATH_LENGTH = 4096;

/**
 * Splits a Pact rule path (`$.data.state`, `$['a b'][*]`, `$.data.*`) into steps. Returns undefined
 * for a path it cannot read.
 */
export function parseRulePath(path: string): RulePathStep[] | undefined {
  if (!path.startsWith('$') || path.length > MAX_RULE_PATH_LENGTH) return undefined;
  const steps: RulePathStep[] = [];
  const token = /\.(\*|[^.[\]]+)|\[(\*|\d+)\]|\['((?:[^'\\]|\\.)*)'\]/y;
  token.lastIndex = 1;
  while (token.lastIndex < path.length) {
    const found = token.exec(path);
    if (found === null) return undefined;
    const [, dotted, indexed, quoted] = found;
    const step = dotted ?? indexed ?? quoted?.replace(/\\(.)/g, '$1') ?? '';
    steps.push(step === '*' && quoted === undefined ? ANY : step);
    if (steps.length > MAX_RULE_PATH_STEPS) return undefined;
  }
  return steps;
}

/** The JSON pointer a wildcard-free rule path names, e.g. `$.data.state` → `/data/state`. */
export function rulePointer(steps: readonly RulePathStep[]): string | undefined {
  if (steps.some((s) => s === ANY)) return undefined;
  return pointerFromSegments(steps.map(String));
}

/**
 * The rule that applies to a field, as Pact selects it: rules on a field's parents cascade to it, and
 * the most specific path wins (the longest; then the one with fewer wildcards). Undefined when no
 * rule applies, in which case Pact compares the field for equality with the example.
 */
export function ruleFor(rules: readonly MatchingRule[], pointer: string): MatchingRule | undefined {
  const segments = pointerSegments(pointer);
  let best: { rule: MatchingRule; length: number; wildcards: number } | undefined;
  for (const rule of rules) {
    const steps = parseRulePath(rule.path);
    if (steps === undefined || steps.length > segments.length) continue;
    if (!steps.every((step, i) => step === ANY || step === segments[i])) continue;
    const wildcards = steps.filter((s) => s === ANY).length;
    if (best === undefined || steps.length > best.length || (steps.length === best.length && wildcards < best.wildcards)) {
      best = { rule, length: steps.length, wildcards };
    }
  }
  return best?.rule;
}
