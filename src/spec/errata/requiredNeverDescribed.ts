import { flattenAllOf } from '../flattenAllOf';
import { openapiToJsonSchema } from '../openapiToJsonSchema';
import { schemasOf, type EventRoot } from '../eventRoot';
import { inlineRefs, schemaNameOfRef } from '../refs';
import { isSchemaObject, type SchemaObject, type SpecDocument } from '../types';
import { escapePointerSegment } from '../../jsonPointer';
import { cloneSpec, type Defect, type Erratum } from './erratum';

const DATA = new Set(['example', 'examples', 'enum', 'const', 'default']);

/** Names an event type's composed schema requires at some level without describing them. */
function undescribedNames(spec: SpecDocument, schemaName: string): Set<string> {
  const names = new Set<string>();
  let flat: unknown;
  try {
    flat = flattenAllOf(openapiToJsonSchema(inlineRefs(spec, { $ref: `#/components/schemas/${escapePointerSegment(schemaName)}` })));
  } catch {
    return names; // a spec that cannot be composed is reported by loading, not here
  }
  const visit = (node: unknown): void => {
    if (!isSchemaObject(node)) return;
    const properties = isSchemaObject(node.properties) ? node.properties : {};
    if (Array.isArray(node.required)) for (const name of node.required) if (typeof name === 'string' && !(name in properties)) names.add(name);
    Object.values(properties).forEach(visit);
    visit(node.items);
  };
  visit(flat);
  return names;
}

/** Component schema names reachable from one schema through `$ref`s (itself included). */
function reachable(schemas: Record<string, SchemaObject>, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(collect);
      return;
    }
    if (!isSchemaObject(node)) return;
    const name = typeof node.$ref === 'string' ? schemaNameOfRef(node.$ref) : undefined;
    if (name !== undefined && !seen.has(name) && isSchemaObject(schemas[name])) {
      seen.add(name);
      queue.push(name);
    }
    for (const [key, value] of Object.entries(node)) if (!DATA.has(key)) collect(value);
  };
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) collect(schemas[name]);
  return seen;
}

interface Site {
  readonly node: SchemaObject;
  readonly pointer: string;
  readonly name: string;
  readonly types: string[];
}

/** The schema nodes that require an undescribed name, with the event types that see it undescribed. */
function sites(spec: SpecDocument, root: EventRoot): Site[] {
  const schemas = schemasOf(spec);
  const byKey = new Map<string, Site>();
  for (const [type, schemaName] of Object.entries(root.mapping)) {
    if (!isSchemaObject(schemas[schemaName])) continue;
    const names = undescribedNames(spec, schemaName);
    if (names.size === 0) continue;
    for (const component of reachable(schemas, schemaName)) {
      const visit = (node: unknown, pointer: string): void => {
        if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${pointer}/${i}`));
      return;
    }
        if (!isSchemaObject(node)) return;
        const own = isSchemaObject(node.properties) ? node.properties : {};
        if (Array.isArray(node.required)) {
          for (const name of node.required) {
            if (typeof name !== 'string' || !names.has(name) || name in own) continue;
            const key = `${pointer} ${name}`;
            const site = byKey.get(key) ?? { node, pointer, name, types: [] };
            if (!site.types.includes(type)) site.types.push(type);
            byKey.set(key, site);
          }
        }
        for (const [key, value] of Object.entries(node)) if (!DATA.has(key)) visit(value, `${pointer}/${escapePointerSegment(key)}`);
      };
      visit(schemas[component], `/components/schemas/${escapePointerSegment(component)}`);
    }
  }
  return [...byKey.values()];
}

export const requiredNeverDescribed: Erratum = {
  id: 'required-never-described',
  title: 'A required property that no part of the event describes',
  correction:
    'EVStateChangeEventData (2025-08 to 2025-10) requires `state` and leaves its description to the schemas ' +
    'built on it; EVMeasurementEventData (ev/measurement) never describes it. JSON Schema reads that as ' +
    '"present, with any value", but strict validators refuse it as a likely mistake, so the file did not load. ' +
    'hookproof keeps the literal meaning and writes it out: the property is described as any JSON value ({}) ' +
    'where it is required, a no-op for the types that describe it, so the schema compiles, generators send it ' +
    'and mutations can remove it. gridX dropped the requirement later; `hookproof diff` reports that change.',
  find(spec, root) {
    return sites(spec, root).map(
      (site): Defect => ({
        code: 'required-never-described',
        pointer: `${site.pointer}/required`,
        message: `"${site.name}" is required but ${site.types.join(', ')} never describe${site.types.length === 1 ? 's' : ''} it; read as any JSON value`,
        erratum: this.id,
      }),
    );
  },
  correct(spec, root) {
    const copy = cloneSpec(spec);
    for (const site of sites(copy, root)) {
      const properties = isSchemaObject(site.node.properties) ? site.node.properties : {};
      properties[site.name] = {};
      site.node.properties = properties;
    }
    return copy;
  },
};
