import { sortKeys } from '../serialise/sortKeys';
/** One common way of re-serialising a parsed body before computing its digest. */
export interface Reserialiser {
  readonly name: string;
  /** The text it produces from a body (undefined when the body is not JSON). */
  readonly write: (body: string) => string | undefined;
  /** Whether `write(body) !== body`, given the body already parsed (undefined: not JSON), without writing more than needed. */
  readonly changes: (body: string, parsed: { readonly value: unknown } | undefined) => boolean;
}

/**
 * The ways receivers commonly re-serialise a parsed body before computing its digest. A receiver
 * that verifies such a text instead of the raw bytes refuses exactly the bodies whose bytes differ
 * from it (SIG-8).
 */
export const RESERIALISERS: readonly Reserialiser[] = [
  {
    name: 'JSON.stringify(JSON.parse(body))',
    write: (body) => reparse(body, (value) => JSON.stringify(value)),
    changes: (body, parsed) => parsed === undefined || JSON.stringify(parsed.value) !== body,
  },
  {
    name: 'the parsed body written with sorted keys',
    write: (body) => reparse(body, (value) => JSON.stringify(sortKeys(value))),
    changes: (body, parsed) => parsed === undefined || JSON.stringify(sortKeys(parsed.value)) !== body,
  },
  {
    name: 'the parsed body written with non-ASCII characters escaped',
    write: (body) => reparse(body, (value) => escapeNonAscii(JSON.stringify(value))),
    // The written text is pure ASCII, so a body with any other character differs from it: no need
    // to escape (per character, the costly part) a large body to know that.
    changes: (body, parsed) => parsed === undefined || NON_ASCII.test(body) || escapeNonAscii(JSON.stringify(parsed.value)) !== body,
  },
];

/** For each of RESERIALISERS, whether it changes these bytes; the body is parsed once. */
export function reserialisationChanges(body: string): boolean[] {
  const parsed = parsedBody(body);
  return RESERIALISERS.map((reserialiser) => reserialiser.changes(body, parsed));
}

/** The body parsed, boxed so that a JSON `null` is told apart from a body that is not JSON (undefined). */
export function parsedBody(body: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return undefined;
  }
}

const NON_ASCII = /[\u0080-\uffff]/;

function reparse(body: string, write: (value: unknown) => string): string | undefined {
  try {
    return write(JSON.parse(body));
  } catch {
    return undefined;
  }
}

function escapeNonAscii(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
