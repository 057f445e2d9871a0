import fc from 'fast-check';
import { eventArbitrary, type GeneratedEvent } from '../../arbitraries/events';
import { ancestorPointers, withValueAt } from '../../arbitraries/pointer';
import { plainValues } from '../../arbitraries/plainValues';
import { escapePointerSegment, listPointers } from '../../jsonPointer';
import type { Engine } from '../../engine';
import { UsageError } from '../../errors';
import { isSchemaObject, type SchemaObject } from '../../spec/types';
import { locateField, type FieldPromise } from './fieldLocation';
import { schemaTypes } from '../../schemas/schemaTypes';
import { fieldMatcher, type FieldMatcher } from './fieldMatcher';

/** What a receiver declares about one event type it consumes. */
export interface ExpectedEventOptions {
  /**
   * JSON pointers of the fields the receiver's handler relies on, e.g. `['/data/state']`, or
   * `'required'` for every field the spec promises. The discriminator (`/type`) is always included.
   * An object field brings its required sub-fields with it.
   */
  readonly fields: readonly string[] | 'required';
  /** Example values for some of those fields (e.g. `{ '/data/state': 'UNPLUGGED' }`); they must be valid. */
  readonly values?: Readonly<Record<string, unknown>>;
  /** The interaction's description; by default it names the type and the fields. */
  readonly description?: string;
}

/** One field of the contract's message body. */
export interface ReliedField {
  readonly pointer: string;
  readonly promise: FieldPromise;
  /** The derived matching rule; undefined for an object, which is matched by its own fields. */
  readonly matcher: FieldMatcher | undefined;
}

/** An expected event, built from the spec: plain data, before it becomes a Pact interaction. */
export interface ExpectedEvent {
  readonly type: string;
  readonly description: string;
  /** The fields the message body holds, leaves and objects, in the example's order. */
  readonly fields: readonly ReliedField[];
  /** The message body: the relied-on fields of `example`, nested as in an event. */
  readonly content: Record<string, unknown>;
  /** The complete valid event (seeded, plain values) that `content` was cut from. */
  readonly example: GeneratedEvent;
  /** Risks worth a comment in the pact: optional or nullable fields relied upon. */
  readonly notes: readonly string[];
}

/**
 * Builds the message a receiver expects for one event type: a seeded, valid example event from the
 * engine, cut down to the fields the receiver relies on, each with a matcher derived from the
 * schema. Throws UnknownEventTypeError for an unknown type and UsageError for a field the spec does
 * not have or an invalid example value.
 */
export function buildExpectedEvent(engine: Engine, type: string, options: ExpectedEventOptions, seed: number): ExpectedEvent {
  const eventType = engine.catalogue.get(type);
  const requested = options.fields === 'required' ? eventType.requiredPaths : options.fields;
  const selected = selectFields(engine, type, [`/${escapePointerSegment(engine.catalogue.discriminator)}`, ...requested]);
  const forcePresent = new Set([...selected.keys()].flatMap((p) => [p, ...ancestorPointers(p)]));
  const [generated] = fc.sample(eventArbitrary(eventType, { presence: 'minimal', forcePresent }), { seed, numRuns: 1 });
  let example = plainValues(eventType)(generated) as GeneratedEvent;
  for (const [pointer, value] of Object.entries(options.values ?? {})) {
    const field = selected.get(pointer);
    if (field === undefined || field.matcher === undefined) {
      throw new UsageError(`a value is given for ${pointer}, which is not one of the fields ${type} relies on (${listPointers([...selected.keys()])})`);
    }
    example = withValueAt(example, pointer, value) as GeneratedEvent;
  }
  const verdict = engine.validators.validateAs(type, example);
  if (!verdict.valid) throw new UsageError(`the example ${type} event is not valid: ${verdict.issues.map((i) => i.message).join('; ')}`);
  const fields = orderLike(example, selected);
  return {
    type,
    description: options.description ?? defaultDescription(type, options.fields),
    fields,
    content: cut(example, new Set(fields.map((f) => f.pointer))),
    example,
    notes: notes(engine, type, fields),
  };
}

