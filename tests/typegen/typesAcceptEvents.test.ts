import { join } from 'node:path';
import fc from 'fast-check';
import { eventArbitrary } from '../../src/arbitraries/events';
import { invalidEventArbitrary } from '../../src/arbitraries/invalid/invalidEvents';
import { valueAt } from '../../src/arbitraries/pointer';
import { createEngine, type Engine } from '../../src/engine';
import { generateEventTypes } from '../../src/typegen';
import { typeCheck } from './compile';

// The generated definitions, compiled by the TypeScript compiler (strict, exactOptionalPropertyTypes)
// together with events from hookproof's generators written as object literals: every valid event
// must be accepted by its type's interface, and events that break a constraint TypeScript can
// express (a missing required field, a wrong JSON type, a value outside an enum), anywhere in the
// event, must be refused.
const PER_TYPE = 4;
const TYPE_LEVEL_KINDS = new Set(['missing-required', 'wrong-type', 'enum-outside']);

/** TypeScript has no integer type: a fraction where an integer belongs is not a type error. */
function expressible(kind: string, event: unknown, pointer: string): boolean {
  return !(kind === 'wrong-type' && typeof valueAt(event, pointer) === 'number');
}

/** An object literal on one source line: U+2028 and U+2029 are line breaks to TypeScript. */
function literal(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function checkProgram(engine: Engine, seed: number): string {
  const lines = ["import type { GridxEvent, GridxEventOf } from './gridxEvents';", ''];
  let n = 0;
  for (const eventType of engine.catalogue.types) {
    const valid = fc.sample(eventArbitrary(eventType), { numRuns: PER_TYPE, seed: seed + n });
    for (const event of valid) lines.push(`export const v${n++}: GridxEventOf<'${eventType.type}'> = ${literal(event)};`);
    const invalid = fc
      .sample(invalidEventArbitrary(engine.catalogue, eventType), { numRuns: 40, seed: seed + n })
      .filter((c) => TYPE_LEVEL_KINDS.has(c.kind) && c.event !== undefined && c.pointer !== undefined && expressible(c.kind, c.event, c.pointer));
    for (const broken of invalid.slice(0, PER_TYPE)) {
      lines.push(`// @ts-expect-error ${broken.label}`, `export const i${n++}: GridxEventOf<'${eventType.type}'> = ${literal(broken.event)};`);
    }
  }
  // The union narrows on `type`, and a switch over it can be exhaustive.
  lines.push(
    'export function describe(event: GridxEvent): string {',
    '  switch (event.type) {',
    ...engine.catalogue.types.map((t) => `    case '${t.type}': return event.type;`),
    '    default: { const none: never = event; return none; }',
    '  }',
    '}',
  );
  return lines.join('\n');
}

describe('generated event types', () => {
  it.each([
    ['spec/webhook-events.yaml', join(__dirname, '..', '..', 'spec', 'webhook-events.yaml')],
    ['future-spec.yaml', join(__dirname, '..', 'fixtures', 'specs', 'future-spec.yaml')],
  ])('for %s compile, accept generated events and refuse broken ones', (_name, specPath) => {
    const engine = createEngine({ specPath });
    const program = checkProgram(engine, 11);
    // Enough of both kinds to mean something: every type's valid events, and refusals in most types.
    expect(program.match(/^export const v/gm)).toHaveLength(PER_TYPE * engine.catalogue.types.length);
    expect(program.match(/^\/\/ @ts-expect-error/gm)?.length).toBeGreaterThan(2 * engine.catalogue.types.length);
    expect(typeCheck({ 'gridxEvents.ts': generateEventTypes(engine.catalogue), 'check.ts': program })).toEqual([]);
  });

  it('a wrong use is a compile error', () => {
    const engine = createEngine();
    const diagnostics = typeCheck({
      'gridxEvents.ts': generateEventTypes(engine.catalogue),
      'check.ts': [
        "import type { GridxEventOf } from './gridxEvents';",
        "export function state(e: GridxEventOf<'ev/plugged'>): 'PLUGGED' | 'UNPLUGGED' { return e.data.state; }",
        "export function wrong(e: GridxEventOf<'ping'>): string { return e.data.state; }",
        "export type Unknown = GridxEventOf<'ev/teleported'>;",
      ].join('\n'),
    });
    expect(diagnostics).toEqual([
      "check.ts(3): Property 'state' does not exist on type 'PingEventData'.",
      "check.ts(4): Type '\"ev/teleported\"' does not satisfy the constraint 'keyof GridxEventMap'.",
    ]);
  });
});
