import { buildCatalogue } from '../../src/schemas/catalogue';
import { createValidators } from '../../src/schemas/validators';
import { lintSpec } from '../../src/specLint/lintSpec';
import { loadSpec } from '../../src/spec/loadSpec';
import { fixtureSpec } from '../cli/paths';

// future-spec.yaml is the real spec with inverter/status removed and battery/health added: the
// engine must take it with no code change.
describe('the future-spec fixture', () => {
  const spec = loadSpec(fixtureSpec('future-spec.yaml'));
  const catalogue = buildCatalogue(spec);

  it('lists battery/health and not inverter/status', () => {
    const types = catalogue.types.map((t) => t.type);
    expect(types).toContain('battery/health');
    expect(types).not.toContain('inverter/status');
    expect(catalogue.get('battery/health').schemaName).toBe('BatteryHealthEvent');
  });

  it('lints with every defect handled', () => {
    const report = lintSpec(spec);
    expect(report.unhandled).toEqual([]);
    expect(report.defects.length).toBeGreaterThan(0);
  });

  it('describes nested, nullable and array fields of battery/health', () => {
    const health = catalogue.get('battery/health');
    expect(health.deprecated).toBe(false);
    expect(health.requiredPaths).toEqual(expect.arrayContaining(['/data/cells', '/data/cells/count', '/data/stateOfHealth']));
    expect(health.optionalPaths).toEqual(expect.arrayContaining(['/data/temperature', '/data/alarm', '/data/cells/imbalance', '/data/modules']));
  });

  it('validates a hand-written battery/health event and rejects a broken one', () => {
    const validators = createValidators(catalogue);
    const event = {
      id: '2f1c6f0e-8a4b-4d8e-9a51-0c1a2b3c4d5e',
      accountID: 'acc-1',
      source: '/systems/c9db369e-7cf8-4ad1-ade5-46f61a5125c2',
      specVersion: '1.0',
      time: '2026-01-02T03:04:05Z',
      type: 'battery/health',
      data: {
        applianceID: 'fc0a6ac7-64ce-4276-a7cd-bace946af433',
        gatewayID: '25ccab17-cd40-4db1-a320-a986d1c15fb1',
        systemID: 'c9db369e-7cf8-4ad1-ade5-46f61a5125c2',
        measuredAt: '2026-01-02T03:00:00.5+01:00',
        status: 'DEGRADED',
        stateOfHealth: 81.5,
        temperature: null,
        alarm: null,
        cells: { count: 16, minVoltage: 3301, maxVoltage: 3320, imbalance: null },
        modules: [{ index: 0, stateOfHealth: 80, temperature: null }],
      },
    };
    expect(validators.validate(event)).toEqual({ valid: true, type: 'battery/health' });
    const broken = { ...event, data: { ...event.data, status: 'FINE', cells: { count: 0 } } };
    const result = validators.validate(broken);
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.issues.map((i) => i.pointer)).toEqual(expect.arrayContaining(['/data/status', '/data/cells/count', '/data/cells/minVoltage']));
    }
  });
});
