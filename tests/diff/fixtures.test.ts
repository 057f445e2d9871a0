import { join } from 'node:path';
import { diffSpecs, type SchemaChange, type SpecDiff } from '../../src/diff';
import { createEngine, type Engine } from '../../src/engine';
import { variantPath, type VariantName } from './support/specVariants';

// `hookproof diff` between the real spec and small variants of it (the spec plus a few edits, in
// ./support/specVariants.ts), each with one kind of change.
const FIXTURES = join(__dirname, '..', 'fixtures', 'specs');
const real = createEngine();
const variant = (name: VariantName): Engine => createEngine({ specPath: variantPath(name) });
const RUNS = 100;

/** The changes as comparable rows: type, pointer, kind and who breaks. */
function rows(diff: SpecDiff, filter: (c: SchemaChange) => boolean = () => true): string[] {
  return diff.changes.filter(filter).map((c) => `${c.type} ${c.pointer || '(type)'} ${c.kind} [${c.breaks.join(',')}]`);
}

/** "type side" for each type and direction where a generated event proved a break. */
function proven(diff: SpecDiff): string[] {
  return diff.empirical.results.filter((r) => r.counterexample !== undefined).map((r) => `${r.type} ${r.breaks}`);
}

/** Every counterexample is valid under the spec it was generated from and rejected by the other. */
function expectSoundCounterexamples(diff: SpecDiff, before: Engine, after: Engine): void {
  for (const result of diff.empirical.results) {
    if (result.counterexample === undefined) continue;
    const [producer, judge] = result.breaks === 'receiver' ? [after, before] : [before, after];
    expect(producer.validators.validateAs(result.type, result.counterexample.event).valid).toBe(true);
    expect(judge.validators.validateAs(result.type, result.counterexample.event).valid).toBe(false);
    expect(result.counterexample.issues.length).toBeGreaterThan(0);
  }
}

