import { discriminatorValues, schemasOf } from '../eventRoot';
import { isSchemaObject, type SchemaObject } from '../types';
import { cloneSpec, type Defect, type Erratum } from './erratum';
import { escapePointerSegment } from '../../jsonPointer';

/** Event type → its schema, for the mapped types whose schema's own enum does not allow them. */
function mismatches(schemas: Record<string, SchemaObject>, mapping: Readonly<Record<string, string>>, propertyName: string): Map<string, string[]> {
  const bySchema = new Map<string, string[]>();
  for (const [type, schemaName] of Object.entries(mapping)) {
    const allowed = discriminatorValues(schemas, schemas[schemaName], propertyName);
    if (allowed.length > 0 && !allowed.includes(type)) {
      bySchema.set(schemaName, [...(bySchema.get(schemaName) ?? []), type]);
    }
  }
  return bySchema;
}

/** Finds the inline part of a schema (itself or one of its allOf members) that holds the enum. */
function enumHolders(schema: SchemaObject, propertyName: string, pointer: string): Array<{ property: SchemaObject; pointer: string }> {
  const found: Array<{ property: SchemaObject; pointer: string }> = [];
  const own = isSchemaObject(schema.properties) ? schema.properties[propertyName] : undefined;
  if (isSchemaObject(own) && (Array.isArray(own.enum) || own.const !== undefined)) {
    found.push({ property: own, pointer: `${pointer}/properties/${escapePointerSegment(propertyName)}` });
  }
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((part: unknown, i) => {
      if (isSchemaObject(part) && part.$ref === undefined) found.push(...enumHolders(part, propertyName, `${pointer}/allOf/${i}`));
    });
  }
  return found;
}

export const discriminatorEnumMismatch: Erratum = {
  id: 'discriminator-enum-mismatch',
  title: 'A mapped schema does not allow the event type that maps to it',
  correction:
    'The discriminator mapping sends a type (e.g. `system/action`) to a schema whose own `type` enum allows ' +
    'only other values (e.g. `ping`), so no valid event of that type exists and the other value matches two ' +
    'schemas. The mapping is authoritative: hookproof replaces that enum with the types mapped to the schema.',
  find(spec, root) {
    const schemas = schemasOf(spec);
    const defects: Defect[] = [];
    for (const [schemaName, types] of mismatches(schemas, root.mapping, root.propertyName)) {
      const schema = schemas[schemaName];
      if (schema === undefined) continue;
      for (const holder of enumHolders(schema, root.propertyName, `/components/schemas/${escapePointerSegment(schemaName)}`)) {
        const allowed = Array.isArray(holder.property.enum) ? holder.property.enum : [holder.property.const];
        defects.push({
          code: 'discriminator-enum-mismatch',
          pointer: holder.pointer,
          message: `mapping sends ${types.map((t) => `"${t}"`).join(', ')} to ${schemaName}, whose ${root.propertyName} allows only ${JSON.stringify(allowed)}`,
          erratum: this.id,
        });
      }
    }
    return defects;
  },
  correct(spec, root) {
    const copy = cloneSpec(spec);
    const schemas = schemasOf(copy);
    for (const schemaName of mismatches(schemas, root.mapping, root.propertyName).keys()) {
      const schema = schemas[schemaName];
      if (schema === undefined) continue;
      const mapped = Object.keys(root.mapping).filter((type) => root.mapping[type] === schemaName);
      for (const holder of enumHolders(schema, root.propertyName, '')) {
        delete holder.property.const;
        holder.property.enum = mapped;
      }
    }
    return copy;
  },
};
