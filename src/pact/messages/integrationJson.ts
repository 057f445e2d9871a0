import { isSchemaObject } from '../../spec/types';
import type { ReliedField } from './expectedEvent';
import type { FieldMatcher } from './fieldMatcher';
import type { PactModule } from './pactModule';
import { pointerSegments } from '../../jsonPointer';

type Matchers = PactModule['MatchersV3'];

/**
 * The message body in the Pact core's "integration JSON" form: the content with each field that has
 * a matcher replaced by a pact-js MatchersV3 matcher around its example value. The core turns these
 * into the pact file's `matchingRules.body`.
 */
export function toIntegrationJson(content: Record<string, unknown>, fields: readonly ReliedField[], matchers: Matchers): Record<string, unknown> {
  const body = structuredClone(content);
  for (const field of fields) {
    if (field.matcher === undefined) continue;
    const segments = pointerSegments(field.pointer);
    const last = segments.pop();
    let parent: unknown = body;
    for (const segment of segments) parent = isSchemaObject(parent) ? parent[segment] : undefined;
    if (last === undefined || !isSchemaObject(parent) || !(last in parent)) continue;
    parent[last] = matcherFor(field.matcher, parent[last], matchers);
  }
  return body;
}

function matcherFor(matcher: FieldMatcher, value: unknown, m: Matchers): unknown {
  switch (matcher.match) {
    case 'equality':
      return m.equal(value);
    case 'regex':
      return m.regex(matcher.regex, String(value));
    case 'integer':
      return m.integer(value as number);
    case 'number':
      return m.number(value as number);
    case 'type':
      if (matcher.min !== undefined && Array.isArray(value) && value.length > 0) return m.atLeastLike(value[0] as unknown, matcher.min, value.length);
      return m.like(value);
  }
}
