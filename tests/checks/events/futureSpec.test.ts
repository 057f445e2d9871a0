import { join } from 'node:path';
import fc from 'fast-check';
import { boundaryEventArbitrary } from '../../../src/arbitraries/boundaryEventArbitrary';
import { DEFAULT_MAX_EVENT_BYTES } from '../../../src/arbitraries/bodyBudget';
import { EVENT_CHECKS } from '../../../src/checks/events';
import { minimalEventArbitrary } from '../../../src/arbitraries/minimalEventArbitrary';
import { createEngine } from '../../../src/engine';
import { serialiseEvent } from '../../../src/serialise';
import { certify } from '../support/runCheck';
import { receiverPool } from './support/receivers';

// The real spec with inverter/status removed and battery/health added (nullable numbers, nested
// objects, arrays): the event checks know no type or field name, so they follow.
const FUTURE = join(__dirname, '..', '..', 'fixtures', 'specs', 'future-spec.yaml');
const engine = createEngine({ specPath: FUTURE });

describe('event checks on a future spec', () => {
  const receivers = receiverPool();

  it.each(engine.catalogue.types.map((t) => [t.type, t] as const))('make only valid %s boundary and minimal events', (_name, eventType) => {
    const samples = [
      ...fc.sample(boundaryEventArbitrary(eventType, DEFAULT_MAX_EVENT_BYTES), 40).map((b) => b.event),
      ...fc.sample(minimalEventArbitrary(eventType), 10).map((m) => m.event),
    ];
    for (const event of samples) expect(engine.validators.validateBytes(serialiseEvent(event))).toMatchObject({ valid: true });
  });

  it('pass against the reference receiver, covering the new type and not the removed one', async () => {
    const run = await certify((await receivers.sound()).url, { specPath: FUTURE, checks: EVENT_CHECKS.map((c) => c.id), concurrency: 1 });
    expect(run.checks.map((c) => `${c.id}: ${c.status}`)).toEqual(EVENT_CHECKS.map((c) => `${c.id}: pass`));
    const types = run.coverage.rows.map((r) => r.type);
    expect(types).toContain('battery/health');
    expect(types).not.toContain('inverter/status');
  });
});
