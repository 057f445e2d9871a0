import { InputUnreadableError } from '../../errors';
import { serialiseEvent } from '../../serialise';
import { applyAssignments, type Assignment } from './assignments';

/** Where the event comes from: a generated object, or a file's exact bytes. */
export type EventSource = { readonly event: unknown } | { readonly bytes: Buffer; readonly path: string };

/**
 * The exact bytes to sign and send. A file is sent byte for byte when nothing is `--set`;
 * otherwise the event is (parsed,) changed and serialised as hookproof serialises every event.
 * Throws `InputUnreadableError` when a file must be changed but is not JSON.
 */
export function eventBody(source: EventSource, assignments: readonly Assignment[]): Buffer {
  if ('bytes' in source && assignments.length === 0) return source.bytes;
  const event = 'bytes' in source ? parseFile(source.bytes, source.path) : source.event;
  return serialiseEvent(applyAssignments(event, assignments));
}

function parseFile(bytes: Buffer, path: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new InputUnreadableError(path, new Error(`not JSON, so --set cannot change it (${(cause as Error).message})`));
  }
}
