import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLayers, describeViolation, importsOfTree, type UnitImport } from './support/layerCheck';

/**
 * The declared order of src/, bottom first: a unit may import only units of tiers below its own
 * (README, "Layout"). A new top-level folder or file of src/ must be placed here.
 */
const TIERS: readonly (readonly string[])[] = [
  // leaf helpers every layer may use
  ['errors.ts', 'jsonPointer.ts', 'text', 'version.ts', 'displayPath.ts', 'generated'],
  ['redaction', 'requireOptional.ts', 'serialise', 'spec', 'integerInRange.ts'],
  ['schemas', 'signing', 'optionRanges.ts', 'config'],
  ['engine.ts', 'arbitraries', 'delivery', 'receiver'],
  // what a report is (report.json's types and its one assembly) sits below everything that fills,
  // reads or writes reports, checks included: a check's outcome is made of its failures
  ['evidence'],
  ['specLint', 'checks', 'typegen', 'contracts'],
  ['findings'],
  ['runner'],
  ['attest'],
  ['reports'],
  ['recheck'],
  ['fleet', 'pact', 'diff', 'sender', 'jest', 'capacity'],
  ['cli'],
  ['index.ts'],
];

const SRC = join(__dirname, '..', '..', 'src');

/**
 * evidence/ names requirement IDs, which live in checks/requirements.ts until issue 19's contract/
 * holds both sides' requirement lists (a parallel branch). Until then that one module is the only
 * upward import allowed, and only from evidence/: once contract/ lands, this goes.
 */
function awaitingContract(i: UnitImport): boolean {
  if (i.from !== 'evidence' || i.to !== 'checks') return false;
  const text = readFileSync(join(SRC, i.file), 'utf8');
  return [...text.matchAll(/from '\.\.\/checks\/([^']*)'/g)].every((m) => m[1] === 'requirements');
}

describe('the layers of src/', () => {
  it('every import between top-level units of src/ goes down the declared order, with no cycle', () => {
    const imports = importsOfTree(SRC);
    // The scan finds the imports it must: a check over no edges would pass anything.
    expect(imports.some((i) => i.from === 'runner' && i.to === 'checks')).toBe(true);
    expect(imports.some((i) => i.from === 'index.ts' && i.to === 'runner')).toBe(true);
    expect(
      checkLayers(
        TIERS,
        imports.filter((i) => !awaitingContract(i)),
      ).map(describeViolation),
    ).toEqual([]);
  });

  it('places every top-level folder and file of src/ in exactly one tier', () => {
    const declared = TIERS.flat();
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
    expect(violations.map(describeViolation)).toEqual(['low imports high, which is not below it: low/a.ts, low/b.ts']);
  });

  it('reports an import between peers of one tier, and their cycle', () => {
    const violations = checkLayers(tiers, [edge('mid', 'peer', 'mid/m.ts'), edge('peer', 'mid', 'peer/p.ts')]);
    expect(violations).toEqual([
      { kind: 'upward', from: 'mid', to: 'peer', files: ['mid/m.ts'] },
      { kind: 'upward', from: 'peer', to: 'mid', files: ['peer/p.ts'] },
      { kind: 'cycle', units: ['mid', 'peer'] },
    ]);
  });

  it('reports a cycle through three units even among undeclared ones', () => {
    const violations = checkLayers([], [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')]);
    expect(violations.filter((v) => v.kind === 'cycle')).toEqual([{ kind: 'cycle', units: ['a', 'b', 'c'] }]);
    expect(violations.filter((v) => v.kind === 'undeclared').map((v) => v.unit)).toEqual(['a', 'b', 'c']);
  });
});
