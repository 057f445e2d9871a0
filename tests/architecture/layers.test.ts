import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkLayers, describeViolation, importsOfTree, type UnitImport } from './support/layerCheck';

/**
 * The declared order of src/, bottom first, in named tiers (README, "Layout"): a unit may import
 * units of its own tier or of tiers below, never of a tier above, and no units may import each
 * other in a cycle. A new top-level folder or file of src/ must be placed here.
 */
const TIERS: ReadonlyArray<{ readonly name: string; readonly units: readonly string[] }> = [
  {
    name: 'base: helpers every layer may use',
    units: [
      'errors.ts',
      'jsonPointer.ts',
      'text',
      'version.ts',
      'displayPath.ts',
      'generated',
      'integerInRange.ts',
      'optionRanges.ts',
      'requireOptional.ts',
      'childProgram.ts',
      'redaction',
      'serialise',
      'spec',
      'config',
    ],
  },
  // gridX's rules as data, and what a report is: everything above reads them, nothing restates them
  { name: 'contract and evidence', units: ['contract', 'evidence'] },
  { name: 'engine: schemas, signatures and generators from the spec', units: ['schemas', 'signing', 'arbitraries', 'engine.ts', 'typegen', 'specLint'] },
  { name: 'I/O: the delivery client and the reference receiver', units: ['delivery', 'receiver'] },
  { name: 'run: checks, findings and the runner', units: ['checks', 'findings', 'runner'] },
  { name: 'features', units: ['attest', 'reports', 'recheck', 'fleet', 'pact', 'diff', 'sender', 'jest', 'capacity'] },
  { name: 'entry points', units: ['cli', 'index.ts'] },
];

const SRC = join(__dirname, '..', '..', 'src');

describe('the layers of src/', () => {
  it('every import between top-level units of src/ goes down the declared order, with no cycle', () => {
    const imports = importsOfTree(SRC);
    // The scan finds the imports it must: a check over no edges would pass anything.
    expect(imports.some((i) => i.from === 'runner' && i.to === 'checks')).toBe(true);
    expect(imports.some((i) => i.from === 'index.ts' && i.to === 'runner')).toBe(true);
    expect(
      checkLayers(
        TIERS.map((tier) => tier.units),
        imports,
      ).map(describeViolation),
    ).toEqual([]);
  });

  it('places every top-level folder and file of src/ in exactly one tier', () => {
    const declared = TIERS.flatMap((tier) => tier.units);
    expect(new Set(declared).size).toBe(declared.length);
    const present = readdirSync(SRC).filter((name) => !name.startsWith('.'));
    expect([...declared].sort()).toEqual(present.sort());
  });
});

describe('checkLayers (the checker the test above relies on)', () => {
  const tiers = [['low'], ['mid', 'peer'], ['high']];
  const edge = (from: string, to: string, file = `${from}/x.ts`): UnitImport => ({ from, to, file });

  it('accepts imports that go down', () => {
    expect(checkLayers(tiers, [edge('high', 'mid'), edge('high', 'low'), edge('mid', 'low'), edge('peer', 'low')])).toEqual([]);
  });

  it('reports an upward import, naming every file that makes it', () => {
    const violations = checkLayers(tiers, [edge('mid', 'low'), edge('low', 'high', 'low/a.ts'), edge('low', 'high', 'low/b.ts')]);
    expect(violations).toEqual([{ kind: 'upward', from: 'low', to: 'high', files: ['low/a.ts', 'low/b.ts'] }]);
    expect(violations.map(describeViolation)).toEqual(['low imports high, which is above it: low/a.ts, low/b.ts']);
  });

  it('accepts an import between peers of one tier, and reports their cycle', () => {
    expect(checkLayers(tiers, [edge('mid', 'peer', 'mid/m.ts')])).toEqual([]);
    const violations = checkLayers(tiers, [edge('mid', 'peer', 'mid/m.ts'), edge('peer', 'mid', 'peer/p.ts')]);
    expect(violations).toEqual([{ kind: 'cycle', units: ['mid', 'peer'] }]);
  });

  it('reports a cycle through three units even among undeclared ones', () => {
    const violations = checkLayers([], [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')]);
    expect(violations.filter((v) => v.kind === 'cycle')).toEqual([{ kind: 'cycle', units: ['a', 'b', 'c'] }]);
    expect(violations.filter((v) => v.kind === 'undeclared').map((v) => v.unit)).toEqual(['a', 'b', 'c']);
  });
});
