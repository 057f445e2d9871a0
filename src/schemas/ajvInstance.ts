import Ajv, { type AnySchema } from 'ajv';
import addFormats from 'ajv-formats';
import { isSchemaObject } from '../spec/types';
import { NUMERIC_FORMATS } from '../spec/numericFormats';

/**
 * One ajv configured for hookproof's converted schemas: draft-07, all errors, RFC 3339 date-times,
 * OpenAPI numeric formats (their ranges are in the schemas as minimum/maximum). Formats the spec names that no one knows are accepted as unchecked (the lint reports
 * them) so that an unknown format never stops validation.
 */
export function createAjv(schemas: readonly AnySchema[] = []): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, allowUnionTypes: true, validateFormats: true });
  addFormats(ajv);
  for (const name of Object.keys(NUMERIC_FORMATS)) {
    if (ajv.formats[name] === undefined) ajv.addFormat(name, { type: 'number', validate: () => true });
  }
  for (const name of unknownFormats(schemas, ajv)) ajv.addFormat(name, true);
  return ajv;
}

const DATA_KEYWORDS = new Set(['examples', 'example', 'enum', 'const', 'default']);
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);

/** Formats used by the schemas that ajv and ajv-formats do not define. */
export function unknownFormats(schemas: readonly unknown[], ajv: Ajv = createAjv()): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isSchemaObject(node)) return;
    if (typeof node.format === 'string' && ajv.formats[node.format] === undefined) found.add(node.format);
    for (const [key, value] of Object.entries(node)) {
      // Under `properties` the keys are names (a property may be called "example"); under data
      // keywords the values are data: `examples: [{format: x}]` names no format.
      if (NAME_MAPS.has(key) && isSchemaObject(value)) Object.values(value).forEach(visit);
      else if (!DATA_KEYWORDS.has(key)) visit(value);
    }
  };
  schemas.forEach(visit);
  return [...found].sort();
}