/** Every pointer requested, checked against the spec, with the required sub-fields of objects. */
function selectFields(engine: Engine, type: string, pointers: readonly string[]): Map<string, ReliedField> {
  const eventType = engine.catalogue.get(type);
  const selected = new Map<string, ReliedField>();
  const add = (pointer: string, schema: SchemaObject, promise: FieldPromise): void => {
    if (selected.has(pointer)) return;
    const described = isSchemaObject(schema.properties) ? schema.properties : undefined;
    const types = schemaTypes(schema, { inferred: true });
    const isObject = described !== undefined || (types.includes('object') && !types.includes('array'));
    selected.set(pointer, { pointer, promise, matcher: isObject ? undefined : fieldMatcher(schema) });
    const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]) : []);
    for (const [name, sub] of Object.entries(described ?? {})) {
      if (required.has(name)) add(`${pointer}/${escapePointerSegment(name)}`, isSchemaObject(sub) ? sub : {}, promise);
    }
  };
  for (const pointer of pointers) {
    if (!pointer.startsWith('/')) throw new UsageError(`field "${pointer}" is not a JSON pointer (write it like /data/state)`);
    const located = locateField(eventType.schema, pointer);
    if (located.schema === undefined) {
      const known = [...eventType.requiredPaths, ...eventType.optionalPaths];
      throw new UsageError(`the spec has no field ${pointer} in ${type} events (it has: ${listPointers(known, 40)})`);
    }
    if (throughArray(eventType.schema, pointer)) throw new UsageError(`field ${pointer} lies inside an array: rely on the array itself`);
    add(pointer, located.schema, located.promise);
  }
  return selected;
}

function throughArray(schema: SchemaObject, pointer: string): boolean {
  return ancestorPointers(pointer).some((ancestor) => schemaTypes(locateField(schema, ancestor).schema ?? {}, { inferred: true }).includes('array'));
}

/** The selected fields in the order the example holds them (the schema's order). */
function orderLike(example: unknown, selected: ReadonlyMap<string, ReliedField>): ReliedField[] {
  const ordered: ReliedField[] = [];
  const visit = (value: unknown, pointer: string): void => {
    const field = selected.get(pointer);
    if (field !== undefined) ordered.push(field);
    if (!isSchemaObject(value)) return;
    for (const [key, sub] of Object.entries(value)) visit(sub, `${pointer}/${escapePointerSegment(key)}`);
  };
  visit(example, '');
  return ordered;
}

/**
 * A copy of `event` with only the kept fields and the objects that hold them. A kept object keeps
 * only its kept fields: an object is matched by its fields, never by its example's other keys.
 */
function cut(event: GeneratedEvent, keep: ReadonlySet<string>): Record<string, unknown> {
  const visit = (value: Record<string, unknown>, pointer: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(value)) {
      const path = `${pointer}/${escapePointerSegment(key)}`;
      if (!keep.has(path) && ![...keep].some((k) => k.startsWith(`${path}/`))) continue;
      out[key] = isSchemaObject(sub) ? visit(sub, path) : sub;
    }
    return out;
  };
  return visit(event, '');
}

function defaultDescription(type: string, fields: ExpectedEventOptions['fields']): string {
  if (fields === 'required') return `${type} event relying on every field the spec promises`;
  return fields.length === 0 ? `${type} event` : `${type} event relying on ${fields.join(', ')}`;
}

function notes(engine: Engine, type: string, fields: readonly ReliedField[]): string[] {
  const eventType = engine.catalogue.get(type);
  const out: string[] = [];
  for (const field of fields) {
    if (field.promise === 'optional' && !fields.some((f) => f.promise === 'optional' && field.pointer.startsWith(`${f.pointer}/`))) {
      out.push(`relies on ${field.pointer}, which the spec lets gridX omit`);
    }
    const schema = locateField(eventType.schema, field.pointer).schema;
    if (field.matcher !== undefined && schema !== undefined && schemaTypes(schema, { inferred: true }).includes('null')) {
      out.push(`relies on ${field.pointer}, which the spec lets gridX send as null (Pact cannot match "or null")`);
    }
  }
  return out;
}
