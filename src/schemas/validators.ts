import type { ErrorObject, ValidateFunction } from 'ajv';
import { SpecInvalidError } from '../errors';
import { isSchemaObject } from '../spec/types';
import { createAjv } from './ajvInstance';
import type { EventCatalogue, EventType } from './catalogue';
import { escapePointerSegment } from '../jsonPointer';

/** One reason an event is invalid: where (JSON pointer into the event) and why. */
export interface ValidationIssue {
  /** JSON pointer into the event, "" for the whole event. */
  readonly pointer: string;
  /** The JSON Schema keyword that failed (required, type, enum, format, …). */
  readonly keyword: string;
  /** A readable sentence naming the field, e.g. `/data/state must be one of: PLUGGED, UNPLUGGED`. */
  readonly message: string;
}

export type ValidationResult =
  { readonly valid: true; readonly type: string } | { readonly valid: false; readonly type: string | undefined; readonly issues: readonly ValidationIssue[] };

export interface EventValidators {
  /** Validates an event against one type's schema (the event's own `type` must match it). */
  validateAs(type: string, event: unknown): ValidationResult;
  /** Validates any event, choosing the schema by its discriminator (never by the spec's oneOf). */
  validate(event: unknown): ValidationResult;
  /** Validates raw body bytes: they must be JSON and then a valid event. */
  validateBytes(body: Uint8Array | string): ValidationResult;
}

export interface ValidatorOptions {
  /**
   * Compile each type's validator on its first use instead of all at once. Only for schemas known
   * to compile (the build compiled these very schemas, see engine.ts): an error of the spec must
   * surface when the engine is created, not at a first validation.
   */
  readonly compileOnUse?: boolean;
}

/**
 * Compiles one ajv validator per event type, once: all at once (by default), or each on its first
 * use. A schema ajv refuses (a keyword in the wrong place, a `required` name no schema describes)
 * is the spec's fault: SpecInvalidError, one line.
 */
export function createValidators(catalogue: EventCatalogue, options: ValidatorOptions = {}): EventValidators {
  const ajv = createAjv(catalogue.types.map((t) => t.schema));
  const known = catalogue.types.map((t) => t.type);
  const discriminator = catalogue.discriminator;
  const compiled = new Map<string, ValidateFunction>();
  const compiledFor = (type: string): ValidateFunction | undefined => {
    let validate = compiled.get(type);
    if (validate === undefined && catalogue.has(type)) {
      validate = compileType(ajv, catalogue, catalogue.get(type));
      compiled.set(type, validate);
    }
    return validate;
  };
  if (options.compileOnUse !== true) for (const type of known) compiledFor(type);

  const validateAs = (type: string, event: unknown): ValidationResult => {
    const validate = compiledFor(type);
    if (validate === undefined) {
      return invalid(type, [
        { pointer: `/${discriminator}`, keyword: 'discriminator', message: `/${discriminator} "${type}" is not an event type of the spec (known: ${known.join(', ')})` },
      ]);
    }
    return validate(event) ? { valid: true, type } : invalid(type, (validate.errors ?? []).map(toIssue));
  };

  const validate = (event: unknown): ValidationResult => {
    if (!isSchemaObject(event)) {
      return invalid(undefined, [{ pointer: '', keyword: 'type', message: `the event must be a JSON object, got ${jsonTypeOf(event)}` }]);
    }
    const type = event[discriminator];
    if (type === undefined) return invalid(undefined, [{ pointer: `/${discriminator}`, keyword: 'required', message: `the event has no "${discriminator}" property` }]);
    if (typeof type !== 'string') {
      return invalid(undefined, [{ pointer: `/${discriminator}`, keyword: 'type', message: `/${discriminator} must be a string, got ${jsonTypeOf(type)}` }]);
    }
    return validateAs(type, event);
  };

  const validateBytes = (body: Uint8Array | string): ValidationResult => {
    // A view on the caller's bytes, not a copy of them.
    const text = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    if (text.trim() === '') return invalid(undefined, [{ pointer: '', keyword: 'json', message: 'the body is empty' }]);
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch (error) {
      return invalid(undefined, [{ pointer: '', keyword: 'json', message: `the body is not JSON: ${(error as Error).message}` }]);
    }
    return validate(event);
  };

  return { validateAs, validate, validateBytes };
}

function compileType(ajv: ReturnType<typeof createAjv>, catalogue: EventCatalogue, eventType: EventType): ValidateFunction {
  try {
    return ajv.compile(eventType.schema);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new SpecInvalidError(catalogue.spec.path, `the schema of event type "${eventType.type}" (${eventType.schemaName}) cannot be compiled: ${reason}`);
  }
}

function invalid(type: string | undefined, issues: ValidationIssue[]): ValidationResult {
  return { valid: false, type, issues };
}

function toIssue(error: ErrorObject): ValidationIssue {
  const where = error.instancePath === '' ? 'the event' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        pointer: `${error.instancePath}/${escapePointerSegment(String(params.missingProperty))}`,
        keyword: 'required',
        message: `${where} must have required property "${String(params.missingProperty)}"`,
      };
    case 'enum':
      return { pointer: error.instancePath, keyword: 'enum', message: `${where} must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { pointer: error.instancePath, keyword: 'const', message: `${where} must be ${JSON.stringify(params.allowedValue)}` };
    default:
      return { pointer: error.instancePath, keyword: error.keyword, message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
