/** A JSON Schema / OpenAPI schema object as plain data. */
export type SchemaObject = { [keyword: string]: unknown };

/** A parsed spec file: the raw document plus where it came from. */
export interface SpecDocument {
  /** Path the spec was read from (as given by the user). */
  readonly path: string;
  /** SHA-256 of the file's bytes, hex: identifies the exact spec version in reports. */
  readonly sha256: string;
  /** The parsed YAML/JSON document, untouched. */
  readonly document: { [key: string]: unknown };
}

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
