import type { MatchingRules, PactMatcher, RuleList } from '../../../../src/pact/http';

/**
 * A small, independent reading of the Pact matchers hookproof writes, in JavaScript: what the
 * Pact core does with them is tested against the core itself in pactCore.test.ts.
 */

/** The values a rule path (`$`, `.key`, `['key']`, `[*]`) selects in `root`. */
export function valuesAt(root: unknown, path: string): unknown[] {
  const tokens = path.match(/^\$|\.[A-Za-z_][A-Za-z0-9_]*|\['(?:[^'\\]|\\.)*'\]|\[\*\]/g) ?? [];
  if (tokens.join('') !== path || tokens[0] !== '$') throw new Error(`unsupported path ${path}`);
  let nodes: unknown[] = [root];
  for (const token of tokens.slice(1)) {
    if (token === '[*]') {
      nodes = nodes.flatMap((node) => (Array.isArray(node) ? (node as unknown[]) : []));
      continue;
    }
    const key = token.startsWith('.') ? token.slice(1) : token.slice(2, -2).replace(/\\(.)/g, '$1');
    nodes = nodes.flatMap((node) => (typeof node === 'object' && node !== null && !Array.isArray(node) && key in node ? [(node as Record<string, unknown>)[key]] : []));
  }
  return nodes;
}

/** Whether `actual` satisfies `list`, where `expected` is the example value at the same path. */
export function ruleListAccepts(list: RuleList, actual: unknown, expected: unknown): boolean {
  const results = list.matchers.map((matcher) => matcherAccepts(matcher, actual, expected));
  return list.combine === 'AND' ? results.every(Boolean) : results.some(Boolean);
}

export function matcherAccepts(matcher: PactMatcher, actual: unknown, expected: unknown): boolean {
  switch (matcher.match) {
    case 'regex':
      return typeof actual === 'string' && new RegExp(matcher.regex, 'u').test(actual);
    case 'type': {
      if (jsonType(actual) !== jsonType(expected)) return false;
      if (!Array.isArray(actual)) return true;
      return actual.length >= (matcher.min ?? 0) && (matcher.max === undefined || actual.length <= matcher.max);
    }
    case 'integer':
      return typeof actual === 'number' && Number.isInteger(actual);
    case 'number':
      return typeof actual === 'number';
    case 'null':
      return actual === null;
    case 'statusCode':
      return typeof actual === 'number' && matcher.status.includes(actual);
  }
}

/** Every rule violated by `body`, as "path: value": empty when all rules accept it. */
export function violations(rules: MatchingRules, body: unknown, example: unknown): string[] {
  return Object.entries(rules).flatMap(([path, list]) => {
    const expected = valuesAt(example, path)[0];
    return valuesAt(body, path)
      .filter((actual) => !ruleListAccepts(list, actual, expected))
      .map((actual) => `${path}: ${JSON.stringify(actual)}`);
  });
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
