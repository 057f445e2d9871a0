import { isDeepStrictEqual } from 'node:util';
import { jsonTypeOf } from '../../schemas/validators';
import { backtrackingRisk } from './backtrackingRisk';
import { dateTimeFormatRegex } from './dateTimeFormat';
import type { MatchingRule, RuleMatcher } from './messagePactFile';

/** Whether a value passes a rule: yes, no (with why), or not checkable by hookproof. */
export type RuleVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string } | { readonly ok: 'unchecked'; readonly reason: string };

const PASS: RuleVerdict = { ok: true };

/**
 * Evaluates a Pact matching rule the way the Pact core does for JSON bodies, for the matchers a
 * gridX contract uses (equality, regex, type with min/max, integer, decimal, number, boolean, null,
 * include, notEmpty, and pact-js's datetime/timestamp/date/time with a Java date-time pattern). Without a rule, Pact compares for equality with the example.
 */
export function ruleAccepts(rule: MatchingRule | undefined, actual: unknown, example: unknown): RuleVerdict {
  if (rule === undefined || rule.matchers.length === 0) return matcherAccepts({ match: 'equality' }, actual, example);
  const verdicts = rule.matchers.map((m) => matcherAccepts(m, actual, example));
  const unchecked = verdicts.find((v) => v.ok === 'unchecked');
  if (rule.combine === 'OR') {
    if (verdicts.some((v) => v.ok === true)) return PASS;
    return unchecked ?? verdicts.find((v) => v.ok === false) ?? PASS;
  }
  return verdicts.find((v) => v.ok === false) ?? unchecked ?? PASS;
}

function matcherAccepts(matcher: RuleMatcher, actual: unknown, example: unknown): RuleVerdict {
  const fail = (reason: string): RuleVerdict => ({ ok: false, reason });
  switch (matcher.match) {
    case 'equality':
      return isDeepStrictEqual(actual, example) ? PASS : fail(`it is not ${preview(example)}`);
    case 'regex': {
      if (typeof matcher.regex !== 'string') return { ok: 'unchecked', reason: 'the regex matcher has no regex' };
      const risk = backtrackingRisk(matcher.regex);
      if (risk !== undefined)
        return {
          ok: 'unchecked',
          reason: `hookproof does not run the regex ${matcher.regex}: ${risk}, which can take exponential time outside the Pact core's linear-time engine`,
        };
      let regex: RegExp;
      try {
        regex = new RegExp(matcher.regex);
      } catch {
        return { ok: 'unchecked', reason: `hookproof cannot read the regex ${matcher.regex}` };
      }
      // A JSON scalar (or undefined, when absent) is tested as text, as the Pact core does; null, objects and arrays fail.
      if (typeof actual !== 'string' && typeof actual !== 'number' && typeof actual !== 'boolean' && actual !== undefined) {
        return fail(`a ${jsonTypeOf(actual)} does not match a regex`);
      }
      return regex.test(String(actual)) ? PASS : fail(`it does not match ${matcher.regex}`);
    }
    case 'type':
      return typeAccepts(matcher, actual, example);
    case 'integer':
      return typeof actual === 'number' && Number.isInteger(actual) ? PASS : fail('it is not an integer');
    case 'decimal':
      return typeof actual === 'number' && !Number.isInteger(actual) ? PASS : fail('it is not a decimal number (it has no fraction)');
    case 'number':
      return typeof actual === 'number' ? PASS : fail('it is not a number');
    case 'boolean':
      return typeof actual === 'boolean' ? PASS : fail('it is not a boolean');
    case 'null':
      return actual === null ? PASS : fail('it is not null');
    case 'include':
      return typeof actual === 'string' && actual.includes(String(matcher.value)) ? PASS : fail(`it does not include ${preview(matcher.value)}`);
    case 'notEmpty':
      return isEmpty(actual) ? fail('it is empty') : PASS;
    case 'datetime':
    case 'timestamp':
    case 'date':
    case 'time':
      return dateTimeAccepts(matcher, actual);
    default:
      return { ok: 'unchecked', reason: `hookproof does not evaluate "${matcher.match}" matchers` };
  }
}

/** pact-js's datetime/timestamp/date/time matchers: the value must be laid out as the Java pattern says. */
function dateTimeAccepts(matcher: RuleMatcher, actual: unknown): RuleVerdict {
  const pattern = [matcher.format, matcher[matcher.match], matcher.timestamp].find((p): p is string => typeof p === 'string' && p !== '');
  if (pattern === undefined) return { ok: 'unchecked', reason: `the ${matcher.match} matcher has no format` };
  const regex = dateTimeFormatRegex(pattern);
  if (typeof regex === 'string') return { ok: 'unchecked', reason: regex };
  if (typeof actual !== 'string') return { ok: false, reason: `a ${jsonTypeOf(actual)} is not a ${matcher.match} string` };
  return regex.test(actual) ? PASS : { ok: false, reason: `it is not laid out as ${pattern}` };
}

function typeAccepts(matcher: RuleMatcher, actual: unknown, example: unknown): RuleVerdict {
  const same = jsonKind(actual) === jsonKind(example);
  if (!same) return { ok: false, reason: `it is a ${jsonTypeOf(actual)}, not a ${jsonTypeOf(example)}` };
  if (Array.isArray(actual)) {
    if (typeof matcher.min === 'number' && actual.length < matcher.min) return { ok: false, reason: `it has fewer than ${matcher.min} items` };
    if (typeof matcher.max === 'number' && actual.length > matcher.max) return { ok: false, reason: `it has more than ${matcher.max} items` };
  }
  return PASS;
}

/** JSON kinds as Pact's type matcher sees them: all numbers are one kind. */
function jsonKind(value: unknown): string {
  const type = jsonTypeOf(value);
  return type === 'integer' ? 'number' : type;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** A short JSON rendering of a value for reports. */
export function preview(value: unknown, max = 60): string {
  // JSON.stringify gives undefined for undefined, whatever its declared type says.
  const text = (JSON.stringify(value) as string | undefined) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A rule in a few words: `regex ^(?:A|B)$`, `integer`, `type (min 1)`, `equality`. */
export function describeRule(rule: MatchingRule | undefined): string {
  if (rule === undefined) return 'equality with the example';
  return rule.matchers
    .map((m) => {
      if (m.match === 'regex' && typeof m.regex === 'string') return `regex ${m.regex}`;
      const format = [m.format, m[m.match], m.timestamp].find((p): p is string => typeof p === 'string');
      if (['datetime', 'timestamp', 'date', 'time'].includes(m.match) && format !== undefined) return `${m.match} ${format}`;
      const bounds = [typeof m.min === 'number' ? `min ${m.min}` : '', typeof m.max === 'number' ? `max ${m.max}` : ''].filter((b) => b !== '').join(', ');
      return bounds === '' ? m.match : `${m.match} (${bounds})`;
    })
    .join(rule.combine === 'OR' ? ' or ' : ' and ');
}
