import fc from 'fast-check';
import { caseSeed } from '../arbitraries/caseSeed';
import { eventArbitrary } from '../arbitraries/events';
import { selectEventTypes } from '../schemas/selectEventTypes';
import type { Engine } from '../engine';
import { InternalError } from '../errors';
import { serialiseEvent } from '../serialise';

/** One event ready to send: its type, its exact bytes and the id that makes it distinct. */
export interface FedEvent {
  readonly type: string;
  readonly id: string;
  readonly body: Buffer;
}

export interface EventFeedOptions {
  /** Event types to send (default: every non-deprecated type of the spec). */
  readonly types?: readonly string[];
  readonly seed: number;
  /** Shard index: part of every id, so n shards of one run never send the same id. */
  readonly shard?: number;
  /** Generated events per type; each is reused with a fresh id. Default 16. */
  readonly poolPerType?: number;
}

/** Distinct valid events of the selected types, in a fixed round-robin over types. */
export interface EventFeed {
  readonly types: readonly string[];
  next(): FedEvent;
  /**
   * The event this feed gives (or gave) the id `id`, rebuilt byte for byte: a report's failures
   * are recorded for replay without keeping every body sent. Undefined for an id not of this feed.
   */
  eventWithId(id: string): FedEvent | undefined;
}

// A well-formed UUID of the canonical length, so swapping it in keeps every event valid and the
// same length. Its first group tags the run and shard; the rest counts the run's events.
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

interface Template {
  readonly type: string;
  readonly bytes: Buffer;
  /** Byte offset of the placeholder id in `bytes`, or -1 when the event has no `id` field. */
  readonly idAt: number;
}

/**
 * Builds the pool once (valid events, each proven valid by the spec's validator) and then feeds
 * distinct events cheaply: a new id spliced into a copy of the bytes, no re-generation, so the
 * feed keeps up with thousands of events per second. Events of a future spec without an `id`
 * field are still fed, distinct only as far as the pool is.
 */
export function createEventFeed(engine: Engine, options: EventFeedOptions): EventFeed {
  const eventTypes = selectEventTypes(engine.catalogue, options.types !== undefined ? { types: options.types } : {});
  if (eventTypes.length === 0) throw new InternalError('the spec selects no event type to send');
  const poolSize = options.poolPerType ?? 16;
  const byType: Template[][] = [];
  for (const eventType of eventTypes) {
    const ofType: Template[] = [];
    byType.push(ofType);
    const samples = fc.sample(eventArbitrary(eventType, { presence: 'random' }), { seed: caseSeed(options.seed, `capacity:${eventType.type}`), numRuns: poolSize });
    for (const sample of samples) {
      const hasId = typeof sample.id === 'string';
      const event = hasId ? { ...sample, id: PLACEHOLDER_ID } : sample;
      const bytes = serialiseEvent(event);
      const verdict = engine.validators.validateBytes(bytes);
      // A pool event the validator refuses would make the receiver look wrong: leave it out.
      if (!verdict.valid) continue;
      ofType.push({ type: eventType.type, bytes, idAt: hasId ? bytes.indexOf(PLACEHOLDER_ID) : -1 });
    }
  }
  // Interleaved by type, so any window of the run carries every type.
  const templates: Template[] = [];
  for (let j = 0; j < poolSize; j += 1) {
    for (const ofType of byType) {
      const template = ofType[j];
      if (template !== undefined) templates.push(template);
    }
  }
  if (templates.length === 0) throw new InternalError('no valid event could be generated for capacity');
  const shardTag = ((options.shard ?? 0) & 0xffff).toString(16).padStart(4, '0');
  const runTag = (options.seed >>> 0).toString(16).padStart(8, '0').slice(-4);
  const prefix = `${runTag}${shardTag}-0000-4000-8000-`;
  const eventAt = (at: number): FedEvent => {
    const template = templates[at % templates.length];
    if (template === undefined) throw new InternalError('empty event pool');
    const id = `${prefix}${at.toString(16).padStart(12, '0')}`;
    if (template.idAt < 0) return { type: template.type, id, body: template.bytes };
    const body = Buffer.from(template.bytes);
    body.write(id, template.idAt, 'latin1');
    return { type: template.type, id, body };
  };
  let sequence = 0;
  return {
    types: eventTypes.map((t) => t.type),
    next(): FedEvent {
      const event = eventAt(sequence);
      sequence += 1;
      return event;
    },
    eventWithId(id: string): FedEvent | undefined {
      const at = id.startsWith(prefix) && /^[0-9a-f]{12}$/.test(id.slice(prefix.length)) ? parseInt(id.slice(prefix.length), 16) : undefined;
      return at === undefined ? undefined : eventAt(at);
    },
  };
}
