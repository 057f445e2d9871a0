import fc from 'fast-check';
import { jsonValueArbitrary } from '../jsonValue';
import { isSchemaObject, type SchemaObject } from '../../spec/types';
import type { InvalidKind } from './invalidCase';
import { badFormatArbitrary, enumOutsideArbitrary, outOfRangeArbitrary, wrongTypeArbitrary } from './replacements';
import { escapePointerSegment } from '../../jsonPointer';

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
  const sites: MutationSite[] = [];
  closedObjectSite(schema, '', sites);
  walk(schema, '', sites);
  return sites.filter((site) => site.pointer !== `/${discriminator}` || site.kind === 'missing-required' || site.kind === 'wrong-type');
}

function walk(schema: SchemaObject, pointer: string, sites: MutationSite[]): void {
  if (!isSchemaObject(schema.properties)) return;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const [name, sub] of Object.entries(schema.properties)) {
    if (!isSchemaObject(sub)) continue;
    const path = `${pointer}/${escapePointerSegment(name)}`;
    if (required.has(name)) sites.push({ kind: 'missing-required', pointer: path });
    const candidates: Array<[MutationSite['kind'], fc.Arbitrary<unknown> | undefined]> = [
      ['wrong-type', wrongTypeArbitrary(sub)],
      ['enum-outside', enumOutsideArbitrary(sub)],
      ['bad-format', badFormatArbitrary(sub)],
      ['out-of-range', outOfRangeArbitrary(sub)],
    ];
    for (const [kind, replacement] of candidates) {
      if (replacement !== undefined && !(kind === 'wrong-type' && sub.const !== undefined && sub.type === undefined)) {
        sites.push({ kind, pointer: path, replacement });
      }
    }
    closedObjectSite(sub, path, sites);
    walk(sub, path, sites);
  }
}

/** An object closed by `additionalProperties: false` is broken by one property it does not describe. */
function closedObjectSite(schema: SchemaObject, pointer: string, sites: MutationSite[]): void {
  if (schema.additionalProperties !== false) return;
  const described = new Set(Object.keys(isSchemaObject(schema.properties) ? schema.properties : {}));
  const patterns = isSchemaObject(schema.patternProperties) ? Object.keys(schema.patternProperties).map((p) => new RegExp(p, 'u')) : [];
  const unknownName = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,11}$/).filter((name) => !described.has(name) && !patterns.some((p) => p.test(name)));
  sites.push({ kind: 'unknown-property', pointer, replacement: jsonValueArbitrary, unknownName });
}
