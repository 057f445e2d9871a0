import { isSchemaObject, type SchemaObject } from '../spec/types';
import { keywordChanges } from './keywordChanges';
import type { BrokenSide, SchemaChange } from './specDiff';
import { escapePointerSegment } from '../jsonPointer';

/**
 * Every classified difference between two flat (allOf-free, refs inlined) schemas of one event
 * type, walking both in step: the node's own keywords, then its properties and array items.
 */
export function compareSchemas(type: string, before: SchemaObject, after: SchemaObject): SchemaChange[] {
  const changes: SchemaChange[] = [];
  walk(before, after, '', (pointer, change) => changes.push({ type, pointer, ...change }));
  return changes;
}

type Emit = (pointer: string, change: Omit<SchemaChange, 'type' | 'pointer'>) => void;

function walk(before: SchemaObject, after: SchemaObject, pointer: string, emit: Emit): void {
  for (const change of keywordChanges(before, after)) emit(pointer, change);
  compareObject(before, after, pointer, emit);
  const oldItems = isSchemaObject(before.items) ? before.items : undefined;
  const newItems = isSchemaObject(after.items) ? after.items : undefined;
  if (oldItems !== undefined || newItems !== undefined) walk(oldItems ?? {}, newItems ?? {}, `${pointer}/0`, emit);
}

function compareObject(before: SchemaObject, after: SchemaObject, pointer: string, emit: Emit): void {
  const oldProps = isSchemaObject(before.properties) ? before.properties : {};
  const newProps = isSchemaObject(after.properties) ? after.properties : {};
  const oldRequired = requiredOf(before);
  const newRequired = requiredOf(after);
  const oldClosed = before.additionalProperties === false;
  const newClosed = after.additionalProperties === false;
  const names = [...new Set([...Object.keys(oldProps), ...oldRequired, ...Object.keys(newProps), ...newRequired])];

  for (const name of names) {
    const path = `${pointer}/${escapePointerSegment(name)}`;
    const inOld = name in oldProps || oldRequired.has(name);
    const inNew = name in newProps || newRequired.has(name);
    if (!inOld) {
      const required = newRequired.has(name);
      const breaks = sides(required && 'sender', oldClosed && 'receiver');
      emit(path, {
        kind: required ? 'required-field-added' : 'field-added',
        keyword: 'properties',
        breaks,
        message: required ? 'required field added' : 'optional field added',
      });
      continue;
    }
    if (!inNew) {
      const required = oldRequired.has(name);
      emit(path, {
        kind: required ? 'required-field-removed' : 'field-removed',
        keyword: 'properties',
        breaks: sides(required && 'receiver', newClosed && 'sender'),
        message: required ? 'required field removed (receivers can no longer rely on it)' : 'optional field removed',
      });
      continue;
    }
    if (!oldRequired.has(name) && newRequired.has(name)) {
      emit(path, { kind: 'field-became-required', keyword: 'required', breaks: ['sender'], message: 'field became required' });
    } else if (oldRequired.has(name) && !newRequired.has(name)) {
      emit(path, { kind: 'field-became-optional', keyword: 'required', breaks: ['receiver'], message: 'field became optional (receivers can no longer rely on it)' });
    }
    const oldSub = oldProps[name];
    const newSub = newProps[name];
    walk(isSchemaObject(oldSub) ? oldSub : {}, isSchemaObject(newSub) ? newSub : {}, path, emit);
  }

  if (!oldClosed && newClosed) {
    emit(pointer, { kind: 'additional-properties-closed', keyword: 'additionalProperties', breaks: ['sender'], message: 'unknown properties no longer allowed' });
  } else if (oldClosed && !newClosed) {
    emit(pointer, { kind: 'additional-properties-opened', keyword: 'additionalProperties', breaks: ['receiver'], message: 'unknown properties now allowed' });
  }
}

function requiredOf(schema: SchemaObject): Set<string> {
  return new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
}

function sides(...candidates: Array<BrokenSide | false>): BrokenSide[] {
  return candidates.filter((s): s is BrokenSide => s !== false).sort();
}
