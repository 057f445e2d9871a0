import fc from 'fast-check';
import { jsonValueArbitrary } from '../jsonValue';
import { lazy } from '../lazy';
import { isSchemaObject, type SchemaObject } from '../../spec/types';
import type { InvalidKind } from './invalidCase';
import { badFormatArbitrary, enumOutsideArbitrary, outOfRangeArbitrary, wrongTypeArbitrary } from './replacements';
import { schemaFields, type SchemaField } from '../../schemas/schemaFields';

/** One way to break one field: a kind, the field, and (unless the field is removed) what to put there. */
export interface MutationSite {
  readonly kind: Extract<InvalidKind, 'missing-required' | 'wrong-type' | 'enum-outside' | 'bad-format' | 'out-of-range' | 'unknown-property'>;
  /** The broken field; for `unknown-property`, the closed object that gets one more property. */
  readonly pointer: string;
  readonly replacement?: fc.Arbitrary<unknown>;
  /** For `unknown-property`: names the closed object does not describe. */
  readonly unknownName?: fc.Arbitrary<string>;
}

/**
 * Every field-level constraint of an event schema that a single change can break, found by
 * walking the schema. The discriminator is left to the type-level mutations.
 */
export function mutationSites(schema: SchemaObject, discriminator: string): MutationSite[] {
  // schemaFields lists parents before children, so each field's sites come before those below it.
  const sites = [...closedObjectSite(schema, ''), ...schemaFields(schema).flatMap(fieldSites)];
  return sites.filter((site) => site.pointer !== `/${discriminator}` || site.kind === 'missing-required' || site.kind === 'wrong-type');
}

/** The ways to break one field: remove it when required, replace its value, add to it when closed. */
function fieldSites(field: SchemaField): MutationSite[] {
  const { pointer, schema: sub } = field;
  const sites: MutationSite[] = field.requiredInParent ? [{ kind: 'missing-required', pointer }] : [];
  const candidates: Array<[MutationSite['kind'], fc.Arbitrary<unknown> | undefined]> = [
    ['wrong-type', wrongTypeArbitrary(sub)],
    ['enum-outside', enumOutsideArbitrary(sub)],
    ['bad-format', badFormatArbitrary(sub)],
    ['out-of-range', outOfRangeArbitrary(sub)],
  ];
  for (const [kind, replacement] of candidates) {
    if (replacement !== undefined && !(kind === 'wrong-type' && sub.const !== undefined && sub.type === undefined)) {
      sites.push({ kind, pointer, replacement });
    }
  }
  return [...sites, ...closedObjectSite(sub, pointer)];
}

/** Built once and shared (building a regular expression's arbitrary takes milliseconds; an arbitrary holds no state). */
const unknownPropertyName = lazy(() => fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,11}$/));

/** An object closed by `additionalProperties: false` is broken by one property it does not describe. */
function closedObjectSite(schema: SchemaObject, pointer: string): MutationSite[] {
  if (schema.additionalProperties !== false) return [];
  const described = new Set(Object.keys(isSchemaObject(schema.properties) ? schema.properties : {}));
  const patterns = isSchemaObject(schema.patternProperties) ? Object.keys(schema.patternProperties).map((p) => new RegExp(p, 'u')) : [];
  const unknownName = unknownPropertyName().filter((name) => !described.has(name) && !patterns.some((p) => p.test(name)));
  return [{ kind: 'unknown-property', pointer, replacement: jsonValueArbitrary(), unknownName }];
}
