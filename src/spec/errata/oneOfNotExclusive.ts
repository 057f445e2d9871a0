import { discriminatorValues, schemasOf } from '../eventRoot';
import { type Defect, type Erratum } from './erratum';
import { escapePointerSegment } from '../../jsonPointer';

export const oneOfNotExclusive: Erratum = {
  id: 'oneof-not-exclusive',
  title: 'The event oneOf lists schemas that do not exclude each other',
  correction:
    'A `oneOf` fails when an event matches two members, and some members accept the same `type` (or say ' +
    'nothing about it). hookproof never validates the oneOf as written: it dispatches on the discriminator ' +
    'property through the mapping and validates against exactly one schema per event type.',
  find(spec, root) {
    const schemas = schemasOf(spec);
    const defects: Defect[] = [];
    const values = root.oneOf.map((name) => ({ name, types: new Set(discriminatorValues(schemas, schemas[name], root.propertyName)) }));
    const pointer = `/components/schemas/${escapePointerSegment(root.rootName)}/oneOf`;
    values.forEach((a, i) => {
      if (a.types.size === 0) {
        defects.push({ code: 'oneof-member-unconstrained', pointer: `${pointer}/${i}`, message: `${a.name} does not constrain "${root.propertyName}", so it overlaps every other member`, erratum: this.id });
      }
      values.slice(i + 1).forEach((b) => {
        const shared = [...a.types].filter((t) => b.types.has(t));
        if (shared.length > 0) {
          defects.push({ code: 'oneof-overlap', pointer, message: `${a.name} and ${b.name} both accept ${root.propertyName} ${shared.map((t) => `"${t}"`).join(', ')}`, erratum: this.id });
        }
      });
    });
    return defects;
  },
  // The correction is structural (dispatch instead of oneOf), so the document itself is unchanged.
  correct(spec) {
    return spec;
  },
};
