import { UsageError } from '../../errors';
import { escapePointerSegment } from '../../jsonPointer';
import type { EventType } from '../../schemas/catalogue';

/** One `--set path=value`: where (dot path, split) and what (JSON when it parses, else the text). */
export interface Assignment {
  readonly path: readonly string[];
  readonly value: unknown;
  /** As the user wrote it, for messages. */
  readonly source: string;
}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Parses `data.state=UNPLUGGED`: the path is split on dots; the value is parsed as JSON when it
 * parses (`12` a number, `true`, `null`, `{"a":1}`, `"12"` the string 12), else taken as text.
 */
export function parseAssignment(text: string): Assignment {
  const at = text.indexOf('=');
  const path = at < 0 ? [] : text.slice(0, at).split('.');
  if (at <= 0 || path.some((segment) => segment === '' || FORBIDDEN.has(segment))) {
    throw new UsageError(`invalid --set "${text}": expected path=value with a dot path such as data.state=UNPLUGGED`);
  }
  const raw = text.slice(at + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: the text itself.
  }
  return { path, value, source: text };
}

/**
 * A copy of `event` with each assignment applied in order. Missing objects on the way are
 * created; a numeric segment indexes an existing array. Throws `UsageError` when a segment goes
 * through a value that is neither an object nor an array.
 */
export function applyAssignments(event: unknown, assignments: readonly Assignment[]): unknown {
  let result: unknown = structuredClone(event);
  for (const assignment of assignments) result = assign(result, assignment, 0);
  return result;
}

function assign(node: unknown, assignment: Assignment, depth: number): unknown {
  const key = assignment.path[depth];
  if (key === undefined) return assignment.value;
  const container = node === undefined ? {} : node;
  if (Array.isArray(container) && /^\d+$/.test(key)) {
    const copy = [...(container as unknown[])];
    copy[Number(key)] = assign(copy[Number(key)], assignment, depth + 1);
    return copy;
  }
  if (typeof container !== 'object' || container === null || Array.isArray(container)) {
    const where = assignment.path.slice(0, depth).join('.') || 'the event';
    throw new UsageError(
      `cannot apply --set ${assignment.source}: ${where} is ${container === null ? 'null' : Array.isArray(container) ? 'an array' : `a ${typeof container}`}, not an object`,
    );
  }
  const record = container as Record<string, unknown>;
  return { ...record, [key]: assign(record[key], assignment, depth + 1) };
}

/**
 * Refuses an assignment whose path the event type's schema does not have (`--set state=PLUGGED`
 * for `data.state` would otherwise add a top-level field the receiver ignores, and the delivery
 * would test nothing). A path is known when it is a field of the schema, an object above one, or
 * an index into an array field. The message names the fields with the same last name.
 */
export function refuseUnknownPaths(eventType: Pick<EventType, 'type' | 'requiredPaths' | 'optionalPaths'>, assignments: readonly Assignment[]): void {
  const known = [...eventType.requiredPaths, ...eventType.optionalPaths];
  for (const assignment of assignments) {
    const pointer = `/${assignment.path.map(escapePointerSegment).join('/')}`;
    const isKnown = known.some((path) => path === pointer || path.startsWith(`${pointer}/`) || (pointer.startsWith(`${path}/`) && /^\/\d+(\/|$)/.test(pointer.slice(path.length))));
    if (isKnown) continue;
    const last = assignment.path[assignment.path.length - 1] ?? '';
    const alike = known.filter((path) => path.split('/').pop() === escapePointerSegment(last)).map((path) => path.slice(1).split('/').join('.'));
    const hint =
      alike.length > 0
        ? `did you mean ${alike.map((path) => `--set ${path}=…`).join(' or ')}?`
        : `its fields are ${known.map((path) => path.slice(1).split('/').join('.')).join(', ')}`;
    throw new UsageError(`--set ${assignment.source}: ${eventType.type} has no field ${assignment.path.join('.')}; ${hint} (--allow-invalid sends it anyway)`);
  }
}
