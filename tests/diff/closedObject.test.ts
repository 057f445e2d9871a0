import { diffSpecs, renderDiff } from '../../src/diff';
import { engineFromSpec } from '../../src/engine';
import { parseSpec } from '../../src/spec';
import { objectsSpec } from '../support/generatedSpecs';

describe('diff of a closed object (additionalProperties: false added)', () => {
  const open = engineFromSpec(parseSpec(objectsSpec(false), 'open.yaml'));
  const closed = engineFromSpec(parseSpec(objectsSpec(true), 'closed.yaml'));

  it('classifies the change and proves it with a generated event that carries an unknown property', () => {
    const diff = diffSpecs(open, closed, { runs: 100, seed: 3 });
    expect(
      diff.changes
        .filter((c) => c.kind === 'additional-properties-closed')
        .map((c) => c.pointer)
        .sort(),
    ).toEqual(['/data', '/data/settings']);
    expect(diff.breaks).toEqual({ receiver: false, sender: true });
    const proof = diff.empirical.results.find((r) => r.breaks === 'sender');
    expect(proof?.counterexample).toBeDefined();
    const issues = proof?.counterexample?.issues ?? [];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.keyword === 'additionalProperties')).toBe(true);
    // Shrunk to the one unknown property that matters: valid under OLD, refused by NEW.
    const event = proof?.counterexample?.event as { data: Record<string, unknown> };
    expect(open.validators.validateAs('probe/event', event).valid).toBe(true);
    expect(closed.validators.validateAs('probe/event', event).valid).toBe(false);
    const unknown = (data: Record<string, unknown>): string[] => Object.keys(data).filter((k) => !['level', 'settings'].includes(k));
    const settings = (event.data.settings ?? {}) as Record<string, unknown>;
    expect(unknown(event.data).length + Object.keys(settings).filter((k) => k !== 'mode').length).toBe(1);
    expect(renderDiff(diff).join('\n')).not.toContain('not shown by generated events');
  });

  it('opening it again is proven the other way (receivers built for the closed spec)', () => {
    const diff = diffSpecs(closed, open, { runs: 100, seed: 3 });
    expect(diff.breaks).toEqual({ receiver: true, sender: false });
    expect(diff.empirical.results.find((r) => r.breaks === 'receiver')?.counterexample).toBeDefined();
  });
});
