import { createEngine, type Engine } from '../engine';
import { fieldPaths } from '../schemas/schemaFields';
import type { EventType } from '../schemas/catalogue';
import { compareSchemas } from './compareSchemas';
import { crossValidate } from './empirical';
import type { EmpiricalResult, FieldDiff, SchemaChange, SpecDiff } from './specDiff';

/** Options of {@link diffSpecs}. */
export interface DiffOptions {
  /** Events generated per common type and direction for the empirical proof (default 200). */
  readonly runs?: number;
  /** Seed of the empirical proof (default 1): the same specs and seed give the same report. */
  readonly seed?: number;
  /** Generate and cross-validate events (default true); false keeps only the schema comparison. */
  readonly empirical?: boolean;
}

export const DIFF_DEFAULTS = { runs: 200, seed: 1 } as const;

/**
 * Compares two versions of the spec: event types and fields added and removed, every classified
 * change with who it breaks, and (unless turned off) the empirical proof: for each type in both,
 * events valid under one spec that the other rejects. Pure apart from the CPU it burns.
 */
export function diffSpecs(before: Engine, after: Engine, options: DiffOptions = {}): SpecDiff {
  const runs = options.runs ?? DIFF_DEFAULTS.runs;
  const seed = options.seed ?? DIFF_DEFAULTS.seed;
  const empirical = options.empirical ?? true;
  const oldTypes = new Map(before.catalogue.types.map((t) => [t.type, t]));
  const newTypes = new Map(after.catalogue.types.map((t) => [t.type, t]));
  const added = [...newTypes.keys()].filter((t) => !oldTypes.has(t));
  const removed = [...oldTypes.keys()].filter((t) => !newTypes.has(t));
  const common = [...oldTypes.keys()].filter((t) => newTypes.has(t));

  const changes: SchemaChange[] = [
    ...added.map((type): SchemaChange => ({ type, pointer: '', kind: 'event-type-added', breaks: [], message: describeAdded(newTypes.get(type)) })),
    ...removed.map((type): SchemaChange => ({
      type,
      pointer: '',
      kind: 'event-type-removed',
      breaks: ['sender'],
      message: 'events of this type are no longer valid; receivers subscribed to it stop getting them',
    })),
  ];
  const fields: FieldDiff[] = [];
  const results: EmpiricalResult[] = [];
  for (const type of common) {
    const o = oldTypes.get(type) as EventType;
    const n = newTypes.get(type) as EventType;
    changes.push(...deprecationChange(o, n), ...compareSchemas(type, o.schema, n.schema));
    const fieldDiff = diffFields(o, n);
    if (fieldDiff.added.length > 0 || fieldDiff.removed.length > 0) fields.push(fieldDiff);
    if (empirical) {
      const engines = { old: before, new: after };
      results.push(crossValidate(type, 'receiver', engines, runs, seed), crossValidate(type, 'sender', engines, runs, seed));
    }
  }

  changes.sort((a, b) => compareText(a.type, b.type) || compareText(a.pointer, b.pointer));
  const broken = (side: 'receiver' | 'sender'): boolean => changes.some((c) => c.breaks.includes(side)) || results.some((r) => r.breaks === side && r.counterexample !== undefined);
  const breaks = { receiver: broken('receiver'), sender: broken('sender') };
  return {
    old: { path: before.spec.path, sha256: before.spec.sha256 },
    new: { path: after.spec.path, sha256: after.spec.sha256 },
    types: { added, removed, common },
    fields,
    changes,
    empirical: { ran: empirical, runs, seed, results },
    breaks,
    breaking: breaks.receiver || breaks.sender,
  };
}

/** Loads both spec files (throwing SpecUnreadableError / SpecInvalidError) and diffs them. */
export function diffSpecFiles(oldPath: string, newPath: string, options: DiffOptions = {}): SpecDiff {
  return diffSpecs(createEngine({ specPath: oldPath }), createEngine({ specPath: newPath }), options);
}

function describeAdded(type: EventType | undefined): string {
  return type?.deprecated === true ? 'new event type (deprecated)' : 'new event type';
}

function deprecationChange(before: EventType, after: EventType): SchemaChange[] {
  if (before.deprecated === after.deprecated) return [];
  return after.deprecated
    ? [{ type: after.type, pointer: '', kind: 'event-type-deprecated', breaks: [], message: 'event type deprecated' }]
    : [{ type: after.type, pointer: '', kind: 'event-type-undeprecated', breaks: [], message: 'event type no longer deprecated' }];
}

function diffFields(before: EventType, after: EventType): FieldDiff {
  const all = (t: EventType): string[] => {
    const paths = fieldPaths(t.schema);
    return [...paths.required, ...paths.optional];
  };
  const oldFields = new Set(all(before));
  const newFields = new Set(all(after));
  return {
    type: before.type,
    added: [...newFields].filter((f) => !oldFields.has(f)).sort(),
    removed: [...oldFields].filter((f) => !newFields.has(f)).sort(),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
