import { UsageError } from '../../errors';
import { isSchemaObject } from '../../spec/types';

/** One entry of an events file: a parsed JSON value, or a line that is not JSON. */
export type EventEntry = { readonly kind: 'event'; readonly n: number; readonly event: unknown } | { readonly kind: 'unparsable'; readonly n: number; readonly message: string };

/**
 * Splits an events file into entries. Accepted: one JSON event (n = 1), a JSON array of events
 * (n = position, from 1), or NDJSON, one event per line (n = line number; blank lines ignored,
 * a line that is not JSON becomes an unparsable entry). Throws UsageError when there is no event.
 */
export function parseEvents(text: string, label: string): EventEntry[] {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw new UsageError(`no events in ${label} (it is empty)`);
  const whole = tryParse(source);
  if (whole.ok) {
    if (!Array.isArray(whole.value)) return [{ kind: 'event', n: 1, event: whole.value }];
    if (whole.value.length === 0) throw new UsageError(`no events in ${label} (an empty JSON array)`);
    return whole.value.map((event: unknown, i) => ({ kind: 'event', n: i + 1, event }));
  }
  const lines = source
    .split(/\r?\n/)
    .map((line, i) => ({ n: i + 1, line }))
    .filter(({ line }) => line.trim() !== '');
  const parsed = lines.map(({ n, line }) => ({ n, result: tryParse(line) }));
  // A broken multi-line document is one bad entry, not one per line: NDJSON needs a line that is an event.
  if (!parsed.some(({ result }) => result.ok && isSchemaObject(result.value))) {
    return [{ kind: 'unparsable', n: 1, message: `${label} is not JSON: ${whole.message}` }];
  }
  return parsed.map(({ n, result }) => (result.ok ? { kind: 'event', n, event: result.value } : { kind: 'unparsable', n, message: `line ${n} is not JSON: ${result.message}` }));
}

type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
