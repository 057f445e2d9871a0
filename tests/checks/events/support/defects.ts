import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultEngine } from '../../../support/engine';

const { catalogue, validators } = defaultEngine();

/** A defect injected into the reference receiver: answer the request yourself (true) or let it pass. */
export type Override = (req: IncomingMessage, body: Buffer, res: ServerResponse) => boolean;

type Json = Record<string, unknown>;

function parse(body: Buffer): Json | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number, error?: string): true {
  res.writeHead(status, error === undefined ? {} : { 'content-type': 'application/json' }).end(error === undefined ? '' : JSON.stringify({ error }));
  return true;
}

/** Applies `defect` to events (parsed JSON objects); anything else goes to the sound receiver. */
function onEvent(defect: (event: Json, res: ServerResponse) => boolean): Override {
  return (_req, body, res) => {
    const event = parse(body);
    return event === undefined ? false : defect(event, res);
  };
}

const dataOf = (event: Json): Json => (typeof event.data === 'object' && event.data !== null ? (event.data as Json) : {});
const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(strings) : []);
const knownTypes = new Set(catalogue.types.map((t) => t.type));
const deprecated = new Set(catalogue.types.filter((t) => t.deprecated).map((t) => t.type));

/** Realistic receiver bugs, each breaking one requirement of the events area. */
export const DEFECTS = {
  /** EVT-1: one event type was never implemented; its handler throws. */
  typeNotImplemented: onEvent((event, res) => event.type === 'inverter/status' && answer(res, 500, 'no handler for inverter/status')),

  /** EVT-2: the handler reads an optional field unguarded: `event.data.stateOfCharge.toFixed(1)`. */
  crashesOnAbsentOptional: onEvent(
    (event, res) => event.type === 'ev/measurement' && dataOf(event).stateOfCharge === undefined && answer(res, 500, "Cannot read properties of undefined (reading 'toFixed')"),
  ),

  /** EVT-3: a strict decoder (DisallowUnknownFields, zod .strict()) on the envelope and on data. */
  rejectsUnknownFields: onEvent((event, res) => {
    const type = typeof event.type === 'string' && catalogue.has(event.type) ? catalogue.get(event.type) : undefined;
    if (type === undefined) return false;
    const props = type.schema.properties as Record<string, { properties?: Record<string, unknown> }>;
    const unknown = Object.keys(event).some((k) => !(k in props)) || Object.keys(dataOf(event)).some((k) => !(k in (props.data?.properties ?? {})));
    return unknown && answer(res, 400, 'unknown field');
  }),

  /** EVT-4: strings go into VARCHAR(1000); longer ones make the INSERT throw. */
  crashesOnLongStrings: onEvent((event, res) => strings(event).some((s) => s.length > 1000) && answer(res, 500, 'value too long for type character varying(1000)')),

  /** EVT-4: a utf8mb3 column: any character outside the BMP makes the INSERT throw. */
  crashesOnNonBmpText: onEvent((event, res) => strings(event).some((s) => /[\u{10000}-\u{10ffff}]/u.test(s)) && answer(res, 500, 'Incorrect string value')),

  /** EVT-4: chargePower goes through a double; values a double cannot hold exactly are refused. */
  refusesUnsafeChargePower: onEvent((event, res) => {
    const power = dataOf(event).chargePower;
    return event.type === 'ev/measurement' && typeof power === 'number' && !Number.isSafeInteger(power) && answer(res, 400, 'chargePower out of range');
  }),

  /** EVT-4: the envelope time must end in "Z" (a hand-written UTC-only parser). */
  refusesOffsetTimes: onEvent((event, res) => typeof event.time === 'string' && !event.time.endsWith('Z') && answer(res, 400, 'time must be UTC')),

  /** EVT-5: the legacy pipeline for deprecated types was switched off with a 503. */
  unavailableForDeprecated: onEvent((event, res) => typeof event.type === 'string' && deprecated.has(event.type) && answer(res, 503, 'legacy events unavailable')),

  /** EVT-6: `handlers[event.type](event)` on a type with no handler throws. */
  crashesOnUnknownType: onEvent((event, res) => typeof event.type === 'string' && !knownTypes.has(event.type) && answer(res, 500, 'handler is not a function')),

  /** EVT-6: routes on the family ("ev"), then fails on a name the family does not know. */
  crashesOnNewTypeInFamily: onEvent((event, res) => {
    const type = typeof event.type === 'string' ? event.type : '';
    const family = type.slice(0, type.lastIndexOf('/') + 1);
    const familyKnown = family !== '' && [...knownTypes].some((t) => t.startsWith(family));
    return familyKnown && !knownTypes.has(type) && answer(res, 500, 'unknown event in family');
  }),

  /** EVT-7: JSON.parse outside the try block: a body that is not JSON is a 500. */
  crashesOnInvalidJson: ((_req, body, res) => parse(body) === undefined && answer(res, 500, 'Unexpected token')) as Override,

  /** EVT-7: validates known types against the schema and throws (500) on a violation. */
  crashesOnSchemaViolation: onEvent(
    (event, res) => typeof event.type === 'string' && knownTypes.has(event.type) && !validators.validate(event).valid && answer(res, 500, 'validation error'),
  ),

  /** GONE-1: a decommissioned endpoint that answers 410 to everything. */
  goneForEverything: ((_req, _body, res) => answer(res, 410)) as Override,
} satisfies Record<string, Override>;

export type DefectName = keyof typeof DEFECTS;
