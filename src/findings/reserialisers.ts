/**
 * The ways receivers commonly re-serialise a parsed body before computing its digest, each as the
 * text it would produce (undefined when the body is not JSON). A receiver that verifies such a text
 * instead of the raw bytes refuses exactly the bodies whose bytes differ from it (SIG-8).
 */
export const RESERIALISERS: ReadonlyArray<{ readonly name: string; readonly write: (body: string) => string | undefined }> = [
  { name: 'JSON.stringify(JSON.parse(body))', write: (body) => reparse(body, (value) => JSON.stringify(value)) },
  { name: 'the parsed body written with sorted keys', write: (body) => reparse(body, (value) => JSON.stringify(sortKeys(value))) },
  { name: 'the parsed body written with non-ASCII characters escaped', write: (body) => reparse(body, (value) => escapeNonAscii(JSON.stringify(value))) },
];

function reparse(body: string, write: (value: unknown) => string): string | undefined {
  try {
    return write(JSON.parse(body));
  } catch {
    return undefined;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

function escapeNonAscii(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
