import type { SchemaObject } from '../../spec/types';
import { schemaTypes } from './fieldLocation';

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

// Regexes are anchored and use only syntax that Rust's regex crate (the Pact core) and JavaScript
// read alike: [0-9] rather than \d, which is Unicode-aware in Rust.
export const UUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
/** RFC 3339 date-time: `T`, `t` or a space; `Z`, `z` or a numeric offset; optional fraction. */
export const DATE_TIME_REGEX = '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$';
export const DATE_REGEX = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

const FORMAT_REGEXES: Readonly<Record<string, string>> = { uuid: UUID_REGEX, 'date-time': DATE_TIME_REGEX, date: DATE_REGEX };

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
    if (allowed.every((v): v is string => typeof v === 'string')) return { match: 'regex', regex: `^(?:${allowed.map(escapeRegex).join('|')})$` };
    return { match: 'type' };
  }
  const [type] = schemaTypes(schema).filter((t) => t !== 'null');
  switch (type) {
    case 'string': {
      const formatRegex = typeof schema.format === 'string' ? FORMAT_REGEXES[schema.format] : undefined;
      if (formatRegex !== undefined) return { match: 'regex', regex: formatRegex };
      if (typeof schema.pattern === 'string') return { match: 'regex', regex: schema.pattern };
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

/** Escapes a literal for a regex that both Rust's regex crate and JavaScript accept. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
