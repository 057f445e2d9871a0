import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventArbitrary } from '../../src/arbitraries';
import { createEngine, type Engine } from '../../src/engine';
import { applyErrata, loadSpec } from '../../src/spec';
import { lintSpec } from '../../src/specLint/lintSpec';
import { serialiseEvent } from '../../src/serialise';
import { ROOT } from '../cli/paths';

// gridX's earlier files, byte for byte (spec/history/README.md). Each failed to load before the
// errata keyword-under-properties and required-never-described.
const HISTORY = join(ROOT, 'spec', 'history');
const FILES = readdirSync(HISTORY).filter((f) => f.endsWith('.yaml')).sort();
const engines = new Map<string, Engine>();
const engineOf = (file: string): Engine => {
  const found = engines.get(file) ?? createEngine({ specPath: join(HISTORY, file) });
  engines.set(file, found);
  return found;
};

describe('every earlier version of gridX’s spec', () => {
  it('is in the repository: four dated files', () => {
    expect(FILES).toEqual([
      '2025-08-13-webhook-events.yaml',
      '2025-08-21-webhook-events.yaml',
      '2025-10-09-webhook-events.yaml',
      '2025-10-22-webhook-events.yaml',
    ]);
  });

  describe.each(FILES)('%s', (file) => {
    const spec = loadSpec(join(HISTORY, file));

    it('lints with nothing unhandled, and the lint lists exactly the corrections loading applies', () => {
      const report = lintSpec(spec);
      expect(report.unhandled).toEqual([]);
      expect(report.defects).toEqual(applyErrata(spec).corrected);
      expect(report.defects.map((d) => d.erratum)).toContain('required-never-described');
    });

    it('loads, and generates valid events of every type', () => {
      const engine = engineOf(file);
      expect(engine.catalogue.types.length).toBeGreaterThan(10);
      for (const eventType of engine.catalogue.types) {
        fc.assert(
          fc.property(eventArbitrary(eventType), (event) => {
            const result = engine.validators.validateBytes(serialiseEvent(event));
            if (!result.valid) throw new Error(`${eventType.type}: ${JSON.stringify(result.issues)}`);
          }),
          { numRuns: 8 },
        );
      }
    });
  });
});

describe('erratum required-never-described (2025-10-22)', () => {
  const engine = (): Engine => engineOf('2025-10-22-webhook-events.yaml');

  it('keeps the literal meaning: ev/measurement needs a `state`, of any value', () => {
    const [measurement] = fc.sample(eventArbitrary(engine().catalogue.get('ev/measurement')), { seed: 7, numRuns: 1 }) as Array<{ data: Record<string, unknown> }>;
    if (measurement === undefined) throw new Error('no event generated');
    expect(measurement.data).toHaveProperty('state');
    const { state: _dropped, ...dataWithoutState } = measurement.data;
    const withoutState = engine().validators.validateAs('ev/measurement', { ...measurement, data: dataWithoutState });
    expect(withoutState).toEqual({ valid: false, type: 'ev/measurement', issues: [expect.objectContaining({ keyword: 'required', pointer: '/data/state' })] });
    for (const state of ['CHARGING', 42, null, { any: ['thing'] }]) {
      const event = { ...measurement, data: { ...measurement.data, state } };
      expect(engine().validators.validateAs('ev/measurement', event)).toEqual({ valid: true, type: 'ev/measurement' });
    }
    expect(engine().catalogue.get('ev/measurement').requiredPaths).toContain('/data/state');
  });

  it('changes nothing for the types that describe `state` themselves', () => {
    const plugged = engine().catalogue.get('ev/plugged').schema as { properties: { data: { properties: { state: unknown } } } };
    expect(plugged.properties.data.properties.state).toMatchObject({ type: 'string', enum: ['PLUGGED', 'UNPLUGGED'] });
  });
});

describe('erratum keyword-under-properties (2025-10-09)', () => {
  const engine = (): Engine => engineOf('2025-10-09-webhook-events.yaml');
  const reason = engine().catalogue.get('ev/charge-failed').schema as { properties: { data: { properties: { failureReason: Record<string, unknown> } } } };

  it('reads the indented `required` and `description` as the failure reason’s own', () => {
    const failureReason = reason.properties.data.properties.failureReason;
    expect(failureReason.required).toEqual(['type', 'detail']);
    expect(failureReason.description).toBe('Reason why a given command has failed.');
    expect(Object.keys(failureReason.properties as object).sort()).toEqual(['detail', 'type']);
  });

  it('so a failure reason without `detail` is refused, as in every later file', () => {
    const { validators, catalogue } = engine();
    const [event] = fc.sample(eventArbitrary(catalogue.get('ev/charge-failed'), { forcePresent: new Set(['/data/failureReason']) }), { seed: 5, numRuns: 1 });
    const data = (event as { data: { failureReason: Record<string, unknown> } }).data;
    expect(validators.validateAs('ev/charge-failed', event).valid).toBe(true);
    const { detail: _dropped, ...withoutDetail } = data.failureReason;
    const broken = { ...event, data: { ...data, failureReason: withoutDetail } };
    expect(validators.validateAs('ev/charge-failed', broken)).toMatchObject({ valid: false, issues: [expect.objectContaining({ pointer: '/data/failureReason/detail' })] });
  });
});
