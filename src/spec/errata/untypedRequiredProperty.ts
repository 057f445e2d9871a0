import { schemasOf } from '../eventRoot';
import { isSchemaObject, type SchemaObject } from '../types';
import { cloneSpec, type Defect, type Erratum } from './erratum';
import { escapePointerSegment } from '../../jsonPointer';

function eachHit(schemas: Record<string, SchemaObject>, onHit: (schema: SchemaObject, property: string, pointer: string) => void): void {
  const visit = (node: unknown, pointer: string, inAllOf = false): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${pointer}/${i}`, inAllOf));
      return;
    }
    if (!isSchemaObject(node)) return;
    // An allOf member may require what a sibling member describes, so only whole schemas count.
    if (!inAllOf && Array.isArray(node.required) && node.allOf === undefined) {
      const properties = isSchemaObject(node.properties) ? node.properties : {};
      for (const name of node.required) {
        // Only when the object describes its properties at all: a bare `required` list is a
        // constraint added to another schema, not a missing description.
        if (typeof name === 'string' && isSchemaObject(node.properties) && !(name in properties)) onHit(node, name, pointer);
      }
    }
    for (const [key, value] of Object.entries(node)) visit(value, `${pointer}/${escapePointerSegment(key)}`, key === 'allOf');
  };
  visit(schemas, '/components/schemas');
}

export const untypedRequiredProperty: Erratum = {
  id: 'untyped-required-property',
  title: 'A required property has no schema',
  correction:
    'The envelope requires `accountID` but never describes it, so taken literally any JSON value (an object, ' +
    'null) would be valid. gridX sends an identifier string, as CloudEvents extension attributes are; ' +
    'hookproof describes such a property as a string, for generation and validation alike.',
  find(spec) {
    const defects: Defect[] = [];
    eachHit(schemasOf(spec), (_schema, property, pointer) => {
      defects.push({ code: 'untyped-required-property', pointer: `${pointer}/required`, message: `"${property}" is required but has no schema; read as a string`, erratum: this.id });
    });
    return defects;
  },
  correct(spec) {
    const copy = cloneSpec(spec);
    eachHit(schemasOf(copy), (schema, property) => {
      (schema.properties as SchemaObject)[property] = { type: 'string', description: 'Described by hookproof (erratum untyped-required-property).' };
    });
    return copy;
  },
};
