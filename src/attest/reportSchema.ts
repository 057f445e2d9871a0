import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { terminalSafe } from '../text/terminalSafe';

/**
 * The published JSON Schema of report.json (contracts/report.schema.json, shipped in the package):
 * one description of the format for hookproof's own readers (`recheck`, `report verify`, `fleet`)
 * and for anyone else's. From src/attest and dist/attest alike, two levels up is the package root.
 */
export const REPORT_SCHEMA_PATH = join(__dirname, '..', '..', 'contracts', 'report.schema.json');

let compiled: ValidateFunction | undefined;

/** Compiled on first use: nothing runs at import. */
function validator(): ValidateFunction {
  if (compiled === undefined) {
    const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
    compiled = ajv.compile(JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as object);
  }
  return compiled;
}

/** Why `value` is not a report by the schema, in one line (the first problem found); undefined when it is one. */
export function reportSchemaProblem(value: unknown): string | undefined {
  const validate = validator();
  if (validate(value)) return undefined;
  const [first] = validate.errors ?? [];
  return first === undefined ? 'it does not match the report schema' : describeError(first);
}

function describeError(error: ErrorObject): string {
  // Member names in the path come from the file: printed escaped.
  const where = error.instancePath === '' ? 'the report' : terminalSafe(error.instancePath);
  if (error.keyword === 'required') return `${where} has no ${JSON.stringify((error.params as { missingProperty: string }).missingProperty)}`;
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where} ${error.message ?? 'is not valid'}`;
}
