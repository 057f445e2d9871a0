import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { eventArbitrary, invalidEventArbitrary } from '../../src/arbitraries';
import { engineFromSpec } from '../../src/engine';
import { SpecInvalidError } from '../../src/errors';
import { parseSpec } from '../../src/spec';
import { lintSpec } from '../../src/specLint/lintSpec';
import { inlineBudget, inlineRefs } from '../../src/spec/refs';
import { serialiseEvent } from '../../src/serialise';
import { diamondSpec, recursiveSpec } from '../support/generatedSpecs';

describe('a legitimately recursive schema (Node.next → Node, Node.children[] → Node, A ↔ B)', () => {
  const spec = parseSpec(recursiveSpec(), 'recursive.yaml');
  const engine = engineFromSpec(spec);
  const probe = engine.catalogue.get('probe/event');
  const event = (data: unknown): unknown => ({ id: '5eda17ec-4dc9-46d5-b3b8-c396f75a760f', type: 'probe/event', data });

  it('loads, and the lint passes it', () => {
    expect(lintSpec(spec).unhandled).toEqual([]);
    expect(Object.keys(probe.schema.definitions as object).sort()).toEqual(['A', 'Node']); // B is inlined inside A's definition
  });

  it('is validated at every depth, not just the first level', () => {
    const deep = { name: 'root', next: { name: 'a', children: [{ name: 'b', next: { name: 'c', weight: 3 } }] }, pair: { b: { a: { b: { label: true } } } } };
    expect(engine.validators.validateAs('probe/event', event(deep))).toEqual({ valid: true, type: 'probe/event' });
    const wrongDeep = { name: 'root', next: { name: 'a', children: [{ name: 'b', next: { name: 'c', weight: -1 } }] } };
    expect(engine.validators.validateAs('probe/event', event(wrongDeep))).toMatchObject({ valid: false, issues: [expect.objectContaining({ pointer: '/data/next/children/0/next/weight' })] });
    const missingDeep = { name: 'root', next: { next: { name: 'c' } } };
    expect(engine.validators.validateAs('probe/event', event(missingDeep))).toMatchObject({ valid: false, issues: [expect.objectContaining({ pointer: '/data/next/name' })] });
    const mutualWrong = { name: 'root', pair: { b: { a: { b: { label: 'yes' } } } } };
    expect(engine.validators.validateAs('probe/event', event(mutualWrong))).toMatchObject({ valid: false, issues: [expect.objectContaining({ pointer: '/data/pair/b/a/b/label' })] });
  });

  it('generates valid, finite events that do recurse', () => {
    let deepest = 0;
    const depth = (node: unknown): number =>
      typeof node === 'object' && node !== null ? 1 + Math.max(0, ...Object.values(node).map(depth)) : 0;
    fc.assert(
      fc.property(eventArbitrary(probe), (generated) => {
        deepest = Math.max(deepest, depth((generated as { data: unknown }).data));
        return engine.validators.validateBytes(serialiseEvent(generated)).valid;
      }),
      { numRuns: 200 },
    );
    expect(deepest).toBeGreaterThanOrEqual(4);
  });

  it('makes invalid events the validator refuses', () => {
    fc.assert(
      fc.property(invalidEventArbitrary(engine.catalogue, probe), (c) => !engine.validators.validateBytes(c.body).valid),
      { numRuns: 200 },
    );
  });
});

describe('an exponential $ref diamond (each level referencing the next twice)', () => {
  const text = diamondSpec(20);

  it('is a file of about 29 KB whose naive expansion would have 2^20 leaves', () => {
    expect(text.length).toBeGreaterThan(25_000);
    expect(text.length).toBeLessThan(35_000);
  });

  it('makes validate exit 2 with one line, and lint-spec report it as does-not-load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-diamond-'));
    const specPath = join(dir, 'diamond.yaml');
    writeFileSync(specPath, text);
    writeFileSync(join(dir, 'event.json'), '{}');
    const validate = memoryIO();
    expect(await runCli(['validate', '--spec', specPath, join(dir, 'event.json')], validate)).toBe(2);
    expect(validate.stderr).toEqual([expect.stringMatching(/^hookproof: invalid spec .*diamond\.yaml: \$refs expand to more than \d+ schema nodes/)]);
    const lint = memoryIO();
    expect(await runCli(['lint-spec', '--spec', specPath], lint)).toBe(1);
    expect(lint.stdout.filter((l) => l.startsWith('UNHANDLED'))).toEqual([expect.stringContaining('UNHANDLED  does-not-load  (root)  $refs expand to more than')]);
  });

  it('is refused with one line, after work bounded linearly by the file', () => {
    const spec = parseSpec(text, 'diamond.yaml');
    const stats = { nodes: 0 };
    const before = process.memoryUsage().heapUsed;
    expect(() => inlineRefs(spec, { $ref: '#/components/schemas/Level0' }, { stats })).toThrow(SpecInvalidError);
    // The work done is the budget plus one node, and the budget is linear in the file.
    expect(stats.nodes).toBe(inlineBudget(spec) + 1);
    expect(inlineBudget(spec)).toBeLessThanOrEqual(Math.max(20_000, 20 * text.length));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);

    let message = '';
    try {
      engineFromSpec(spec);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^invalid spec diamond\.yaml: \$refs expand to more than \d+ schema nodes/);
    expect(message).not.toContain('\n');
    expect(lintSpec(spec).unhandled).toEqual([expect.objectContaining({ code: 'does-not-load', message: expect.stringContaining('$refs expand to more than') })]);
  });

  it('the work grows with the file, not with 2^levels', () => {
    const work = (levels: number): number => {
      const stats = { nodes: 0 };
      const spec = parseSpec(diamondSpec(levels), `diamond-${levels}.yaml`);
      try {
        inlineRefs(spec, { $ref: '#/components/schemas/Level0' }, { stats });
      } catch (error) {
        if (!(error instanceof SpecInvalidError)) throw error;
      }
      return stats.nodes;
    };
    // Doubling per level would make 24 levels 16 times the work of 20; the budget keeps it equal.
    expect(work(24)).toBeLessThanOrEqual(work(20) * 1.5);
  });

  it('a shallow diamond within the budget still loads and validates', () => {
    const engine = engineFromSpec(parseSpec(diamondSpec(6), 'diamond-6.yaml'));
    const [generated] = fc.sample(eventArbitrary(engine.catalogue.get('probe/event'), { presence: 'full' }), { seed: 1, numRuns: 1 });
    expect(engine.validators.validateAs('probe/event', generated).valid).toBe(true);
  });
});
