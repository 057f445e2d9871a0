import type fc from 'fast-check';
import { isSchemaObject, type SchemaObject } from '../../spec/types';
import type { InvalidKind } from './invalidCase';
import { badFormatArbitrary, enumOutsideArbitrary, outOfRangeArbitrary, wrongTypeArbitrary } from './replacements';
import { escapePointerSegment } from '../../jsonPointer';

/** One way to break one field: a kind, the field, and (unless the field is removed) what to put there. */
export interface MutationSite {
  readonly kind: Extract<InvalidKind, 'missing-required' | 'wrong-type' | 'enum-outside' | 'bad-format' | 'out-of-range'>;
  readonly pointer: string;
  readonly replacement?: fc.Arbitrary<unknown>;
}

/**
 * Every field-level constraint of an event schema that a single change can break, found by
 * walking the schema. The discriminator is left to the type-level mutations.
 */
export function mutationSites(schema: SchemaObject, discriminator: string): MutationSite[] {
  const sites: MutationSite[] = [];
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
    walk(sub, path, sites);
  }
}
