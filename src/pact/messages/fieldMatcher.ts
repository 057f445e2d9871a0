import type { SchemaObject } from '../../spec/types';
import { alternationRegex, FORMAT_REGEXES, portablePattern } from '../regexes';
import { schemaTypes } from '../../schemas/schemaTypes';

/**
 * The Pact matching rule hookproof derives for one field from its schema: as strict as the spec and
 * no stricter, so that every value the spec allows (and so every value gridX may send) matches.
 * Plain data; `toIntegrationJson` turns it into pact-js matchers.
 */
export type FieldMatcher =
  | { readonly match: 'equality' }
  | { readonly match: 'regex'; readonly regex: string }
  | { readonly match: 'integer' }
  | { readonly match: 'number' }
  | { readonly match: 'type'; readonly min?: number };

/**
 * The matcher for a field that is not an object: a single allowed value is matched exactly, a set of
 * strings by an anchored alternation, uuid/date-time/date and `pattern` by regex, integers and
 * numbers by kind, everything else by JSON type. A nullable field gets the matcher of its non-null
 * type: Pact has no "or null" (verify-messages reports it as a warning).
 */
export function fieldMatcher(schema: SchemaObject): FieldMatcher {
  const allowed = schema.const !== undefined ? [schema.const] : Array.isArray(schema.enum) ? (schema.enum as unknown[]).filter((v) => v !== null) : undefined;
  if (allowed !== undefined) {
    if (allowed.length === 1) return { match: 'equality' };
    if (allowed.every((v): v is string => typeof v === 'string')) return { match: 'regex', regex: alternationRegex(allowed) };
    return { match: 'type' };
  }
  const [type] = schemaTypes(schema, { inferred: true }).filter((t) => t !== 'null');
  switch (type) {
    case 'string': {
      const formatRegex = typeof schema.format === 'string' ? FORMAT_REGEXES[schema.format] : undefined;
      if (formatRegex !== undefined) return { match: 'regex', regex: formatRegex };
      const pattern = typeof schema.pattern === 'string' ? portablePattern(schema.pattern) : undefined;
      if (pattern !== undefined) return { match: 'regex', regex: pattern };
      return { match: 'type' };
    }
    case 'integer':
      return { match: 'integer' };
    case 'number':
      return { match: 'number' };
    case 'array':
      return { match: 'type', min: typeof schema.minItems === 'number' ? schema.minItems : 0 };
    default:
      return { match: 'type' };
  }
}
