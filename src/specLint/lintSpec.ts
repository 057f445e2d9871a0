import { engineFromSpec } from '../engine';
import { SpecInvalidError } from '../errors';
import type { EventCatalogue } from '../schemas/catalogue';
import { unknownFormats } from '../schemas/ajvInstance';
import { applyErrata } from '../spec/applyErrata';
import type { Defect } from '../spec/errata';
import { nonSchemaProperties } from '../spec/errata/keywordUnderProperties';
import { findEventRoot, schemasOf, type EventRoot } from '../spec/eventRoot';
import { collectRefs, resolvePointer, schemaNameOfRef } from '../spec/refs';
import { isSchemaObject, type SpecDocument } from '../spec/types';
import { escapePointerSegment } from '../jsonPointer';

/** What the lint found in a spec file. */
export interface LintReport {
  /** Defects an erratum corrects (each names it), in the order the errata are applied. */
  readonly defects: readonly Defect[];
  /** Defects hookproof cannot correct: the spec must be fixed before the engine can trust it. */
  readonly unhandled: readonly Defect[];
}

/**
 * Lints a raw spec. The handled part is exactly what the catalogue corrects (the errata run in
 * order, each on the output of the previous one); the unhandled part lists dangling `$ref`s,
 * discriminator mappings to missing schemas, oneOf members no mapping names, formats no validator
 * knows, and anything that stops the spec from loading. Loading is run exactly as every command
 * runs it (errata, catalogue, compiled validators), so a spec with nothing unhandled loads.
 * Never throws on a bad spec.
 */
export function lintSpec(spec: SpecDocument): LintReport {
  const built = tryLoad(spec);
  const catalogue = built instanceof LoadFailure ? undefined : built;
  const root = eventRootOrUndefined(spec);
  const unhandled: Defect[] = [...danglingRefs(spec), ...(root === undefined ? [] : mappingDefects(spec, root)), ...formatDefects(spec, catalogue), ...notSchemas(spec)];
  if (built instanceof LoadFailure) {
    unhandled.push({ code: 'does-not-load', pointer: '', message: built.message });
  }
  return { defects: [...(catalogue?.corrected ?? correctedOrNone(spec))], unhandled };
}

/** Why loading failed, as one line without the "invalid spec <path>:" prefix. */
class LoadFailure {
  constructor(readonly message: string) {}
}

function tryLoad(spec: SpecDocument): EventCatalogue | LoadFailure {
  try {
    return engineFromSpec(spec).catalogue;
  } catch (error) {
    if (error instanceof SpecInvalidError) return new LoadFailure(withoutPathPrefix(error.message, spec.path));
    // Loading would stop with this error too: the lint says so rather than passing the spec.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return new LoadFailure(`loading fails: ${message}`);
  }
}

/** The errata's findings when the catalogue could not be built (they may still run). */
function correctedOrNone(spec: SpecDocument): readonly Defect[] {
  try {
    return applyErrata(spec).corrected;
  } catch {
    return []; // already reported as does-not-load
  }
}

function eventRootOrUndefined(spec: SpecDocument): EventRoot | undefined {
  try {
    return findEventRoot(spec);
  } catch (error) {
    if (error instanceof SpecInvalidError) return undefined;
    throw error;
  }
}

function danglingRefs(spec: SpecDocument): Defect[] {
  const defects: Defect[] = [];
  for (const { ref, at } of collectRefs(spec.document)) {
    let target: unknown;
    try {
      target = resolvePointer(spec, ref);
    } catch (error) {
      if (!(error instanceof SpecInvalidError)) throw error;
      defects.push({ code: 'unsupported-ref', pointer: at, message: `$ref "${ref}" is not a local reference (only "#/..." is supported)` });
      continue;
    }
    if (target === undefined) defects.push({ code: 'unresolved-ref', pointer: at, message: `$ref "${ref}" points to nothing` });
  }
  return defects;
}

/** `properties` entries that are not schemas and that no erratum can move (see keywordUnderProperties). */
function notSchemas(spec: SpecDocument): Defect[] {
  return nonSchemaProperties(schemasOf(spec))
    .filter((entry) => !entry.movable)
    .map((entry) => ({
      code: 'property-not-a-schema',
      pointer: entry.pointer,
      message: `property "${entry.name}" is described by ${JSON.stringify(entry.value)}, which is not a schema`,
    }));
}

function mappingDefects(spec: SpecDocument, root: EventRoot): Defect[] {
  const schemas = schemasOf(spec);
  const rootSchema = schemas[root.rootName];
  const rootPointer = `/components/schemas/${escapePointerSegment(root.rootName)}`;
  const defects: Defect[] = [];
  for (const [type, schemaName] of Object.entries(root.mapping)) {
    if (!isSchemaObject(schemas[schemaName])) {
      defects.push({
        code: 'mapping-missing-schema',
        pointer: `${rootPointer}/discriminator/mapping/${escapePointerSegment(type)}`,
        message: `discriminator maps "${type}" to schema "${schemaName}", which does not exist`,
      });
    }
  }
  const mapped = new Set(Object.values(root.mapping));
  const members: unknown[] = isSchemaObject(rootSchema) && Array.isArray(rootSchema.oneOf) ? rootSchema.oneOf : [];
  members.forEach((member, i) => {
    const name = isSchemaObject(member) && typeof member.$ref === 'string' ? schemaNameOfRef(member.$ref) : undefined;
    if (name !== undefined && !mapped.has(name)) {
      defects.push({
        code: 'oneof-member-unmapped',
        pointer: `${rootPointer}/oneOf/${i}`,
        message: `${name} is a oneOf member but no discriminator value selects it, so no event is ever validated against it`,
      });
    }
  });
  return defects;
}

/**
 * Formats that no validator knows, located in the file. The names come from the catalogue's
 * schemas (what validation really sees); without a catalogue, from the raw schemas. Only `format`
 * keywords in schema positions count: unknownFormats also looks inside examples, where a
 * "format" key is data.
 */
function formatDefects(spec: SpecDocument, catalogue: EventCatalogue | undefined): Defect[] {
  const unknown = new Set(unknownFormats(catalogue === undefined ? [schemasOf(spec)] : catalogue.types.map((t) => t.schema)));
  if (unknown.size === 0) return [];
  const defects: Defect[] = [];
  // In a name → schema map (components.schemas, properties) every key is a name, not a keyword.
  const visit = (node: unknown, pointer: string, isNameMap: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${pointer}/${i}`, false));
      return;
    }
    if (!isSchemaObject(node)) return;
    if (!isNameMap && typeof node.format === 'string' && unknown.has(node.format)) {
      defects.push(unknownFormat(node.format, `${pointer}/format`));
    }
    for (const [key, value] of Object.entries(node)) {
      if (isNameMap || !VALUE_KEYWORDS.has(key)) visit(value, `${pointer}/${escapePointerSegment(key)}`, !isNameMap && NAME_MAPS.has(key));
    }
  };
  visit(schemasOf(spec), '/components/schemas', true);
  return defects;
}

// Keywords whose values are data, not schemas: a "format" key inside them is not a format.
const VALUE_KEYWORDS = new Set(['example', 'examples', 'enum', 'const', 'default']);
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);

function unknownFormat(name: string, pointer: string): Defect {
  return { code: 'unknown-format', pointer, message: `format "${name}" is not known to any validator; values are not checked against it` };
}

function withoutPathPrefix(message: string, path: string): string {
  const prefix = `invalid spec ${path}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
