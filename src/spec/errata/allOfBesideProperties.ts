import { schemasOf } from '../eventRoot';
import { isSchemaObject, type SchemaObject } from '../types';
import { cloneSpec, type Defect, type Erratum } from './erratum';
import { escapePointerSegment } from '../../jsonPointer';

// Keywords that, next to an allOf, describe the same object and belong inside it as one more member.
const MOVABLE = ['properties', 'required', 'additionalProperties', 'type'] as const;

function visit(node: unknown, pointer: string, onHit: (schema: SchemaObject, pointer: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => visit(item, `${pointer}/${i}`, onHit));
    return;
  }
  if (!isSchemaObject(node)) return;
  if (Array.isArray(node.allOf) && (isSchemaObject(node.properties) || Array.isArray(node.required))) onHit(node, pointer);
  for (const [key, value] of Object.entries(node)) visit(value, `${pointer}/${escapePointerSegment(key)}`, onHit);
}

export const allOfBesideProperties: Erratum = {
  id: 'allof-beside-properties',
  title: 'allOf placed beside the schema’s own properties',
  correction:
    'A schema (EVStateChangeEventData) has its own `properties`/`required` and an `allOf` next to them. JSON ' +
    'Schema combines both, but OpenAPI tools disagree on it (some code generators drop one side). hookproof ' +
    'moves the own keywords into the allOf as one more member, so every consumer reads the conjunction.',
  find(spec) {
    const defects: Defect[] = [];
    visit(schemasOf(spec), '/components/schemas', (schema, pointer) => {
      defects.push({
        code: 'allof-beside-properties',
        pointer,
        message: `allOf stands beside own ${MOVABLE.filter((k) => k in schema).join('/')}; read as one more allOf member`,
        erratum: this.id,
      });
    });
    return defects;
  },
  correct(spec) {
    const copy = cloneSpec(spec);
    visit(schemasOf(copy), '', (schema) => {
      const member: SchemaObject = {};
      for (const key of MOVABLE) {
        if (key in schema) {
          member[key] = schema[key];
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- moves each keyword of MOVABLE from the schema (a copy) into the allOf member
          delete schema[key];
        }
      }
      (schema.allOf as unknown[]).push(member);
    });
    return copy;
  },
};