describe('diff against the real spec', () => {
  it('finds nothing between the spec and itself', () => {
    const diff = diffSpecs(real, real, { runs: RUNS });
    expect(diff.changes).toEqual([]);
    expect(diff.fields).toEqual([]);
    expect(proven(diff)).toEqual([]);
    expect(diff.breaking).toBe(false);
    expect(diff.empirical.results).toHaveLength(2 * real.catalogue.types.length);
  });

  it('an enum value added breaks receivers, proven with an event that uses it', () => {
    const after = variant('enum-value-added');
    const diff = diffSpecs(real, after, { runs: RUNS });
    expect(rows(diff)).toEqual(['ev/charge-started /data/state enum-value-added [receiver]', 'ev/charge-stopped /data/state enum-value-added [receiver]']);
    expect(diff.changes[0]?.message).toBe('enum value "PAUSED" added (was "CHARGING", "STOPPED", "FAILED")');
    expect(proven(diff)).toEqual(['ev/charge-started receiver', 'ev/charge-stopped receiver']);
    const example = diff.empirical.results.find((r) => r.counterexample !== undefined)?.counterexample;
    expect((example?.event as { data: { state: string } }).data.state).toBe('PAUSED');
    expect(example?.issues.map((i) => i.pointer)).toEqual(['/data/state']);
    expect(diff.breaks).toEqual({ receiver: true, sender: false });
    expectSoundCounterexamples(diff, real, after);
  });

  it('a field becoming required breaks senders, proven with an event that leaves it out', () => {
    const after = variant('field-required');
    const diff = diffSpecs(real, after, { runs: RUNS });
    expect(rows(diff)).toEqual(['gateway/create', 'gateway/offline', 'gateway/online'].map((t) => `${t} /data/gatewayName field-became-required [sender]`));
    expect(proven(diff)).toEqual(['gateway/create sender', 'gateway/offline sender', 'gateway/online sender']);
    for (const result of diff.empirical.results.filter((r) => r.counterexample !== undefined)) {
      expect(result.counterexample?.issues).toEqual([{ pointer: '/data/gatewayName', keyword: 'required', message: '/data must have required property "gatewayName"' }]);
      // Shrunk: no optional field is left that the proof does not need.
      expect(Object.keys((result.counterexample?.event as { data: object }).data).sort()).toEqual(['gatewayID', 'systemID']);
    }
    expect(diff.breaks).toEqual({ receiver: false, sender: true });
    expectSoundCounterexamples(diff, real, after);
  });

  it('a type narrowed (number to integer) breaks senders, proven with a fraction', () => {
    const after = variant('type-narrowed');
    const diff = diffSpecs(real, after, { runs: RUNS });
    expect(rows(diff)).toEqual(['ev/measurement /data/stateOfCharge type-narrowed [sender]']);
    expect(proven(diff)).toEqual(['ev/measurement sender']);
    const example = diff.empirical.results.find((r) => r.counterexample !== undefined)?.counterexample;
    expect(Number.isInteger((example?.event as { data: { stateOfCharge: number } }).data.stateOfCharge)).toBe(false);
    expect(diff.breaks).toEqual({ receiver: false, sender: true });
    expectSoundCounterexamples(diff, real, after);
  });

  it('purely additive changes break no one: new optional fields and a new type are listed, nothing proven', () => {
    const after = variant('additive');
    const diff = diffSpecs(real, after, { runs: RUNS });
    expect(diff.types.added).toEqual(['gateway/update']);
    expect(diff.types.removed).toEqual([]);
    expect(rows(diff, (c) => c.breaks.length > 0)).toEqual([]);
    expect(rows(diff, (c) => c.pointer !== '/subject')).toEqual([
      'ev/plugged /data/connectorID field-added []',
      'ev/unplugged /data/connectorID field-added []',
      'gateway/update (type) event-type-added []',
    ]);
    expect(rows(diff, (c) => c.pointer === '/subject')).toEqual(real.catalogue.types.map((t) => `${t.type} /subject field-added []`));
    expect(diff.fields.find((f) => f.type === 'ev/plugged')).toEqual({ type: 'ev/plugged', added: ['/data/connectorID', '/subject'], removed: [] });
    expect(proven(diff)).toEqual([]);
    expect(diff.breaking).toBe(false);
  });

  it('reads each change the other way round when the specs are swapped', () => {
    const cases: Array<[VariantName, string[]]> = [
      ['enum-value-added', ['ev/charge-started /data/state enum-value-removed [sender]', 'ev/charge-stopped /data/state enum-value-removed [sender]']],
      ['field-required', ['gateway/create', 'gateway/offline', 'gateway/online'].map((t) => `${t} /data/gatewayName field-became-optional [receiver]`)],
      ['type-narrowed', ['ev/measurement /data/stateOfCharge type-widened [receiver]']],
    ];
    for (const [name, expected] of cases) {
      const before = variant(name);
      const diff = diffSpecs(before, real, { runs: RUNS });
      expect(rows(diff)).toEqual(expected);
      expect(proven(diff).sort()).toEqual([...new Set(expected.map((row) => `${row.split(' ')[0] ?? ''} ${row.includes('[sender]') ? 'sender' : 'receiver'}`))].sort());
      expectSoundCounterexamples(diff, before, real);
    }
  });

  it('future-spec.yaml: inverter/status removed (breaks senders), battery/health added, nothing else', () => {
    const after = createEngine({ specPath: join(FIXTURES, 'future-spec.yaml') });
    const diff = diffSpecs(real, after, { runs: RUNS });
    expect(diff.types).toEqual({ added: ['battery/health'], removed: ['inverter/status'], common: real.catalogue.types.map((t) => t.type).filter((t) => t !== 'inverter/status') });
    expect(rows(diff)).toEqual(['battery/health (type) event-type-added []', 'inverter/status (type) event-type-removed [sender]']);
    expect(diff.fields).toEqual([]);
    expect(proven(diff)).toEqual([]);
    expect(diff.breaks).toEqual({ receiver: false, sender: true });
  });

  it('is reproducible: the same specs and seed give the same report', () => {
    const after = variant('enum-value-added');
    expect(diffSpecs(real, after, { runs: 50, seed: 5 })).toEqual(diffSpecs(real, after, { runs: 50, seed: 5 }));
  });

  it('can skip the empirical proof', () => {
    const diff = diffSpecs(real, variant('type-narrowed'), { empirical: false });
    expect(diff.empirical).toEqual({ ran: false, runs: 200, seed: 1, results: [] });
    expect(diff.breaking).toBe(true);
  });
});
